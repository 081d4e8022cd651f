// Checks a prescription or block entry against the catalog (SPEC 5.1-5.3) and chooses its option.
#include "compiler/check/check_entry.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "compiler/catalog/search.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"
#include "compiler/check/limits.hpp"
#include "compiler/timing/timeline_walk.hpp"

namespace reps {
namespace {

using limits::max_reps;
using limits::max_seconds;
using limits::max_sets;
using limits::max_steps;

bool is_reps(ast::Amount::Kind kind) { return kind != ast::Amount::Kind::duration; }

// `rets 60s`: a workout's statement that reads as `rest DURATION` (a single duration and nothing
// else) under a name close to `rest` is most likely the keyword misspelt, not an exercise: it
// parsed as a prescription, so no syntax error named the keyword.
bool reads_as_misspelt_rest(const ast::Prescription& prescription) {
    const auto& dose = prescription.dose;
    if (!dose || dose->to || dose->from.sets || dose->from.amount.kind != ast::Amount::Kind::duration) return false;
    const ast::Modifiers& m = *prescription.modifiers;
    const bool has_modifiers = m.each.set || m.alt.set || m.load || m.rest || m.tempo || m.hold || m.cue ||
                               !m.alternatives.empty() || !m.repeated.empty();
    return !has_modifiers && closest_name(prescription.exercise.text, {"rest"}).has_value();
}

// Whether a load of this class can go on the set: added mass needs something to carry it (a
// vest, a belt), a pair of loads a loadable pair; bodyweight, %1RM, RPE and RIR say how hard, not
// with what.
bool takes_load(const Catalog& catalog, const EquipmentSet& set, bool pair) {
    return std::any_of(set.begin(), set.end(),
                       [&](int e) { return catalog.equipment[e].loadable && (!pair || catalog.equipment[e].pair); });
}

bool profile_has(const Catalog& catalog, int profile, const EquipmentSet& set) {
    if (profile < 0) return true;
    const auto& owned = catalog.profiles[profile].equipment;
    return std::includes(owned.begin(), owned.end(), set.begin(), set.end());
}

std::string equipment_text(const Catalog& catalog, const std::vector<EquipmentSet>& alternatives) {
    std::vector<std::string> parts;
    for (const auto& set : alternatives) {
        if (set.empty()) {
            parts.push_back("none");
            continue;
        }
        std::vector<std::string> names;
        for (int e : set) names.push_back(catalog.equipment[e].name);
        parts.push_back(fmt::format("{}", fmt::join(names, " + ")));
    }
    return fmt::format("{}", fmt::join(parts, " | "));
}

}  // namespace

// The modifiers one option is checked and lowered with: the prescription's, with those an
// alternative writes after its name replacing the ones of the same kind (`each` and `alt` are one
// kind: the sides), SPEC 4.1. Views of the AST.
struct EntryChecker::OptionModifiers {
    const ast::Flag* sides = nullptr;  // its `each` or `alt`, if any
    bool each = false;                 // which of the two `sides` is
    bool sides_inherited = false;
    const ast::Load* load = nullptr;
    bool load_inherited = false;
    const ast::Duration* rest = nullptr;
    const ast::Tempo* tempo = nullptr;
    const ast::Duration* hold = nullptr;
    const ast::Text* cue = nullptr;

