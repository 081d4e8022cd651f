// The one translation unit that runs the PEGTL grammar: actions build the typed AST directly.
#include "compiler/parse/parse.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <string_view>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

// The parser's pieces, in the order they used to stand in this file; only this file includes them.
#include "compiler/parse/state.hpp"
#include "compiler/parse/actions_names.hpp"
#include "compiler/parse/actions_catalog.hpp"
#include "compiler/parse/actions_dose.hpp"
#include "compiler/parse/actions_workout.hpp"
#include "compiler/parse/actions_program.hpp"
#include "compiler/parse/control.hpp"
#include "compiler/parse/recover.hpp"

namespace reps {

namespace {

// The first position from `i` on that is not ASCII or is NUL, found 64 bytes at a step (16 with
// words, without SSE2): this runs over every byte of every file before it is parsed.
std::size_t skip_plain_ascii(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 64 <= text.size(); i += 64) {
        const auto* at = reinterpret_cast<const __m128i*>(text.data() + i);
        const __m128i a = _mm_loadu_si128(at), b = _mm_loadu_si128(at + 1), c = _mm_loadu_si128(at + 2),
                      d = _mm_loadu_si128(at + 3);
        // A high bit set anywhere, or a byte equal to zero.
        const __m128i high = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
        const __m128i nul = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)),
                                         _mm_or_si128(_mm_cmpeq_epi8(c, zero), _mm_cmpeq_epi8(d, zero)));
        if (_mm_movemask_epi8(_mm_or_si128(high, nul)) != 0) break;
    }
#endif
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    // 0x80 in each byte of an ASCII word that is zero (and in any byte with its high bit set).
    const auto zero_or_high = [](std::uint64_t v) { return ~((v & low7) + low7) | v; };
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if ((zero_or_high(word) & ~low7) != 0) break;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) - 1u < 0x7Fu) ++i;
    return i;
}

}  // namespace

bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics) {
    const std::string_view text = sources.file(file_id).text;
    for (std::size_t i = 0; i < text.size();) {
        // A run of ASCII without NUL (most files, most of the time) is skipped in blocks; the bytes
        // of anything else are checked one character at a time, below.
        i = skip_plain_ascii(text, i);
        if (i == text.size()) break;
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        }
        if (valid && length > 1) {  // reject overlong forms and surrogates
            const auto next = static_cast<unsigned char>(text[i + 1]);
            valid = !(byte == 0xC0 || byte == 0xC1 || (byte == 0xE0 && next < 0xA0) || (byte == 0xED && next > 0x9F) ||
                      (byte == 0xF0 && next < 0x90) || byte > 0xF4 || (byte == 0xF4 && next > 0x8F));
        }
        if (!valid || byte == 0) {
            const SourceSpan span{file_id, static_cast<std::uint32_t>(i), 1};
            diagnostics.report(Code::E0002, span,
                              byte == 0 ? std::string("unexpected NUL byte: this looks like a binary file, not a .reps text file")
                                        : fmt::format("invalid UTF-8 byte 0x{:02X}", byte),
                              "save the file as UTF-8 text");
            return false;
        }
        i += length;
    }
    return true;
}

ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics, WorkoutReceiver* receiver) {
    const SourceFile& source = sources.file(file_id);
    const std::string_view text = source.text;
    ast::File file;
    file.file_id = file_id;
    SyntaxErrorCount errors;
    std::size_t offset = 0;
    std::size_t line = 1;
    // Errors inside blocks are recovered from where they happen (recover.hpp); one that reaches here
    // (a declaration's header, a block left open) restarts the parse at the next declaration.
    for (;;) {
        ParseState state;
        state.file_id = file_id;
        state.text = text.data();
        state.sources = &sources;
        state.out = &file;
        state.diagnostics = &diagnostics;
        state.errors = &errors;
        state.receiver = receiver;
        pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(
            pegtl::internal::iterator(text.data() + offset, offset, line, 1), text.data() + text.size(), source.path);
        try {
            pegtl::parse<g::file, action, control>(in, state);
            break;
        } catch (const pegtl::parse_error& error) {
            if (!state.follows_earlier_error && !errors.gave_up) report_syntax_error(error, state);
            if (state.declaration_begin != nullptr) drop_failed_declaration(state);
            if (errors.gave_up) break;
            // A block left open before a declaration resumes at that declaration; anything else at the
            // next line that starts one. Either is past `offset`, so every restart moves on.
            const std::size_t at = std::max<std::size_t>(error.positions().front().byte, offset);
            const auto resume = next_declaration(text, at, at > offset);
            if (resume == std::string_view::npos) break;
            line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(offset),
                                                        text.begin() + static_cast<std::ptrdiff_t>(resume), '\n'));
            offset = resume;
        }
    }
    if (errors.hidden > 0) {
        diagnostics.report(Code::E0003, errors.first_hidden,
                           errors.gave_up ? fmt::format("more than {} more errors not shown", errors.hidden)
                                          : fmt::format("{} more error{} not shown", errors.hidden, errors.hidden == 1 ? "" : "s"),
                           fmt::format("at most {} syntax errors are reported per file: fix these and check again",
                                       max_syntax_errors));
    }
    return file;
}

}  // namespace reps
