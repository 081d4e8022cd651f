// `reps fmt`'s layout: indentation, spacing, alignment, comments and strings kept, idempotence.
#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "compiler/format/format.hpp"
#include "parse_fixture.hpp"

namespace {

using reps::test::read_text;

}  // namespace

TEST_CASE("format: indentation, spacing and blank lines") {
    const std::string messy =
        "\n\nworkout   t \"x\"{\n\n\n   goblet_squat 3x12   @16kg\n\tsuperset 3 rounds {  a 10 ; b 20 }\n\n\n"
        "   note  \"a  b\"\n\n}\n\n\n";
    CHECK(reps::format_source(messy) ==
          "workout t \"x\" {\n"
          "  goblet_squat 3x12 @16kg\n"
          "  superset 3 rounds { a 10; b 20 }\n"
          "\n"
          "  note \"a  b\"\n"
          "}\n");
}

TEST_CASE("format: a line that ends its block with '}' is indented as the block's other lines") {
    const std::string closing_late = "workout w {\n  emom 2min {\n  burpee 10\n        goblet_squat 10 @16kg }\n}\n";
    const std::string canonical = "workout w {\n  emom 2min {\n    burpee 10\n    goblet_squat 10 @16kg }\n}\n";
    CHECK(reps::format_source(closing_late) == canonical);
    CHECK(reps::format_source(canonical) == canonical);
    // Two blocks closed after code: the next line is outside both.
    CHECK(reps::format_source("workout w {\nwarmup {\nsuperset 2 rounds {\nburpee 5 } }\nplank 30s\n}\n") ==
          "workout w {\n  warmup {\n    superset 2 rounds {\n      burpee 5 } }\n  plank 30s\n}\n");
}

TEST_CASE("format: a progression's arrow between spaces, a load's '@' after one") {
    CHECK(reps::format_source("workout w {\n  burpee 2x8->3x12@16kg\n}\n") == "workout w {\n  burpee 2x8 -> 3x12 @16kg\n}\n");
    CHECK(reps::format_source("workout w {\n  burpee 2x8  ->3x12   @bw+10kg\n}\n") ==
          "workout w {\n  burpee 2x8 -> 3x12 @bw+10kg\n}\n");
    CHECK(reps::format_source("workout w {\n  note \"2x8->3x12@16kg\"\n}\n") == "workout w {\n  note \"2x8->3x12@16kg\"\n}\n");
}

TEST_CASE("format: a string glued to the token before or after it gets its space") {
    // One space between tokens, strings included (an outside probe found `10"cue"` kept as it was,
    // so two layouts of one file both passed `fmt --check`).
    const std::string glued = "workout w \"W\" {\n  push_up 10\"cue\"\n  plank 30s\"c\"rest 30s\n  note\"n\"\n"
                              "  goblet_squat 3x8 @16kg\"c\"; plank 30s\n}\n";
    const std::string formatted = reps::format_source(glued);
    CHECK(formatted == "workout w \"W\" {\n  push_up  10 \"cue\"\n  plank    30s \"c\" rest 30s\n  note \"n\"\n"
                       "  goblet_squat 3x8 @16kg \"c\"; plank 30s\n}\n");
    CHECK(reps::format_source(formatted) == formatted);
}

TEST_CASE("format: any number of blank lines before '}' go in one pass") {
    const std::string once = reps::format_source("workout w {\n  burpee 20\n\n\n\n}\n");
    CHECK(once == "workout w {\n  burpee 20\n}\n");
    CHECK(reps::format_source(once) == once);
}

TEST_CASE("format: prescriptions and exercise fields line up in columns") {
    CHECK(reps::format_source("workout w {\n  goblet_squat 3x12\n  burpee 20 each\n\n  plank 3x30s\n}\n") ==
          "workout w {\n  goblet_squat  3x12\n  burpee        20 each\n\n  plank 3x30s\n}\n");
    CHECK(reps::format_source("exercise e \"E\" {\n  aka x,y\n  equipment (a|b)+c\n  rep 2s\n}\n") ==
          "exercise e \"E\" {\n  aka        x, y\n  equipment  (a | b) + c\n  rep        2s\n}\n");
}

