// How close two names are: the measure behind every "did you mean", for names (the catalog) and
// for keywords (the parser's help on a misspelt one), so that both find the same typos.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reps {

// Edits needed to turn a into b (Damerau: a swap of neighbours counts one), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// How many edits a name of `length` characters may be away from a suggestion: about one per
// three characters, at least one and at most three.
std::size_t allowed_edits(std::size_t length);

// The "did you mean" search over any list of names (edit distance, case-insensitive): the
// closest within allowed_edits, the first of equally close ones.
std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace reps
