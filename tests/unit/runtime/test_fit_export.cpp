// The FIT exporter: CRC vectors, the header, the records read back with a small decoder, the
// steps of hand-built timelines (repeat structure included) and the warnings for what FIT drops.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "runtime/export/fit/fit_encoder.hpp"
#include "runtime/export/fit/fit_export.hpp"
#include "runtime/export/fit/fit_ids.hpp"
#include "runtime/export/fit/fit_steps.hpp"

using namespace reps;
using timeline::Block;
using timeline::SegmentKind;

namespace {

std::uint32_t le(const std::string& bytes, std::size_t at, int size) {
    std::uint32_t value = 0;
    for (int i = size - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

// One decoded data message: its global number and each field's raw bytes by field number.
struct Message {
    std::uint16_t global = 0;
    std::map<int, std::string> fields;
    std::uint32_t number(int field) const {
        const std::string& raw = fields.at(field);
        return le(raw, 0, static_cast<int>(raw.size()));
    }
    std::string text(int field) const { return std::string(fields.at(field).c_str()); }
};

// Just enough of FIT to read our own files: normal headers, little-endian, no developer fields.
std::vector<Message> decode(const std::string& file) {
    struct Definition {
        std::uint16_t global = 0;
        std::vector<std::pair<int, int>> fields;  // number, size
    };
    std::map<int, Definition> definitions;
    std::vector<Message> messages;
    const std::size_t end = 14 + le(file, 4, 4);
    for (std::size_t at = 14; at < end;) {
        const auto header = static_cast<unsigned char>(file[at++]);
        REQUIRE((header & 0x80) == 0);  // no compressed timestamps
        const int local = header & 0x0F;
        if (header & 0x40) {
            REQUIRE(file[at + 1] == 0);  // little-endian
            Definition definition;
            definition.global = static_cast<std::uint16_t>(le(file, at + 2, 2));
            const int count = static_cast<unsigned char>(file[at + 4]);
            at += 5;
            for (int i = 0; i < count; ++i, at += 3) {
                definition.fields.emplace_back(static_cast<unsigned char>(file[at]),
                                               static_cast<unsigned char>(file[at + 1]));
            }
            definitions[local] = definition;
            continue;
        }
        REQUIRE(definitions.count(local) == 1);
        Message message;
        message.global = definitions[local].global;
        for (const auto& [number, size] : definitions[local].fields) {
            message.fields[number] = file.substr(at, static_cast<std::size_t>(size));
            at += static_cast<std::size_t>(size);
        }
        messages.push_back(message);
    }
    return messages;
}

std::vector<Message> steps_of(const std::vector<Message>& messages) {
    std::vector<Message> steps;
    for (const Message& m : messages) {
        if (m.global == 27) steps.push_back(m);
    }
    return steps;
}

// Builds timelines the way the compiler lowers them: blocks with their segment ranges.
struct Builder {
    timeline::Timeline t;
    std::int64_t clock = 0;
    int open = -1;

    Builder() {
        t.workout = "test";
        t.title = "Test Session";
    }
    void begin(Block::Kind kind, int sets, timeline::Origin origin = {}) {
        Block block;
        block.kind = kind;
        block.sets = sets;
        block.start = clock;
        block.first_segment = static_cast<int>(t.segments.size());
        block.origin = origin;
        t.blocks.push_back(block);
        open = static_cast<int>(t.blocks.size()) - 1;
    }
    void end() {
        t.blocks[open].segment_count = static_cast<int>(t.segments.size()) - t.blocks[open].first_segment;
        open = -1;
    }
    timeline::Segment& add(SegmentKind kind, std::int64_t duration) {
        timeline::Segment s;
        s.kind = kind;
        s.start = clock;
        s.duration = duration;
        s.block = kind == SegmentKind::transition && open < 0 ? -1 : open;
        clock += duration;
        t.segments.push_back(s);
        t.total_seconds = clock;
        return t.segments.back();
    }
    timeline::Segment& work(std::string exercise, std::string title, std::string category, std::string name,
                            std::int64_t duration) {
        auto& s = add(SegmentKind::work, duration);
        s.exercise = std::move(exercise);
        s.title = std::move(title);
        s.fit_category = std::move(category);
        s.fit_name = std::move(name);
        s.origin = {"t.reps", 7, 3};
        return s;
    }
    timeline::Segment& squat(int reps) {
        auto& s = work("goblet_squat", "Kettlebell Goblet Squat", "squat", "goblet_squat", reps * 3);
        s.reps = reps;
        s.amount_text = std::to_string(reps);
        return s;
    }
};

timeline::Load load(timeline::Load::Kind kind, std::string text, double value, std::string unit = "kg") {
    timeline::Load l;
    l.kind = kind;
    l.text = std::move(text);
    l.value = value;
    l.unit = std::move(unit);
    l.implements = kind == timeline::Load::Kind::pair ? 2 : 1;
    return l;
}

// goblet_squat 3x10 @16kg "Chest up", rest 60s; transition; tabata burpee.
timeline::Timeline squats_and_tabata() {
    Builder b;
    b.begin(Block::Kind::prescription, 3);
    b.t.blocks.back().entries.push_back({});
    b.t.blocks.back().entries.back().exercise = "goblet_squat";
    b.t.blocks.back().entries.back().tempo = "3-1-1-0";
    for (int set = 1; set <= 3; ++set) {
        if (set > 1) b.add(SegmentKind::rest, 60);
        auto& s = b.squat(10);
        s.load = load(timeline::Load::Kind::mass, "16kg", 16);
        s.cue = "Chest up";
    }
    b.end();
    b.add(SegmentKind::transition, 30);
    b.begin(Block::Kind::tabata, 8);
    for (int round = 1; round <= 8; ++round) {
        auto& s = b.work("burpee", "Burpee", "total_body", "burpee", 20);
        s.seconds = 20;
        s.as_many_as_possible = true;
        s.amount_text = "max";
        b.add(SegmentKind::rest, 10);
    }
    b.end();
    return b.t;
}

// Expands repeat steps back into the flat list the watch walks through.
std::vector<fit::Step> expand(const std::vector<fit::Step>& steps) {
    std::vector<fit::Step> flat;
    std::vector<std::size_t> origin;  // index in `steps` of each flat entry
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].duration != fit::Duration::repeat_until_steps_cmplt) {
            flat.push_back(steps[i]);
            origin.push_back(i);
            continue;
        }
        std::size_t from = 0;
        while (origin[from] != steps[i].duration_value) ++from;
        const std::vector<fit::Step> body(flat.begin() + static_cast<std::ptrdiff_t>(from), flat.end());
        const std::vector<std::size_t> body_origin(origin.begin() + static_cast<std::ptrdiff_t>(from), origin.end());
        for (std::uint32_t round = 1; round < *steps[i].repeat_count; ++round) {
            flat.insert(flat.end(), body.begin(), body.end());
            origin.insert(origin.end(), body_origin.begin(), body_origin.end());
        }
    }
    return flat;
}

