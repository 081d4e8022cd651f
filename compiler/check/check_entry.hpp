// Checking one prescription or block entry: names, dose, sides, load, modifiers, option choice.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/checked.hpp"

namespace reps {

enum class EntryContext { prescription, group, intervals, emom, amrap };

class EntryChecker {
public:
    EntryChecker(const Catalog& catalog, Diagnostics& diagnostics, int profile);

    // Checks into `entry`, a new one in place (entries are large: returning one copied it);
    // entry.exercise is -1 when a name did not resolve (already reported).
    void check(const ast::Prescription& prescription, EntryContext context, const checked::Defaults& defaults,
               checked::Entry& entry);

private:
    // What checking an entry reads of an exercise, worked out at its first use in the file: the
    // catalog's exercise is a large record whose equipment sets sit behind two pointers, and
    // reading it for every entry was the largest share of checking.
    enum LoadClass { no_load, mass_load, pair_load, load_classes };  // what equipment a load needs
    struct Traits {
        bool known = false;
        ast::Measure measure = ast::Measure::reps;
        ast::Sides sides = ast::Sides::both;
        std::int64_t rep_seconds = 0;
        bool takes[load_classes] = {};  // some equipment set takes such a load
        bool fits[load_classes] = {};   // some set the profile has takes it: the first is fit_set
        std::span<const int> fit_set[load_classes];
    };
    // Without a profile, the stdlib's exercises have the same traits in every file: they are
    // worked out once per process (shared_), and only the file's own exercises here (own_).
    const Traits& traits(int exercise) {
        const auto index = static_cast<std::size_t>(exercise);
        if (index < shared_count_) return shared_[index];
        const Traits& known = own_[index - shared_count_];
        return known.known ? known : learn(exercise);
    }
    const Traits& learn(int exercise);
    // E0102 with its suggestions (`keyword` first, and as the fix, when the statement reads as one
    // misspelt: `rets 60s`); out of line, as every name of a file that checks is known.
    [[gnu::cold, gnu::noinline]] void report_unknown_exercise(const ast::Name& name, std::string_view keyword);
    // W0104 at each `or` alternative that can never be chosen; only an entry with alternatives
    // has any to look for (options: the resolved exercises, -1 for an unknown name).
    void report_repeated_options(const ast::Prescription& prescription, std::span<const int> options);
    void report_repeated_option(const ast::Name& repeat, const ast::Name& first, bool first_is_written_exercise,
                                int exercise);
    static LoadClass load_class_of(const ast::Load* load);
    struct OptionModifiers;
    // Reports what is wrong with one set of modifiers on its own (repeated, each with alt, values
    // out of range); false when the entry cannot be lowered. `alternative`: an `or` alternative's own.
    bool check_modifier_values(const ast::Modifiers& modifiers, EntryContext context, bool alternative) {
        // Most entries have none of the modifiers checked there: no call for them.
        if (modifiers.repeated.empty() && !modifiers.alt.set && !modifiers.tempo && !modifiers.rest && !modifiers.hold &&
            (!modifiers.load || load_in_range(*modifiers.load))) {
            return true;
        }
        return check_written_modifier_values(modifiers, context, alternative);
    }
    bool check_written_modifier_values(const ast::Modifiers& modifiers, EntryContext context, bool alternative);
    // A load that says something (E0309): a mass or a percentage above 0, a pair of two, RPE 1-10, RIR 0-10.
    static bool load_in_range(const ast::Load& load) {
        switch (load.kind) {
        case ast::Load::Kind::mass:
        case ast::Load::Kind::bodyweight_plus:
        case ast::Load::Kind::percent_1rm: return load.value > 0;
        case ast::Load::Kind::pair: return load.value > 0 && load.pair_count == 2;
        case ast::Load::Kind::rpe: return load.value >= 1 && load.value <= 10;
        case ast::Load::Kind::rir: return load.value >= 0 && load.value <= 10;
        case ast::Load::Kind::bodyweight: return true;
        }
        return true;
    }
    void report_load_out_of_range(const ast::Load& load);
    static Traits traits_of(const Catalog& catalog, int profile, int exercise);
    // For E0401: up to three exercises, none of `options`, that the profile has the equipment for
    // (with a load of `load_class`) and that train a primary muscle of the written one
    // (options[0]), closest first.
    std::vector<std::string> fitting_alternatives(std::span<const int> options, LoadClass load_class);

    const Catalog& catalog_;
    Diagnostics& diagnostics_;
    int profile_ = -1;  // catalog profile index, or -1
    const Traits* shared_ = nullptr;  // the stdlib's, by exercise index
    std::size_t shared_count_ = 0;
    std::vector<Traits> own_;  // by exercise index less shared_count_
};

}  // namespace reps
