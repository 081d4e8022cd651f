// Recovery after a syntax error (compiler/parse/recover.hpp): every independent error of a file in
// one parse, damaged declarations left out with their names kept, the 20-error cap, and no input
// that makes recovery loop.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse_fixture.hpp"

using namespace reps;
using namespace reps::test;

namespace {

// Each diagnostic as "CODE line:col".
std::vector<std::string> errors_of(const Parsed& parsed) {
    std::vector<std::string> out;
    for (const auto& d : parsed.diagnostics.list()) {
        const LineColumn at = parsed.sources.position(d.span);
        out.push_back(std::string(code_name(d.code)) + " " + std::to_string(at.line) + ":" + std::to_string(at.column));
    }
    return out;
}

std::vector<std::string_view> damaged_names(const Parsed& parsed) {
    std::vector<std::string_view> names;
    for (const auto& name : parsed.file.damaged_names) names.push_back(name.text);
    return names;
}

}  // namespace

TEST_CASE("recovery: each broken statement of a block is reported once, and the parse goes on") {
    const auto p = parse(
        "workout w {\n"
        "  goblet_squat x12\n"                      // 2:16 a dose
        "  superset 3 rounds {\n"
        "    push_up 3x10\n"                        // 4:13 an entry takes no sets
        "    rest 60s\n"                            // 5:5 misplaced
        "    burpee 10\n"
        "  }\n"
        "  plank 3x30s junk; rest 2min\n"           // 8:15 the statement ends at ';'
        "  note \"a } in a string\" extra\n"        // 9:26 the '}' in the string closes nothing
        "}\n"
        "workout good { goblet_squat 3x12 }\n");
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 2:16", "E0001 4:13", "E0001 5:5", "E0001 8:15", "E0001 9:26"});
    // The damaged workout stays, marked, with the statements that parsed whole and nothing of the
    // broken ones: the superset keeps burpee, and after `plank ... junk;` comes `rest 2min`.
    REQUIRE(p->file.declarations.size() == 2);
    const auto& damaged = declaration<ast::WorkoutDecl>(*p, 0);
    CHECK(damaged.name.text == "w");
    CHECK(damaged.damaged);
    REQUIRE(damaged.body.size() == 2);
    const auto& superset = std::get<ast::GroupBlock>(damaged.body[0].node);
    REQUIRE(superset.entries.size() == 1);
    CHECK(superset.entries[0].exercise.text == "burpee");
    CHECK(std::holds_alternative<ast::RestStatement>(damaged.body[1].node));
    CHECK_FALSE(declaration<ast::WorkoutDecl>(*p, 1).damaged);
    CHECK(declaration<ast::WorkoutDecl>(*p, 1).name.text == "good");
    CHECK(damaged_names(*p).empty());
}

// Found by an outside tester: a bad escape or control character fails inside its string, and
// the skip to the statement's end took the string's closing '"' for an opening one, so the rest of
// the line (its ';', its '}', its other strings) went unread.
TEST_CASE("recovery: after a bad string the statements after it on the line are parsed and checked") {
    const auto p = parse("exercise aa \"Ex A\" { rep 2s }\n"
                         "workout w \"WX\" { warmup { aa 5 }; note \"a\\tb\"; aa 3 \"c\x7F\"; note \"x\\u0041\"; aa 4 }\n"
                         "workout good { aa 5 }\n");
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 2:43", "E0001 2:55", "E0001 2:67"});
    // Nothing of the broken statements stays; the warmup and `aa 4` after them do, and the '}'
    // closed the workout: the next one parses on its own.
    REQUIRE(p->file.declarations.size() == 3);
    const auto& damaged = declaration<ast::WorkoutDecl>(*p, 1);
    CHECK(damaged.damaged);
    REQUIRE(damaged.body.size() == 2);
    CHECK(std::holds_alternative<ast::PhaseBlock>(damaged.body[0].node));
    CHECK(statement<ast::Prescription>(damaged.body, 1).exercise.text == "aa");
    CHECK_FALSE(declaration<ast::WorkoutDecl>(*p, 2).damaged);
    // An unterminated string after a bad escape still ends the statement at its line end.
    CHECK(errors_of(*parse("workout w {\n  note \"a\\tb\n  plank 30s junk\n}\n")) ==
          std::vector<std::string>{"E0001 2:11", "E0001 3:13"});
}

TEST_CASE("recovery: a broken block header skips the whole block, braces nested") {
    const auto p = parse(
        "workout w {\n"
        "  circuit 3 laps {\n"
        "    Burpee 10\n"
        "    push_up 3x10\n"
        "  }\n"
        "  goblet_squat 3x\n"
        "}\n");
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 2:13", "E0001 6:18"});
}

TEST_CASE("recovery: a dropped field of an exercise keeps its words as names the exercise may declare") {
    const auto p = parse(
        "exercise wall_sit \"Wall Sit\" {\n"
        "  aka wall_hold, Chair_pose\n"
        "  measure time\n"
        "}\n"
        "muscle grip \"Grip\" in Arms\n");
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 2:18", "E0001 5:23"});
    CHECK(p->file.declarations.empty());
    CHECK(damaged_names(*p) == std::vector<std::string_view>{"aka", "wall_hold", "Chair_pose", "wall_sit", "wall_hold", "grip"});
}

