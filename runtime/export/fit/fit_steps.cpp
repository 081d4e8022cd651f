// Timeline segments to FIT workout steps. Repeat structure is found from the segments themselves
// (the smallest period of a block's step list), so every block kind folds the same way and the
// expanded steps always equal the timeline, last set without its rest included.
#include "runtime/export/fit/fit_steps.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace reps::fit {

namespace {

using timeline::Block;
using timeline::Load;
using timeline::Segment;
using timeline::SegmentKind;

constexpr double kilograms_per_pound = 0.45359237;
constexpr double heaviest_weight = 655.34;  // uint16 at scale 100, 0xFFFF being "invalid"

std::string duration_text(std::int64_t seconds) {
    if (seconds % 60 == 0) return fmt::format("{}min", seconds / 60);
    if (seconds > 60) return fmt::format("{}min{}s", seconds / 60, seconds % 60);
    return fmt::format("{}s", seconds);
}

// Cuts `text` to at most `bytes` bytes without splitting a UTF-8 character.
bool truncate_utf8(std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return false;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return true;
}

class Planner {
public:
    explicit Planner(const timeline::Timeline& t) : t_(t) {}

    StepPlan plan() {
        collect_notes();
        const auto& segments = t_.segments;
        for (std::size_t i = 0; i < segments.size();) {
            const int b = segments[i].block;
            const bool starts_block = b >= 0 && static_cast<std::size_t>(b) < t_.blocks.size() &&
                                      t_.blocks[b].first_segment == static_cast<int>(i) &&
                                      t_.blocks[b].segment_count > 0 &&
                                      i + static_cast<std::size_t>(t_.blocks[b].segment_count) <= segments.size();
            const std::size_t count = starts_block ? static_cast<std::size_t>(t_.blocks[b].segment_count) : 1;
            plan_range(i, count);
            i += count;
        }
        if (!trailing_notes_.empty()) {
            // A note after the last work segment goes with the last step a watch shows (not a repeat).
            auto last = std::find_if(out_.steps.rbegin(), out_.steps.rend(), [](const Step& step) {
                return step.duration != Duration::repeat_until_steps_cmplt;
            });
            if (last == out_.steps.rend()) {
                warn(fmt::format("note '{}' has no step to go with and is left out", trailing_notes_));
            } else {
                append_note(*last, trailing_notes_);
            }
        }
        for (Step& step : out_.steps) {
            if (truncate_utf8(step.notes, max_text_bytes)) {
                warn(fmt::format("notes of step '{}' cut to {} bytes, the most a FIT text field holds", step.name,
                                 max_text_bytes));
            }
            if (truncate_utf8(step.name, max_text_bytes)) warn("a step name was cut to 254 bytes");
        }
        return std::move(out_);
    }

private:
    // A note between blocks goes into the notes of the next work step (FIT has no note step).
    void collect_notes() {
        for (const Block& block : t_.blocks) {
            if (block.kind != Block::Kind::note || block.text.empty()) continue;
            std::size_t at = static_cast<std::size_t>(std::max(block.first_segment, 0));
            while (at < t_.segments.size() && t_.segments[at].kind != SegmentKind::work) ++at;
            if (at < t_.segments.size()) {
                auto& slot = notes_before_[at];
                slot += (slot.empty() ? "" : "; ") + block.text;
            } else {
                trailing_notes_ += (trailing_notes_.empty() ? "" : "; ") + block.text;
            }
        }
    }

    static void append_note(Step& step, const std::string& note) {
        step.notes += (step.notes.empty() ? "" : "; ") + note;
    }

