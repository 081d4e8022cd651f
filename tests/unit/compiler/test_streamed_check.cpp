// The streamed check (compiler/driver/streamed_check.hpp): `reps check` checks each workout as it
// parses and drops it. It must report exactly what the whole-file pipeline reports, on every file
// of the tests and examples and on the cases where streaming has to give way.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "compiler/driver/pipeline.hpp"
#include "compiler/driver/streamed_check.hpp"
#include "compiler/dump/dump.hpp"

using namespace reps;
namespace fs = std::filesystem;

namespace {

struct Run {
    std::string diagnostics;   // rendered as `reps check` prints them
    std::size_t ast_workouts = 0;  // workouts left in the main file's AST
    std::size_t ast_programs = 0;  // programs left in it
    std::size_t checked_workouts = 0;
};

Run run(const fs::path& path, bool stream, bool werror = false) {
    SourceManager sources;
    Diagnostics diagnostics;
    diagnostics.set_werror(werror);
    PipelineOptions options;
    options.stream = stream;
    const Compilation compiled = compile(path.string(), options, sources, diagnostics);
    diagnostics.sort_by_position();
    std::ostringstream out;
    render_text(out, sources, diagnostics.list(), RenderOptions{});
    Run result{out.str()};
    for (const auto& file : compiled.loaded.files) {
        if (file.file_id != compiled.loaded.main_file) continue;
        result.ast_workouts = static_cast<std::size_t>(std::count_if(file.declarations.begin(), file.declarations.end(), [](const auto& d) {
            return std::holds_alternative<ast::WorkoutDecl>(d);
        }));
        result.ast_programs = static_cast<std::size_t>(std::count_if(file.declarations.begin(), file.declarations.end(), [](const auto& d) {
            return std::holds_alternative<ast::ProgramDecl>(d);
        }));
    }
    result.checked_workouts = compiled.checked.workouts.size();
    return result;
}

// A file of its own in a fresh directory (imports resolve beside it).
class Scratch {
public:
    Scratch() : dir_(fs::temp_directory_path() / ("reps-streamed-" + std::to_string(::getpid()))) { fs::create_directories(dir_); }
    ~Scratch() {
        std::error_code error;
        fs::remove_all(dir_, error);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir_ / name, std::ios::binary) << text;
        return dir_ / name;
    }

private:
    fs::path dir_;
};

// Comment lines enough to make a file that imports large enough to be streamed
// (StreamedCheck::hold_whole_below_bytes).
std::string padding() {
    std::string text;
    while (text.size() <= StreamedCheck::hold_whole_below_bytes) text += "# A comment line to make the file larger than a small one.\n";
    return text;
}

void check_same(const fs::path& path) {
    CAPTURE(path.string());
    CHECK(run(path, true).diagnostics == run(path, false).diagnostics);
    CHECK(run(path, true, true).diagnostics == run(path, false, true).diagnostics);
}

}  // namespace

TEST_CASE("streamed check: the same diagnostics as the whole-file check on every test input and example") {
    std::vector<fs::path> files;
    for (const char* root : {REPS_TEST_DATA_DIR, REPS_EXAMPLES_DIR}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.is_regular_file() && entry.path().extension() == ".reps") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 100);
    for (const auto& path : files) check_same(path);
}

TEST_CASE("streamed check: workouts are dropped from the AST as they are checked") {
    Scratch scratch;
    const auto path = scratch.write("plan.reps", R"(exercise my_row "My row" {
  primary lats
  equipment dumbbell
}
workout a "A" {
  warmup { easy_cardio 5min }
  my_row 3x10
}
workout b "B" { goblet_squat 3x10 }
program p "P" {
  start 2026-12-07
  weeks 2
  mon 18:00 a
  thu 18:00 b
}
)");
    const Run streamed = run(path, true);
    CHECK(streamed.ast_workouts == 0);
    CHECK(streamed.checked_workouts == 2);
    CHECK(run(path, false).ast_workouts == 2);
    check_same(path);
}

