// The calendar event's session summary (see ics_description.hpp). Plain ASCII punctuation and
// short lines: Google Calendar, Apple Calendar and Outlook all show DESCRIPTION as plain text
// with its line breaks, and wrap long lines where they like.
#include "runtime/export/ics/ics_description.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/export/text/text_export.hpp"

namespace reps {

namespace {

using timeline::Block;
using timeline::BlockEntry;

// "45s" under a minute, the clock from a minute on: the sheet's and the text timeline's format.
std::string length(std::int64_t seconds) {
    return seconds < 60 ? fmt::format("{}s", seconds) : format_clock(seconds);
}

// Calendars show a description as lines: a user's line break must not start a new one.
std::string one_line(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    return text;
}

bool is_rep_count(const std::string& amount) {
    return !amount.empty() && std::all_of(amount.begin(), amount.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+';
    });
}

// "3 x 12 each side @16kg, tempo 3-1-1-0, hold 2s": `sets` 0 prints the amount alone.
std::string dose(const BlockEntry& entry, int sets) {
    std::string out = sets > 1 ? fmt::format("{} x {}", sets, entry.amount_text) : entry.amount_text;
    if (sets <= 1 && is_rep_count(entry.amount_text)) out += entry.amount_text == "1" ? " rep" : " reps";
    if (entry.sides == "each") out += " each side";
    if (entry.sides == "alt") out += " alternating";
    if (entry.load) out += " @" + entry.load->text;
    if (!entry.tempo.empty()) out += ", tempo " + entry.tempo;
    if (entry.hold > 0) out += ", hold " + length(entry.hold);
    return one_line(out);
}

std::string title(const BlockEntry& entry) { return one_line(entry.title.empty() ? entry.exercise : entry.title); }

std::string cue(const BlockEntry& entry) {
    return entry.cue && !entry.cue->empty() ? " \"" + one_line(*entry.cue) + "\"" : "";
}

std::string group_line(const Block& block) {
    const std::string rounds = fmt::format("{} round{}", block.sets, block.sets == 1 ? "" : "s");
    std::string head;
    switch (block.kind) {
        case Block::Kind::superset: head = "Superset, " + rounds; break;
        case Block::Kind::circuit: head = "Circuit, " + rounds; break;
        case Block::Kind::intervals:
        case Block::Kind::tabata:
            head = fmt::format("{}, {} of {} on / {} off", block.kind == Block::Kind::tabata ? "Tabata" : "Intervals",
                               rounds, length(block.work), length(block.rest));
            break;
        case Block::Kind::emom: head = "EMOM " + length(block.work); break;
        default: head = "AMRAP " + length(block.work); break;
    }
    if ((block.kind == Block::Kind::superset || block.kind == Block::Kind::circuit) && block.sets > 1 && block.rest > 0) {
        head += ", rest " + length(block.rest);
    }
    std::string out = "- " + head + ":";
    const bool timed_group = block.kind == Block::Kind::intervals || block.kind == Block::Kind::tabata;
    for (std::size_t i = 0; i < block.entries.size(); ++i) {
        const BlockEntry& entry = block.entries[i];
        out += (i == 0 ? " " : " / ") + title(entry);
        if (!timed_group && !entry.amount_text.empty()) out += " " + dose(entry, 0);
    }
    return out;
}

std::string block_line(const Block& block) {
    switch (block.kind) {
        case Block::Kind::prescription: {
            if (block.entries.empty()) return {};
            const BlockEntry& entry = block.entries.front();
            std::string out = "- " + title(entry) + ": " + dose(entry, block.sets);
            if (block.sets > 1 && block.rest > 0) out += ", rest " + length(block.rest);
            return out + cue(entry);
        }
        case Block::Kind::rest: return "- Rest " + length(block.work > 0 ? block.work : block.duration);
        case Block::Kind::note: return "Note: " + one_line(block.text);
        default: return group_line(block);
    }
}

// As the text timeline and the JSON count it: the segments of the phase, the transition into it
// included, so that the phases add up to the total.
std::int64_t phase_length(const timeline::Timeline& timeline, timeline::Phase phase) {
    std::int64_t seconds = 0;
    for (const timeline::Segment& segment : timeline.segments) {
        if (segment.phase == phase) seconds += segment.duration;
    }
    return seconds;
}

const char* phase_title(timeline::Phase phase) {
    switch (phase) {
        case timeline::Phase::warmup: return "Warm-up";
        case timeline::Phase::main: return "Main work";
        case timeline::Phase::cooldown: return "Cool-down";
    }
    return "Main work";
}

// The printable timeline (`--to text`), without its last line end.
std::string printable_timeline(const timeline::Timeline& timeline) {
    std::string text = to_text(timeline);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

std::string session_summary(const timeline::Timeline& timeline) {
    std::string out = fmt::format("{}, week {}: {}", one_line(timeline.title.empty() ? timeline.workout : timeline.title),
                                  timeline.week, format_clock(timeline.total_seconds));
    const bool titled = timeline.equipment_titles.size() == timeline.equipment.size();
    for (std::size_t i = 0; i < timeline.equipment.size(); ++i) {
        out += i == 0 ? "\nEquipment: " : ", ";
        out += one_line(titled && !timeline.equipment_titles[i].empty() ? timeline.equipment_titles[i] : timeline.equipment[i]);
    }
    const auto& blocks = timeline.blocks;
    for (std::size_t i = 0; i < blocks.size();) {
        std::size_t end = i;
        while (end < blocks.size() && blocks[end].phase == blocks[i].phase) ++end;
        out += fmt::format("\n\n{} ({})", phase_title(blocks[i].phase), length(phase_length(timeline, blocks[i].phase)));
        for (; i < end; ++i) {
            if (const std::string line = block_line(blocks[i]); !line.empty()) out += "\n" + line;
        }
    }
    return out;
}

}  // namespace

std::string session_description(const timeline::Timeline& timeline) {
    if (timeline.blocks.empty()) return printable_timeline(timeline);
    return session_summary(timeline) + "\n\n" + printable_timeline(timeline);
}

}  // namespace reps