    void plan_range(std::size_t first, std::size_t count) {
        std::vector<Step> steps;
        for (std::size_t k = 0; k < count; ++k) steps.push_back(step_of(t_.segments[first + k]));
        // The smallest period p with steps[k] == steps[k - p] for every k >= p.
        std::size_t period = count;
        for (std::size_t p = 1; p <= count / 2 && period == count; ++p) {
            bool periodic = true;
            for (std::size_t k = p; k < count && periodic; ++k) periodic = steps[k] == steps[k - p];
            if (periodic) period = p;
        }
        const std::size_t rounds = count / period;
        if (rounds < 2) {
            for (std::size_t k = 0; k < count; ++k) emit(steps[k], first + k);
            return;
        }
        const auto body_start = static_cast<std::uint32_t>(out_.steps.size());
        for (std::size_t k = 0; k < period; ++k) emit(steps[k], first + k);
        Step repeat;
        repeat.duration = Duration::repeat_until_steps_cmplt;
        repeat.duration_value = body_start;
        repeat.repeat_count = static_cast<std::uint32_t>(rounds);
        out_.steps.push_back(repeat);
        for (std::size_t k = rounds * period; k < count; ++k) emit(steps[k - rounds * period], first + k);
    }

    void emit(Step step, std::size_t segment_index) {
        if (auto note = notes_before_.find(segment_index); note != notes_before_.end()) {
            step.notes = note->second + (step.notes.empty() ? "" : "; ") + step.notes;
        }
        out_.steps.push_back(std::move(step));
    }

    const Block* block_of(const Segment& segment) const {
        if (segment.block < 0 || static_cast<std::size_t>(segment.block) >= t_.blocks.size()) return nullptr;
        return &t_.blocks[segment.block];
    }

    Step step_of(const Segment& segment) const {
        Step step;
        step.duration = Duration::time;
        step.duration_value = static_cast<std::uint32_t>(segment.duration * 1000);
        if (segment.kind != SegmentKind::work) {
            step.name = segment.kind == SegmentKind::switch_      ? "Switch sides"
                        : segment.kind == SegmentKind::transition ? "Transition"
                                                                  : "Rest";
            step.intensity = Intensity::rest;
            return step;
        }
        step.intensity = segment.phase == timeline::Phase::warmup     ? Intensity::warmup
                         : segment.phase == timeline::Phase::cooldown ? Intensity::cooldown
                                                                      : Intensity::active;
        const Block* block = block_of(segment);
        if (block != nullptr && block->kind == Block::Kind::amrap) return amrap_step(segment, *block, step);

        step.name = segment.title;
        if (segment.seconds) {
            step.duration_value = static_cast<std::uint32_t>(*segment.seconds * 1000);
        } else if (segment.reps) {
            step.duration = Duration::reps;
            step.duration_value = static_cast<std::uint32_t>(*segment.reps);
        }
        step.exercise = exercise_of(segment);

        std::vector<std::string> notes;
        if (segment.cue) notes.push_back(*segment.cue);
        if (segment.side == timeline::Side::left) notes.push_back("left side");
        if (segment.side == timeline::Side::right) notes.push_back("right side");
        const timeline::BlockEntry* entry = entry_of(segment, block);
        if (entry != nullptr && entry->sides == "alt") notes.push_back("alternate sides");
        if (segment.as_many_as_possible) notes.push_back("max reps");
        if (segment.reps && !segment.amount_text.empty() && segment.amount_text != std::to_string(*segment.reps)) {
            notes.push_back(segment.amount_text + " reps");
            warn(segment, fmt::format("'{}' {} reps: a FIT step counts a fixed number of reps, so the watch asks for "
                                      "{} and '{}' is only in the step notes",
                                      segment.exercise, segment.amount_text, *segment.reps, segment.amount_text));
        }
        if (entry != nullptr && !entry->tempo.empty()) notes.push_back("tempo " + entry->tempo);
        if (entry != nullptr && entry->hold > 0) notes.push_back("hold " + duration_text(entry->hold) + " every rep");
        if (segment.load) add_load(segment, *segment.load, step, notes);
        if (block != nullptr && block->kind == Block::Kind::emom) {
            warn(*block, "emom: a FIT step cannot rest until the minute is up, so the watch rests the timeline's "
                         "estimate after each set");
        }
        for (const std::string& note : notes) append_note(step, note);
        return step;
    }

