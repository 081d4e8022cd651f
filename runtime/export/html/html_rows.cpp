// The table of a workout sheet: a section per phase, one row per block with its dose, load,
// tempo, rest and cue, grouped rows for supersets, circuits, intervals, EMOMs and AMRAPs, and
// an empty box per set (or round) to log what was done.
#include <algorithm>

#include <fmt/format.h>

#include "runtime/export/html/html_export.hpp"
#include "runtime/export/html/html_internal.hpp"
#include "runtime/export/text/text_export.hpp"

namespace reps::html {

namespace {

using timeline::Block;
using timeline::BlockEntry;

constexpr int column_count = 7;

const char* phase_title(timeline::Phase phase) {
    switch (phase) {
        case timeline::Phase::warmup: return "Warm-up";
        case timeline::Phase::main: return "Main work";
        case timeline::Phase::cooldown: return "Cool-down";
    }
    return "Main work";
}

bool is_rep_count(std::string_view amount) {
    return !amount.empty() && std::all_of(amount.begin(), amount.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+';
    });
}

// "bw+10kg" -> "BW+10kg", "rpe 8" -> "RPE 8": the abbreviations a coach prints in capitals.
std::string load_text(const timeline::Load& load) {
    std::string text = load.text;
    for (const std::string_view prefix : {"bw", "rpe", "rir"}) {
        if (text.starts_with(prefix)) {
            std::transform(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(prefix.size()), text.begin(),
                           [](char c) { return static_cast<char>(c - 'a' + 'A'); });
            break;
        }
    }
    return html_escape(text);
}

// What a log box asks for: weight and reps when the set is loaded, reps when it is counted,
// a tick when it is timed; each-side work has a half per side (left | right), where the reps
// (or the tick) of each side go.
const char* box_kind(const BlockEntry& entry) {
    if (entry.sides == "each") return "sides";
    if (entry.load && entry.load->kind != timeline::Load::Kind::bodyweight) return "split";
    if (is_rep_count(entry.amount_text) || entry.amount_text.empty()) return "reps";
    return "tick";
}

// Boxes numbered by the sets (or rounds, or minutes) they stand for.
std::string boxes(const std::vector<int>& numbers, const char* kind) {
    // Narrower boxes once the full-size ones would wrap in the column (4 wide ones, 5 small ones).
    const bool wide = std::string_view(kind) == "split" || std::string_view(kind) == "sides";
    const std::size_t fit = wide ? 3 : 4;
    std::string out = numbers.size() > fit ? "<div class=\"boxes many\">" : "<div class=\"boxes\">";
    const char* sides = std::string_view(kind) == "sides" ? "<b>L</b><b>R</b>" : "";
    for (const int number : numbers) out += fmt::format("<span class=\"box {}\"><i>{}</i>{}</span>", kind, number, sides);
    return out + "</div>";
}

std::vector<int> one_to(int count) {
    std::vector<int> numbers;
    for (int i = 1; i <= count; ++i) numbers.push_back(i);
    return numbers;
}

std::string exercise_cell(const BlockEntry& entry) {
    std::string out = "<td class=\"ex\"><b>" + html_escape(entry.title.empty() ? entry.exercise : entry.title) + "</b>";
    if (entry.cue && !entry.cue->empty()) out += "<span class=\"cue\">&ldquo;" + html_escape(*entry.cue) + "&rdquo;</span>";
    // The options the coach allows instead, each with its own load and cue when it has them.
    if (!entry.alternatives.empty()) out += "<span class=\"alts\">";
    for (const auto& alternative : entry.alternatives) {
        out += "<span class=\"alt\">or " + html_escape(alternative.title.empty() ? alternative.exercise : alternative.title);
        if (alternative.load) out += " @" + load_text(*alternative.load);
        if (alternative.cue && !alternative.cue->empty()) {
            out += " <span class=\"cue\">&ldquo;" + html_escape(*alternative.cue) + "&rdquo;</span>";
        }
        out += "</span>";
    }
    if (!entry.alternatives.empty()) out += "</span>";
    return out + "</td>";
}

std::string side_badge(const BlockEntry& entry) {
    if (entry.sides == "each") return "<span class=\"side\">each side</span>";
    if (entry.sides == "alt") return "<span class=\"side\">alternating</span>";
    return {};
}

// "3 &times; 12", "5min", "20 reps"; `count` 0 prints the amount alone.
std::string dose(int count, std::string_view amount) {
    std::string text = html_escape(amount);
    if (count > 1) return fmt::format("{} &times; {}", count, text);
    if (amount == "1") return "1 rep";
    return is_rep_count(amount) ? text + " reps" : text;
}

// The cells after the exercise: dose, load, tempo (and hold), rest, log.
std::string detail_cells(const BlockEntry& entry, const std::string& dose_html, std::int64_t rest,
                         const std::string& log_html) {
    std::string out = "<td class=\"dose\" data-label=\"Sets\">" + dose_html + side_badge(entry) + "</td>";
    out += "<td class=\"load\" data-label=\"Load\">" + (entry.load ? load_text(*entry.load) : "") + "</td>";
    std::string tempo = html_escape(entry.tempo);
    if (entry.hold > 0) tempo += (tempo.empty() ? "" : "<br>") + fmt::format("hold {}", short_duration(entry.hold));
    out += "<td class=\"tempo\" data-label=\"Tempo\">" + tempo + "</td>";
    out += "<td class=\"rest\" data-label=\"Rest\">" + (rest > 0 ? short_duration(rest) : "") + "</td>";
    return out + "<td class=\"log\">" + log_html + "</td>";
}

std::string number_cell(const std::string& label, std::int64_t start) {
    return fmt::format("<td class=\"n\">{}<small>{}</small></td>", label, format_clock(start));
}

std::string single_row(const Block& block, int number) {
    if (block.entries.empty()) return {};
    const BlockEntry& entry = block.entries.front();
    std::string out = "<tr class=\"row\">" + number_cell(std::to_string(number), block.start) + exercise_cell(entry);
    out += detail_cells(entry, dose(block.sets, entry.amount_text), block.sets > 1 ? block.rest : 0,
                        boxes(one_to(block.sets), box_kind(entry)));
    return out + "</tr>\n";
}

// The head line of a group: what it is, its rounds and how it is timed.
std::string group_summary(const Block& block) {
    const std::string rounds = fmt::format("{} round{}", block.sets, block.sets == 1 ? "" : "s");
    switch (block.kind) {
        case Block::Kind::superset:
        case Block::Kind::circuit: {
            std::string text = fmt::format("<b class=\"kind\">{}</b> {}", block.kind == Block::Kind::superset ? "Superset" : "Circuit", rounds);
            if (block.sets > 1 && block.rest > 0) text += " &middot; rest " + short_duration(block.rest) + " between rounds";
            return text;
        }
        case Block::Kind::intervals:
        case Block::Kind::tabata:
            return fmt::format("<b class=\"kind\">{}</b> {} &middot; {} on / {} off, as many reps as you can",
                               block.kind == Block::Kind::tabata ? "Tabata" : "Intervals", rounds,
                               short_duration(block.work), short_duration(block.rest));
        case Block::Kind::emom:
            return fmt::format("<b class=\"kind\">EMOM</b> {} &middot; every minute on the minute, entries take turns",
                               short_duration(block.work));
        case Block::Kind::amrap:
            return fmt::format("<b class=\"kind\">AMRAP</b> {} &middot; as many rounds as possible",
                               short_duration(block.work));
        default: return {};
    }
}

// Rounds (or minutes) that entry `index` of `count` works when the entries take turns.
std::vector<int> turns_of(std::size_t index, std::size_t count, int rounds) {
    std::vector<int> numbers;
    for (int round = 1; round <= rounds; ++round) {
        if (static_cast<std::size_t>(round - 1) % count == index) numbers.push_back(round);
    }
    return numbers;
}

std::string group_rows(const Block& block, int number) {
    const bool amrap = block.kind == Block::Kind::amrap;
    // The clock goes beside the summary, not under the number, to keep the head row one line.
    std::string out = fmt::format(
        "<tr class=\"group-head\"><td class=\"n\">{}</td><td colspan=\"{}\">{}<span class=\"took\">{} &ndash; {} &middot; {}</span></td>",
        number, amrap ? column_count - 2 : column_count - 1, group_summary(block), format_clock(block.start),
        format_clock(block.start + block.duration), format_clock(block.duration));
    if (amrap) out += "<td class=\"log\"><div class=\"boxes\"><span class=\"box rounds\"><i>rounds</i></span></div></td>";
    out += "</tr>\n";
    const std::size_t count = block.entries.size();
    for (std::size_t i = 0; i < count; ++i) {
        const BlockEntry& entry = block.entries[i];
        const std::string label = count > 26 ? fmt::format("{}.{}", number, i + 1)
                                             : fmt::format("{}{}", number, static_cast<char>('a' + i));
        std::string dose_html;
        std::vector<int> numbers;
        switch (block.kind) {
            case Block::Kind::superset:
            case Block::Kind::circuit:
                dose_html = dose(block.sets, entry.amount_text);
                numbers = one_to(block.sets);
                break;
            case Block::Kind::intervals:
            case Block::Kind::tabata:
                numbers = turns_of(i, count, block.sets);
                dose_html = fmt::format("{} &times; {}", numbers.size(), short_duration(block.work));
                break;
            case Block::Kind::emom:
                numbers = turns_of(i, count, block.sets);
                dose_html = dose(static_cast<int>(numbers.size()), entry.amount_text);
                break;
            default:  // amrap: the round's amount; the rounds are logged on the head row
                dose_html = dose(0, entry.amount_text);
                break;
        }
        out += fmt::format("<tr class=\"row in-group\"><td class=\"n\">{}</td>", label) + exercise_cell(entry);
        out += detail_cells(entry, dose_html, 0, numbers.empty() ? std::string() : boxes(numbers, box_kind(entry)));
        out += "</tr>\n";
    }
    return out;
}

std::string phase_head(timeline::Phase phase, std::int64_t from, std::int64_t to) {
    return fmt::format("<tr class=\"phase-head\"><th colspan=\"{}\">{}<span class=\"span\">{} &ndash; {} &middot; {}</span></th></tr>\n",
                       column_count, phase_title(phase), format_clock(from), format_clock(to), format_clock(to - from));
}

}  // namespace

