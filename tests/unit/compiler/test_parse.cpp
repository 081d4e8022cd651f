// Parsing: source text to the typed AST, with the fields and spans of every declaration and statement.
#include <doctest/doctest.h>

#include "parse_fixture.hpp"

using namespace reps;
using namespace reps::test;

TEST_CASE("parse: catalog declarations and their spans") {
    const auto p = parse("import \"moves.reps\"\n"
                         "region legs \"Legs\"\n"
                         "muscle quads \"Quadriceps\" in legs\n"
                         "equipment dumbbell \"Dumbbells\" loadable pair\n"
                         "equipment bench\n"
                         "profile home \"Home gym\" { dumbbell, bench }\n");
    CHECK(p->diagnostics.list().empty());
    REQUIRE(p->file.declarations.size() == 6);

    const auto& import = declaration<ast::ImportDecl>(*p, 0);
    CHECK(import.path.value == "moves.reps");
    CHECK(where(*p, import.path.span) == "1:8+12 '\"moves.reps\"'");

    const auto& region = declaration<ast::RegionDecl>(*p, 1);
    CHECK(where(*p, region.name.span) == "2:8+4 'legs'");
    REQUIRE(region.title);
    CHECK(region.title->value == "Legs");
    CHECK(where(*p, region.span) == "2:1+18 'region legs \"Legs\"'");

    const auto& muscle = declaration<ast::MuscleDecl>(*p, 2);
    CHECK(muscle.name.text == "quads");
    CHECK(muscle.title->value == "Quadriceps");
    CHECK(where(*p, muscle.region.span) == "3:30+4 'legs'");
    CHECK(where(*p, muscle.span) == "3:1+33 'muscle quads \"Quadriceps\" in legs'");

    const auto& dumbbell = declaration<ast::EquipmentDecl>(*p, 3);
    CHECK(dumbbell.name.text == "dumbbell");
    CHECK(dumbbell.loadable);
    CHECK(dumbbell.pair);
    const auto& bench = declaration<ast::EquipmentDecl>(*p, 4);
    CHECK(bench.name.text == "bench");
    CHECK_FALSE(bench.title);
    CHECK_FALSE(bench.loadable);
    CHECK_FALSE(bench.pair);

    const auto& profile = declaration<ast::ProfileDecl>(*p, 5);
    CHECK(profile.name.text == "home");
    CHECK(profile.title->value == "Home gym");
    REQUIRE(profile.equipment.size() == 2);
    CHECK(where(*p, profile.equipment[1].span) == "6:37+5 'bench'");
}