TEST_CASE("streamed check: names across workouts and programs") {
    Scratch scratch;
    // Duplicates among streamed workouts and with a program; a session naming an unknown workout
    // (with a suggestion), a program, and a workout declared after the program.
    check_same(scratch.write("names.reps", R"(workout legs "Legs" { goblet_squat 3x10 }
workout legs "Legs again" { goblet_squat 3x12 }
program legs "Legs program" { start 2026-12-07
  mon 18:00 legz
  tue 18:00 other
  wed 18:00 late
}
program other "Other" { start 2026-12-07
  mon 18:00 legs
}
workout late "Late" { plank 3x30s }
)"));
    const Run streamed = run(scratch.write("names2.reps", "workout w \"W\" { goblet_squat 3x10 }\nworkout w \"W\" { plank 3x30s }\n"), true);
    CHECK(streamed.diagnostics.find("error[E0101]: duplicate workout 'w'") != std::string::npos);
    CHECK(streamed.diagnostics.find(":2:9:") != std::string::npos);  // at the second one
}

TEST_CASE("streamed check: a program is checked as it parses when its workouts came before it, else at the end") {
    Scratch scratch;
    // `early` names only earlier workouts: checked and dropped as it parses. `later` names one
    // declared after it: kept for the end. Both schedule `grow`, whose session length is linted
    // over the longer of the two (8 weeks, from the program checked as it parsed); strength the day
    // after strength (W0203) and before a run (W0204) in each; one program too large (E0005) only
    // in a file without other errors, as the whole check reports it.
    const std::string workouts = R"(workout grow "Grow" {
  warmup { easy_cardio 5min }
  goblet_squat 2x8 -> 4x12
}
workout long "Long" {
  warmup { easy_cardio 5min }
  goblet_squat 10x10 rest 5min
}
)";
    const std::string early = R"(program early "Early" { start 2026-12-07
  weeks 8
  mon 18:00 grow
  tue 07:00 long
  tue 08:00 run "Easy run" 30min easy
}
)";
    const std::string later = R"(program later "Later" { start 2026-12-07
  weeks 3
  wed 18:00 grow
  thu 18:00 last
}
workout last "Last" { warmup { easy_cardio 5min }
  plank 3x30s }
)";
    const auto path = scratch.write("programs.reps", workouts + early + later);
    const Run streamed = run(path, true);
    CHECK(streamed.ast_programs == 1);  // `later`
    CHECK(run(path, false).ast_programs == 2);
    CHECK(streamed.diagnostics.find("warning[W0203]") != std::string::npos);
    CHECK(streamed.diagnostics.find("warning[W0204]") != std::string::npos);
    CHECK(streamed.diagnostics.find("of 8 are out of range") != std::string::npos);
    check_same(path);
    // Too large: 520 weeks of a session of 10,000 segments, in a program checked as it parses.
    std::string huge = "workout huge \"Huge\" {\n";
    for (int i = 0; i < 2500; ++i) huge += " plank 30s\n";
    huge += "}\nprogram forever \"Forever\" { start 2026-12-07\n  weeks 520\n  mon 07:00 huge\n  tue 07:00 huge\n}\n";
    const auto sized = scratch.write("program_size.reps", huge);
    CHECK(run(sized, true).diagnostics.find("error[E0005]: program 'forever'") != std::string::npos);
    check_same(sized);
    // The same with an error elsewhere: no sizes, no lints, in either check.
    check_same(scratch.write("program_size_error.reps", huge + "workout bad \"Bad\" { goblat_squat 3x10 }\n"));
    // A program named like a workout, without a start date: E0101 and E0403 at one name, in the
    // order the whole check gives them; the same for two programs of one name.
    check_same(scratch.write("program_no_start.reps", "workout w \"W\" { goblet_squat 3x10 }\nprogram w \"P\" {\n  mon 18:00 w\n}\n"));
    check_same(scratch.write("programs_no_start.reps",
                             "workout w \"W\" { goblet_squat 3x10 }\nprogram p \"P\" {\n  start 2026-12-07\n  mon 18:00 w\n}\n"
                             "program p \"P2\" {\n  tue 18:00 w\n}\n"));
    // Programs named twice, and a session naming a program.
    check_same(scratch.write("program_names.reps", workouts + early + early + R"(program third "Third" { start 2026-12-07
  mon 18:00 early
}
)"));
}