bool has_warning(const std::vector<std::string>& warnings, const std::string& part) {
    for (const auto& w : warnings) {
        if (w.find(part) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the FIT CRC is CRC-16/ARC") {
    CHECK(fit::crc16("") == 0x0000);
    CHECK(fit::crc16("123456789") == 0xBB3D);
    CHECK(fit::crc16("6789", fit::crc16("12345")) == 0xBB3D);
    CHECK(fit::crc16(std::string("\x0e\x10", 2)) != fit::crc16(std::string("\x10\x0e", 2)));
}

TEST_CASE("the file has a 14-byte FIT 2.0 header with its CRC, and a file CRC") {
    const std::string file = to_fit(squats_and_tabata()).bytes;
    REQUIRE(file.size() > 16);
    CHECK(file[0] == 14);
    CHECK(file[1] == 0x20);
    CHECK(le(file, 2, 2) == 2140);
    CHECK(le(file, 4, 4) == file.size() - 16);
    CHECK(file.substr(8, 4) == ".FIT");
    CHECK(le(file, 12, 2) == fit::crc16(file.substr(0, 12)));
    CHECK(le(file, file.size() - 2, 2) == fit::crc16(file.substr(0, file.size() - 2)));
    CHECK(fit::crc16(file) == 0);  // a CRC-16/ARC over data and its own little-endian CRC is 0
}

TEST_CASE("file_id, workout and one workout_step message per step") {
    const auto messages = decode(to_fit(squats_and_tabata(), FitOptions{1767225600}).bytes);
    REQUIRE(messages.size() == 2 + 8);
    CHECK(messages[0].global == 0);
    CHECK(messages[0].number(0) == 5);    // type workout
    CHECK(messages[0].number(1) == 255);  // manufacturer development
    CHECK(messages[0].number(3) != 0);    // serial number
    CHECK(messages[0].number(4) == 1767225600 - 631065600);
    CHECK(messages[1].global == 26);
    CHECK(messages[1].text(8) == "Test Session");
    CHECK(messages[1].number(4) == 10);  // sport training
    CHECK(messages[1].number(11) == 20);  // sub_sport strength_training
    CHECK(messages[1].number(6) == 8);
    const auto steps = steps_of(messages);
    for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].number(254) == i);
}