    // The written exercise's: the prescription's own.
    static OptionModifiers of(const ast::Modifiers& written) {
        OptionModifiers result;
        if (written.each.set || written.alt.set) {
            result.sides = written.each.set ? &written.each : &written.alt;
            result.each = written.each.set;
        }
        result.load = written.load ? &*written.load : nullptr;
        result.rest = written.rest ? &*written.rest : nullptr;
        result.tempo = written.tempo ? &*written.tempo : nullptr;
        result.hold = written.hold ? &*written.hold : nullptr;
        result.cue = written.cue ? &*written.cue : nullptr;
        return result;
    }
    // An alternative's: its own, else what it inherits from the prescription.
    static OptionModifiers of(const ast::Modifiers& inherited, const ast::Modifiers& own) {
        OptionModifiers result = of(own);
        const OptionModifiers from = of(inherited);
        if (!result.sides && from.sides) {
            result.sides = from.sides;
            result.each = from.each;
            result.sides_inherited = true;
        }
        if (!result.load && from.load) {
            result.load = from.load;
            result.load_inherited = true;
        }
        if (!result.rest) result.rest = from.rest;
        if (!result.tempo) result.tempo = from.tempo;
        if (!result.hold) result.hold = from.hold;
        if (!result.cue) result.cue = from.cue;
        return result;
    }