TEST_CASE("streamed check: a catalog declaration after the first workout makes the file streamed again, with it") {
    Scratch scratch;
    // my_row is used before it is declared: legal (SPEC 2), but the first workout parsed before it.
    const auto path = scratch.write("late_exercise.reps", R"(workout a "A" {
  warmup { easy_cardio 5min }
  my_row 3x10
}
exercise my_row "My row" {
  primary lats
  equipment dumbbell
}
workout b "B" { my_row 3x12 }
)");
    const Run streamed = run(path, true);
    CHECK(streamed.diagnostics.find("error") == std::string::npos);
    CHECK(streamed.ast_workouts == 0);  // parsed again and streamed, not held whole
    CHECK(streamed.checked_workouts == 2);
    check_same(path);

    // The catalog at the end, after every workout and a program; errors of the catalog itself and
    // of the workouts (a name still unknown, a load the exercise cannot take), each reported once.
    const auto at_end = scratch.write("catalog_at_end.reps", R"(workout a "A" {
  my_row 3x10 @20kg
  my_rwo 3x10
}
program p "P" { start 2026-12-07
  mon 18:00 a
  wed 18:00 b
}
workout b "B" { my_plank 3x30s
  my_plank 3x10 }
exercise my_row "My row" {
  primary lats
  equipment dumbbell
}
exercise my_plank "My plank" {
  primary core
  measure time
  equipment mat | nothing_like_it
}
)");
    const Run end_run = run(at_end, true);
    CHECK(end_run.ast_workouts == 0);
    CHECK(end_run.diagnostics.find("E0102") != std::string::npos);  // my_rwo
    CHECK(end_run.diagnostics.find("unknown exercise 'my_row'") == std::string::npos);  // declared at the end
    check_same(at_end);

    // Only warnings: the lints of the second stream, not of the first.
    const auto warnings = scratch.write("catalog_at_end_warnings.reps", R"(workout a "A" { my_lunge 3x10 }
workout b "B" {
  warmup { easy_cardio 5min }
  my_lunge 3x10 each
}
exercise my_lunge "My lunge" {
  primary quads
  sides each
}
)");
    const Run warned = run(warnings, true);
    CHECK(warned.ast_workouts == 0);
    CHECK(warned.diagnostics.find("W0101") != std::string::npos);  // a's lunge: assuming each side
    check_same(warnings);
}

TEST_CASE("streamed check: a file that imports is parsed again and streamed with its imports' catalog") {
    Scratch scratch;
    // The import brings an exercise the file uses, a workout of its own (checked after the file's,
    // as the whole check orders them) and a program naming workouts of both files.
    scratch.write("moves.reps", R"(exercise my_row "My row" {
  primary lats
  equipment dumbbell
}
workout pulled "Pulled" { my_row 3x10
  my_rwo 3x8 }
program plan "Plan" { start 2026-12-07
  mon 18:00 a
  wed 18:00 pulled
}
)");
    // Large enough to be streamed (a smaller one is held whole, as below).
    const auto path = scratch.write("main.reps", "import \"moves.reps\"\n" + padding() +
                                                     "workout a \"A\" { my_row 3x10 }\nworkout b \"B\" { my_row 3x8 }\n");
    const Run streamed = run(path, true);
    CHECK(streamed.ast_workouts == 0);
    CHECK(streamed.checked_workouts == 3);
    CHECK(streamed.diagnostics.find("unknown exercise 'my_rwo'") != std::string::npos);
    check_same(path);

    // An import after the first workout, and a workout named twice across the files.
    const auto late = scratch.write("late_import.reps",
                                    "workout a \"A\" { my_row 3x10 }\nimport \"moves.reps\"\nworkout pulled \"B\" { my_row 3x8 }\n");
    const Run twice = run(late, true);
    CHECK(twice.ast_workouts == 0);
    CHECK(twice.diagnostics.find("duplicate workout 'pulled'") != std::string::npos);
    check_same(late);

    // An import that cannot be read: reported once, from the first parse.
    const auto missing =
        scratch.write("missing.reps", "import \"nowhere.reps\"\n" + padding() + "workout a \"A\" { goblet_squat 3x10 }\n");
    const Run unread = run(missing, true);
    CHECK(unread.diagnostics.find("E0111") != std::string::npos);
    CHECK(unread.diagnostics.find("E0111") == unread.diagnostics.rfind("E0111"));
    check_same(missing);

    // A small file that imports is held whole, checked as one program with its imports.
    const auto small = scratch.write("small.reps", "import \"moves.reps\"\nworkout a \"A\" { my_row 3x10 }\n");
    const Run held = run(small, true);
    CHECK(held.ast_workouts == 1);
    CHECK(held.checked_workouts == 2);
    check_same(small);
}

