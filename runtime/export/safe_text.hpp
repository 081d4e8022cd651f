// Text a user wrote, made safe for any output.
#pragma once

#include <string>
#include <string_view>

namespace reps {

// `text` with every control character replaced by a space: C0 (0x00-0x1F), DEL (0x7F) and the C1
// range U+0080-U+009F (UTF-8 C2 80 to C2 9F, which some terminals obey like ESC [). Nothing a
// title, cue or note holds can then drive a terminal (an escape sequence, a bell), break a
// calendar's TEXT value or a FIT string. With `keep_newlines`, '\n' stays (a multi-line
// description the exporter itself laid out). Never longer than `text`.
std::string without_control_characters(std::string_view text, bool keep_newlines = false);

}  // namespace reps