    LoadClass load_class() const { return load_class_of(load); }
};

EntryChecker::LoadClass EntryChecker::load_class_of(const ast::Load* load) {
    if (!load) return no_load;
    switch (load->kind) {
    case ast::Load::Kind::mass:
    case ast::Load::Kind::bodyweight_plus: return mass_load;
    case ast::Load::Kind::pair: return pair_load;
    default: return no_load;
    }
}

EntryChecker::Traits EntryChecker::traits_of(const Catalog& catalog, int profile, int index) {
    Traits traits;
    const Exercise& exercise = catalog.exercises[static_cast<std::size_t>(index)];
    traits.known = true;
    traits.measure = exercise.measure;
    traits.sides = exercise.sides;
    traits.rep_seconds = exercise.rep_seconds;
    for (int load = 0; load < load_classes; ++load) {
        for (const auto& set : exercise.equipment) {
            if (load != no_load && !takes_load(catalog, set, load == pair_load)) continue;
            traits.takes[load] = true;
            if (profile_has(catalog, profile, set)) {
                traits.fits[load] = true;
                traits.fit_set[load] = set;
                break;
            }
        }
    }
    return traits;
}

EntryChecker::EntryChecker(const Catalog& catalog, Diagnostics& diagnostics, int profile)
    : catalog_(catalog), diagnostics_(diagnostics), profile_(profile) {
    const Catalog& stdlib = stdlib_catalog();
    if (profile < 0 && catalog.base() == &stdlib) {
        // Its equipment sets live in the stdlib catalog, which every file's catalog continues.
        struct Shared {
            std::vector<Traits> traits;
            std::vector<int> sets;  // the fitting sets, copied close together (they are read for every entry)
        };
        static const Shared stdlib_traits = [&] {
            Shared shared;
            std::size_t items = 0;
            for (std::size_t i = 0; i < stdlib.exercises.size(); ++i) {
                shared.traits.push_back(traits_of(stdlib, -1, static_cast<int>(i)));
                for (const auto& set : shared.traits.back().fit_set) items += set.size();
            }
            shared.sets.reserve(items);  // no reallocation: the spans point into it
            for (Traits& traits : shared.traits) {
                for (auto& set : traits.fit_set) {
                    const std::size_t begin = shared.sets.size();
                    shared.sets.insert(shared.sets.end(), set.begin(), set.end());
                    set = std::span<const int>(shared.sets.data() + begin, set.size());
                }
            }
            return shared;
        }();
        shared_ = stdlib_traits.traits.data();
        shared_count_ = stdlib_traits.traits.size();
    }
    own_.resize(catalog.exercises.size() - shared_count_);
}

const EntryChecker::Traits& EntryChecker::learn(int index) {
    return own_[static_cast<std::size_t>(index) - shared_count_] = traits_of(catalog_, profile_, index);
}

void EntryChecker::check(const ast::Prescription& prescription, EntryContext context, const checked::Defaults& defaults,
                         checked::Entry& entry) {
    entry.span = prescription.span;
    if (diagnostics_.stop_here(prescription.span)) return;  // exercise -1: not lowered
    const ast::Modifiers& modifiers = *prescription.modifiers;

    // Names: the exercise, then each alternative.
    // The written exercise, then each `or` alternative (no list built: this runs for every entry).
    const std::size_t option_count = 1 + modifiers.alternatives.size();
    const auto name_of = [&](std::size_t i) -> const ast::Name& {
        return i == 0 ? prescription.exercise : modifiers.alternatives[i - 1].name;
    };
    entry.options.reserve(option_count);
    bool resolved = true;
    for (std::size_t option = 0; option < option_count; ++option) {
        const ast::Name* name = &name_of(option);
        const int index = catalog_.find_exercise(name->text);
        if (index < 0) {
            const bool rest = option == 0 && context == EntryContext::prescription && reads_as_misspelt_rest(prescription);
            report_unknown_exercise(*name, rest ? "rest" : std::string_view{});
            resolved = false;
        }
        entry.options.push_back(index);
    }
    // Most entries have no alternative: no call for them.
    if (option_count > 1) report_repeated_options(prescription, std::span<const int>(entry.options.data(), option_count));

    // The prescription's modifiers, then each alternative's own (SPEC 4.1).
    if (!check_modifier_values(modifiers, context, false)) resolved = false;
    for (const ast::Alternative& alternative : modifiers.alternatives) {
        if (!check_modifier_values(*alternative.modifiers, context, true)) resolved = false;
    }

    // The dose and its progression.
    if (prescription.dose) {
        const auto& dose = *prescription.dose;
        auto check_part = [&](const ast::DosePart& part) {
            bool ok = true;
            if (part.sets && *part.sets >= 0 && (*part.sets < 1 || *part.sets > max_sets)) {
                diagnostics_.report(Code::E0301, part.sets_span, fmt::format("{} sets is out of range", *part.sets),
                                  "sets run from 1 to 100");
                ok = false;
            }
            const auto& amount = part.amount;
            if (amount.value < 0 || amount.upper < 0) return false;  // reported at parse time
            if (amount.kind == ast::Amount::Kind::duration) {
                if (amount.value < 1 || amount.value > max_seconds) {
                    diagnostics_.report(Code::E0303, amount.span, "a work duration runs from 1s to 24h");
                    ok = false;
                }
            } else if (amount.value < 1 || amount.upper > max_reps) {
                diagnostics_.report(Code::E0302, amount.span,
                                  fmt::format("{} reps is out of range", amount.value < 1 ? amount.value : amount.upper),
                                  "reps run from 1 to 1000");
                ok = false;
            } else if (amount.kind == ast::Amount::Kind::range && amount.value > amount.upper) {
                diagnostics_.report(Code::E0302, amount.span,
                                  fmt::format("rep range {}-{} runs backwards", amount.value, amount.upper),
                                  fmt::format("write {}-{}", amount.upper, amount.value));
                ok = false;
            }
            return ok;
        };
        bool ok = check_part(dose.from);
        if (dose.to) ok = check_part(*dose.to) && ok;
        auto step_of = [](const ast::DosePart& part) {
            return checked::DoseStep{part.sets.value_or(1),
                                     checked::Amount{part.amount.kind, part.amount.value, part.amount.upper}};
        };
        if (ok && dose.to) {
            const auto& from = dose.from;
            const auto& to = *dose.to;
            const bool plain = (from.amount.kind == ast::Amount::Kind::reps || from.amount.kind == ast::Amount::Kind::duration);
            if (!plain || from.amount.kind != to.amount.kind || from.sets.has_value() != to.sets.has_value()) {
                diagnostics_.report(Code::E0308, dose.span, "a progression runs between doses of the same form",
                                  "like 2x8 -> 3x12 or 3x30s -> 3x45s; ranges and N+ cannot progress");
                ok = false;
            } else if (to.sets.value_or(1) < from.sets.value_or(1) || to.amount.value < from.amount.value) {
                diagnostics_.report(Code::E0306, dose.span, "the progression goes down",
                                  "a progression starts at the easier dose: 2x8 -> 3x12");
                ok = false;
            }
            std::int64_t step = from.amount.kind == ast::Amount::Kind::duration ? 10 : 2;
            if (ok && dose.step) {
                if (dose.step->value < 1 || is_reps(dose.step->kind) != is_reps(from.amount.kind)) {
                    diagnostics_.report(Code::E0306, dose.step->span,
                                      is_reps(from.amount.kind) ? "the step of a reps progression is a number of reps, at least 1"
                                                                : "the step of a timed progression is a duration, at least 1s");
                    ok = false;
                }
                step = dose.step->value;
            }
            if (ok) {
                // Room for every step at once: growing the list step by step was an allocation for
                // each doubling, in every entry of a progression.
                const std::int64_t per_sets = (to.amount.value - from.amount.value + step - 1) / step + 1;
                const std::int64_t set_counts = to.sets.value_or(1) - from.sets.value_or(1) + 1;
                entry.steps.reserve(static_cast<std::size_t>(std::min<std::int64_t>(per_sets * set_counts, max_steps)));
                // Reps first, then sets: 2x8, 2x10, 2x12, 3x8, 3x10, 3x12.
                for (std::int64_t sets = from.sets.value_or(1); sets <= to.sets.value_or(1) && entry.steps.size() < max_steps; ++sets) {
                    for (std::int64_t value = from.amount.value; entry.steps.size() < max_steps;) {
                        entry.steps.push_back(checked::DoseStep{sets, checked::Amount{from.amount.kind, value, value}});
                        if (value >= to.amount.value) break;
                        value = std::min(value + step, to.amount.value);
                    }
                }
            }
        } else if (ok) {
            entry.steps.push_back(step_of(dose.from));
        }
        if (!ok) resolved = false;
    }

    if (!resolved) {
        entry.exercise = -1;
        return;
    }

    // Every option is type-checked against the prescription, with its own modifiers (SPEC 4.1).
    const bool timed_dose = !entry.steps.empty() && entry.steps.front().amount.kind == ast::Amount::Kind::duration;
    SmallVector<OptionModifiers, 2> effective;
    for (std::size_t i = 0; i < entry.options.size(); ++i) {
        effective.push_back(i == 0 ? OptionModifiers::of(modifiers) : OptionModifiers::of(modifiers, *modifiers.alternatives[i - 1].modifiers));
    }
    bool options_ok = true;
    SmallVector<const ast::Tempo*, 2> zero_tempos;  // reported already (E0305)
    for (std::size_t i = 0; i < entry.options.size(); ++i) {
        const Traits& exercise = traits(entry.options[i]);
        OptionModifiers& own = effective[i];
        const SourceSpan& where = name_of(i).span;
        // Only a diagnostic needs it.
        const auto who = [&] {
            return i == 0 ? fmt::format("'{}'", name_of(i).text) : fmt::format("alternative '{}'", name_of(i).text);
        };
        if (!entry.steps.empty() && context != EntryContext::intervals) {
            const SourceSpan& amount_span = prescription.dose->from.amount.span;
            if (!timed_dose && exercise.measure == ast::Measure::time) {
                diagnostics_.report(Code::E0201, i == 0 ? amount_span : where,
                                  fmt::format("{} is measured in time, but the dose is a number of reps", who()),
                                  "give a duration, like 3x30s");
                options_ok = false;
            } else if (timed_dose && exercise.measure == ast::Measure::reps) {
                diagnostics_.report(Code::E0202, i == 0 ? amount_span : where,
                                  fmt::format("{} is measured in reps, but the dose is a duration", who()),
                                  "give reps, like 3x12");
                options_ok = false;
            }
        }
        // A tempo of 0-0-0-0 leaves a rep no time unless a hold gives it some (SPEC 6: a+b+c+d, plus
        // h), judged on what the option does, inherited modifiers included (SPEC 4.1).
        if (own.tempo && timing::rep_seconds(0, own.tempo, own.hold ? own.hold->seconds : 0) == 0) {
            // Once per tempo written: the prescription's is every option's that has none of its own.
            if (std::find(zero_tempos.begin(), zero_tempos.end(), own.tempo) == zero_tempos.end()) {
                zero_tempos.push_back(own.tempo);
                diagnostics_.report(Code::E0305, own.tempo->span,
                                    i == 0 ? std::string("a tempo of 0-0-0-0 takes no time")
                                           : fmt::format("a tempo of 0-0-0-0 takes no time in {}", who()),
                                    "give at least one phase a second, like 2-0-1-0, or hold each rep, like hold 2s");
            }
            options_ok = false;
        }
        if (exercise.sides == ast::Sides::both && own.sides) {
            if (own.sides_inherited) {
                own.sides = nullptr;  // the prescription's each/alt is not for a two-sided alternative
            } else {
                diagnostics_.report(Code::E0203, own.sides->span,
                                  fmt::format("'{}' on {}, which works both sides at once", own.each ? "each" : "alt", who()),
                                  "remove it");
                options_ok = false;
            }
        } else if (context == EntryContext::intervals && own.sides && !own.sides_inherited) {
            // A round works its entry for the block's work time (SPEC 6), whatever the sides.
            diagnostics_.report(Code::W0102, own.sides->span,
                                fmt::format("'{}' on an intervals entry has no effect", own.each ? "each" : "alt"),
                                "a round works its entry for the block's work time: say how to use the sides in a cue, like \"switch sides halfway\"");
        }
        if (own.load && !exercise.takes[own.load_class()]) {
            if (own.load_inherited) {
                diagnostics_.report(Code::W0103, where,
                                    fmt::format("alternative '{}' cannot take @{}: it is done without that load", name_of(i).text,
                                                own.load->text),
                                    fmt::format("give '{}' a load of its own after its name, like 'or {} @rpe 8'", name_of(i).text,
                                                name_of(i).text));
                own.load = nullptr;
                own.load_inherited = false;
                continue;
            }
            const bool pair = own.load->kind == ast::Load::Kind::pair;
            const std::string equipment = equipment_text(catalog_, catalog_.exercises[entry.options[i]].equipment);
            diagnostics_.report(Code::E0205, own.load->span,
                              equipment == "none"
                                  ? fmt::format("{} is a bodyweight exercise, so it cannot take @{}", who(), own.load->text)
                                  : fmt::format("{} cannot take @{}: none of its equipment ({}) is {}", who(), own.load->text,
                                                equipment, pair ? "a loadable pair" : "loadable"),
                              pair ? "use a single load like @16kg, or an exercise done with a pair of dumbbells"
                                   : "set the effort instead, like @rpe 8, or declare an exercise whose equipment takes a load");
            options_ok = false;
        }
    }
    if (!options_ok) {
        entry.exercise = -1;
        return;
    }

    // The option used: the first whose equipment the profile has and that can take its load.
    std::size_t chosen_option = 0;
    for (std::size_t i = 0; i < entry.options.size(); ++i) {
        const Traits& option_traits = traits(entry.options[i]);
        const LoadClass load_class = effective[i].load_class();
        if (option_traits.fits[load_class]) {
            entry.exercise = entry.options[i];
            chosen_option = i;
            entry.equipment.assign(option_traits.fit_set[load_class].begin(), option_traits.fit_set[load_class].end());
            break;
        }
    }
    if (entry.exercise < 0) {
        // Each option's equipment that could take its load: with @2x10kg, "needs dumbbell", not
        // also the bodyweight and barbell ways of doing it that the load rules out.
        std::vector<std::string> needs;
        for (std::size_t i = 0; i < entry.options.size(); ++i) {
            const Exercise& option = catalog_.exercises[static_cast<std::size_t>(entry.options[i])];
            const LoadClass load_class = effective[i].load_class();
            std::vector<EquipmentSet> usable;
            for (const EquipmentSet& set : option.equipment) {
                if (load_class == no_load || takes_load(catalog_, set, load_class == pair_load)) usable.push_back(set);
            }
            needs.push_back(usable.size() == option.equipment.size()
                                ? fmt::format("'{}' needs {}", option.name, equipment_text(catalog_, usable))
                                : fmt::format("'{}' needs {} for @{}", option.name, equipment_text(catalog_, usable),
                                              effective[i].load->text));
        }
        const std::vector<std::string> fitting =
            fitting_alternatives(std::span<const int>(entry.options.data(), entry.options.size()), effective[0].load_class());
        diagnostics_.report(
            Code::E0401, prescription.exercise.span,
            fmt::format("no option fits profile '{}': {}", catalog_.profiles[profile_].name, fmt::join(needs, "; ")),
            fitting.empty()
                ? "add an alternative with 'or EXERCISE', or add the equipment to the profile"
                : fmt::format("add an alternative with 'or EXERCISE', like {} (they fit profile '{}' and train the same "
                              "muscles), or add the equipment to the profile",
                              quoted_list(fitting), catalog_.profiles[profile_].name));
        return;
    }

    // The entry takes the chosen option's modifiers: lowering and every output follow them. The
    // looks are for the alternatives shown beside the chosen one: an entry without any needs none.
    if (effective.size() > 1) {
        for (const OptionModifiers& option : effective) {
            checked::Entry::OptionLook look;
            if (option.load) look.load = *option.load;
            if (option.cue) look.cue = option.cue->value;
            entry.option_looks.push_back(look);
        }
    }
    const OptionModifiers& use = effective[chosen_option];
    const Traits& chosen = traits(entry.exercise);
    if (use.sides) {
        entry.sides = use.each ? checked::SideMode::each : checked::SideMode::alt;
    } else if (chosen.sides == ast::Sides::each && context != EntryContext::intervals && context != EntryContext::amrap) {
        entry.sides = checked::SideMode::each;
        // The option done warns (SPEC 5.2), at its name: an alternative under a profile that chooses it too.
        if (diagnostics_.report_or_count(Code::W0101, name_of(chosen_option).span)) {
            diagnostics_.report(Code::W0101, name_of(chosen_option).span,
                                fmt::format("'{}' is unilateral: assuming each side", catalog_.exercises[entry.exercise].name),
                                chosen_option == 0 ? "write 'each' (or 'alt') to say so"
                                                   : "write 'each' (or 'alt') after it to say so");
        }
    }
    if (use.load) entry.load = *use.load;
    if (use.rest && context == EntryContext::prescription) {
        entry.rest = use.rest->seconds;
        // SPEC 6: the rest goes between sets; one set (in every step of a progression) has none.
        const bool one_set = !entry.steps.empty() &&
                             std::all_of(entry.steps.begin(), entry.steps.end(), [](const checked::DoseStep& step) { return step.sets == 1; });
        if (one_set) {
            diagnostics_.report(Code::W0102, use.rest->span, "'rest' on a single set has no effect",
                                "the rest goes between sets: to rest after this one, write a 'rest' statement on the next line");
        }
    }
    entry.hold = use.hold ? use.hold->seconds : 0;
    if (use.cue) entry.cue = use.cue->value;
    if (use.tempo) entry.tempo = use.tempo->text;
    entry.rep_seconds = timing::rep_seconds(chosen.rep_seconds, use.tempo, entry.hold);
    if (timed_dose && (use.tempo || use.hold)) {
        diagnostics_.report(Code::W0102, use.tempo ? use.tempo->span : use.hold->span,
                            "tempo and hold do not change a timed set", "they set the time per rep of a reps set");
    }

    // Too long a set makes absurd timelines; bound one set to a day.
    for (const auto& step : entry.steps) {
        if (timing::set_seconds(entry, step, defaults.switch_) > max_seconds) {
            diagnostics_.report(Code::E0303, prescription.dose->span, "one set of this dose lasts over 24h");
            entry.exercise = -1;
            break;
        }
    }
}

}  // namespace reps