TEST_CASE("streamed check: errors, sizes and lints as the whole check gives them") {
    Scratch scratch;
    // A syntax error in one workout, a semantic one in another: both reported, nothing more.
    check_same(scratch.write("errors.reps", "workout a \"A\" { goblet_squat 3x }\nworkout b \"B\" { goblat_squat 3x10 }\n"));
    // Sizes (E0005) and the session-length lint week by week in a program longer than a progression.
    std::string big = "workout huge \"Huge\" {\n";
    for (int i = 0; i < 2000; ++i) big += " rest 5min\n";
    check_same(scratch.write("sizes.reps", big + "}\n"));
    check_same(scratch.write("lints.reps", R"(workout grow "Grow" {
  warmup { easy_cardio 5min }
  goblet_squat 2x8 -> 4x12
  focus legs, back
}
program p "P" { start 2026-12-07
  weeks 6
  mon 18:00 grow
  tue 18:00 grow
}
)"));
    // The lints that read a workout's blocks (W0207, W0105); and the same workouts after one with
    // an error, which leaves the file without lints in both.
    const std::string misplaced = R"(workout late "Late" {
  tabata burpee push_up plank mountain_climber jumping_jack squat_jump high_knees lunge_jump sit_up
  warmup { easy_cardio 5min }
}
workout early "Early" {
  cooldown { static_stretching 5min }
  emom 2min { burpee 5; push_up 5; plank 20s }
}
)";
    check_same(scratch.write("blocks.reps", misplaced));
    check_same(scratch.write("blocks_after_error.reps", "workout bad \"Bad\" { goblat_squat 3x10\n  warmup { easy_cardio 5min } }\n" + misplaced));
}

TEST_CASE("streamed check: overlapping sessions (W0206) and a session ending after 9999 (E0409) as the whole check gives them") {
    Scratch scratch;
    // In a program checked as it parses (its workouts came before it) and in one checked at the end
    // (it names a workout declared after it): the lengths come from the streamed measures. `grow`
    // lasts 37:18 in week 1, a little more each week after.
    const std::string workouts = R"(workout grow "Grow" {
  warmup { easy_cardio 5min }
  goblet_squat 2x8 -> 4x12
  rest 30min
}
)";
    const std::string early = R"(program early "Early" { start 2026-03-23
  weeks 4
  timezone "Europe/Berlin"
  mon 07:00 grow
  mon 07:30 run "Easy" 30min easy
  sun 02:30 grow
  sun 03:30 run "Long" 90min easy
}
)";
    const std::string later = R"(program later "Later" { start 2026-03-23
  weeks 2
  wed 18:00 grow
  wed 18:20 last
}
workout last "Last" { warmup { easy_cardio 5min }
  plank 3x30s }
)";
    const auto path = scratch.write("overlaps.reps", workouts + early + later);
    const Run streamed = run(path, true);
    CHECK(streamed.ast_programs == 1);  // `later`
    CHECK(streamed.diagnostics.find("warning[W0206]: sessions overlap on 2026-03-23: run 'Easy'") != std::string::npos);
    CHECK(streamed.diagnostics.find("warning[W0206]: sessions overlap on 2026-03-29: run 'Long'") != std::string::npos);
    CHECK(streamed.diagnostics.find("warning[W0206]: sessions overlap on 2026-03-25: 'last'") != std::string::npos);
    check_same(path);
    const std::string last_day = R"(program end "End" { start 9999-12-25
  fri 23:30 grow
}
)";
    const auto ends = scratch.write("session_past_9999.reps", workouts + last_day);
    CHECK(run(ends, true).diagnostics.find("error[E0409]: program 'end' would end after 9999-12-31: 'grow' at 23:30") != std::string::npos);
    check_same(ends);
    check_same(scratch.write("session_past_9999_later.reps", last_day + workouts));
}