TEST_CASE("sets become reps steps with the exercise, weight and notes, rests and repeats follow the timeline") {
    const auto steps = steps_of(decode(to_fit(squats_and_tabata()).bytes));
    REQUIRE(steps.size() == 8);
    // 0 squat, 1 rest, 2 repeat from 0 twice, 3 squat (the last set has no rest), 4 transition.
    CHECK(steps[0].text(0) == "Kettlebell Goblet Squat");
    CHECK(steps[0].number(1) == 29);  // reps
    CHECK(steps[0].number(2) == 10);
    CHECK(steps[0].number(3) == 2);   // target open
    CHECK(steps[0].number(7) == 0);   // active
    CHECK(steps[0].text(8) == "Chest up; tempo 3-1-1-0");
    CHECK(steps[0].number(10) == 28);  // squat
    CHECK(steps[0].number(11) == 37);  // goblet_squat
    CHECK(steps[0].number(12) == 1600);
    CHECK(steps[0].number(13) == 1);  // kilogram
    CHECK(steps[1].text(0) == "Rest");
    CHECK(steps[1].number(1) == 0);
    CHECK(steps[1].number(2) == 60000);
    CHECK(steps[1].number(7) == 1);
    CHECK(steps[1].number(10) == 0xFFFF);
    CHECK(steps[2].number(1) == 6);  // repeat_until_steps_cmplt
    CHECK(steps[2].number(2) == 0);
    CHECK(steps[2].number(4) == 2);
    CHECK(steps[2].number(3) == 0xFF);
    CHECK(steps[3].number(11) == 37);
    CHECK(steps[4].text(0) == "Transition");
    CHECK(steps[4].number(2) == 30000);
}

TEST_CASE("a tabata is work and rest repeated 8 times, last rest kept") {
    const auto plan = fit::plan_steps(squats_and_tabata());
    REQUIRE(plan.steps.size() == 8);
    CHECK(plan.steps[5].name == "Burpee");
    CHECK(plan.steps[5].duration == fit::Duration::time);
    CHECK(plan.steps[5].duration_value == 20000);
    CHECK(plan.steps[5].notes == "max reps");
    CHECK(plan.steps[5].exercise == fit::find_exercise_id("total_body", "burpee"));
    CHECK(plan.steps[6].duration_value == 10000);
    CHECK(plan.steps[7].duration == fit::Duration::repeat_until_steps_cmplt);
    CHECK(plan.steps[7].duration_value == 5);
    CHECK(plan.steps[7].repeat_count == 8u);
}

TEST_CASE("expanding the repeats gives one step per segment, durations equal") {
    const auto t = squats_and_tabata();
    const auto flat = expand(fit::plan_steps(t).steps);
    REQUIRE(flat.size() == t.segments.size());
    for (std::size_t i = 0; i < flat.size(); ++i) {
        const auto& s = t.segments[i];
        CAPTURE(i);
        if (s.reps) CHECK(flat[i].duration_value == static_cast<std::uint32_t>(*s.reps));
        else CHECK(flat[i].duration_value == static_cast<std::uint32_t>(s.duration * 1000));
        CHECK((flat[i].intensity == fit::Intensity::rest) == (s.kind != SegmentKind::work));
    }
}

