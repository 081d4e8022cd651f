// The one translation unit that runs the PEGTL grammar: actions build the typed AST directly.
#include "compiler/parse/parse.hpp"

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

namespace reps {

bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics) {
    const std::string_view text = sources.file(file_id).text;
    for (std::size_t i = 0; i < text.size();) {
        // Sixteen bytes at a time while they are ASCII without NUL (most files, most of the time);
        // the bytes of anything else are checked one character at a time, below.
        if (i + 16 <= text.size()) {
            constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
            // 0x80 in each byte of an ASCII word that is zero (and in any byte with its high bit set).
            const auto zero_or_high = [](std::uint64_t v) { return ~((v & low7) + low7) | v; };
            std::uint64_t first, second;
            std::memcpy(&first, text.data() + i, 8);
            std::memcpy(&second, text.data() + i + 8, 8);
            if (((zero_or_high(first) | zero_or_high(second)) & ~low7) == 0) {
                i += 16;
                continue;
            }
        }
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

ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics) {
    constexpr int max_syntax_errors = 20;
    const SourceFile& source = sources.file(file_id);
    const std::string_view text = source.text;
    ast::File file;
    file.file_id = file_id;
    std::size_t offset = 0;
    std::size_t line = 1;
    for (int errors = 0; errors < max_syntax_errors; ++errors) {
        ParseState state;
        state.file_id = file_id;
        state.text = text.data();
        state.sources = &sources;
        state.out = &file;
        state.diagnostics = &diagnostics;
        pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(
            pegtl::internal::iterator(text.data() + offset, offset, line, 1), text.data() + text.size(), source.path);
        try {
            pegtl::parse<g::file, action, control>(in, state);
            return file;
        } catch (const pegtl::parse_error& error) {
            const auto& position = error.positions().front();
            const std::string_view rest = text.substr(position.byte);
            std::uint32_t length = 1;
            if (!rest.empty() && rest[0] != '\n' && rest[0] != '\r') {
                while (length < rest.size() && length < 40 && rest[length] != ' ' && rest[length] != '\n' &&
                       rest[length] != '\r' && rest[length] != '\t' && rest[length] != ';')
                    ++length;
            }
            const SourceSpan span{file_id, static_cast<std::uint32_t>(position.byte), length};
            const bool limit = dynamic_cast<const limit_error*>(&error) != nullptr;
            auto& diagnostic = diagnostics.report(limit ? Code::E0003 : Code::E0001, span, std::string(error.message()));
            if (!state.pending_note.empty()) diagnostic.notes.push_back(state.pending_note);
            if (state.pending_fix) {
                diagnostic.help = state.pending_fix->help;
                diagnostic.fixes.push_back(FixIt{SourceSpan{file_id, static_cast<std::uint32_t>(state.pending_fix->offset),
                                                            static_cast<std::uint32_t>(state.pending_fix->length)},
                                                 std::move(state.pending_fix->replacement)});
            }
            // Resume at the next line that starts a declaration, so one run reports every broken declaration.
            const auto resume = next_declaration(text, std::max<std::size_t>(position.byte, offset));
            if (resume == std::string_view::npos) return file;
            line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(offset),
                                                        text.begin() + static_cast<std::ptrdiff_t>(resume), '\n'));
            offset = resume;
        }
    }
    return file;
}

}  // namespace reps
