// The timeline IR: what the compiler emits and what every player and exporter consumes.
// The runtime includes nothing from compiler/ or grammar/; everything a consumer needs is here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace reps::timeline {

enum class SegmentKind { work, rest, switch_, transition };
enum class Phase { warmup, main, cooldown };
enum class Side { none, left, right };

// Where a segment or row came from, for messages from exporters ("file:line:col").
struct Origin {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Load {
    enum class Kind { mass, pair, bodyweight, bodyweight_plus, percent_1rm, rpe, rir };
    Kind kind = Kind::mass;
    std::string text;    // as written, without '@': "16kg", "2x10kg", "bw+10kg", "70%", "rpe 8"
    double value = 0;    // mass per implement, added mass, percent, RPE or RIR
    std::string unit;    // "kg" or "lb" for masses, empty otherwise
    int implements = 1;  // 2 for a pair
};

struct Segment {
    std::int64_t start = 0;     // seconds from workout start
    std::int64_t duration = 0;  // seconds, always > 0
    SegmentKind kind = SegmentKind::work;
    Phase phase = Phase::main;
    // Work segments only (empty / nullopt otherwise):
    std::string exercise;  // canonical catalog name
    std::string title;     // catalog title
    int set = 0;           // set (or round, or minute) i ...
    int sets = 0;          // ... of n
    Side side = Side::none;
    std::optional<int> reps;              // reps to do (upper bound of a range)
    std::optional<std::int64_t> seconds;  // timed work
    std::optional<Load> load;
    std::optional<std::string> cue;
    std::string amount_text;  // the amount as a coach reads it: "12", "8-12", "5+", "30s", "max"
    bool as_many_as_possible = false;  // intervals, tabata and amrap work
    std::string fit_category;  // Garmin FIT exercise_category name ("squat"), empty if unmapped
    std::string fit_name;      // FIT exercise name within the category ("goblet_squat")
    int block = -1;            // index into Timeline::blocks
    Origin origin;
};

// An exercise the coach allows instead of the chosen one (`or reverse_lunge`), for the sheet.
// Its own load and cue when the language gives it some; empty otherwise.
struct Alternative {
    std::string exercise;
    std::string title;
    std::optional<Load> load;
    std::optional<std::string> cue;
};

// One printable row of a workout sheet: a prescription, or one entry of a grouped block.
struct BlockEntry {
    std::string exercise;
    std::string title;
    std::string amount_text;  // "12", "8-12", "5+", "30s"; empty for intervals entries
    std::string sides;        // "", "each" or "alt"
    std::optional<Load> load;
    std::string tempo;        // "3-1-1-0" or empty
    std::int64_t hold = 0;    // seconds added to every rep
    std::optional<std::string> cue;
    std::string fit_category;
    std::string fit_name;
    std::vector<std::string> equipment;  // equipment the chosen option needs
    std::vector<Alternative> alternatives;  // the options not chosen, in the order written
};

struct Block {
    enum class Kind { prescription, superset, circuit, intervals, tabata, emom, amrap, rest, note };
    Kind kind = Kind::prescription;
    Phase phase = Phase::main;
    int sets = 1;                 // sets of a prescription, rounds of a group/intervals, minutes of an emom
    std::int64_t rest = 0;        // rest between sets/rounds (prescription, superset, circuit); rest of intervals
    std::int64_t work = 0;        // work seconds per round (intervals, tabata); duration (amrap, emom, rest)
    std::string text;             // note text
    std::vector<BlockEntry> entries;
    std::int64_t start = 0;       // first segment's start
    std::int64_t duration = 0;    // sum of its segments
    int first_segment = 0;        // index into Timeline::segments
    int segment_count = 0;
    Origin origin;
};

struct MuscleUse {
    std::string muscle;        // name
    std::string muscle_title;
    std::string region;        // name
    std::string region_title;
    bool primary = false;      // primary for at least one exercise of the workout
};

struct Timeline {
    std::string workout;  // name
    std::string title;
    int week = 1;
    std::int64_t total_seconds = 0;
    std::vector<std::string> equipment;  // names the chosen options need, sorted
    std::vector<std::string> equipment_titles;  // same order as equipment
    std::vector<Segment> segments;
    std::vector<Block> blocks;  // in the order written, so their first_segment never decreases
    std::vector<MuscleUse> muscles;  // sorted by region then muscle
    std::string source_file;
    std::string profile;  // the title of the --profile the options were chosen for, empty for none
};

struct RunSession {
    std::string title;
    std::int64_t duration = 0;
    std::string intensity;  // "easy", "hard" or empty
};

struct Session {
    std::string date;     // "2026-12-01"
    std::string time;     // "17:30", on the clock of the program's time zone
    // The time as written when a clock change skips it (SPEC 7: "02:30" on the night clocks go
    // forward starts at 03:30, which `time` then holds), else empty.
    std::string written_time;
    std::string weekday;  // "tue"
    int week = 1;
    std::string workout;  // workout name; empty for a run
    std::optional<Timeline> timeline;
    std::optional<RunSession> run;
    Origin origin;
};

struct Program {
    std::string name;
    std::string title;
    std::string start;     // "2026-12-01"
    int weeks = 1;
    std::string timezone;  // IANA name
    std::vector<Session> sessions;  // in date and time order
    std::string source_file;
};

const char* to_string(SegmentKind kind);
const char* to_string(Phase phase);
const char* to_string(Side side);
const char* to_string(Block::Kind kind);

// The blocks that start at segment `index`, in the order written: a block of it, and the notes
// (which take no time) written before it; index == segments.size(): the notes after the last one.
std::span<const Block> blocks_starting_at(const Timeline& timeline, std::size_t index);

}  // namespace reps::timeline
