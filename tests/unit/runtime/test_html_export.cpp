// The HTML sheet: document shape, sections, rows, grouped rows, log boxes, the SVG bar, program
// pagination, and escaping of everything a user wrote, on hand-built timelines.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "runtime/export/html/html_export.hpp"
#include "sample_timelines.hpp"

using namespace reps;
using timeline::Block;
using timeline::Phase;
using timeline::SegmentKind;

namespace {

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The text between the first `from` at or after `after` and the next `to`.
std::string_view between(std::string_view text, std::string_view from, std::string_view to, std::size_t after = 0) {
    const auto start = text.find(from, after);
    REQUIRE(start != std::string_view::npos);
    const auto end = text.find(to, start + from.size());
    REQUIRE(end != std::string_view::npos);
    return text.substr(start, end - start);
}

// Builds a timeline block by block with a running clock, the way lowering does.
struct Builder {
    timeline::Timeline t;
    std::int64_t clock = 0;
    Phase phase = Phase::main;
    bool transition_due = false;

    void segment(SegmentKind kind, std::int64_t seconds, std::string exercise = {}, int set = 0, int sets = 0) {
        timeline::Segment s;
        s.start = clock;
        s.duration = seconds;
        s.kind = kind;
        s.phase = phase;
        s.exercise = std::move(exercise);
        s.set = set;
        s.sets = sets;
        s.block = static_cast<int>(t.blocks.size()) - 1;
        clock += seconds;
        t.segments.push_back(std::move(s));
    }
    // A transition comes between two blocks; an explicit rest takes its place.
    Block& open(Block::Kind kind, int sets, std::vector<timeline::BlockEntry> entries) {
        const bool timed = kind != Block::Kind::note && kind != Block::Kind::rest;
        if (timed && transition_due) segment(SegmentKind::transition, 30);
        Block b;
        b.kind = kind;
        b.phase = phase;
        b.sets = sets;
        b.start = clock;
        b.entries = std::move(entries);
        b.first_segment = static_cast<int>(t.segments.size());
        t.blocks.push_back(std::move(b));
        return t.blocks.back();
    }
    void close() {
        auto& b = t.blocks.back();
        b.duration = clock - b.start;
        b.segment_count = static_cast<int>(t.segments.size()) - b.first_segment;
        t.total_seconds = clock;
        if (b.kind != Block::Kind::note) transition_due = b.kind != Block::Kind::rest;
    }
    // A prescription of `sets` sets of `work` seconds with `rest` between them.
    void prescription(timeline::BlockEntry entry, int sets, std::int64_t work, std::int64_t rest) {
        open(Block::Kind::prescription, sets, {entry}).rest = rest;
        for (int set = 1; set <= sets; ++set) {
            if (set > 1) segment(SegmentKind::rest, rest);
            segment(SegmentKind::work, work, entry.exercise, set, sets);
        }
        close();
    }
};

timeline::BlockEntry entry(std::string exercise, std::string title, std::string amount) {
    timeline::BlockEntry e;
    e.exercise = std::move(exercise);
    e.title = std::move(title);
    e.amount_text = std::move(amount);
    return e;
}

// Warm-up (cardio 5min), main (squat 3x12 @16kg with a cue and tempo; split squat 2x10 each;
// a superset of 3 rounds; a tabata of two exercises; a rest; a note), cool-down (stretching).
timeline::Timeline full_timeline() {
    Builder b;
    b.t.workout = "full";
    b.t.title = "Full Session";
    b.t.week = 3;
    b.t.source_file = "/home/coach/plans/full.reps";
    b.t.equipment = {"dumbbell", "kettlebell"};
    b.t.equipment_titles = {"Dumbbells", "Kettlebell"};
    b.t.muscles = {{"quads", "Quadriceps (Front Thigh)", "legs", "Legs", true}, {"adductors", "Adductors", "legs", "Legs", false},
                   {"obliques", "Obliques", "core", "Core", false}};

    b.phase = Phase::warmup;
    b.prescription(entry("easy_cardio", "Easy Cardio", "5min"), 1, 300, 60);

    b.phase = Phase::main;
    auto squat = entry("goblet_squat", "Kettlebell Goblet Squat", "12");
    squat.load = test::mass("16kg", 16);
    squat.cue = "Chest up";
    squat.tempo = "3-1-1-0";
    squat.hold = 2;
    b.prescription(squat, 3, 36, 60);
    auto split = entry("bulgarian_split_squat", "Bulgarian Split Squat", "10");
    split.sides = "each";
    b.prescription(split, 2, 30, 90);

    auto& superset = b.open(Block::Kind::superset, 3, {entry("push_up", "Push-Up", "10"), entry("band_row", "Band Row", "15")});
    superset.rest = 90;
    for (int round = 1; round <= 3; ++round) {
        if (round > 1) b.segment(SegmentKind::rest, 90);
        b.segment(SegmentKind::work, 30, "push_up", round, 3);
        b.segment(SegmentKind::transition, 30);
        b.segment(SegmentKind::work, 45, "band_row", round, 3);
    }
    b.close();

    auto& tabata = b.open(Block::Kind::tabata, 8, {entry("burpee", "Burpee", ""), entry("jumping_jacks", "Jumping Jacks", "")});
    tabata.work = 20;
    tabata.rest = 10;
    for (int round = 1; round <= 8; ++round) {
        b.segment(SegmentKind::work, 20, round % 2 ? "burpee" : "jumping_jacks", round, 8);
        b.segment(SegmentKind::rest, 10);
    }
    b.close();

    b.open(Block::Kind::rest, 1, {}).work = 120;
    b.segment(SegmentKind::rest, 120);
    b.close();
    b.open(Block::Kind::note, 1, {}).text = "Drink some water";
    b.close();

    b.phase = Phase::cooldown;
    b.prescription(entry("static_stretching", "Static Stretching", "5min"), 1, 300, 60);
    return b.t;
}

}  // namespace

