// Draws one frame of the full-screen player as a string of text and ANSI escapes, from the state
// and the terminal size alone; the terminal code writes it, tests read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/player/player_state.hpp"

namespace reps::player {

struct ScreenSize {
    int columns = 80;
    int rows = 24;
};

struct ScreenStyle {
    bool color = true;    // colours by segment kind (off with NO_COLOR)
    bool unicode = true;  // block characters for digits and bars; '#' and '-' otherwise
};

// The frame's lines, each at most `size.columns` columns wide and at most `size.rows` of them,
// with colour escapes but no cursor movement.
std::vector<std::string> frame_lines(const PlayerState& state, ScreenSize size, const ScreenStyle& style);

// The whole frame, ready to write: cursor home, each line cleared to its end, the rest of the
// screen cleared, so a redraw never flickers and leaves nothing behind after a resize.
std::string render_frame(const PlayerState& state, ScreenSize size, const ScreenStyle& style);

// Columns `text` takes on screen: UTF-8 code points, not counting escape sequences.
int visible_width(std::string_view text);

}  // namespace reps::player
