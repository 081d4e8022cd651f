#include "compiler/base/edit_distance.hpp"

#include <algorithm>
#include <cctype>

namespace reps {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> two_back(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                current[j] = std::min(current[j], two_back[j - 2] + 1);
            }
        }
        two_back.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

std::size_t allowed_edits(std::size_t length) { return std::clamp<std::size_t>(length / 3, 1, 3); }

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
    const std::size_t allowed = allowed_edits(name.size());
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto candidate : candidates) {
        const std::size_t length_gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
        if (length_gap > allowed) continue;
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

}  // namespace reps
