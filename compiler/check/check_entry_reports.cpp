// What the entry checker reports, off its path for entries without a mistake: values out of range,
// an option named twice, an unknown exercise and the alternatives a profile could do instead.
#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/catalog/search.hpp"
#include "compiler/check/check_entry.hpp"
#include "compiler/check/limits.hpp"

namespace reps {

using limits::max_seconds;

// The option done is the first whose exercise has equipment the profile owns for a load of its
// kind (check, below). So an alternative naming the exercise of an earlier option again (or by an
// alias of it), with a load of the same kind, is never done, whatever the profile: a slip, like a
// name pasted twice. With a load of another kind it is a real choice
// (`bulgarian_split_squat 3x10 each @2x10kg or bulgarian_split_squat @bw`: bodyweight where there
// are no dumbbells), and gets no warning.
void EntryChecker::report_repeated_options(const ast::Prescription& prescription, std::span<const int> options) {
    // Most entries with alternatives name different exercises: a few comparisons say so.
    if (options.size() <= 4) {
        bool repeated = false;
        for (std::size_t i = 1; i < options.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) repeated = repeated || options[i] == options[j];
        }
        if (!repeated) return;
    }
    const ast::Modifiers& modifiers = *prescription.modifiers;
    const auto name_of = [&](std::size_t i) -> const ast::Name& {
        return i == 0 ? prescription.exercise : modifiers.alternatives[i - 1].name;
    };
    // The kind of load the option is done with: an alternative's own, else the prescription's
    // (SPEC 4.1), unless its equipment cannot take that one (W0103: done without it).
    const auto load_class_done = [&](std::size_t i) {
        const std::optional<ast::Load>& own = i == 0 ? modifiers.load : modifiers.alternatives[i - 1].modifiers->load;
        if (own) return load_class_of(&*own);
        const LoadClass inherited = load_class_of(modifiers.load ? &*modifiers.load : nullptr);
        return traits(options[i]).takes[inherited] ? inherited : no_load;
    };
    // Sorted, not compared pair by pair: a line may hold a million alternatives. Each option after
    // the first of a run of the same exercise and load kind repeats that first one.
    struct Option {
        int exercise;
        LoadClass load_class;
        std::size_t index;
        auto key() const { return std::tie(exercise, load_class, index); }
    };
    SmallVector<Option, 4> sorted;
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (options[i] >= 0) sorted.push_back(Option{options[i], load_class_done(i), i});  // else unknown: E0102
    }
    std::sort(sorted.begin(), sorted.end(), [](const Option& a, const Option& b) { return a.key() < b.key(); });
    for (std::size_t k = 1, first = 0; k < sorted.size(); ++k) {
        if (sorted[k].exercise != sorted[first].exercise || sorted[k].load_class != sorted[first].load_class) {
            first = k;
            continue;
        }
        report_repeated_option(name_of(sorted[k].index), name_of(sorted[first].index), sorted[first].index == 0,
                               sorted[k].exercise);
    }
}

void EntryChecker::report_repeated_option(const ast::Name& repeat, const ast::Name& first,
                                          bool first_is_written_exercise, int exercise) {
    std::string message;
    if (repeat.text != first.text) {
        message = fmt::format("alternative '{}' names the same exercise as '{}' before it: it is never chosen",
                              repeat.text, first.text);
    } else {
        message = fmt::format("alternative '{}' repeats {}: it is never chosen", repeat.text,
                              first_is_written_exercise ? "the exercise it is an alternative to"
                                                        : "an earlier alternative");
    }
    Diagnostic& diagnostic = diagnostics_.report(Code::W0104, repeat.span, std::move(message),
                                                 fmt::format("remove 'or {}', or name another exercise", repeat.text));
    if (repeat.text != first.text) {
        // Through an alias (`aka`): which exercise both are.
        diagnostic.notes.push_back(fmt::format("'{}' and '{}' both name the exercise '{}'", first.text, repeat.text,
                                               catalog_.exercises[static_cast<std::size_t>(exercise)].name));
    }
}

bool EntryChecker::check_written_modifier_values(const ast::Modifiers& modifiers, EntryContext context, bool alternative) {
    bool ok = true;
    for (const auto& span : modifiers.repeated) {
        diagnostics_.report(Code::E0206, span, "modifier given twice", "keep one of them");
    }
    if (modifiers.each.set && modifiers.alt.set) {
        diagnostics_.report(Code::E0204, modifiers.alt.span, "'each' together with 'alt'",
                          "'each' does every set once per side; 'alt' alternates sides within a set: choose one");
    }
    if (modifiers.tempo) {
        for (auto phase : modifiers.tempo->phases) {
            if (phase > 9) {
                diagnostics_.report(Code::E0305, modifiers.tempo->span, fmt::format("tempo phase {} is above 9", phase),
                                  "each tempo phase is 0-9 seconds, or x for explosive");
                ok = false;
                break;
            }
        }
    }
    if (modifiers.rest) {
        if (modifiers.rest->seconds == 0) {
            // What leaving the rest out would do there.
            diagnostics_.report(Code::E0304, modifiers.rest->span, "a rest of zero",
                                context != EntryContext::prescription ? "a rest on a block entry has no effect: remove it"
                                : alternative ? "a rest lasts at least 1s; without one, the alternative rests as the prescription does"
                                              : "a rest lasts at least 1s; without one, the sets rest the default rest");
        } else if (modifiers.rest->seconds > max_seconds) {
            diagnostics_.report(Code::E0303, modifiers.rest->span, "a rest runs up to 24h");
        }
        if (context != EntryContext::prescription) {
            diagnostics_.report(Code::W0102, modifiers.rest->span, "'rest' on a block entry has no effect",
                                "put the rest on the block: 'superset 3 rounds rest 90s { ... }'");
        }
    }
    if (modifiers.load && !load_in_range(*modifiers.load)) {
        report_load_out_of_range(*modifiers.load);
        ok = false;
    }
    // A duration's limit (SPEC 5.1); a set that a long hold makes longer than a day is refused
    // with the other sets too long, after the option is chosen.
    if (modifiers.hold && modifiers.hold->seconds > max_seconds) {
        diagnostics_.report(Code::E0303, modifiers.hold->span, "a hold runs up to 24h");
        ok = false;
    }
    return ok;
}

