// Builds the line table sixteen bytes a step and answers lookups from the last line found.
#include "compiler/line_index.hpp"

#include <algorithm>

#include <emmintrin.h>

namespace reps {

LineIndex::LineIndex(std::string_view text) {
    starts_.reserve(text.size() / 24 + 16);  // typical lines of workouts are 15-40 bytes
    starts_.push_back(0);
    const char* data = text.data();
    std::size_t i = 0;
    const __m128i newline = _mm_set1_epi8('\n');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline))); mask != 0;
             mask &= mask - 1) {
            starts_.push_back(static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctz(mask)) + 1));
        }
    }
    for (; i < text.size(); ++i) {
        if (data[i] == '\n') starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

LineIndex::Position LineIndex::locate_elsewhere(std::size_t offset) const {
    std::size_t line = hint_;
    if (starts_[line] <= offset) {
        // Forward from the last lookup: the next span is rarely more than a few lines on.
        while (line + 1 < starts_.size() && starts_[line + 1] <= offset) ++line;
        hint_ = static_cast<std::uint32_t>(line);
        line_begin_ = starts_[line];
        line_end_ = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<std::size_t>(-1);
    } else {
        // A span that began earlier (a block's or a declaration's, made at its end): search, and
        // keep the hint where the parser is.
        line = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.begin() + static_cast<std::ptrdiff_t>(line),
                                                         offset) - starts_.begin()) - 1;
    }
    return Position{static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(offset - starts_[line] + 1)};
}

}  // namespace reps
