// Grammar rules in isolation: each input succeeds, fails locally (nothing consumed), or fails globally (a must<> fired).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/grammar.hpp"

namespace pegtl = tao::pegtl;
namespace g = reps::grammar;

namespace {

// The three outcomes of PEGTL's verify_rule, as text so that a failing CHECK shows both sides:
// "success" (all input consumed), "success, N left", "local failure", or "global failure".
// A local failure that consumed input is reported as such: rules must rewind when they fail.
template <typename Rule>
std::string outcome(std::string_view text) {
    pegtl::memory_input<> in(text.data(), text.size(), "test");
    try {
        const bool matched =
            pegtl::match<Rule, pegtl::apply_mode::nothing, pegtl::rewind_mode::required, pegtl::nothing, pegtl::normal>(in);
        if (!matched) {
            return in.size() == text.size() ? "local failure" : "local failure, consumed input";
        }
        return in.empty() ? "success" : "success, " + std::to_string(in.size()) + " left";
    } catch (const pegtl::parse_error&) {
        return "global failure";
    }
}

constexpr const char* ok = "success";
constexpr const char* local = "local failure";
constexpr const char* global = "global failure";

}  // namespace

TEST_CASE("grammar: analyze finds no rule that can loop without consuming input") {
    CHECK(pegtl::analyze<g::file>(1) == 0);
}

TEST_CASE("grammar: durations") {
    for (const auto* text : {"20s", "5min", "1h", "1h30min", "1min30s", "1h30min15s", "1h15s", "1:30", "10:05", "0s"}) {
        INFO(text);
        CHECK(outcome<g::duration>(text) == ok);
    }
    CHECK(outcome<g::duration>("20s ") == "success, 1 left");
    CHECK(outcome<g::duration>("90s;") == "success, 1 left");
    // Units must be whole words and come largest first; the clock form needs two digits of seconds.
    for (const auto* text : {"1h30", "5m", "5 min", "20sec", "30min1h", "12", "s", "min", "1.5min", "20s5"}) {
        INFO(text);
        CHECK(outcome<g::duration>(text) == local);
    }
    // Once ':' follows the minutes the seconds are committed: 00-59, two digits (SPEC section 1).
    CHECK(outcome<g::duration>("1:3") == global);
    CHECK(outcome<g::duration>("1:75") == global);
    CHECK(outcome<g::duration>("1:59") == ok);
}

TEST_CASE("grammar: masses") {
    CHECK(outcome<g::mass>("16kg") == ok);
    CHECK(outcome<g::mass>("35lb") == ok);
    CHECK(outcome<g::mass>("12.5kg") == ok);
    CHECK(outcome<g::mass>("16kg ") == "success, 1 left");
    for (const auto* text : {"16", "16kgs", "16 kg", "12.kg", "kg", "16g", "16KG"}) {
        INFO(text);
        CHECK(outcome<g::mass>(text) == local);
    }
}

TEST_CASE("grammar: amounts") {
    CHECK(outcome<g::amount>("12") == ok);
    CHECK(outcome<g::amount>("8-12") == ok);
    CHECK(outcome<g::amount>("5+") == ok);
    CHECK(outcome<g::amount>("30s") == ok);
    CHECK(outcome<g::amount>("1:30") == ok);
    CHECK(outcome<g::amount>("12 each") == "success, 5 left");
    // Which alternative matched matters to the actions.
    CHECK(outcome<g::amount_range>("8-12") == ok);
    CHECK(outcome<g::amount_at_least>("5+") == ok);
    CHECK(outcome<g::amount_reps>("8-12") == "success, 3 left");
    CHECK(outcome<g::amount_duration>("12") == local);
    for (const auto* text : {"12.5", "12kg", "x12", "abc", "", "-3"}) {
        INFO(text);
        CHECK(outcome<g::amount>(text) == local);
    }
}

