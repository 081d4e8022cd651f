// What the checker's unit tests share: a text checked as `reps check` does, and readings of the
// result (diagnostics as "CODE line:col", the entry a block chose).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "compiler/check/checked.hpp"
#include "compiler/driver/loader.hpp"

namespace reps::check_test {

namespace fs = std::filesystem;

struct Compiled {
    SourceManager sources;
    Diagnostics diagnostics;
    LoadedProgram loaded;
    CheckedProgram program;
    std::string text;
};

// Loads `text` with the stdlib and checks it, as `reps check` does (no checking after a syntax error).
inline std::unique_ptr<Compiled> compile(std::string text, std::string profile = {}) {
    auto c = std::make_unique<Compiled>();
    c->text = text;
    c->loaded = load_program_text("test.reps", std::move(text), fs::temp_directory_path(), c->sources, c->diagnostics);
    if (!c->diagnostics.has_errors()) {
        c->program = check_program(c->loaded.files, c->sources, CheckOptions{std::move(profile), {}}, c->diagnostics);
    }
    c->diagnostics.sort_by_position();
    return c;
}

// "line:column" of the n-th occurrence of `needle` in the source.
inline std::string at(const Compiled& c, std::string_view needle, int nth = 0) {
    std::size_t offset = c.text.find(needle);
    for (int i = 0; i < nth && offset != std::string::npos; ++i) offset = c.text.find(needle, offset + 1);
    REQUIRE(offset != std::string::npos);
    const auto line_start = c.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t column = line_start == std::string::npos || offset == 0 ? offset + 1 : offset - line_start;
    return std::to_string(1 + std::count(c.text.begin(), c.text.begin() + static_cast<long>(offset), '\n')) + ":" +
           std::to_string(column);
}

// Every diagnostic as "CODE line:col", joined with " | " (positions in other files get the file name).
inline std::string codes(const Compiled& c) {
    std::string out;
    for (const auto& d : c.diagnostics.list()) {
        if (!out.empty()) out += " | ";
        out += std::string(code_name(d.code)) + " ";
        if (d.span.has_position() && d.span.file != c.loaded.main_file) out += c.sources.file(d.span.file).path + ":";
        const LineColumn at = c.sources.position(d.span);
        out += std::to_string(at.line) + ":" + std::to_string(at.column);
    }
    return out;
}

inline const Diagnostic& first(const Compiled& c) {
    REQUIRE_FALSE(c.diagnostics.list().empty());
    return c.diagnostics.list().front();
}

// The first entry of the n-th block of the only workout (blocks view the program's store).
inline const checked::Entry& first_entry(const Compiled& c, std::size_t block = 0) {
    REQUIRE(c.program.workouts.size() == 1);
    const auto& blocks = c.program.workouts[0].blocks;
    REQUIRE(block < blocks.size());
    REQUIRE_FALSE(blocks[block].entries.empty());
    return blocks[block].entries.front();
}

// The exercise the n-th block's first entry uses, by canonical name.
inline std::string chosen(const Compiled& c, std::size_t block = 0) {
    const auto& entry = first_entry(c, block);
    REQUIRE(entry.exercise >= 0);
    return c.program.catalog.exercises[entry.exercise].name;
}

inline std::string workout(std::string body) { return "workout w {\n" + body + "\n}\n"; }

}  // namespace reps::check_test
