// Counts line ends sixteen bytes a step between the cursor (or the start of a 4 KiB block) and the
// offset asked for.
#include "compiler/base/line_index.hpp"

#include <algorithm>
#include <cstring>

#include <emmintrin.h>

namespace reps {
namespace {

// Line ends in [begin, end). Each 16-byte step subtracts its compare mask (0xFF, that is -1, per
// line end) from byte counters, which are summed before they can overflow (x86-64 without
// popcnt would make a call per step of a bit count). Four steps a turn of the loop: its own
// bookkeeping was half the count.
std::uint32_t count_newlines(const char* begin, const char* end) {
    std::uint32_t count = 0;
    const __m128i newline = _mm_set1_epi8('\n');
    const auto line_ends = [&](const char* at) {
        return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(at)), newline);
    };
    while (end - begin >= 16) {
        __m128i counters = _mm_setzero_si128();
        // At most 63 turns of four steps and three single steps: each byte counter takes at most
        // 255 before it is summed.
        for (int turn = 0; turn < 63 && end - begin >= 64; ++turn, begin += 64) {
            counters = _mm_sub_epi8(counters, line_ends(begin));
            counters = _mm_sub_epi8(counters, line_ends(begin + 16));
            counters = _mm_sub_epi8(counters, line_ends(begin + 32));
            counters = _mm_sub_epi8(counters, line_ends(begin + 48));
        }
        for (int step = 0; step < 3 && end - begin >= 16; ++step, begin += 16) counters = _mm_sub_epi8(counters, line_ends(begin));
        const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
        count += static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
    }
    for (; begin < end; ++begin) count += *begin == '\n' ? 1 : 0;
    return count;
}

}  // namespace

LineIndex::Position LineIndex::locate(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const char* data = text_.data();
    const std::uint32_t line_before = cursor_line_;
    if (lines_before_block_.empty() && counted_ > 2 * text_.size()) {
        lines_before_block_.reserve(text_.size() / block_bytes + 1);
        std::uint32_t lines = 0;
        for (std::size_t begin = 0; begin <= text_.size(); begin += block_bytes) {
            lines_before_block_.push_back(lines);
            lines += count_newlines(data + begin, data + std::min(begin + block_bytes, text_.size()));
        }
    }
    if (!lines_before_block_.empty()) {
        const std::size_t block = offset / block_bytes;
        cursor_line_ = 1 + lines_before_block_[block] + count_newlines(data + block * block_bytes, data + offset);
        cursor_ = offset;
    } else {
        counted_ += offset >= cursor_ ? offset - cursor_ : std::min(cursor_ - offset, offset);
        if (offset >= cursor_) {
            cursor_line_ += count_newlines(data + cursor_, data + offset);
        } else if (offset >= cursor_ - offset) {
            // Back from the cursor when it is nearer than the start (a block's span, reported after
            // its entries).
            cursor_line_ -= count_newlines(data + offset, data + cursor_);
        } else {
            cursor_line_ = 1 + count_newlines(data, data + offset);
        }
        cursor_ = offset;
    }
    // On the line of the last offset, its start is known: many offsets on one long line (a
    // generated file's only line) must not each search back to its start.
    if (cursor_line_ != line_before) {
        const std::size_t newline = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
        cursor_line_begin_ = newline == std::string_view::npos ? 0 : newline + 1;
    }
    return Position{cursor_line_, static_cast<std::uint32_t>(offset - cursor_line_begin_ + 1)};
}

}  // namespace reps