TEST_CASE("format: an alternative's own modifiers stay after its name (SPEC 4.1)") {
    // Moving a modifier across an `or` would change whose it is: the order of tokens is kept.
    CHECK(reps::format_source("workout w {\n  suspension_row   3x10  \"chest up\"  or dumbbell_row \"to the hip\"  @2x10kg\n}\n") ==
          "workout w {\n  suspension_row 3x10 \"chest up\" or dumbbell_row \"to the hip\" @2x10kg\n}\n");
}

TEST_CASE("format: comments and strings are kept as written") {
    CHECK(reps::format_source("# top\nworkout w {   # the {brace} in a comment\n  burpee 20 \"a ;  b { }\"   # cue\n}\n") ==
          "# top\nworkout w {  # the {brace} in a comment\n  burpee 20 \"a ;  b { }\"  # cue\n}\n");
    CHECK(reps::format_source("workout w {\n  note \"say \\\"hi\\\"  {\"\n}\n") == "workout w {\n  note \"say \\\"hi\\\"  {\"\n}\n");
}

TEST_CASE("format: CRLF, a BOM and a missing final newline give the canonical text") {
    CHECK(reps::format_source("\xEF\xBB\xBFworkout w {\r\n  burpee 20\r\n}") == "workout w {\n  burpee 20\n}\n");
    CHECK(reps::format_source("").empty());
}

TEST_CASE("format: examples and the stdlib are fixed points after one pass") {
    std::vector<std::filesystem::path> files;
    for (const auto* dir : {REPS_EXAMPLES_DIR, REPS_TEST_DATA_DIR "/../stdlib"}) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() == ".reps") files.push_back(entry.path());
        }
    }
    REQUIRE(files.size() > 10);
    for (const auto& path : files) {
        INFO(path.string());
        const auto once = reps::format_source(read_text(path));
        CHECK(reps::format_source(once) == once);
    }
}

// What we ship is written as `reps fmt` writes it: `reps fmt --check examples/` passes, for a
// coach who starts a project's CI from them.
TEST_CASE("format: the examples are in the canonical layout") {
    std::size_t examples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(REPS_EXAMPLES_DIR)) {
        if (entry.path().extension() != ".reps") continue;
        INFO(entry.path().string());
        const std::string text = read_text(entry.path());
        CHECK(reps::format_source(text) == text);
        ++examples;
    }
    CHECK(examples >= 5);
}

// Whether a '}' opens a line is known as the line is read, not by searching it again for each
// '}': a line of a million of them (not a workout, but any text may reach the formatter) is
// formatted in one pass.
TEST_CASE("format: a long line of closing braces") {
    const std::string braces(1 << 20, '}');
    std::string spaced;  // braces stand apart: "} } }"
    for (std::size_t i = 0; i < braces.size(); ++i) spaced += i == 0 ? "}" : " }";
    const std::string once = reps::format_source(braces + "\n");
    CHECK(once == spaced + "\n");
    CHECK(reps::format_source(once) == once);
    CHECK(reps::format_source("a " + braces) == "a " + spaced + "\n");
}

// A name longer than 40 characters keeps one space and does not widen its run: one name of a
// megabyte in a run of short ones would pad each of them to it.
TEST_CASE("format: a very long name does not set its run's column") {
    const std::string long_name(41, 'a');
    CHECK(reps::format_source("workout w {\n  burpee 20\n  " + long_name + " 10\n  plank 30s\n}\n") ==
          "workout w {\n  burpee  20\n  " + long_name + " 10\n  plank   30s\n}\n");
    const std::string limit_name(40, 'a');
    CHECK(reps::format_source("workout w {\n  burpee 20\n  " + limit_name + " 10\n}\n") ==
          "workout w {\n  burpee" + std::string(36, ' ') + "20\n  " + limit_name + "  10\n}\n");
    const std::string huge_name(1 << 20, 'b');
    std::string text = "workout w {\n  " + huge_name + " 1\n";
    for (int i = 0; i < 1000; ++i) text += "  plank 30s\n";
    text += "}\n";
    const std::string once = reps::format_source(text);
    CHECK(once.size() < text.size() + 1000 * 4);
    CHECK(reps::format_source(once) == once);
}