TEST_CASE("grammar: doses and progressions") {
    for (const auto* text : {"3x12", "3x8-12", "3x30s", "4x5+", "5min", "20", "2x8 -> 3x12", "2x8->3x12",
                             "2x8 -> 3x12 step 1", "3x30s -> 3x60s step 15s", "20 -> 30"}) {
        INFO(text);
        CHECK(outcome<g::dose>(text) == ok);
    }
    CHECK(outcome<g::dose>("3x12 @16kg") == "success, 6 left");
    // After 'SETSx', '->' or 'step' the parser has committed.
    for (const auto* text : {"3x", "3xabc", "3x12kg", "2x8 ->", "2x8 -> x", "2x8 -> 3x12 step", "2x8 -> 3x12 step big"}) {
        INFO(text);
        CHECK(outcome<g::dose>(text) == global);
    }
    for (const auto* text : {"x12", "abc", "@16kg", ""}) {
        INFO(text);
        CHECK(outcome<g::dose>(text) == local);
    }
}

TEST_CASE("grammar: loads in every form of SPEC 4.1") {
    for (const auto* text : {"@16kg", "@12.5kg", "@35lb", "@2x10kg", "@bw", "@bw+10kg", "@70%", "@72.5%", "@rpe 8",
                             "@rpe 8.5", "@rir 2"}) {
        INFO(text);
        CHECK(outcome<g::load>(text) == ok);
    }
    CHECK(outcome<g::load>("@16kg each") == "success, 5 left");
    for (const auto* text : {"@", "@16", "@heavy", "@bw+", "@bw+10", "@bwx", "@rpe", "@rpe x", "@rir", "@2x10", "@ 16kg"}) {
        INFO(text);
        CHECK(outcome<g::load>(text) == global);
    }
    CHECK(outcome<g::load>("16kg") == local);
    CHECK(outcome<g::load_value>("2x10kg") == ok);
    CHECK(outcome<g::load_pair>("16kg") == local);
}

TEST_CASE("grammar: tempo, hold, rest and alternatives as modifiers") {
    CHECK(outcome<g::tempo_value>("3-1-1-0") == ok);
    CHECK(outcome<g::tempo_value>("x-0-x-0") == ok);
    CHECK(outcome<g::tempo_value>("10-1-1-0") == ok);  // range-checked later (E0305)
    CHECK(outcome<g::tempo_value>("3-1-1") == local);
    CHECK(outcome<g::tempo_value>("3-1-1-0s") == local);
    CHECK(outcome<g::modifier>("tempo 3-1-1-0") == ok);
    CHECK(outcome<g::modifier>("tempo 3-1-1") == global);
    CHECK(outcome<g::modifier>("tempo") == global);
    CHECK(outcome<g::modifier>("hold 2s") == ok);
    CHECK(outcome<g::modifier>("hold 2") == global);
    CHECK(outcome<g::modifier>("rest 90s") == ok);
    CHECK(outcome<g::modifier>("rest") == global);
    CHECK(outcome<g::modifier>("or reverse_lunge") == ok);
    CHECK(outcome<g::modifier>("or rest") == global);
    CHECK(outcome<g::modifier>("each") == ok);
    CHECK(outcome<g::modifier>("alt") == ok);
    CHECK(outcome<g::modifier>("\"chest up\"") == ok);
    CHECK(outcome<g::modifier>("eachx") == local);
    CHECK(outcome<g::modifier>("temp 3-1-1-0") == local);
    CHECK(outcome<g::modifiers>(" each @2x10kg rest 90s tempo 3-1-1-0 hold 1s or a \"cue\"") == ok);
    CHECK(outcome<g::modifiers>(" each # comment") == "success, 10 left");
}