TEST_CASE("parse: an exercise with every field") {
    const auto p = parse("exercise goblet_squat \"Goblet Squat\" {\n"
                         "  aka kb_goblet_squat, cup_squat\n"
                         "  pattern squat\n"
                         "  primary quads, glutes\n"
                         "  secondary core\n"
                         "  equipment (kettlebell | dumbbell) + bench | none\n"
                         "  sides each\n"
                         "  measure reps or time\n"
                         "  rep 4s\n"
                         "  easier bodyweight_squat\n"
                         "  harder front_squat\n"
                         "  fit squat / goblet_squat\n"
                         "}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& e = declaration<ast::ExerciseDecl>(*p, 0);
    CHECK(where(*p, e.name.span) == "1:10+12 'goblet_squat'");
    CHECK(e.title.value == "Goblet Squat");
    REQUIRE(e.aka.size() == 2);
    CHECK(where(*p, e.aka[1].span) == "2:24+9 'cup_squat'");
    CHECK(e.pattern->text == "squat");
    REQUIRE(e.primary.size() == 2);
    CHECK(e.primary[1].text == "glutes");
    REQUIRE(e.secondary.size() == 1);
    CHECK(e.secondary[0].text == "core");
    CHECK(e.sides == ast::Sides::each);
    CHECK(e.measure == ast::Measure::reps_or_time);
    CHECK(e.rep->seconds == 4);
    CHECK(e.easier.at(0).text == "bodyweight_squat");
    CHECK(e.harder.at(0).text == "front_squat");
    CHECK(e.fit_category->text == "squat");
    CHECK(e.fit_name->text == "goblet_squat");
    // Every field records its keyword, so that a field given twice can be reported.
    std::string fields;
    for (const auto& field : e.fields_seen) fields += std::string(field.text) + " ";
    CHECK(fields == "aka pattern primary secondary equipment sides measure rep easier harder fit ");
    CHECK(p->sources.position(e.span).line == 1);
    CHECK(e.span.length == p->sources.file(0).text.size() - 1);  // up to the closing brace

    // (kettlebell | dumbbell) + bench | none  ==  any_of[ all_of[ any_of[kettlebell, dumbbell], bench ], none ]
    REQUIRE(e.equipment);
    const auto& top = *e.equipment;
    CHECK(top.kind == ast::EquipmentExpr::Kind::any_of);
    REQUIRE(top.operands.size() == 2);
    CHECK(top.operands[1].kind == ast::EquipmentExpr::Kind::none);
    const auto& both = top.operands[0];
    CHECK(both.kind == ast::EquipmentExpr::Kind::all_of);
    REQUIRE(both.operands.size() == 2);
    CHECK(both.operands[1].name.text == "bench");
    CHECK(both.operands[0].kind == ast::EquipmentExpr::Kind::any_of);
    REQUIRE(both.operands[0].operands.size() == 2);
    CHECK(where(*p, both.operands[0].operands[1].span) == "6:27+8 'dumbbell'");
    CHECK(where(*p, top.span) == "6:13+38 '(kettlebell | dumbbell) + bench | none'");
}

TEST_CASE("parse: prescriptions, doses and modifiers") {
    const auto p = parse("workout w \"W\" {\n"
                         "  goblet_squat 3x8-12 @16kg rest 90s tempo 3-1-x-0 hold 2s \"chest up\" or front_squat or b\n"
                         "  lunge 2x8 -> 3x12 step 1 each @2x10kg\n"
                         "  plank 30s alt @bw+5kg\n"
                         "  push_up 4x5+ @70%; row 3x10 @rpe 8.5; dip 3x10 @rir 2; pull 3x5 @bw\n"
                         "}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& w = declaration<ast::WorkoutDecl>(*p, 0);
    CHECK(w.name.text == "w");
    CHECK(w.title->value == "W");
    REQUIRE(w.body.size() == 7);

    const auto& squat = statement<ast::Prescription>(w.body, 0);
    CHECK(where(*p, squat.exercise.span) == "2:3+12 'goblet_squat'");
    CHECK(where(*p, squat.span) ==
          "2:3+87 'goblet_squat 3x8-12 @16kg rest 90s tempo 3-1-x-0 hold 2s \"chest up\" or front_squat or b'");
    REQUIRE(squat.dose);
    CHECK(squat.dose->from.sets == 3);
    CHECK(where(*p, squat.dose->from.sets_span) == "2:16+1 '3'");
    CHECK(describe(squat.dose->from.amount) == "range 8-12");
    CHECK(where(*p, squat.dose->from.amount.span) == "2:18+4 '8-12'");
    CHECK_FALSE(squat.dose->to);
    const auto& m = *squat.modifiers;
    CHECK(describe(m.load) == "mass 16 kg '16kg'");
    CHECK(where(*p, m.load->span) == "2:23+5 '@16kg'");
    CHECK(m.rest->seconds == 90);
    CHECK(where(*p, m.rest->span) == "2:34+3 '90s'");
    REQUIRE(m.tempo);
    CHECK(m.tempo->phases == std::array<std::int64_t, 4>{3, 1, 1, 0});
    CHECK(m.tempo->text == "3-1-x-0");
    CHECK(m.hold->seconds == 2);
    CHECK(m.cue->value == "chest up");
    REQUIRE(m.alternatives.size() == 2);
    CHECK(where(*p, m.alternatives[0].name.span) == "2:74+11 'front_squat'");
    CHECK(m.alternatives[1].name.text == "b");
    CHECK_FALSE(m.each.set);
    CHECK(m.repeated.empty());

    const auto& lunge = statement<ast::Prescription>(w.body, 1);
    REQUIRE(lunge.dose);
    CHECK(lunge.dose->from.sets == 2);
    CHECK(describe(lunge.dose->from.amount) == "reps 8");
    REQUIRE(lunge.dose->to);
    CHECK(lunge.dose->to->sets == 3);
    CHECK(describe(lunge.dose->to->amount) == "reps 12");
    CHECK(where(*p, lunge.dose->to->span) == "3:16+4 '3x12'");
    REQUIRE(lunge.dose->step);
    CHECK(lunge.dose->step->value == 1);
    CHECK(where(*p, lunge.dose->span) == "3:9+18 '2x8 -> 3x12 step 1'");
    CHECK(lunge.modifiers->each.set);
    CHECK(where(*p, lunge.modifiers->each.span) == "3:28+4 'each'");
    CHECK(describe(lunge.modifiers->load) == "pair 10 kg '2x10kg'");

    const auto& plank = statement<ast::Prescription>(w.body, 2);
    CHECK_FALSE(plank.dose->from.sets);
    CHECK(describe(plank.dose->from.amount) == "duration 30");
    CHECK(plank.modifiers->alt.set);
    CHECK(describe(plank.modifiers->load) == "bodyweight_plus 5 kg 'bw+5kg'");

    const auto& push = statement<ast::Prescription>(w.body, 3);
    CHECK(describe(push.dose->from.amount) == "at_least 5");
    CHECK(describe(push.modifiers->load) == "percent_1rm 70  '70%'");
    CHECK(describe(statement<ast::Prescription>(w.body, 4).modifiers->load) == "rpe 8.5  'rpe 8.5'");
    CHECK(describe(statement<ast::Prescription>(w.body, 5).modifiers->load) == "rir 2  'rir 2'");
    CHECK(describe(statement<ast::Prescription>(w.body, 6).modifiers->load) == "bodyweight 0  'bw'");
    CHECK(where(*p, statement<ast::Prescription>(w.body, 6).span) == "5:58+12 'pull 3x5 @bw'");
}

TEST_CASE("parse: modifiers after 'or NAME' belong to that alternative") {
    const auto p = parse("workout w {\n"
                         "  suspension_row 3x10 \"chest to handles\" or dumbbell_row \"pull to the hip\" @2x10kg rest 2min or b hold 1s hold 2s\n"
                         "}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& row = statement<ast::Prescription>(declaration<ast::WorkoutDecl>(*p, 0).body, 0);
    const auto& m = *row.modifiers;
    CHECK(m.cue->value == "chest to handles");
    CHECK_FALSE(m.load);
    CHECK_FALSE(m.rest);
    REQUIRE(m.alternatives.size() == 2);
    const auto& dumbbell = m.alternatives[0];
    CHECK(dumbbell.name.text == "dumbbell_row");
    CHECK(dumbbell.modifiers->cue->value == "pull to the hip");
    CHECK(describe(dumbbell.modifiers->load) == "pair 10 kg '2x10kg'");
    CHECK(dumbbell.modifiers->rest->seconds == 120);
    CHECK(dumbbell.modifiers->alternatives.empty());
    const auto& b = m.alternatives[1];
    CHECK(b.modifiers->hold->seconds == 2);  // the last one written, as for the prescription
    REQUIRE(b.modifiers->repeated.size() == 1);  // the second hold: E0206 when checked
    CHECK(where(*p, b.modifiers->repeated[0]) == "2:107+7 'hold 2s'");
    CHECK_FALSE(b.modifiers->cue);
}

TEST_CASE("parse: a modifier given twice is recorded for the checker") {
    const auto p = parse("workout w { squat 3x5 @10kg rest 60s @12kg rest 90s }");
    CHECK(p->diagnostics.list().empty());
    const auto& squat = statement<ast::Prescription>(declaration<ast::WorkoutDecl>(*p, 0).body, 0);
    REQUIRE(squat.modifiers->repeated.size() == 2);
    CHECK(where(*p, squat.modifiers->repeated[0]) == "1:38+5 '@12kg'");
}

TEST_CASE("parse: every statement kind") {
    const auto p = parse("workout w {\n"
                         "  defaults rest 45s transition 20s switch 3s\n"
                         "  focus legs, core\n"
                         "  warmup { easy_cardio 5min; note \"loosen up\" }\n"
                         "  superset 3 rounds rest 90s { a 10; b 30s }\n"
                         "  circuit 2 rounds {\n    c 8-12\n  }\n"
                         "  intervals 6 x 40s on 20s off { d; e }\n"
                         "  tabata f g\n"
                         "  rest 2min\n"
                         "  emom 10min { h 10 }\n"
                         "  amrap 12min { i 5; j 10 }\n"
                         "  cooldown { defaults rest 30s; rest 1min }\n"
                         "}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& body = declaration<ast::WorkoutDecl>(*p, 0).body;
    REQUIRE(body.size() == 11);

    const auto& defaults = statement<ast::DefaultsStatement>(body, 0);
    CHECK(defaults.rest->seconds == 45);
    CHECK(defaults.transition->seconds == 20);
    CHECK(defaults.switch_->seconds == 3);
    CHECK(where(*p, defaults.span) == "2:3+42 'defaults rest 45s transition 20s switch 3s'");

    const auto& focus = statement<ast::FocusStatement>(body, 1);
    CHECK_FALSE(focus.full_body);
    REQUIRE(focus.regions.size() == 2);
    CHECK(where(*p, focus.regions[1].span) == "3:15+4 'core'");

    const auto& warmup = statement<ast::PhaseBlock>(body, 2);
    CHECK(warmup.kind == ast::PhaseKind::warmup);
    REQUIRE(warmup.body.size() == 2);
    CHECK(statement<ast::Prescription>(warmup.body, 0).dose->from.amount.value == 300);
    CHECK(statement<ast::NoteStatement>(warmup.body, 1).text.value == "loosen up");
    CHECK(where(*p, warmup.span) == "4:3+45 'warmup { easy_cardio 5min; note \"loosen up\" }'");

    const auto& superset = statement<ast::GroupBlock>(body, 3);
    CHECK(superset.kind == ast::GroupKind::superset);
    CHECK(superset.rounds == 3);
    CHECK(where(*p, superset.rounds_span) == "5:12+1 '3'");
    CHECK(superset.rest->seconds == 90);
    REQUIRE(superset.entries.size() == 2);
    CHECK(superset.entries[1].exercise.text == "b");
    CHECK_FALSE(superset.entries[1].dose->from.sets);
    CHECK(superset.entries[1].dose->from.amount.kind == ast::Amount::Kind::duration);

    const auto& circuit = statement<ast::GroupBlock>(body, 4);
    CHECK(circuit.kind == ast::GroupKind::circuit);
    CHECK_FALSE(circuit.rest);
    REQUIRE(circuit.entries.size() == 1);
    CHECK(where(*p, circuit.entries[0].span) == "7:5+6 'c 8-12'");

    const auto& intervals = statement<ast::IntervalsBlock>(body, 5);
    CHECK_FALSE(intervals.tabata);
    CHECK(intervals.rounds == 6);
    CHECK(intervals.work.seconds == 40);
    CHECK(intervals.rest.seconds == 20);
    REQUIRE(intervals.entries.size() == 2);
    CHECK_FALSE(intervals.entries[0].dose);

    const auto& tabata = statement<ast::IntervalsBlock>(body, 6);
    CHECK(tabata.tabata);
    CHECK(tabata.rounds == 8);
    CHECK(tabata.work.seconds == 20);
    CHECK(tabata.rest.seconds == 10);
    REQUIRE(tabata.entries.size() == 2);
    CHECK(where(*p, tabata.entries[1].span) == "10:12+1 'g'");

    const auto& rest = statement<ast::RestStatement>(body, 7);
    CHECK(rest.duration.seconds == 120);
    CHECK(where(*p, rest.span) == "11:3+9 'rest 2min'");

    const auto& emom = statement<ast::TimedBlock>(body, 8);
    CHECK(emom.kind == ast::TimedKind::emom);
    CHECK(emom.duration.seconds == 600);
    CHECK(emom.entries[0].dose->from.amount.value == 10);
    const auto& amrap = statement<ast::TimedBlock>(body, 9);
    CHECK(amrap.kind == ast::TimedKind::amrap);
    CHECK(amrap.duration.seconds == 720);
    CHECK(amrap.entries.size() == 2);

    const auto& cooldown = statement<ast::PhaseBlock>(body, 10);
    CHECK(cooldown.kind == ast::PhaseKind::cooldown);
    REQUIRE(cooldown.body.size() == 2);
    CHECK(statement<ast::DefaultsStatement>(cooldown.body, 0).rest->seconds == 30);
    CHECK(statement<ast::RestStatement>(cooldown.body, 1).duration.seconds == 60);
}

TEST_CASE("parse: programs and sessions") {
    const auto p = parse("program plan \"Plan\" {\n"
                         "  start 2026-12-01\n"
                         "  weeks 6\n"
                         "  timezone \"Europe/Berlin\"\n"
                         "  tue 06:30 run \"Intervals\" 50min hard\n"
                         "  fri 7:05 total_body\n"
                         "}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& plan = declaration<ast::ProgramDecl>(*p, 0);
    CHECK(plan.name.text == "plan");
    CHECK(plan.start->year == 2026);
    CHECK(plan.start->month == 12);
    CHECK(plan.start->day == 1);
    CHECK(where(*p, plan.start->span) == "2:9+10 '2026-12-01'");
    CHECK(plan.weeks == 6);
    CHECK(where(*p, plan.weeks_span) == "3:9+1 '6'");
    CHECK(plan.timezone->value == "Europe/Berlin");
    REQUIRE(plan.sessions.size() == 2);
    const auto& run = plan.sessions[0];
    CHECK(run.weekday.text == "tue");
    CHECK(run.time.hour == 6);
    CHECK(run.time.minute == 30);
    CHECK_FALSE(run.workout);
    CHECK(run.run_title.value == "Intervals");
    CHECK(run.run_duration.seconds == 3000);
    CHECK(run.run_intensity->text == "hard");
    CHECK(where(*p, run.span) == "5:3+36 'tue 06:30 run \"Intervals\" 50min hard'");
    const auto& strength = plan.sessions[1];
    CHECK(strength.time.hour == 7);
    CHECK(strength.time.minute == 5);
    CHECK(where(*p, strength.workout->span) == "6:12+10 'total_body'");
}

TEST_CASE("parse: escapes in strings") {
    const auto p = parse(R"(workout w { note "say \"up\" \\ then\nrest" })");
    CHECK(p->diagnostics.list().empty());
    const auto& note = statement<ast::NoteStatement>(declaration<ast::WorkoutDecl>(*p, 0).body, 0);
    CHECK(note.text.value == "say \"up\" \\ then\nrest");
}

TEST_CASE("parse: strings and loads view the source, or the manager's copy when rewritten") {
    const auto p = parse("workout w \"plain\" {\n  row 3x10 @rpe   8 \"a\\nb\"\n  dip 3x10 @rir 2 \"as written\"\n}\n");
    CHECK(p->diagnostics.list().empty());
    const auto& w = declaration<ast::WorkoutDecl>(*p, 0);
    const std::string_view text = p->sources.file(0).text;
    const auto inside_source = [&](std::string_view view) {
        return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
    };
    CHECK(inside_source(w.title->value));
    // Written with three spaces, the load reads "rpe 8" all the same: a copy kept by the manager.
    const auto& row = statement<ast::Prescription>(w.body, 0);
    CHECK(row.modifiers->load->text == "rpe 8");
    CHECK_FALSE(inside_source(row.modifiers->load->text));
    CHECK(row.modifiers->cue->value == "a\nb");
    CHECK_FALSE(inside_source(row.modifiers->cue->value));
    const auto& dip = statement<ast::Prescription>(w.body, 1);
    CHECK(dip.modifiers->load->text == "rir 2");
    CHECK(inside_source(dip.modifiers->load->text));
    CHECK(inside_source(dip.modifiers->cue->value));
}

TEST_CASE("parse: a copy of the source manager keeps the rewritten strings alive") {
    auto original = std::make_unique<SourceManager>();
    const auto id = original->add("test.reps", "workout w { note \"x\\\"y\" }\n");
    Diagnostics diagnostics;
    const ast::File file = parse_file(*original, id, diagnostics);
    const SourceManager copy = *original;
    original.reset();  // under ASan a dangling view fails here
    CHECK(statement<ast::NoteStatement>(std::get<ast::WorkoutDecl>(file.declarations.at(0)).body, 0).text.value == "x\"y");
    CHECK(copy.size() == 1);
}
