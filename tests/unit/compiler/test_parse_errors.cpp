// Parsing at the edges: line ends and BOMs, syntax errors (E0001), encodings (E0002) and limits.
#include <doctest/doctest.h>

#include "parse_fixture.hpp"

using namespace reps;
using namespace reps::test;

TEST_CASE("parse: CRLF line ends and a BOM") {
    const auto p = parse("\xEF\xBB\xBFworkout w {\r\n  goblet_squat 3x12\r\n  rest 2min\r\n}\r\n");
    CHECK(p->diagnostics.list().empty());
    CHECK(p->sources.file(0).text.starts_with("workout"));
    const auto& w = declaration<ast::WorkoutDecl>(*p, 0);
    CHECK(where(*p, w.name.span) == "1:9+1 'w'");
    REQUIRE(w.body.size() == 2);
    CHECK(where(*p, statement<ast::Prescription>(w.body, 0).span) == "2:3+17 'goblet_squat 3x12'");
    CHECK(where(*p, statement<ast::RestStatement>(w.body, 1).span) == "3:3+9 'rest 2min'");

    // An error after CRLF lines is reported on the right line.
    const auto bad = parse("workout w {\r\n  rest 2min\r\n  goblet_squat x12\r\n}\r\n");
    CHECK(only_error(*bad) ==
          "E0001 3:16 expected a dose like 3x12, 3x8-12, 3x30s or 5min after 'goblet_squat', found 'x12'");
}

TEST_CASE("parse: a syntax error is exactly one E0001 naming what was expected") {
    CHECK(only_error(*parse("workout w {\n  goblet_squat x12\n}\n")) ==
          "E0001 2:16 expected a dose like 3x12, 3x8-12, 3x30s or 5min after 'goblet_squat', found 'x12'");
    CHECK(only_error(*parse("workout total_body {\n  goblet_squat 3x12\n")) ==
          "E0001 3:1 expected a statement or '}' to close workout 'total_body', found the end of the file");
    CHECK(only_error(*parse("workout w {\n  rest\n}\n")) ==
          "E0001 2:7 expected a rest duration like 90s, 2min or 1:30, found the end of the line");
    CHECK(only_error(*parse("workout w { goblet_squat 3x12 @16 }")) ==
          "E0001 1:32 expected a load after '@', like 16kg, 2x10kg, bw, bw+10kg, 70%, rpe 8 or rir 2, found '16'");
    CHECK(only_error(*parse("workout w { superset 3 rounds { burpee 3x10 } }")) ==
          "E0001 1:40 expected an amount like 12, 8-12 or 30s after 'burpee' (entries of this block take no SETSx), "
          "found '3x10'");
    CHECK(only_error(*parse("workout w { goblet_Squat 3x12 }")) ==
          "E0001 1:20 expected a lower-case name (a-z, 0-9 and '_'), found 'Squat'");
    CHECK(only_error(*parse("workout Total {}")) ==
          "E0001 1:9 expected a name for the workout, like total_body (lower case, not a keyword), found 'Total'");
    CHECK(only_error(*parse("muscle quads \"Quadriceps\"\n")) ==
          "E0001 1:26 expected 'in REGION' after muscle 'quads', found the end of the line");
    CHECK(only_error(*parse("region legs \"Legs\" region core\n")) ==
          "E0001 1:20 expected the end of the statement (a new line, ';' or '}'), found 'region'");
    CHECK(only_error(*parse("workout w { note \"unterminated }\n")) ==
          "E0001 1:33 unterminated string: a string ends with '\"' on the same line");
    CHECK(only_error(*parse("hello\n")) ==
          "E0001 1:1 expected a declaration: import, region, muscle, equipment, exercise, profile, workout or program, "
          "found 'hello'");
}

TEST_CASE("parse: declarations before a syntax error are kept") {
    const auto p = parse("region legs \"Legs\"\nworkout w { goblet_squat }\n");
    CHECK(p->diagnostics.error_count() == 1);
    REQUIRE_FALSE(p->file.declarations.empty());
    CHECK(declaration<ast::RegionDecl>(*p, 0).name.text == "legs");
}

TEST_CASE("parse: invalid UTF-8 and NUL bytes are E0002 at their position") {
    const auto bad = parse("workout w {\n  note \"caf\xC3\xA9 \xFF\"\n}\n");
    CHECK_FALSE(bad->utf8_ok);
    CHECK(only_error(*bad) == "E0002 2:15 invalid UTF-8 byte 0xFF");
    CHECK(bad->diagnostics.list().front().span.offset == 26);

    const auto truncated = parse("region legs \"\xC3\"\n");  // a lead byte without its continuation
    CHECK(only_error(*truncated) == "E0002 1:14 invalid UTF-8 byte 0xC3");

    const auto overlong = parse("region \xC0\xAF\n");
    CHECK(only_error(*overlong) == "E0002 1:8 invalid UTF-8 byte 0xC0");

    const auto nul = parse(std::string("region legs\n  \0x", 16));
    CHECK(only_error(*nul).starts_with("E0002 2:3 unexpected NUL byte"));

    const auto good = parse("region legs \"Beine \xE2\x80\x93 \xF0\x9F\x92\xAA\"\n");
    CHECK(good->utf8_ok);
    CHECK(good->diagnostics.list().empty());
}

TEST_CASE("parse: deep parenthesis nesting reports a diagnostic, no crash") {
    for (const int depth : {33, 100000}) {
        INFO(depth);
        const auto p = parse("exercise x \"X\" {\n  equipment " + std::string(depth, '(') + "bench" +
                             std::string(depth, ')') + "\n}\n");
        REQUIRE(p->diagnostics.list().size() == 1);
        const auto& d = p->diagnostics.list().front();
        CHECK(code_name(d.code) == "E0003");  // a limit of the parser, not a grammar error
        CHECK(p->sources.position(d.span).line == 2);
        CHECK(p->sources.position(d.span).column == 13 + 32);  // the 33rd '('
        CHECK(d.message.find("nested more than 32 parentheses deep") != std::string::npos);
    }
    // 32 levels are fine.
    const auto p = parse("exercise x \"X\" { equipment " + std::string(32, '(') + "bench" + std::string(32, ')') + " }");
    CHECK(p->diagnostics.list().empty());
}

TEST_CASE("parse: absurdly large numbers are E0004, not a wrap-around") {
    const auto p = parse("workout w { goblet_squat 99999999999999999999x12 }");
    REQUIRE_FALSE(p->diagnostics.list().empty());
    CHECK(code_name(p->diagnostics.list().front().code) == "E0004");
    CHECK(p->sources.position(p->diagnostics.list().front().span).column == 26);
}
