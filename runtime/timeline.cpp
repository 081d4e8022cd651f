// Names of the timeline IR's enums, as they appear in JSON, text and dumps, and where its blocks start.
#include "runtime/timeline.hpp"

#include <algorithm>

namespace reps::timeline {

const char* to_string(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::work: return "work";
        case SegmentKind::rest: return "rest";
        case SegmentKind::switch_: return "switch";
        case SegmentKind::transition: return "transition";
    }
    return "work";
}

const char* to_string(Phase phase) {
    switch (phase) {
        case Phase::warmup: return "warmup";
        case Phase::main: return "main";
        case Phase::cooldown: return "cooldown";
    }
    return "main";
}

// Side::none is "" so that callers can print a side without testing for it first.
const char* to_string(Side side) {
    switch (side) {
        case Side::none: return "";
        case Side::left: return "left";
        case Side::right: return "right";
    }
    return "";
}

const char* to_string(Block::Kind kind) {
    switch (kind) {
        case Block::Kind::prescription: return "prescription";
        case Block::Kind::superset: return "superset";
        case Block::Kind::circuit: return "circuit";
        case Block::Kind::intervals: return "intervals";
        case Block::Kind::tabata: return "tabata";
        case Block::Kind::emom: return "emom";
        case Block::Kind::amrap: return "amrap";
        case Block::Kind::rest: return "rest";
        case Block::Kind::note: return "note";
    }
    return "prescription";
}

// A binary search: a player or sheet asks at every segment, and a workout may have 100,000.
std::span<const Block> blocks_starting_at(const Timeline& timeline, std::size_t index) {
    const auto first_segment = [](const Block& block) { return static_cast<std::size_t>(std::max(block.first_segment, 0)); };
    const auto found = std::ranges::equal_range(timeline.blocks, index, std::ranges::less{}, first_segment);
    return {found.begin(), found.end()};
}

}  // namespace reps::timeline