TEST_CASE("streamed check: a program with an error of its own is neither sized nor linted, as in a whole check") {
    Scratch scratch;
    // No start date, or none on the calendar: the streamed check linted it all the same, on a date
    // that is none (year 0), and with a zone and two sessions on one weekday `reps check` stopped
    // with exit 2, "invalid date '-001-12-06'".
    const std::string head = "workout w \"W\" {\n  warmup { easy_cardio 5min }\n  rest 30min\n}\nprogram p \"P\" {\n";
    const std::string sessions = "  timezone \"Europe/Berlin\"\n  weeks 520\n  mon 07:00 run \"R\" 30min\n  mon 07:10 w\n  mon 18:00 w\n}\n";
    const auto without_start = scratch.write("no_start.reps", head + sessions);
    CHECK(run(without_start, true).diagnostics.find("error[E0403]: program 'p' has no start date") != std::string::npos);
    check_same(without_start);
    const auto not_a_date = scratch.write("not_a_date.reps", head + "  start 2026-02-30\n" + sessions);
    CHECK(run(not_a_date, true).diagnostics.find("error[E0404]") != std::string::npos);
    check_same(not_a_date);
}

TEST_CASE("streamed check: a workout of too many statements is refused as it parses, and the next is checked") {
    Scratch scratch;
    // More exercises and rests than a timeline holds segments: E0005 at the workout's name.
    std::string text = "workout long \"Long\" { ";
    for (int i = 0; i < 100'001; ++i) text += "plank 30s; ";
    text += "}\nworkout next \"Next\" { goblat_squat 3x10 }\nprogram p \"P\" {\n  start 2026-12-07\n  mon 18:00 long\n}\n";
    const auto path = scratch.write("long.reps", text);
    const Run streamed = run(path, true);
    CHECK(streamed.diagnostics.find("long.reps:1:9: error[E0005]: workout 'long' has more than 100000 exercises, rests and entries") !=
          std::string::npos);
    CHECK(streamed.diagnostics.find("error[E0102]: unknown exercise 'goblat_squat'") != std::string::npos);
    CHECK(streamed.diagnostics.find("unknown workout") == std::string::npos);  // 'long' was declared
    CHECK(streamed.diagnostics == run(path, false).diagnostics);
    // Statements that take no time count only toward the size limit of E0003.
    std::string notes = "workout notes \"Notes\" { ";
    for (int i = 0; i < 1'000'001; ++i) notes += "note \"n\"; ";
    const auto notes_path = scratch.write("notes.reps", notes + "}\nworkout next \"Next\" { goblat_squat 3x10 }\n" +
                                                         "program p \"P\" {\n  start 2026-12-07\n  mon 18:00 notes\n  tue 18:00 zz\n}\n");
    const Run refused = run(notes_path, true);
    CHECK(refused.diagnostics.find("error[E0003]: workout 'notes' has more than 1000000 statements") != std::string::npos);
    // And the rest of the file is checked, as after E0005 (before, nothing was).
    CHECK(refused.diagnostics.find("error[E0102]: unknown exercise 'goblat_squat'") != std::string::npos);
    CHECK(refused.diagnostics.find("unknown workout 'zz'") != std::string::npos);
    CHECK(refused.diagnostics.find("unknown workout 'notes'") == std::string::npos);
    CHECK(refused.diagnostics == run(notes_path, false).diagnostics);
}

TEST_CASE("streamed check: a tabata's names count as block entries, `or` alternatives as statements") {
    Scratch scratch;
    // One line `tabata burpee burpee ...`: each name is an entry (unbounded, one took 1 KB of memory).
    std::string tabata = "workout t \"T\" { tabata";
    for (int i = 0; i < 100'001; ++i) tabata += " burpee";
    const auto over = scratch.write("tabata.reps", tabata + " }\nworkout next \"Next\" { goblat_squat 3x10 }\n");
    const Run refused = run(over, true);
    CHECK(refused.diagnostics.find("tabata.reps:1:9: error[E0005]: workout 't' has more than 100000 exercises, rests and entries") !=
          std::string::npos);
    CHECK(refused.diagnostics.find("error[E0102]: unknown exercise 'goblat_squat'") != std::string::npos);
    CHECK(refused.diagnostics == run(over, false).diagnostics);
    // At the limit: a warning that the entries after the eighth are never done, and no error.
    std::string at_limit = "workout t \"T\" { tabata";
    for (int i = 0; i < 100'000; ++i) at_limit += " burpee";
    const Run accepted = run(scratch.write("at_limit.reps", at_limit + " }\n"), true);
    CHECK(accepted.diagnostics.find("error") == std::string::npos);
    CHECK(accepted.diagnostics.find("warning[W0105]") != std::string::npos);

    std::string alternatives = "workout a \"A\" { plank 30s";
    for (int i = 0; i < 1'000'000; ++i) alternatives += " or burpee";
    const Run too_many = run(scratch.write("alternatives.reps", alternatives + " }\n"), true);
    CHECK(too_many.diagnostics.find("error[E0003]: workout 'a' has more than 1000000 statements and `or` alternatives") !=
          std::string::npos);
}

TEST_CASE("streamed check: a statement dropped at a syntax error, or read again, does not count toward the limits") {
    Scratch scratch;
    // 60,000 names in a tabata with a syntax error (dropped), then 60,000 in one without: 60,000 count.
    std::string names;
    for (int i = 0; i < 60'000; ++i) names += " burpee";
    const Run dropped = run(scratch.write("dropped.reps", "workout t \"T\" {\n  tabata" + names + " @@\n  tabata" + names + "\n}\n"), true);
    CHECK(dropped.diagnostics.find("error[E0001]") != std::string::npos);
    CHECK(dropped.diagnostics.find("E0005") == std::string::npos);
    // A block left open: its last line is read again by the workout, where its error is reported;
    // its 600,000 alternatives count once (before, twice: E0003 hid the syntax error).
    std::string alternatives;
    for (int i = 0; i < 600'000; ++i) alternatives += " or burpee";
    const Run reread = run(scratch.write("reread.reps", "workout s \"S\" {\n  superset 2 rounds {\n    plank 30s\n  plank 30s" +
                                                            alternatives + " @@\n}\n"),
                           true);
    CHECK(reread.diagnostics.find("error[E0001]") != std::string::npos);
    CHECK(reread.diagnostics.find("E0003") == std::string::npos);
}

namespace {

// `reps build --workout NAME`'s timeline in `week`, from a streamed check that kept NAME or a whole one.
std::string built(const fs::path& path, std::string_view name, int week, bool stream) {
    SourceManager sources;
    Diagnostics diagnostics;
    PipelineOptions options;
    options.stream = stream;
    options.keep_workout = std::string(name);
    const Compilation compiled = compile(path.string(), options, sources, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    for (const auto& workout : compiled.checked.workouts) {
        if (workout.name != name) continue;
        std::ostringstream out;
        dump_timeline(out, *lower_target(compiled, Target{&workout, nullptr}, week, sources).workout);
        return out.str();
    }
    FAIL("no workout " << name);
    return {};
}

}  // namespace

TEST_CASE("streamed check: the workout a build names keeps its blocks and entries, and lowers as from a whole check") {
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(REPS_EXAMPLES_DIR)) {
        if (entry.path().extension() != ".reps") continue;
        SourceManager sources;
        Diagnostics diagnostics;
        const Compilation whole = compile(entry.path().string(), PipelineOptions{}, sources, diagnostics);
        for (const auto& workout : whole.checked.workouts) {
            CAPTURE(entry.path().string());
            CAPTURE(workout.name);
            for (const int week : {1, 3}) {
                CHECK(built(entry.path(), workout.name, week, true) == built(entry.path(), workout.name, week, false));
            }
            ++compared;
        }
    }
    CHECK(compared >= 5);
}

TEST_CASE("streamed check: of several workouts only the one a build names keeps its entries") {
    Scratch scratch;
    const auto path = scratch.write("library.reps", R"(workout first "First" { goblet_squat 3x10 }
workout middle "Middle" {
  warmup { easy_cardio 5min }
  superset 3 rounds rest 90s { push_up 10; goblet_squat 8 }
  goblet_squat 2x8 -> 3x12
  plank 3x30s
}
workout last "Last" { plank 3x30s }
)");
    SourceManager sources;
    Diagnostics diagnostics;
    PipelineOptions options;
    options.stream = true;
    options.keep_workout = "middle";
    const Compilation compiled = compile(path.string(), options, sources, diagnostics);
    REQUIRE(compiled.checked.workouts.size() == 3);
    CHECK(compiled.checked.workouts[0].entries.empty());
    CHECK(compiled.checked.workouts[1].entries.size() == 5);
    CHECK(compiled.checked.workouts[2].entries.empty());
    for (const int week : {1, 2, 3, 4}) CHECK(built(path, "middle", week, true) == built(path, "middle", week, false));
}

TEST_CASE("streamed check: past 100 errors the same errors stop the check as in a whole check") {
    Scratch scratch;
    // Unknown exercises in 150 workouts, syntax errors before and after them: a whole check counts
    // the syntax errors first, so it stops checking earlier than a streamed one would.
    std::string text = "workout broken_first \"B\" { goblet_squat 3x }\n";
    for (int i = 0; i < 150; ++i) text += "workout w" + std::to_string(i) + " \"W\" { goblat_squat 3x10 }\n";
    for (int i = 0; i < 5; ++i) text += "workout broken" + std::to_string(i) + " \"B\" { plank 3x }\n";
    const auto path = scratch.write("many_errors.reps", text);
    const Run streamed = run(path, true);
    CHECK(streamed.diagnostics.find("checking stops here") != std::string::npos);
    CHECK(streamed.diagnostics == run(path, false).diagnostics);
}

TEST_CASE("streamed check: past 100 errors the workouts the checker skips are neither measured nor linted") {
    Scratch scratch;
    // 101 unknown exercises stop the checker; the emom after them, never checked, has entries that
    // were not resolved: its lints (W0105 reads each entry's exercise) crashed on them. In a plain
    // file, after an import at its top, in an import, and in a first parse that did not have the
    // exercise declared at the end (its errors were false, the file is parsed again).
    std::string many = "workout manyerr \"M\" {\n";
    for (int i = 0; i <= 100; ++i) many += "  nosuch_" + std::to_string(i) + " 3x10\n";
    many += "}\n";
    const std::string emom = "workout legs \"Legs\" {\n  emom 1min { burpee 10; plank 30s }\n}\n";
    scratch.write("empty.reps", "");
    scratch.write("legs.reps", emom);
    for (const auto& [name, text] : {std::pair<const char*, std::string>{"plain.reps", many + emom},
                                     {"import_first.reps", "import \"empty.reps\"\n" + padding() + many + emom},
                                     {"import_first_small.reps", "import \"empty.reps\"\n" + many + emom},
                                     {"import_after.reps", many + "import \"legs.reps\"\n"}}) {
        const auto path = scratch.write(name, text);
        const Run streamed = run(path, true);
        CHECK(streamed.diagnostics.find("checking stops here") != std::string::npos);
        check_same(path);
    }
    std::string late = "";
    for (int i = 0; i <= 100; ++i) late += "workout w" + std::to_string(i) + " \"W\" { my_press 3x10 }\n";
    const auto path = scratch.write("late.reps", late + emom + "exercise my_press \"P\" { primary chest }\n");
    CHECK(run(path, true).diagnostics.find("error") == std::string::npos);
    check_same(path);
}

TEST_CASE("streamed check: a warning made an error by --werror and then allowed leaves the lints as in a whole check") {
    Scratch scratch;
    // W0101 under --werror is an error until the allow comment drops it; the lints then need the
    // workout's measure all the same (the whole check crashed reading one it had not taken).
    const auto path = scratch.write("allowed.reps", R"(workout legs "Legs" {
  warmup {
    easy_cardio 5min
  }
  reverse_lunge 3x10  # reps: allow W0101
}
workout alone "Alone" {
  reverse_lunge 3x10  # reps: allow W0101
}
program plan "Plan" {
  start 2026-02-02
  tue 17:30 legs
}
)");
    const Run streamed = run(path, true, true);
    CHECK(streamed.diagnostics.find("W0205") != std::string::npos);
    CHECK(streamed.diagnostics.find("W0201") != std::string::npos);
    check_same(path);
}
