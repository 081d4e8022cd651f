// `reps fmt`'s shape hash against its definition: two declarations hash alike exactly when
// `--dump ast` prints them alike but for their positions. Checked on every declaration of the
// examples, the stdlib and the test files, and of the edits of them that still parse (a digit
// changed, a word blanked out, renamed or swapped): a field the hash left out shows up as two
// dumps with one hash.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dump/dump.hpp"
#include "compiler/format/ast_shape.hpp"
#include "compiler/parse/parse.hpp"
#include "parse_fixture.hpp"

namespace {

using reps::test::read_text;

std::vector<std::string> sources_to_edit() {
    std::vector<std::string> texts;
    for (const auto* dir : {REPS_EXAMPLES_DIR, REPS_TEST_DATA_DIR "/../stdlib", REPS_TEST_DATA_DIR}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".reps" && entry.file_size() < 20'000) texts.push_back(read_text(entry.path()));
        }
    }
    return texts;
}

// Each declaration's dump without positions, and its hash, for every text that parses.
class Shapes {
public:
    void add(const std::string& text) {
        reps::SourceManager sources;
        reps::Diagnostics diagnostics;
        const std::uint32_t id = sources.add("edited.reps", text);
        const reps::ast::File file = reps::parse_file(sources, id, diagnostics);
        if (diagnostics.has_errors()) return;
        ++files_;
        for (const reps::ast::Declaration& declaration : file.declarations) {
            std::ostringstream dump;
            reps::dump_ast_shape(dump, declaration, sources);
            const std::uint64_t hash = reps::shape_hash(declaration);
            if (const auto* workout = std::get_if<reps::ast::WorkoutDecl>(&declaration)) {
                CHECK(reps::shape_hash(*workout) == hash);
            }
            if (const auto* program = std::get_if<reps::ast::ProgramDecl>(&declaration)) {
                CHECK(reps::shape_hash(*program) == hash);
            }
            const auto [by_dump, new_dump] = hash_of_dump_.emplace(dump.str(), hash);
            const auto [by_hash, new_hash] = dump_of_hash_.emplace(hash, dump.str());
            if (by_dump->second != hash || by_hash->second != dump.str()) {
                FAIL_CHECK("one dump with two hashes, or one hash for two dumps:\n" << dump.str() << "\n---\n" << by_hash->second);
            }
        }
    }
    std::size_t files() const { return files_; }
    std::size_t declarations() const { return hash_of_dump_.size(); }

private:
    std::map<std::string, std::uint64_t> hash_of_dump_;
    std::map<std::uint64_t, std::string> dump_of_hash_;
    std::size_t files_ = 0;
};

}  // namespace

TEST_CASE("shape hash: alike exactly when the dumps without positions are alike") {
    const std::vector<std::string> texts = sources_to_edit();
    REQUIRE(texts.size() > 50);
    Shapes shapes;
    for (const std::string& text : texts) shapes.add(text);
    const std::size_t unedited = shapes.declarations();
    // One value or word changed at a time: each digit counted up by one; each word (a name, a
    // keyword, a unit) blanked out, renamed, and swapped for its sibling keyword; '|' and '+'
    // swapped. Most edits do not parse; those that do differ from their file in one field, which
    // the hash must see.
    static const std::map<std::string_view, std::string_view> siblings = {
        {"superset", "circuit"}, {"circuit", "superset"}, {"warmup", "cooldown"}, {"cooldown", "warmup"},
        {"emom", "amrap"}, {"amrap", "emom"}, {"each", "both"}, {"both", "each"}, {"reps", "time"},
        {"time", "reps"}, {"kg", "lb"}, {"lb", "kg"}, {"easy", "hard"}, {"hard", "easy"}, {"mon", "tue"},
        {"rpe", "rir"}, {"rir", "rpe"}, {"true", "false"}};
    std::size_t edits = 0;
    const auto edit = [&](const std::string& text, std::size_t at, std::size_t length, std::string_view replacement) {
        shapes.add(text.substr(0, at) + std::string(replacement) + text.substr(at + length));
        ++edits;
    };
    const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    for (const std::string& text : texts) {
        for (std::size_t at = 0; at < text.size(); ++at) {
            const char c = text[at];
            if (c >= '0' && c <= '9') edit(text, at, 1, std::string(1, c == '9' ? '0' : static_cast<char>(c + 1)));
            if (c == '|' || c == '+') edit(text, at, 1, c == '|' ? "+" : "|");
            if (!is_letter(c) || (at > 0 && is_letter(text[at - 1]))) continue;
            std::size_t end = at;
            while (end < text.size() && is_letter(text[end])) ++end;
            const std::string word = text.substr(at, end - at);
            edit(text, at, word.size(), std::string(word.size(), ' '));
            edit(text, at, word.size(), word + "x");
            if (const auto sibling = siblings.find(word); sibling != siblings.end()) edit(text, at, word.size(), sibling->second);
        }
    }
    MESSAGE(shapes.files() << " files parsed of " << edits << " edits, " << shapes.declarations() << " distinct declarations");
    CHECK(shapes.declarations() > unedited + 1000);
}

TEST_CASE("shape hash: positions and layout do not count, values do") {
    const auto hashes = [](const std::string& text) {
        reps::SourceManager sources;
        reps::Diagnostics diagnostics;
        const reps::ast::File file = reps::parse_file(sources, sources.add("x.reps", text), diagnostics);
        REQUIRE_FALSE(diagnostics.has_errors());
        std::vector<std::uint64_t> out;
        for (const auto& declaration : file.declarations) out.push_back(reps::shape_hash(declaration));
        return out;
    };
    const auto one = hashes("workout w {\n  burpee 3x10 @16kg rest 60s\n}\n");
    CHECK(hashes("\n\nworkout   w {  burpee   3x10   @16kg  rest 60s }") == one);
    CHECK(hashes("workout w {\n  burpee 3x10 @16kg rest 90s\n}\n") != one);
    CHECK(hashes("workout w {\n  burpee 3x10 @16lb rest 60s\n}\n") != one);
    CHECK(hashes("workout w {\n  burpee 3x10 rest 60s @16kg\n}\n") == one);
}