TEST_CASE("each side: left, switch, right and rest repeat, a superset repeats its rounds") {
    Builder b;
    b.begin(Block::Kind::prescription, 2);
    for (int set = 1; set <= 2; ++set) {
        if (set > 1) b.add(SegmentKind::rest, 45);
        for (auto side : {timeline::Side::left, timeline::Side::right}) {
            auto& s = b.work("bulgarian_split_squat", "Bulgarian Split Squat", "lunge",
                             "dumbbell_bulgarian_split_squat", 30);
            s.reps = 10;
            s.amount_text = "8-10";
            s.side = side;
            s.load = load(timeline::Load::Kind::pair, "2x10kg", 10);
            if (side == timeline::Side::left) b.add(SegmentKind::switch_, 5);
        }
    }
    b.end();
    b.begin(Block::Kind::superset, 3);
    for (int round = 1; round <= 3; ++round) {
        if (round > 1) b.add(SegmentKind::rest, 90);
        b.squat(12);
        b.add(SegmentKind::transition, 15);
        auto& row = b.work("suspension_row", "Suspension Row", "suspension", "row", 30);
        row.reps = 10;
        row.amount_text = "10";
    }
    b.end();
    const auto plan = fit::plan_steps(b.t);
    // Two sets each side are L S R rest L S R: one whole period, so nothing to fold (steps 0-6).
    // The superset is (squat, transition, row, rest) twice, then squat, transition, row.
    REQUIRE(plan.steps.size() == 7 + 4 + 1 + 3);
    CHECK(plan.steps[0].notes == "left side; 8-10 reps; @2x10kg");
    CHECK(plan.steps[0].weight == 1000);
    CHECK(plan.steps[1].name == "Switch sides");
    CHECK(plan.steps[2].notes == "right side; 8-10 reps; @2x10kg");
    CHECK(plan.steps[10].name == "Rest");
    CHECK(plan.steps[10].duration_value == 90000);
    CHECK(plan.steps[11].duration == fit::Duration::repeat_until_steps_cmplt);
    CHECK(plan.steps[11].duration_value == 7);
    CHECK(plan.steps[11].repeat_count == 2u);
    CHECK(plan.steps[12].name == "Kettlebell Goblet Squat");
    CHECK(plan.steps[14].name == "Suspension Row");
    CHECK(plan.steps[14].exercise->category_number == 49);
    CHECK(expand(plan.steps).size() == b.t.segments.size());
    CHECK(has_warning(plan.warnings, "'bulgarian_split_squat' 8-10 reps"));
    // Each warning's origin is kept beside it, for the driver's diagnostic position.
    REQUIRE(plan.warning_origins.size() == plan.warnings.size());
    bool located = false;
    for (std::size_t i = 0; i < plan.warnings.size(); ++i) {
        if (plan.warnings[i].starts_with("'bulgarian_split_squat' 8-10 reps")) {
            located = plan.warning_origins[i].file == "t.reps" && plan.warning_origins[i].line == 7 &&
                      plan.warning_origins[i].column == 3;
        }
    }
    CHECK(located);
}

TEST_CASE("warnings name what FIT cannot carry, once each") {
    Builder b;
    b.begin(Block::Kind::prescription, 2);
    for (int set = 1; set <= 2; ++set) {
        if (set > 1) b.add(SegmentKind::rest, 60);
        auto& thrust = b.work("hip_thrust", "Hip Thrust", "hip_raise", "weighted_hip_raise", 36);
        thrust.reps = 12;
        thrust.load = load(timeline::Load::Kind::percent_1rm, "70%", 70, "");
    }
    b.end();
    b.add(SegmentKind::transition, 30);
    b.begin(Block::Kind::prescription, 1);
    auto& press = b.work("press", "Press", "shoulder_press", "dumbbell_shoulder_press", 30);
    press.reps = 10;
    press.load = load(timeline::Load::Kind::rpe, "rpe 8", 8, "");
    b.end();
    b.begin(Block::Kind::prescription, 1);
    auto& custom = b.work("sandbag_hug", "Sandbag Hug Squat", "", "", 30);
    custom.reps = 10;
    b.end();
    b.begin(Block::Kind::prescription, 1);
    auto& odd = b.work("odd", "Odd Lift", "squat", "not_a_fit_name", 30);
    odd.reps = 5;
    b.end();
    const auto result = to_fit(b.t);
    const auto& w = result.warnings;
    CHECK(w.size() == 4);
    CHECK(has_warning(w, "'hip_thrust' @70%: a FIT weight is a mass"));  // its place is in warning_origins
    CHECK(has_warning(w, "'press' @rpe 8: FIT has no effort target"));
    CHECK(has_warning(w, "exercise 'sandbag_hug' has no FIT mapping"));
    CHECK(has_warning(w, "'squat / not_a_fit_name' is not in the FIT id table"));
    const auto plan = fit::plan_steps(b.t);
    CHECK(plan.steps[0].notes == "@70% of 1RM");
    CHECK(!plan.steps[0].weight);
    CHECK(plan.steps[3].name == "Transition");
    CHECK(plan.steps[4].notes == "@rpe 8");
    CHECK(plan.steps[5].name == "Sandbag Hug Squat");
    CHECK(!plan.steps[5].exercise);
}

