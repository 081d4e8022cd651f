// Shared by the parser tests: parse one source on its own and describe spans and diagnostics as text;
// read a file of the repository.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "compiler/parse/parse.hpp"

namespace reps::test {

// A file's bytes as they are (no newline translation).
inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// One source parsed on its own (no stdlib), the way the loader does: encoding first, then grammar.
struct Parsed {
    SourceManager sources;
    Diagnostics diagnostics;
    ast::File file;
    bool utf8_ok = true;
};

inline std::unique_ptr<Parsed> parse(std::string text) {
    auto parsed = std::make_unique<Parsed>();
    const auto id = parsed->sources.add("test.reps", std::move(text));
    parsed->utf8_ok = check_utf8(parsed->sources, id, parsed->diagnostics);
    if (parsed->utf8_ok) parsed->file = parse_file(parsed->sources, id, parsed->diagnostics);
    return parsed;
}

// "line:column+length" (and the text it covers), so a failing check shows the whole span.
inline std::string where(const Parsed& parsed, const SourceSpan& span) {
    const auto& text = parsed.sources.file(span.file).text;
    const LineColumn at = parsed.sources.position(span);
    return std::to_string(at.line) + ":" + std::to_string(at.column) + "+" + std::to_string(span.length) + " '" +
           std::string(text.substr(span.offset, span.length)) + "'";
}

// The one diagnostic of a failed parse, as "CODE line:col message".
inline std::string only_error(const Parsed& parsed) {
    REQUIRE(parsed.diagnostics.list().size() == 1);
    const auto& d = parsed.diagnostics.list().front();
    const LineColumn at = parsed.sources.position(d.span);
    return std::string(code_name(d.code)) + " " + std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.message;
}

// A load as "kind value unit 'text'".
inline std::string describe(const std::optional<ast::Load>& load) {
    if (!load) return "none";
    static const char* kinds[] = {"mass", "pair", "bodyweight", "bodyweight_plus", "percent_1rm", "rpe", "rir"};
    std::ostringstream out;
    out << kinds[static_cast<int>(load->kind)] << ' ' << load->value << ' ' << load->unit << " '" << load->text << "'";
    return out.str();
}

// An amount as "kind value[-upper]".
inline std::string describe(const ast::Amount& amount) {
    static const char* kinds[] = {"reps", "range", "at_least", "duration"};
    std::string out = std::string(kinds[static_cast<int>(amount.kind)]) + " " + std::to_string(amount.value);
    if (amount.upper != amount.value) out += "-" + std::to_string(amount.upper);
    return out;
}

template <typename Node>
const Node& declaration(const Parsed& parsed, std::size_t index) {
    REQUIRE(index < parsed.file.declarations.size());
    REQUIRE(std::holds_alternative<Node>(parsed.file.declarations[index]));
    return std::get<Node>(parsed.file.declarations[index]);
}

template <typename Node>
const Node& statement(const ast::LongList<ast::Statement>& body, std::size_t index) {
    REQUIRE(index < body.size());
    REQUIRE(std::holds_alternative<Node>(body[index].node));
    return std::get<Node>(body[index].node);
}

}  // namespace reps::test
