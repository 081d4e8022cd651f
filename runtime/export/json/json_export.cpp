// Builds the SPEC §6.1 JSON with ordered_json so keys come out in the SPEC's order,
// which keeps the output diffable and the goldens stable.
#include "runtime/export/json/json_export.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reps {

namespace {

using nlohmann::ordered_json;

template <typename T>
ordered_json value_or_null(const std::optional<T>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json segment_json(const timeline::Segment& segment) {
    ordered_json out;
    out["start"] = segment.start;
    out["duration"] = segment.duration;
    out["kind"] = timeline::to_string(segment.kind);
    out["phase"] = timeline::to_string(segment.phase);
    if (segment.kind != timeline::SegmentKind::work) return out;
    out["exercise"] = segment.exercise;
    out["title"] = segment.title;
    out["set"] = segment.set;
    out["sets"] = segment.sets;
    out["side"] = segment.side == timeline::Side::none
                      ? ordered_json(nullptr)
                      : ordered_json(timeline::to_string(segment.side));
    out["reps"] = value_or_null(segment.reps);
    out["seconds"] = value_or_null(segment.seconds);
    out["load"] = segment.load ? ordered_json(segment.load->text) : ordered_json(nullptr);
    out["cue"] = value_or_null(segment.cue);
    return out;
}

ordered_json timeline_json(const timeline::Timeline& timeline) {
    ordered_json out;
    out["format"] = "reps-timeline/1";
    out["workout"] = timeline.workout;
    out["title"] = timeline.title;
    out["week"] = timeline.week;
    out["total_seconds"] = timeline.total_seconds;
    out["equipment"] = timeline.equipment;
    out["segments"] = ordered_json::array();
    for (const auto& segment : timeline.segments) out["segments"].push_back(segment_json(segment));
    return out;
}

ordered_json run_json(const timeline::RunSession& run) {
    ordered_json out;
    out["title"] = run.title;
    out["duration"] = run.duration;
    out["intensity"] = run.intensity.empty() ? ordered_json(nullptr) : ordered_json(run.intensity);
    return out;
}

ordered_json session_json(const timeline::Session& session) {
    ordered_json out;
    out["date"] = session.date;
    out["time"] = session.time;
    if (!session.written_time.empty()) out["written_time"] = session.written_time;
    out["weekday"] = session.weekday;
    out["week"] = session.week;
    if (session.run) {
        out["run"] = run_json(*session.run);
    } else {
        out["workout"] = session.workout;
        out["timeline"] = session.timeline ? timeline_json(*session.timeline) : ordered_json(nullptr);
    }
    return out;
}

// The control characters nlohmann writes as they are, DEL and the C1 range (UTF-8 C2 80-9F, which
// some terminals obey like ESC [), as \u escapes: a JSON file shown in a terminal cannot drive it,
// and the text read back is the same. They can stand only inside strings, where the escape is valid.
std::string with_controls_escaped(std::string json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto byte = static_cast<unsigned char>(json[i]);
        const bool c1 = byte == 0xC2 && i + 1 < json.size() && static_cast<unsigned char>(json[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(json[i + 1]) <= 0x9F;
        if (byte == 0x7F) {
            out += "\\u007f";
        } else if (c1) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(json[++i]));
        } else {
            out += json[i];
        }
    }
    return out;
}

// Invalid UTF-8 in a user string must not abort an export; it becomes U+FFFD instead.
std::string dump(const ordered_json& value) {
    return with_controls_escaped(value.dump(2, ' ', false, ordered_json::error_handler_t::replace)) + "\n";
}

}  // namespace

std::string to_json(const timeline::Timeline& timeline) { return dump(timeline_json(timeline)); }

std::string to_json(const timeline::Program& program) {
    ordered_json out;
    out["format"] = "reps-program/1";
    out["program"] = program.name;
    out["title"] = program.title;
    out["start"] = program.start;
    out["weeks"] = program.weeks;
    out["timezone"] = program.timezone;
    out["sessions"] = ordered_json::array();
    for (const auto& session : program.sessions) out["sessions"].push_back(session_json(session));
    return dump(out);
}

}  // namespace reps
