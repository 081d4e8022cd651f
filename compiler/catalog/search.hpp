// Searching the exercises of a catalog for a term, ranked: the one ranking behind both
// `reps catalog TERM` and the "did you mean" of an unknown exercise name, so the two agree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/catalog.hpp"

namespace reps {

// How an exercise matches a term, best first. The term is split into words (at anything but a
// letter or digit, case ignored); a word matches a word of a name, alias or title it begins.
enum class MatchTier {
    exact,  // the term, as an identifier, is the exercise's name or one of its aliases
    name,   // every word of the term begins a word of the name or of one alias
    title,  // every word of the term begins a word of the title
    other,  // every word of the term is part of a name, alias, title, pattern, muscle or equipment
};

struct ExerciseMatch {
    int exercise = -1;  // catalog index
    MatchTier tier = MatchTier::other;
};

// Every exercise that matches `term`, best first: by tier (in the last, those found without
// their secondary muscles first), then by how few words of the name and title the term leaves
// uncovered, then by the edit distance from the term to the name, then by name. A declaration of
// the user's hides the stdlib entry it shadows (SPEC 2), unless the term is an alias that still
// names that entry.
std::vector<ExerciseMatch> search_exercises(const Catalog& catalog, std::string_view term);

// How many exercises a "did you mean" names at most.
inline constexpr std::size_t max_exercise_suggestions = 3;

// Names for an unknown exercise name: the best matches of search_exercises by name or title (up
// to max_exercise_suggestions), else the closest name or alias by edit distance, else none.
std::vector<std::string> suggest_exercises(const Catalog& catalog, std::string_view unknown);

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'".
std::string quoted_list(const std::vector<std::string>& names);

// "did you mean 'a'?", "did you mean 'a' or 'b'?", "did you mean 'a', 'b' or 'c'?"; empty for none.
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace reps