void EntryChecker::report_load_out_of_range(const ast::Load& load) {
    using Kind = ast::Load::Kind;
    const auto report = [&](std::string message, std::string help) { diagnostics_.report(Code::E0309, load.span, std::move(message), std::move(help)); };
    switch (load.kind) {
    case Kind::pair:
        if (load.pair_count != 2) {
            report(fmt::format("@{} is not a pair: a pair is two loads", load.text), "write a pair as @2x10kg, or one load as @10kg");
            return;
        }
        report(fmt::format("@{} is a pair of nothing", load.text), "give each of the two a mass, like @2x10kg");
        return;
    case Kind::bodyweight_plus:
        report(fmt::format("@{} adds nothing to the bodyweight", load.text), "write @bw, or add a mass above 0, like @bw+10kg");
        return;
    case Kind::percent_1rm: report(fmt::format("@{} of 1RM is no load", load.text), "give a percentage above 0, like @70%"); return;
    case Kind::rpe: report(fmt::format("@{} is out of range", load.text), "RPE runs from 1 to 10, like @rpe 8"); return;
    case Kind::rir: report(fmt::format("@{} is out of range", load.text), "RIR runs from 0 (no rep left) to 10, like @rir 2"); return;
    default: report(fmt::format("@{} is no load", load.text), "leave the load out, or write @bw for bodyweight"); return;
    }
}

std::vector<std::string> EntryChecker::fitting_alternatives(std::span<const int> options, LoadClass load_class) {
    const Exercise& written = catalog_.exercises[static_cast<std::size_t>(options[0])];
    const auto shared_primaries = [&](const Exercise& other) {
        return std::count_if(other.primary.begin(), other.primary.end(), [&](int m) {
            return std::find(written.primary.begin(), written.primary.end(), m) != written.primary.end();
        });
    };
    const auto linked = [&](int index) {  // an easier or harder variant the catalog names
        return std::find(written.easier.begin(), written.easier.end(), index) != written.easier.end() ||
               std::find(written.harder.begin(), written.harder.end(), index) != written.harder.end();
    };
    // Best first: a variant the catalog links, more primary muscles in common, the same movement
    // pattern, fewer primary muscles besides, then the name.
    using Key = std::tuple<bool, long, bool, long, std::string_view>;
    std::vector<std::pair<Key, int>> candidates;
    for (std::size_t i = 0; i < catalog_.exercises.size(); ++i) {
        const int index = static_cast<int>(i);
        const Exercise& other = catalog_.exercises[i];
        if (std::find(options.begin(), options.end(), index) != options.end()) continue;
        if (catalog_.find_exercise(other.name) != index) continue;  // shadowed by the user's
        const bool same_measure = other.measure == written.measure || other.measure == ast::Measure::reps_or_time ||
                                  written.measure == ast::Measure::reps_or_time;
        const long shared = shared_primaries(other);
        if (shared == 0 || !same_measure || !traits(index).fits[load_class]) continue;
        candidates.emplace_back(Key{!linked(index), -shared, other.pattern != written.pattern,
                                    static_cast<long>(other.primary.size()) - shared, other.name},
                                index);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::string> names;
    for (std::size_t i = 0; i < candidates.size() && i < max_exercise_suggestions; ++i) {
        names.push_back(catalog_.exercises[static_cast<std::size_t>(candidates[i].second)].name);
    }
    return names;
}

void EntryChecker::report_unknown_exercise(const ast::Name& name, std::string_view keyword) {
    auto& diagnostic = diagnostics_.report(Code::E0102, name.span, fmt::format("unknown exercise '{}'", name.text));
    // Ranked as `reps catalog NAME` ranks its matches, so the two agree; a keyword the statement
    // reads as comes first, and its edit is the fix.
    auto suggestions = suggest_exercises(catalog_, name.text);
    if (!keyword.empty()) {
        suggestions.insert(suggestions.begin(), std::string(keyword));
        if (suggestions.size() > max_exercise_suggestions) suggestions.resize(max_exercise_suggestions);
        diagnostic.fixes.push_back(FixIt{name.span, std::string(keyword)});
    }
    if (!suggestions.empty()) {
        diagnostic.help = did_you_mean(suggestions);
    } else {
        diagnostic.help = "`reps catalog TERM` searches the catalog; declare your own with `exercise`";
    }
}

}  // namespace reps