std::string block_table(const timeline::Timeline& timeline) {
    const std::vector<Block> blocks = printable_blocks(timeline);
    std::string out = "<table class=\"blocks\">\n<thead><tr><th class=\"n\">#</th><th class=\"ex\">Exercise</th>"
                      "<th class=\"dose\">Sets &times; reps</th><th class=\"load\">Load</th><th class=\"tempo\">Tempo</th>"
                      "<th class=\"rest\">Rest</th><th class=\"log\">Done <span>weight | reps</span></th></tr></thead>\n";
    int number = 0;
    for (std::size_t i = 0; i < blocks.size();) {
        // A section is a run of blocks in one phase; it spans their time, transitions included.
        std::size_t end = i;
        while (end < blocks.size() && blocks[end].phase == blocks[i].phase) ++end;
        const auto& last = blocks[end - 1];
        out += fmt::format("<tbody class=\"{}\">\n", timeline::to_string(blocks[i].phase));
        out += phase_head(blocks[i].phase, blocks[i].start, last.start + last.duration);
        for (; i < end; ++i) {
            const Block& block = blocks[i];
            switch (block.kind) {
                case Block::Kind::prescription: out += single_row(block, ++number); break;
                case Block::Kind::rest:
                    out += fmt::format("<tr class=\"pause\"><td class=\"n\"></td><td colspan=\"{}\">Rest {}</td></tr>\n",
                                       column_count - 1, short_duration(block.work > 0 ? block.work : block.duration));
                    break;
                case Block::Kind::note:
                    out += fmt::format("<tr class=\"note\"><td class=\"n\"></td><td colspan=\"{}\">", column_count - 1) +
                           html_escape(block.text) + "</td></tr>\n";
                    break;
                default: out += group_rows(block, ++number); break;
            }
        }
        out += "</tbody>\n";
    }
    return out + "</table>\n";
}