TEST_CASE("grammar: identifiers and keywords") {
    for (const auto* text : {"restx", "rest_day", "a", "a1_b", "goblet_squat", "inx", "mon", "rests"}) {
        INFO(text);
        CHECK(outcome<g::identifier>(text) == ok);
    }
    for (const auto* text : {"rest", "each", "in", "full_body", "bw", "or", "tabata", "rir", "Abc", "1abc", "_a", ""}) {
        INFO(text);
        CHECK(outcome<g::identifier>(text) == local);
    }
    CHECK(outcome<g::identifier>("rest day") == local);
    CHECK(outcome<g::identifier>("squat 3x12") == "success, 5 left");
    CHECK(outcome<g::identifier>("squat-x") == "success, 2 left");
    // An upper-case letter inside a name is an error, not the end of the name.
    CHECK(outcome<g::identifier>("goblet_Squat") == global);
    CHECK(outcome<g::keyword>("rest") == ok);
    CHECK(outcome<g::keyword>("restx") == local);
}

TEST_CASE("grammar: strings and comments") {
    CHECK(outcome<g::string_literal>(R"("chest up")") == ok);
    CHECK(outcome<g::string_literal>(R"("")") == ok);
    CHECK(outcome<g::string_literal>(R"("say \"up\"")") == ok);
    CHECK(outcome<g::string_literal>(R"("a\\b")") == ok);
    CHECK(outcome<g::string_literal>(R"("a\nb")") == ok);
    CHECK(outcome<g::string_literal>(R"("café")") == ok);
    CHECK(outcome<g::string_literal>(R"("a" b)") == "success, 2 left");
    CHECK(outcome<g::string_literal>(R"("unterminated)") == global);
    CHECK(outcome<g::string_literal>("\"two\nlines\"") == global);
    CHECK(outcome<g::string_literal>(R"("bad \q escape")") == global);
    CHECK(outcome<g::string_literal>(R"(chest)") == local);

    CHECK(outcome<g::comment>("# a comment") == ok);
    CHECK(outcome<g::comment>("# a comment\nrest 2min") == "success, 10 left");
    CHECK(outcome<g::comment>("rest") == local);
    CHECK(outcome<g::sp>(" \t# c\r") == ok);
    CHECK(outcome<g::sp>("  \nx") == "success, 2 left");  // within a statement, never past a line end
    CHECK(outcome<g::seps>("\n ; # c\r\n\t") == ok);
}

TEST_CASE("grammar: workout statements") {
    for (const auto* text : {"rest 2min", "note \"easy pace\"", "defaults rest 60s transition 30s switch 5s",
                             "defaults switch 3s", "focus legs, core", "focus full_body",
                             "warmup { easy_cardio 5min }", "warmup {\n  easy_cardio 5min\n  dynamic_stretching 5min\n}",
                             "cooldown { static_stretching 5min; note \"breathe\" }",
                             "superset 3 rounds rest 90s { goblet_squat 10; push_up 12 }",
                             "circuit 2 rounds {\n  burpee 10\n  plank 30s\n}",
                             "intervals 8 x 20s on 10s off { burpee; mountain_climber }", "tabata burpee",
                             "tabata burpee mountain_climber", "emom 10min { burpee 10 }",
                             "amrap 12min { burpee 5; push_up 10 @bw }",
                             "goblet_squat 3x12 @16kg", "goblet_squat 3x12 @16kg rest 90s \"chest up\" or front_squat"}) {
        INFO(text);
        CHECK(outcome<g::workout_statement>(text) == ok);
    }
    CHECK(outcome<g::workout_statement>("goblet_squat 3x12\nrest 1min") == "success, 10 left");
    for (const auto* text : {"rest", "rest abc", "note easy", "defaults", "defaults pause 5s", "focus",
                             "superset 3 { a 10 }", "superset 3 rounds a 10", "superset 3 rounds { rest 30s }",
                             "superset 3 rounds { a 3x10 }", "superset 3 rounds { a 10", "intervals 8 x 20s { a }",
                             "intervals 8 x 20s on 10s { a }", "tabata", "emom { a 10 }", "warmup { warmup { } }",
                             "warmup { a 3x10", "goblet_squat", "goblet_squat 3x12 @", "goblet_Squat 3x12"}) {
        INFO(text);
        CHECK(outcome<g::workout_statement>(text) == global);
    }
    for (const auto* text : {"}", "123", "Goblet 3x12", "# comment", "import \"x.reps\""}) {
        INFO(text);
        CHECK(outcome<g::workout_statement>(text) == local);
    }
}

TEST_CASE("grammar: equipment expressions with parentheses") {
    for (const auto* text : {"dumbbell", "none", "kettlebell | dumbbell", "bench + dumbbell", "a+b|c",
                             "(dumbbell | kettlebell) + bench", "((a))", "( a | b ) + ( c | d )"}) {
        INFO(text);
        CHECK(outcome<g::equipment_expr>(text) == ok);
    }
    CHECK(outcome<g::equipment_expr>("a | b # both") == "success, 7 left");
    CHECK(outcome<g::equipment_expr>("a | b c") == "success, 2 left");
    for (const auto* text : {"(a | b", "a |", "a +", "()", "a | Rest", "(a + )"}) {
        INFO(text);
        CHECK(outcome<g::equipment_expr>(text) == global);
    }
    for (const auto* text : {"| a", "rest", ")", ""}) {
        INFO(text);
        CHECK(outcome<g::equipment_expr>(text) == local);
    }
}

TEST_CASE("grammar: catalog declarations") {
    CHECK(outcome<g::declaration>("region legs \"Legs\"") == ok);
    CHECK(outcome<g::declaration>("muscle quads \"Quadriceps\" in legs") == ok);
    CHECK(outcome<g::declaration>("muscle quads in legs") == ok);
    CHECK(outcome<g::declaration>("equipment dumbbell \"Dumbbells\" loadable pair") == ok);
    CHECK(outcome<g::declaration>("equipment bench") == ok);
    CHECK(outcome<g::declaration>("profile home \"Home gym\" { dumbbell, bench, box }") == ok);
    CHECK(outcome<g::declaration>("profile home {\n  dumbbell,\n  bench\n}") == ok);
    CHECK(outcome<g::declaration>("profile empty { }") == ok);
    CHECK(outcome<g::declaration>("import \"moves.reps\"") == ok);
    CHECK(outcome<g::declaration>("exercise goblet_squat \"Goblet Squat\" {\n  aka kb_goblet_squat\n  pattern squat\n"
                                  "  primary quads, glutes\n  secondary core\n  equipment (kettlebell | dumbbell) + none\n"
                                  "  sides both\n  measure reps or time\n  rep 3s\n  easier bodyweight_squat\n"
                                  "  harder front_squat\n  fit squat / goblet_squat\n}") == ok);
    CHECK(outcome<g::declaration>("exercise x \"X\" { sides each; measure time }") == ok);

    CHECK(outcome<g::declaration>("muscle quads \"Quadriceps\"") == global);
    CHECK(outcome<g::declaration>("region \"Legs\"") == global);
    CHECK(outcome<g::declaration>("exercise x { }") == global);
    CHECK(outcome<g::declaration>("exercise x \"X\" { sides left }") == global);
    CHECK(outcome<g::declaration>("exercise x \"X\" { measure weight }") == global);
    CHECK(outcome<g::declaration>("exercise x \"X\" { color red }") == global);
    CHECK(outcome<g::declaration>("exercise x \"X\" { fit squat goblet }") == global);
    CHECK(outcome<g::declaration>("profile home { dumbbell bench }") == global);
    CHECK(outcome<g::declaration>("import moves.reps") == global);
    CHECK(outcome<g::declaration>("workout rest { }") == global);
    CHECK(outcome<g::declaration>("exercises x") == local);
    CHECK(outcome<g::declaration>("goblet_squat 3x12") == local);
}

TEST_CASE("grammar: program items") {
    for (const auto* text : {"start 2026-12-01", "weeks 6", "timezone \"Europe/Berlin\"", "tue 17:30 total_body",
                             "tue 6:30 run \"Intervals\" 50min hard", "sat 08:00 run \"Long run\" 90min",
                             "sun 09:00 run \"Easy\" 1h easy"}) {
        INFO(text);
        CHECK(outcome<g::program_item>(text) == ok);
    }
    for (const auto* text : {"start 2026-12", "start tomorrow", "weeks six", "timezone Europe", "tue 1730 x",
                             "tue 17:30", "tue 17:30 run 50min", "tue 17:30 run \"R\"", "tue 17:30 rest"}) {
        INFO(text);
        CHECK(outcome<g::program_item>(text) == global);
    }
    for (const auto* text : {"monday 17:30 x", "total_body", "}"}) {
        INFO(text);
        CHECK(outcome<g::program_item>(text) == local);
    }
}

TEST_CASE("grammar: whole files") {
    CHECK(outcome<g::file>("") == ok);
    CHECK(outcome<g::file>("# only a comment\n\n") == ok);
    CHECK(outcome<g::file>("workout t \"Four minutes\" { tabata burpee }") == ok);
    CHECK(outcome<g::file>("\xEF\xBB\xBF") == global);  // the BOM is removed before parsing, by SourceManager
    CHECK(outcome<g::file>("workout w {\r\n  goblet_squat 3x12 # heavy\r\n  rest 2min; note \"x\"\r\n}\r\n") == ok);
    CHECK(outcome<g::file>("program p \"P\" {\n  start 2026-12-01\n  weeks 6\n  timezone \"Europe/Berlin\"\n"
                           "  tue 06:30 run \"Intervals\" 50min hard\n  tue 17:30 total_body\n}\n") == ok);
    CHECK(outcome<g::file>(R"(workout total_body "Total Body Gym Workout for Runners" {
  defaults rest 60s transition 30s switch 5s
  focus full_body
  warmup {
    easy_cardio 5min
    dynamic_stretching 5min
  }
  goblet_squat               3x12 @16kg
  bulgarian_split_squat      3x10 each @2x10kg or reverse_lunge
  hip_thrust                 3x12 @20kg hold 2s
  suspension_hamstring_curl  3x10 or stability_ball_hamstring_curl or dumbbell_romanian_deadlift
  single_leg_calf_raise      3x15 each @2x8kg hold 1s
  suspension_row             3x10 "pull your chest to the handles"
  chin_up                    3x6 hold 1s or assisted_chin_up
  side_plank_rotation        2x8 each
  tabata burpee
  cooldown {
    static_stretching 5min
  }
}
)") == ok);
    CHECK(outcome<g::file>("workout w {\n  goblet_squat 3x12\n") == global);
    CHECK(outcome<g::file>("workout w { goblet_squat 3x12 rest 2min }") == ok);  // 'rest 2min' is a modifier here
    CHECK(outcome<g::file>("workout w { goblet_squat 3x12 push_up 10 }") == global);
    CHECK(outcome<g::file>("region legs \"Legs\" region core") == global);
    CHECK(outcome<g::file>("garbage") == global);
}

TEST_CASE("grammar: the reserved-word table is the keyword rule, word for word") {
    // name_word and at_reserved_word look names up in reserved_words instead of trying `keyword`;
    // every word must match `keyword`, and as many words as `keyword` has alternatives.
    CHECK(std::size(g::reserved_words) == g::keyword::subs_t::size);
    for (const auto word : g::reserved_words) {
        INFO(word);
        CHECK(outcome<g::keyword>(word) == ok);
        CHECK(g::is_reserved(word));
        CHECK(outcome<g::identifier>(word) == local);
        CHECK(outcome<g::at_reserved_word>(word) == "success, " + std::to_string(word.size()) + " left");
        CHECK(outcome<g::identifier>(std::string(word) + "_x") == ok);
        CHECK(outcome<g::identifier>(std::string(word) + "2") == ok);
    }
    for (const auto* text : {"reps_x", "eachX", "squat", "a", "in2", "rpes", "offf"}) {
        INFO(text);
        CHECK(outcome<g::at_reserved_word>(text) == local);
    }
    CHECK(!g::is_reserved("goblet_squat"));
}

TEST_CASE("grammar: white space rules stop where the old star<sor<...>> rules stopped") {
    CHECK(outcome<g::sp>(" \t\r# comment") == ok);
    CHECK(outcome<g::sp>(" ;x") == "success, 2 left");
    CHECK(outcome<g::seps>(" ;\n# c\n\t;x") == "success, 1 left");
    CHECK(outcome<g::ws>(" \n # c\n ;") == "success, 1 left");
    CHECK(outcome<g::ws>("") == ok);
    // Line counting across the newlines they consume.
    pegtl::memory_input<> in("  # c\n\n  x", "test");
    REQUIRE(pegtl::parse<g::seps>(in));
    CHECK(in.iterator().line == 3);
    CHECK(in.iterator().column == 3);
}

TEST_CASE("grammar: a name ends at the first byte outside [a-z0-9_], wherever it falls in a 16-byte step") {
    // Names are scanned sixteen bytes a step while sixteen remain: every length around those
    // steps, ended by each kind of byte or by the end of the input.
    for (std::size_t length = 1; length <= 50; ++length) {
        std::string name;
        for (std::size_t i = 0; i < length; ++i) name += "abz_09xq"[i % 8];
        name[0] = 'a';
        for (const std::string end : {"", " 3x12", "-x", "{", "\xc3\xa9", ".", "`", "/", ":", "@", "[", "\x7f"}) {
            INFO(length, " ", end);
            CHECK(outcome<g::identifier>(name + end) == (end.empty() ? std::string(ok) : "success, " + std::to_string(end.size()) + " left"));
        }
        INFO(length);
        CHECK(outcome<g::identifier>(name + "Q") == global);  // an upper-case letter inside a name
    }
    // Keywords are found whatever follows them, and a name longer than one is not one.
    CHECK(outcome<g::keyword>("superset") == ok);
    CHECK(outcome<g::identifier>("superset_of_things_longer_than_sixteen") == ok);
    CHECK(outcome<g::identifier>("cooldown") == local);
}

namespace {
// The rules as plain ordered choices, as they were before after_digits: the dispatch must not
// change what matches.
struct plain_duration : pegtl::seq<pegtl::sor<g::duration_clock, pegtl::sor<pegtl::seq<g::duration_hours, pegtl::opt<g::duration_minutes>, pegtl::opt<g::duration_seconds>>,
                                                                   pegtl::seq<g::duration_minutes, pegtl::opt<g::duration_seconds>>, g::duration_seconds>>,
                                    pegtl::not_at<pegtl::identifier_other>> {};
struct plain_amount : pegtl::sor<plain_duration, g::amount_range, g::amount_at_least, g::amount_reps> {};
struct plain_dose_part : pegtl::sor<pegtl::if_must<g::sets_prefix, plain_amount>, plain_amount> {};
}  // namespace

TEST_CASE("grammar: amounts, doses and durations match as the plain ordered choice did") {
    const std::vector<std::string> pieces = {"", "1", "12", "3", "x", "-", "+", ":", "h", "m", "min", "s", "30", "05",
                                             "kg", ".", "5", " ", "a", "->", "each", "1h", "x12", "sec"};
    std::size_t tried = 0;
    for (const auto& a : pieces) {
        for (const auto& b : pieces) {
            for (const auto& c : pieces) {
                const std::string text = a + b + c;
                INFO(text);
                CHECK(outcome<g::duration>(text) == outcome<plain_duration>(text));
                CHECK(outcome<g::amount>(text) == outcome<plain_amount>(text));
                CHECK(outcome<g::dose_part>(text) == outcome<plain_dose_part>(text));
                ++tried;
            }
        }
    }
    CHECK(tried == pieces.size() * pieces.size() * pieces.size());
}