TEST_CASE("pounds are written in kilograms with a pound display unit, bw+ as the added mass") {
    Builder b;
    auto& a = b.squat(10);
    a.load = load(timeline::Load::Kind::mass, "35lb", 35, "lb");
    auto& v = b.work("chin_up", "Chin-Up", "pull_up", "chin_up", 12);
    v.reps = 6;
    v.load = load(timeline::Load::Kind::bodyweight_plus, "bw+10kg", 10);
    const auto plan = fit::plan_steps(b.t);
    CHECK(plan.steps[0].weight == 1588);
    CHECK(plan.steps[0].weight_unit == fit::WeightUnit::pound);
    CHECK(plan.steps[1].weight == 1000);
    CHECK(plan.steps[1].notes == "@bw+10kg");
    CHECK(plan.warnings.empty());
}

TEST_CASE("a note goes with the next work step, amrap and emom say what they lose") {
    Builder b;
    b.begin(Block::Kind::note, 1);
    b.t.blocks.back().text = "Go hard";
    b.end();
    b.begin(Block::Kind::amrap, 1);
    auto& amrap = b.squat(10);
    amrap.title = "AMRAP";
    amrap.reps.reset();
    amrap.seconds = 600;
    amrap.duration = 600;
    amrap.cue = "As many rounds as possible: 10 Kettlebell Goblet Squat";
    b.end();
    b.begin(Block::Kind::emom, 2);
    for (int minute = 1; minute <= 2; ++minute) {
        b.squat(10);
        b.add(SegmentKind::rest, 30);
    }
    b.end();
    const auto plan = fit::plan_steps(b.t);
    REQUIRE(plan.steps.size() == 4);
    CHECK(plan.steps[0].name == "AMRAP");
    CHECK(plan.steps[0].notes == "Go hard; As many rounds as possible: 10 Kettlebell Goblet Squat");
    CHECK(!plan.steps[0].exercise);
    CHECK(plan.steps[0].duration_value == 600000);
    CHECK(plan.steps[3].repeat_count == 2u);
    CHECK(has_warning(plan.warnings, "amrap: FIT has no as-many-rounds-as-possible step"));
    CHECK(has_warning(plan.warnings, "emom: a FIT step cannot rest until the minute is up"));
}

TEST_CASE("long notes are cut at a character boundary, a closing note goes with the last shown step") {
    Builder b;
    b.begin(Block::Kind::tabata, 2);
    for (int round = 1; round <= 2; ++round) {
        auto& s = b.squat(10);
        s.cue = "x";
        for (int i = 0; i < 200; ++i) *s.cue += "\xc3\xa9";  // then 400 bytes of 'é'
        b.add(SegmentKind::rest, 10);
    }
    b.end();
    b.begin(Block::Kind::note, 1);
    b.t.blocks.back().text = "Well done";
    b.end();
    const auto plan = fit::plan_steps(b.t);
    REQUIRE(plan.steps.size() == 3);
    CHECK(plan.steps[0].notes.size() == 253);  // byte 254 would split an 'é'
    CHECK(plan.steps[0].notes.substr(249) == "\xc3\xa9\xc3\xa9");
    CHECK(plan.steps[1].notes == "Well done");  // the rest, not the repeat step after it
    CHECK(has_warning(plan.warnings, "notes of step 'Kettlebell Goblet Squat' cut to 254 bytes"));
    const auto steps = steps_of(decode(to_fit(b.t).bytes));
    CHECK(steps[0].text(8).size() == 253);
}

TEST_CASE("the same timeline gives the same bytes, another workout another serial number") {
    const auto t = squats_and_tabata();
    CHECK(to_fit(t).bytes == to_fit(t).bytes);
    auto other = t;
    other.segments[0].reps = 8;
    const auto serial = [](const timeline::Timeline& x) { return decode(to_fit(x).bytes)[0].number(3); };
    CHECK(serial(t) != serial(other));
    CHECK(decode(to_fit(t, FitOptions{1000}).bytes)[0].number(4) == 0x10000000);
    CHECK(has_warning(to_fit(t, FitOptions{1000}).warnings, "time_created"));
}