TEST_CASE("recovery: a block left open ends at a line that starts a declaration, which is parsed") {
    const auto p = parse(
        "workout open {\n"
        "  superset 3 rounds {\n"
        "    push_up 10\n"
        "workout next {\n"
        "  goblet_squat 3x12\n"
        "}\n");
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 4:1"});
    CHECK(p->diagnostics.list().front().message ==
          "expected an entry like 'burpee 10' or '}' to close the block, found 'workout'");
    // The workout left open stays, damaged, with what was typed of it: its names are checked, and
    // an editor can hover over them.
    REQUIRE(p->file.declarations.size() == 2);
    const auto& open = declaration<ast::WorkoutDecl>(*p, 0);
    CHECK(open.name.text == "open");
    CHECK(open.damaged);
    REQUIRE(open.body.size() == 1);
    const auto& superset = std::get<ast::GroupBlock>(open.body.front().node);
    REQUIRE(superset.entries.size() == 1);
    CHECK(superset.entries.front().exercise.text == "push_up");
    CHECK(declaration<ast::WorkoutDecl>(*p, 1).name.text == "next");
    CHECK_FALSE(declaration<ast::WorkoutDecl>(*p, 1).damaged);

    // The file ends inside two blocks: both end there, the missing '}' reported once.
    const auto at_end = parse("workout w {\n  warmup {\n    easy_cardio 5min\n  lunge 3x10 each\n");
    CHECK(errors_of(*at_end) == std::vector<std::string>{"E0001 5:1"});
    REQUIRE(at_end->file.declarations.size() == 1);
    const auto& typed = declaration<ast::WorkoutDecl>(*at_end, 0);
    CHECK(typed.damaged);
    REQUIRE(typed.body.size() == 1);
    CHECK(std::get<ast::PhaseBlock>(typed.body.front().node).body.size() == 2);

    // An unterminated string took the '}' with it: the open block follows from that error.
    const auto q = parse("workout w {\n  note \"no end }\n");
    CHECK(errors_of(*q) == std::vector<std::string>{"E0001 2:17"});
}

TEST_CASE("recovery: at most 20 syntax errors per file, then one line with how many more") {
    std::string text = "workout many {\n";
    for (int i = 0; i < 30; ++i) text += "  goblet_squat x12\n";
    text += "}\n";
    const auto p = parse(text);
    const auto& list = p->diagnostics.list();
    REQUIRE(list.size() == 21);
    for (std::size_t i = 0; i < 20; ++i) CHECK(list[i].code == Code::E0001);
    CHECK(list[20].code == Code::E0003);
    CHECK(list[20].message == "10 more errors not shown");
    CHECK(p->sources.position(list[20].span).line == 22);  // the 21st error's line

    // A file of many broken lines: after 1000 hidden errors the parse stops (each one costs an
    // exception), so that a file of garbage is answered at once.
    std::string big = "workout big {\n";
    for (int i = 0; i < 200000; ++i) big += "  goblet_squat x12\n";
    big += "}\nworkout after { goblet_squat 3x12 }\n";
    const auto b = parse(big);
    REQUIRE(b->diagnostics.list().size() == 21);
    CHECK(b->diagnostics.list().back().message == "more than 1000 more errors not shown");
    CHECK(b->file.declarations.empty());
}

TEST_CASE("recovery: never loops and never crashes, whatever stands in a block") {
    const char* bodies[] = {
        "{", "}", "}}}}", "{{{{", "\"", "\"\\", "\\", ";", ";;;", "#", "# }", "x", "X", "3", "3x", "@", "(", ")",
        "superset", "superset 3 rounds {", "superset 3 rounds { burpee", "warmup { warmup {", "tabata",
        "note \"", "note \"}", "workout", "exercise e \"E\" {", "\xC3\xA9", "rest 60s {", "{ } } {",
    };
    const char* blocks[] = {"workout w {\n", "workout w {\n  warmup {\n", "workout w {\n  emom 10min {\n",
                            "exercise e \"E\" {\n", "program p {\n", "profile h {\n"};
    for (const char* block : blocks) {
        for (const char* body : bodies) {
            for (const char* end : {"\n}\n", "\n", "", "\n}\n}\nworkout z { burpee 3x10 }\n"}) {
                const std::string text = std::string(block) + body + end + body + end;
                CAPTURE(text);
                const auto p = parse(text);
                CHECK(p->diagnostics.error_count() <= 21);  // and it returned
            }
        }
    }
}

TEST_CASE("recovery: a nested block left open ends at a less indented statement, which the workout parses") {
    const auto p = parse(
        "workout w {\n"
        "  warmup {\n"
        "    easy_cardio 5min\n"
        "    jumping_jack 20\n"
        "  goblet_squat 3x12\n"  // the warmup's '}' is missing too: the workout left open at the end
        "  superset 3 rounds {\n"
        "    push_up 10\n"
        "  rest 60s\n"           // 8:3 the superset's '}' is missing: reported here, once
        "}\n");                 // follows from it, and shows once this one is fixed
    CHECK(errors_of(*p) == std::vector<std::string>{"E0001 8:3"});
    CHECK(p->diagnostics.list().front().notes == std::vector<std::string>{"the block opened with '{' at line 6, column 21"});

    // Flush left, indentation tells nothing: the statement's own error.
    const auto flat = parse("workout w {\nsuperset 3 rounds {\npush_up 10\nrest 60s\n}\n}\n");
    CHECK(errors_of(*flat) == std::vector<std::string>{"E0001 4:1"});
    CHECK(flat->diagnostics.list().front().message.starts_with("'rest' cannot stand inside the superset"));
}
