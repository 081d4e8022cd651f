// The player's words for segments, clocks and the summary (see player_text.hpp).
#include "runtime/player/player_text.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

namespace reps::player {

namespace {

// User strings may hold "\n" escapes and stray control bytes; a screen line must stay one line.
std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }, ' ');
    return out;
}

bool is_rep_count(std::string_view amount) {
    return !amount.empty() && std::all_of(amount.begin(), amount.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+';
    });
}

std::string plural(std::int64_t count, std::string_view noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// "30 seconds", "5 minutes", "1 minute 30 seconds": clocks and "30s" read badly aloud.
std::string spoken_duration(std::int64_t seconds) {
    if (seconds < 60) return plural(seconds, "second");
    std::string out = seconds >= 3600 ? plural(seconds / 3600, "hour") : "";
    if (seconds / 60 % 60 > 0) out += (out.empty() ? "" : " ") + plural(seconds / 60 % 60, "minute");
    if (seconds % 60 > 0) out += " " + plural(seconds % 60, "second");
    return out;
}

}  // namespace

std::string clock_text(std::int64_t seconds) {
    seconds = std::max<std::int64_t>(0, seconds);
    if (seconds >= 3600) return fmt::format("{}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::string plain_clock(std::int64_t seconds) {
    seconds = std::max<std::int64_t>(0, seconds);
    return fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

std::int64_t seconds_up(Millis millis) {
    return millis <= 0 ? 0 : (millis + 999) / 1000;
}

std::int64_t seconds_down(Millis millis) {
    return millis <= 0 ? 0 : millis / 1000;
}

std::string segment_title(const timeline::Segment& segment) {
    switch (segment.kind) {
        case timeline::SegmentKind::work: return one_line(segment.title.empty() ? segment.exercise : segment.title);
        case timeline::SegmentKind::rest: return "Rest";
        case timeline::SegmentKind::switch_: return "Switch sides";
        case timeline::SegmentKind::transition: return "Transition";
    }
    return "Rest";
}

std::string amount_phrase(const timeline::Segment& segment) {
    if (segment.kind != timeline::SegmentKind::work) return {};
    const std::string& amount = segment.amount_text;
    if (amount == "1") return "1 rep";
    if (amount == "max" || (amount.empty() && segment.as_many_as_possible)) return "max reps";
    if (is_rep_count(amount)) return amount + " reps";
    if (!amount.empty()) return one_line(amount);
    if (segment.reps) return plural(*segment.reps, "rep");
    if (segment.seconds) return clock_text(*segment.seconds);
    return {};
}

std::string dose_phrase(const timeline::Segment& segment) {
    std::string out = amount_phrase(segment);
    if (segment.kind == timeline::SegmentKind::work && segment.load) {
        out += (out.empty() ? "@" : " @") + one_line(segment.load->text);
    }
    return out;
}

namespace {

// The entry of the printable sheet a work segment comes from; null for pauses.
const timeline::BlockEntry* block_entry_of(const timeline::Timeline& timeline, const timeline::Segment& segment) {
    if (segment.kind != timeline::SegmentKind::work || segment.block < 0 ||
        static_cast<std::size_t>(segment.block) >= timeline.blocks.size()) {
        return nullptr;
    }
    const auto& entries = timeline.blocks[static_cast<std::size_t>(segment.block)].entries;
    const auto entry = std::find_if(entries.begin(), entries.end(),
                                    [&](const timeline::BlockEntry& e) { return e.exercise == segment.exercise; });
    return entry == entries.end() ? nullptr : &*entry;
}

}  // namespace

std::string sides_phrase(const timeline::Timeline& timeline, const timeline::Segment& segment) {
    const timeline::BlockEntry* entry = block_entry_of(timeline, segment);
    return entry != nullptr && entry->sides == "alt" ? "alternating sides" : "";
}

std::string form_phrase(const timeline::Timeline& timeline, const timeline::Segment& segment,
                        std::string_view separator) {
    const timeline::BlockEntry* entry = block_entry_of(timeline, segment);
    if (entry == nullptr) return {};
    std::string out;
    if (entry->hold > 0) {
        out = "hold " + (entry->hold < 60 ? fmt::format("{}s", entry->hold) : clock_text(entry->hold));
    }
    if (!entry->tempo.empty()) out += (out.empty() ? "" : std::string(separator)) + "tempo " + one_line(entry->tempo);
    return out;
}

std::vector<std::string> notes_at(const timeline::Timeline& timeline, int index) {
    if (index < 0 || static_cast<std::size_t>(index) > timeline.segments.size()) return {};
    std::vector<std::string> notes;
    for (const auto& block : timeline::blocks_starting_at(timeline, static_cast<std::size_t>(index))) {
        if (block.kind == timeline::Block::Kind::note) notes.push_back(one_line(block.text));
    }
    return notes;
}

std::string set_phrase(const timeline::Segment& segment) {
    if (segment.kind != timeline::SegmentKind::work || segment.sets <= 1) return {};
    return fmt::format("set {}/{}", segment.set, segment.sets);
}

std::string plain_line(const timeline::Timeline& timeline, int index, std::int64_t at_seconds) {
    const timeline::Segment& segment = timeline.segments.at(static_cast<std::size_t>(index));
    std::string line;
    for (const std::string& note : notes_at(timeline, index)) {
        line += fmt::format("[{}] note  {}\n", plain_clock(at_seconds), note);
    }
    line += fmt::format("[{}] {}  ", plain_clock(at_seconds), timeline::to_string(segment.kind));
    if (segment.kind != timeline::SegmentKind::work) return line + clock_text(segment.duration);
    line += segment_title(segment);
    for (const std::string& part : {set_phrase(segment), std::string(timeline::to_string(segment.side)),
                                    sides_phrase(timeline, segment), dose_phrase(segment), form_phrase(timeline, segment, "  ")}) {
        if (!part.empty()) line += "  " + part;
    }
    if (segment.cue) line += "  \"" + one_line(*segment.cue) + "\"";
    return line;
}

std::string spoken_cue(const timeline::Timeline& timeline, const timeline::Segment& segment, const timeline::Segment* next_work) {
    std::string text;
    const auto add = [&](const std::string& part) {
        if (!part.empty()) text += (text.empty() ? "" : ", ") + part;
    };
    if (segment.kind == timeline::SegmentKind::work) {
        if (segment.sets > 1) add(fmt::format("Set {} of {}", segment.set, segment.sets));
        if (segment.side != timeline::Side::none) add(std::string(timeline::to_string(segment.side)) + " side");
        add(sides_phrase(timeline, segment));
        const bool timed = segment.seconds && !segment.reps && !is_rep_count(segment.amount_text);
        if (segment.as_many_as_possible) {
            add("as many as possible");
        } else {
            add(timed ? spoken_duration(*segment.seconds) : amount_phrase(segment));
        }
        add(segment_title(segment));
        text += '.';
        if (segment.cue) text += ' ' + one_line(*segment.cue);
    } else {
        add(segment_title(segment));
        add(spoken_duration(segment.duration));
        text += '.';
        if (next_work != nullptr) text += " Next: " + segment_title(*next_work) + '.';
    }
    // A leading '-' would read as an option to espeak-ng.
    text.erase(0, text.find_first_not_of("- "));
    return text;
}

std::string summary_text(const timeline::Timeline& timeline, const Summary& summary) {
    std::string out = fmt::format("{} (week {}): {}\n", one_line(timeline.title.empty() ? timeline.workout : timeline.title),
                                  timeline.week, summary.completed ? "completed" : "stopped");
    out += fmt::format("  time worked  {}\n", clock_text(seconds_down(summary.worked)));
    out += fmt::format("  time rested  {}\n", clock_text(seconds_down(summary.rested)));
    if (summary.paused > 0) out += fmt::format("  paused       {}\n", clock_text(seconds_down(summary.paused)));
    out += fmt::format("  sets done    {} of {}\n", summary.sets_done, summary.sets_total);
    out += fmt::format("  skipped      {}\n", plural(summary.skipped, "segment"));
    return out;
}

}  // namespace reps::player