    Step amrap_step(const Segment& segment, const Block& block, Step step) const {
        step.name = "AMRAP";
        if (segment.cue) step.notes = *segment.cue;
        warn(block, fmt::format("amrap: FIT has no as-many-rounds-as-possible step; it is one {} timed step with "
                                "the exercises, amounts and loads in its notes",
                                duration_text(segment.duration)));
        return step;
    }

    std::optional<ExerciseId> exercise_of(const Segment& segment) const {
        if (segment.fit_category.empty() || segment.fit_name.empty()) {
            warn(segment, fmt::format("exercise '{}' has no FIT mapping (no 'fit' line in its catalog entry); "
                                      "its steps carry only the name '{}'",
                                      segment.exercise, segment.title));
            return std::nullopt;
        }
        auto id = find_exercise_id(segment.fit_category, segment.fit_name);
        if (!id) {
            warn(segment, fmt::format("exercise '{}': FIT mapping '{} / {}' is not in the FIT id table "
                                      "(runtime/export/fit/fit_names.tsv); its steps carry only the name '{}'",
                                      segment.exercise, segment.fit_category, segment.fit_name, segment.title));
        }
        return id;
    }

    const timeline::BlockEntry* entry_of(const Segment& segment, const Block* block) const {
        if (block == nullptr) return nullptr;
        for (const auto& entry : block->entries) {
            if (entry.exercise == segment.exercise) return &entry;
        }
        return nullptr;
    }

    void add_load(const Segment& segment, const Load& load, Step& step, std::vector<std::string>& notes) const {
        switch (load.kind) {
            case Load::Kind::bodyweight: return;
            case Load::Kind::percent_1rm:
                notes.push_back("@" + load.text + " of 1RM");
                warn(segment, fmt::format("'{}' @{}: a FIT weight is a mass, so the percentage of 1RM is only in "
                                          "the step notes",
                                          segment.exercise, load.text));
                return;
            case Load::Kind::rpe:
            case Load::Kind::rir:
                notes.push_back("@" + load.text);
                warn(segment, fmt::format("'{}' @{}: FIT has no effort target, so {} is only in the step notes",
                                          segment.exercise, load.text,
                                          load.kind == Load::Kind::rpe ? "the RPE" : "the RIR"));
                return;
            case Load::Kind::mass:
            case Load::Kind::pair:
            case Load::Kind::bodyweight_plus: break;
        }
        // A pair is written per implement (what a dumbbell exercise shows), a vest as the added mass.
        if (load.kind != Load::Kind::mass) notes.push_back("@" + load.text);
        const bool pounds = load.unit == "lb";
        const double kilograms = pounds ? load.value * kilograms_per_pound : load.value;
        if (kilograms > heaviest_weight || kilograms < 0) {
            if (load.kind == Load::Kind::mass) notes.push_back("@" + load.text);
            warn(segment, fmt::format("'{}' @{}: FIT weights stop at 655.34kg; the load is only in the step notes",
                                      segment.exercise, load.text));
            return;
        }
        step.weight = static_cast<std::uint16_t>(std::lround(kilograms * 100));
        step.weight_unit = pounds ? WeightUnit::pound : WeightUnit::kilogram;
    }

    // A warning goes out once per place: its origin (where the entry or block is written, which
    // the driver turns into the diagnostic's position) and its text.
    void warn(const Segment& segment, const std::string& text) const { warn(text, segment.origin); }
    void warn(const Block& block, const std::string& text) const { warn(text, block.origin); }
    void warn(const std::string& text, const timeline::Origin& origin = {}) const {
        const std::string key = fmt::format("{}:{}:{}: {}", origin.file, origin.line, origin.column, text);
        if (!warned_.insert(key).second) return;
        out_.warnings.push_back(text);
        out_.warning_origins.push_back(origin);
    }

    const timeline::Timeline& t_;
    std::map<std::size_t, std::string> notes_before_;  // segment index -> notes that precede it
    std::string trailing_notes_;
    // step_of is called on every segment while planning; warnings collect as a side effect.
    mutable StepPlan out_;
    mutable std::set<std::string> warned_;
};

}  // namespace

StepPlan plan_steps(const timeline::Timeline& timeline) { return Planner(timeline).plan(); }

}  // namespace reps::fit