std::vector<Block> printable_blocks(const timeline::Timeline& timeline) {
    if (!timeline.blocks.empty()) return timeline.blocks;
    std::vector<Block> blocks;
    bool open = false;
    std::int64_t pending_rest = 0;
    int last_set = 0;
    for (const auto& segment : timeline.segments) {
        if (segment.kind != timeline::SegmentKind::work) {
            if (segment.kind == timeline::SegmentKind::rest) pending_rest = segment.duration;
            if (segment.kind == timeline::SegmentKind::transition) open = false;
            continue;
        }
        const bool continues = open && blocks.back().entries.front().exercise == segment.exercise &&
                               blocks.back().phase == segment.phase && segment.set >= last_set;
        if (continues) {
            if (segment.set > last_set) blocks.back().rest = pending_rest;
        } else {
            Block block;
            block.phase = segment.phase;
            block.sets = std::max(segment.sets, 1);
            block.start = segment.start;
            BlockEntry entry;
            entry.exercise = segment.exercise;
            entry.title = segment.title;
            entry.amount_text = segment.amount_text;
            entry.load = segment.load;
            entry.cue = segment.cue;
            block.entries.push_back(std::move(entry));
            blocks.push_back(std::move(block));
        }
        if (segment.side != timeline::Side::none) blocks.back().entries.front().sides = "each";
        blocks.back().duration = segment.start + segment.duration - blocks.back().start;
        last_set = segment.set;
        pending_rest = 0;
        open = true;
    }
    return blocks;
}

}  // namespace reps::html