TEST_CASE("a sheet is one self-contained HTML page with no scripts and no network") {
    const std::string html = to_html(full_timeline());
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.ends_with("</html>\n"));
    CHECK(count(html, "<meta charset=\"utf-8\">") == 1);
    CHECK(count(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") == 1);
    CHECK(count(html, "<title>Full Session</title>") == 1);
    CHECK(count(html, "<section class=\"page") == 1);
    CHECK(count(html, "<style>") == 1);
    CHECK(count(html, "@media print") == 1);
    CHECK(count(html, "@page { margin: 12mm; }") == 1);
    // Letter and A4 both fit, so no paper size is imposed.
    CHECK(count(html, "@page") == 1);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("the header holds title, week, total, equipment and the regions worked") {
    const std::string html = to_html(full_timeline());
    CHECK(count(html, "<h1>Full Session</h1>") == 1);
    CHECK(count(html, "<dt>Week</dt><dd>3</dd>") == 1);
    CHECK(count(html, "<dt>Total</dt><dd>32:33</dd>") == 1);
    CHECK(count(html, "<div class=\"date\"><dt>Date</dt><dd><span class=\"blank\"></span></dd></div>") == 1);
    CHECK(count(html, "<ul><li>Dumbbells</li><li>Kettlebell</li></ul>") == 1);
    // Regions with primary muscles come first, filled and naming them; regions only assisting
    // follow with their muscles greyed. Parenthesised detail is left to the catalog.
    CHECK(count(html, "<li class=\"primary\"><b>Legs</b> Quadriceps</li>"
                      "<li><b>Core</b> <span class=\"assist\">Obliques</span></li>") == 1);
    // The footer names the file, not the path on the coach's machine.
    CHECK(count(html, "full.reps &middot; workout full &middot; week 3") == 1);
    CHECK(html.find("/home/coach") == std::string::npos);

    SUBCASE("--at prints the date with its weekday") {
        const std::string dated = to_html(full_timeline(), "2026-12-01T17:30");
        CHECK(count(dated, "<dt>Date</dt><dd>Tue 2026-12-01 17:30</dd>") == 1);
        CHECK(dated.find("class=\"blank\"") == std::string::npos);
    }
    SUBCASE("no equipment and no muscles say so") {
        auto t = full_timeline();
        t.equipment.clear();
        t.equipment_titles.clear();
        t.muscles.clear();
        const std::string bare = to_html(t);
        CHECK(count(bare, "None: bodyweight only") == 1);
        CHECK(count(bare, "<p class=\"none\">Not known</p>") == 1);
    }
}

TEST_CASE("blocks print as one section per phase and one row per block") {
    const std::string html = to_html(full_timeline());
    CHECK(count(html, "<tr class=\"phase-head\">") == 3);
    const auto warmup = html.find("<tbody class=\"warmup\">");
    const auto main = html.find("<tbody class=\"main\">");
    const auto cooldown = html.find("<tbody class=\"cooldown\">");
    CHECK(warmup < main);
    CHECK(main < cooldown);
    CHECK(cooldown != std::string::npos);
    CHECK(count(html, "Warm-up<span class=\"span\">0:00 &ndash; 5:00 &middot; 5:00</span>") == 1);

    // Four prescriptions, two groups with two entries each, a rest and a note.
    CHECK(count(html, "<tr class=\"row\">") == 4);
    CHECK(count(html, "<tr class=\"group-head\">") == 2);
    CHECK(count(html, "<tr class=\"row in-group\">") == 4);
    CHECK(count(html, "<tr class=\"pause\"><td class=\"n\"></td><td colspan=\"6\">Rest 2:00</td></tr>") == 1);
    CHECK(count(html, "<tr class=\"note\"><td class=\"n\"></td><td colspan=\"6\">Drink some water</td></tr>") == 1);

    SUBCASE("a prescription row holds dose, load, tempo, hold, rest and cue") {
        const auto row = between(html, "<tr class=\"row\"><td class=\"n\">2<small>5:30</small>", "</tr>");
        CHECK(count(row, "<b>Kettlebell Goblet Squat</b><span class=\"cue\">&ldquo;Chest up&rdquo;</span>") == 1);
        CHECK(count(row, "<td class=\"dose\" data-label=\"Sets\">3 &times; 12</td>") == 1);
        CHECK(count(row, "<td class=\"load\" data-label=\"Load\">16kg</td>") == 1);
        CHECK(count(row, "<td class=\"tempo\" data-label=\"Tempo\">3-1-1-0<br>hold 2s</td>") == 1);
        CHECK(count(row, "<td class=\"rest\" data-label=\"Rest\">1:00</td>") == 1);
    }
    SUBCASE("unilateral work carries a per-side marker") {
        const auto row = between(html, "<b>Bulgarian Split Squat</b>", "</tr>");
        CHECK(count(row, "2 &times; 10<span class=\"side\">each side</span>") == 1);
        CHECK(count(row, "data-label=\"Rest\">1:30</td>") == 1);
    }
    SUBCASE("a single timed set reads as its amount, without a rest") {
        const auto row = between(html, "<b>Easy Cardio</b>", "</tr>");
        CHECK(count(row, "data-label=\"Sets\">5min</td>") == 1);
        CHECK(count(row, "data-label=\"Rest\"></td>") == 1);
    }
}

TEST_CASE("supersets and intervals print as grouped rows with their rounds") {
    const std::string html = to_html(full_timeline());
    const auto superset = between(html, "<tr class=\"group-head\"><td class=\"n\">4</td>", "<tr class=\"group-head\">");
    CHECK(count(superset, "<b class=\"kind\">Superset</b> 3 rounds &middot; rest 1:30 between rounds") == 1);
    CHECK(count(superset, "<td class=\"n\">4a</td><td class=\"ex\"><b>Push-Up</b>") == 1);
    CHECK(count(superset, "<td class=\"n\">4b</td><td class=\"ex\"><b>Band Row</b>") == 1);
    CHECK(count(superset, "3 &times; 10") == 1);
    CHECK(count(superset, "3 &times; 15") == 1);

    const auto tabata = between(html, "<tr class=\"group-head\"><td class=\"n\">5</td>", "</tbody>");
    CHECK(count(tabata, "<b class=\"kind\">Tabata</b> 8 rounds &middot; 20s on / 10s off") == 1);
    // The head row gives the group's span on the workout clock and its length.
    CHECK(count(tabata, "<span class=\"took\">21:33 &ndash; 25:33 &middot; 4:00</span>") == 1);
    // Entries take turns: burpees work rounds 1, 3, 5, 7 and jacks 2, 4, 6, 8.
    CHECK(count(tabata, "<td class=\"n\">5a</td><td class=\"ex\"><b>Burpee</b>") == 1);
    CHECK(count(tabata, "4 &times; 20s") == 2);
    const auto burpee = between(tabata, "<b>Burpee</b>", "</tr>");
    CHECK(count(burpee, "<i>1</i>") == 1);
    CHECK(count(burpee, "<i>7</i>") == 1);
    CHECK(count(burpee, "<i>2</i>") == 0);
}

TEST_CASE("every set gets an empty box to log weight and reps") {
    const std::string html = to_html(full_timeline());
    // Loaded sets ask for weight and reps, counted ones for reps, timed ones for a tick.
    CHECK(count(between(html, "<b>Kettlebell Goblet Squat</b>", "</tr>"), "<span class=\"box split\">") == 3);
    // Each-side work gets a half per side in every box.
    CHECK(count(between(html, "<b>Bulgarian Split Squat</b>", "</tr>"),
                "<span class=\"box sides\"><i>1</i><b>L</b><b>R</b></span>") == 1);
    CHECK(count(between(html, "<b>Bulgarian Split Squat</b>", "</tr>"), "<span class=\"box sides\">") == 2);
    CHECK(count(between(html, "<b>Push-Up</b>", "</tr>"), "<span class=\"box reps\">") == 3);
    CHECK(count(between(html, "<b>Band Row</b>", "</tr>"), "<span class=\"box reps\">") == 3);
    CHECK(count(between(html, "<b>Easy Cardio</b>", "</tr>"), "<span class=\"box tick\">") == 1);
    CHECK(count(between(html, "<b>Burpee</b>", "</tr>"), "<span class=\"box") == 4);
    CHECK(count(html, "<span class=\"box") == 3 + 2 + 3 + 3 + 4 + 4 + 1 + 1);
    // Room for the session's RPE and notes, once per page.
    CHECK(count(html, "<div class=\"session-log\">") == 1);
    CHECK(count(html, "<h2>Session RPE <span>1&ndash;10</span></h2>") == 1);
    CHECK(count(html, "<h2>Notes</h2>") == 1);

    SUBCASE("an AMRAP logs its rounds once, on the group row") {
        Builder b;
        b.t.workout = "a";
        auto& amrap = b.open(Block::Kind::amrap, 1, {entry("push_up", "Push-Up", "10"), entry("air_squat", "Squat", "15")});
        amrap.work = 600;
        b.segment(SegmentKind::work, 600, "push_up", 1, 1);
        b.close();
        const std::string sheet = to_html(b.t);
        CHECK(count(sheet, "<b class=\"kind\">AMRAP</b> 10:00 &middot; as many rounds as possible") == 1);
        CHECK(count(sheet, "<span class=\"box") == 1);
        CHECK(count(sheet, "<span class=\"box rounds\"><i>rounds</i></span>") == 1);
        CHECK(count(sheet, "data-label=\"Sets\">10 reps") == 1);
    }
}

TEST_CASE("the timeline bar is an SVG with a rectangle per segment and minute ticks") {
    const auto t = full_timeline();
    const std::string html = to_html(t);
    CHECK(count(html, "<svg viewBox=\"0 0 1000 70\" role=\"img\" aria-label=\"Timeline, 32:33 in total\">") == 1);
    CHECK(count(html, "<rect class=\"k-") == t.segments.size());
    CHECK(count(html, "<rect class=\"k-work\" x=\"0.00\" y=\"20\" width=\"153.61\" height=\"26\"/>") == 1);
    CHECK(count(html, "<rect class=\"k-switch\"") == 0);
    // 32:33 has ticks at minutes 0 to 32, labelled every 5 minutes; the total closes the axis.
    CHECK(count(html, "<path class=\"tick\"") == 33);
    CHECK(count(html, "<path class=\"tick\" d=\"M153.6 46v6\"/><text x=\"153.6\" y=\"63\" text-anchor=\"middle\">5</text>") == 1);
    // The axis ends on the total as a clock, as the header prints it: "32:33", not "32:33 min".
    CHECK(count(html, ">32:33</text>") == 1);
    CHECK(html.find(" min<") == std::string::npos);
    // Phases are bracketed above the bar; the legend gives the time spent in each kind.
    CHECK(count(html, "<path class=\"ph-warmup\"") == 1);
    CHECK(count(html, "<path class=\"ph-main\"") == 1);
    CHECK(count(html, "<path class=\"ph-cooldown\"") == 1);
    CHECK(count(html, "<text class=\"ph-main\"") == 1);
    CHECK(count(html, "<span><i class=\"sw k-work\"></i>Work 19:13</span>") == 1);
    CHECK(count(html, "<i class=\"sw k-transition\"></i>Transition") == 1);
}

TEST_CASE("a timeline without blocks still prints a row per exercise, from its segments") {
    const std::string html = to_html(test::sample_timeline());
    CHECK(count(html, "<tr class=\"row\">") == 5);
    const auto squat = between(html, "<b>Kettlebell Goblet Squat</b>", "</tr>");
    CHECK(count(squat, "2 &times; 12") == 1);
    CHECK(count(squat, "data-label=\"Rest\">1:00</td>") == 1);
    CHECK(count(squat, "<span class=\"box split\">") == 2);
    CHECK(count(between(html, "<b>Bulgarian Split Squat</b>", "</tr>"), "each side") == 1);
    CHECK(count(html, "<tr class=\"phase-head\">") == 3);
}

TEST_CASE("everything a user wrote is escaped") {
    const std::string hostile = "<script>alert(\"x&y\")</script> 'q'";
    const std::string escaped = "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &#39;q&#39;";
    CHECK(html_escape(hostile) == escaped);
    CHECK(html_escape("plain text, 16kg") == "plain text, 16kg");

    auto t = full_timeline();
    t.title = hostile;
    t.workout = hostile;
    t.source_file = "/tmp/x<b>&'\".reps";
    t.equipment_titles[0] = hostile;
    t.muscles[0].muscle_title = hostile;
    t.muscles[0].region_title = hostile;
    for (auto& block : t.blocks) {
        if (block.kind == Block::Kind::note) block.text = hostile;
        for (auto& e : block.entries) {
            e.title = hostile;
            e.cue = hostile;
            e.tempo = hostile;
            if (e.load) e.load->text = hostile;
        }
    }
    const std::string html = to_html(t, "2026-12-01T17:30");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("</script") == std::string::npos);
    CHECK(html.find("alert(\"") == std::string::npos);
    CHECK(html.find("'q'") == std::string::npos);
    CHECK(count(html, "<title>" + escaped + "</title>") == 1);
    CHECK(count(html, "<h1>" + escaped + "</h1>") == 1);
    CHECK(count(html, "&ldquo;" + escaped + "&rdquo;") == 8);  // every entry's cue
    CHECK(count(html, "<b>" + escaped + "</b>") == 9);             // 8 titles, a region
    CHECK(count(html, "<li>" + escaped + "</li>") == 1);           // equipment
    CHECK(count(html, "x&lt;b&gt;&amp;&#39;&quot;.reps &middot; workout " + escaped) == 1);

    SUBCASE("in a program too: its title, run titles and intensities") {
        auto program = test::sample_program();
        program.title = hostile;
        program.sessions[0].run->title = hostile;
        program.sessions[0].run->intensity = hostile;
        program.sessions[1].timeline->title = hostile;
        const std::string sheet = to_html(program);
        CHECK(sheet.find("<script") == std::string::npos);
        CHECK(count(sheet, "<title>" + escaped + "</title>") == 1);
        CHECK(count(sheet, "Run: " + escaped + " (50:00, " + escaped + ")") == 1);
    }
}

TEST_CASE("a program prints one page per workout session, week by week") {
    // Three weeks of two strength sessions, each week with a run before the first of them.
    timeline::Program p;
    p.name = "plan";
    p.title = "Plan";
    p.start = "2026-12-01";
    p.weeks = 3;
    for (int week = 1; week <= 3; ++week) {
        timeline::Session run;
        run.date = week == 1 ? "2026-12-01" : week == 2 ? "2026-12-08" : "2026-12-15";
        run.time = "06:30";
        run.weekday = "tue";
        run.week = week;
        run.run = timeline::RunSession{"Intervals", 3000, "hard"};
        p.sessions.push_back(run);
        for (const char* day : {"tue", "fri"}) {
            timeline::Session s = run;
            s.run.reset();
            s.weekday = day;
            s.time = "17:30";
            s.workout = "full";
            s.timeline = full_timeline();
            s.timeline->week = week;
            p.sessions.push_back(s);
        }
    }
    const std::string html = to_html(p);
    CHECK(count(html, "<section class=\"page\">") == 6);
    CHECK(count(html, ".page + .page { break-before: page; }") == 1);
    CHECK(count(html, "<title>Plan</title>") == 1);
    CHECK(count(html, "Plan &middot; Week 1 &middot; Session 1 of 2") == 1);
    CHECK(count(html, "Plan &middot; Week 3 &middot; Session 2 of 2") == 1);
    CHECK(html.find("Plan &middot; Week 1 &middot; Session 2 of 2") < html.find("Plan &middot; Week 2 &middot; Session 1 of 2"));
    // Each page's agenda lists its week's run, and marks the session on that page.
    CHECK(count(html, "<b>Tue 06:30</b> Run: Intervals (50:00, hard)") == 6);
    CHECK(count(html, "<span class=\"item current\">") == 6);
    CHECK(count(html, "<dt>Date</dt><dd>Tue 2026-12-08 17:30</dd>") == 1);
    CHECK(count(html, "<dt>Week</dt><dd>2</dd>") == 2);

    SUBCASE("a week of runs only gets one short page, so no session goes missing") {
        const std::string sample = to_html(test::sample_program());
        CHECK(count(sample, "<section class=\"page\">") == 1);
        CHECK(count(sample, "<section class=\"page runs-only\">") == 1);
        CHECK(count(sample, "<h1>Week 2: runs</h1>") == 1);
        CHECK(count(sample, "<b>Sat 08:00</b> Run: Long run (1:30:00)") == 1);
        // One duration format: the run's length is the clock the sessions' lengths use.
        CHECK(sample.find(" h ") == std::string::npos);
        CHECK(sample.find(" min)") == std::string::npos);
    }
    SUBCASE("a program without sessions prints one page saying so") {
        timeline::Program empty;
        empty.name = "empty";
        const std::string sheet = to_html(empty);
        CHECK(count(sheet, "<section class=\"page\">") == 1);
        CHECK(count(sheet, "This program has no sessions.") == 1);
    }
}

TEST_CASE("an alternative prints with its own load and cue") {
    auto t = full_timeline();
    REQUIRE(!t.blocks.empty());
    auto& entry = t.blocks.back().entries.front();
    timeline::Alternative easier;
    easier.exercise = "assisted_chin_up";
    easier.title = "Assisted <Chin-Up>";
    easier.load = timeline::Load{timeline::Load::Kind::mass, "20kg", 20, "kg", 1};
    easier.cue = "slow down";
    entry.alternatives.push_back(easier);
    t.profile = "Home gym";
    const std::string html = to_html(t);
    CHECK(count(html, "<span class=\"alt\">or Assisted &lt;Chin-Up&gt; @20kg <span class=\"cue\">&ldquo;slow down&rdquo;</span></span>") == 1);
    CHECK(count(html, "<dt>Profile</dt><dd>Home gym</dd>") == 1);
}
