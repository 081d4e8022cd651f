// `--dump checked` and `--dump timeline`: the checked program and the timeline IR as indented text.
#include "compiler/dump/dump.hpp"

#include <string>

#include "compiler/dump/writer.hpp"

namespace reps {

namespace {

using dump::quote;
using dump::seconds;
using dump::Writer;
using Nest = Writer::Nest;

template <typename Range, typename Format>
std::string join(const Range& range, Format format) {
    std::string out;
    for (const auto& item : range) out += (out.empty() ? "" : ", ") + format(item);
    return out;
}

// ---- checked --------------------------------------------------------------------------------

const char* block_kind(checked::Block::Kind kind) {
    using K = checked::Block::Kind;
    switch (kind) {
        case K::prescription: return "prescription";
        case K::superset: return "superset";
        case K::circuit: return "circuit";
        case K::intervals: return "intervals";
        case K::tabata: return "tabata";
        case K::emom: return "emom";
        case K::amrap: return "amrap";
        case K::rest: return "rest";
        case K::note: return "note";
    }
    return "?";
}

std::string amount(const checked::Amount& a) {
    switch (a.kind) {
        case ast::Amount::Kind::reps: return std::to_string(a.value);
        case ast::Amount::Kind::range: return std::to_string(a.value) + '-' + std::to_string(a.upper);
        case ast::Amount::Kind::at_least: return std::to_string(a.value) + '+';
        case ast::Amount::Kind::duration: return seconds(a.value);
    }
    return "?";
}

class CheckedDumper {
public:
    CheckedDumper(Writer& w, const CheckedProgram& program, const SourceManager& sources)
        : w_(w), p_(program), catalog_(program.catalog), sources_(sources) {}

    void workout(const checked::Workout& workout) {
        w_.line(fmt::format("Workout {} {} {}", workout.name, quote(workout.title), at(workout.span)));
        Nest nest(w_);
        w_.field("file", quote(workout.file ? *workout.file : std::string()));
        w_.field("has_warmup", workout.has_warmup ? "true" : "false");
        if (workout.full_body_focus) w_.field("focus", "full_body");
        if (!workout.focus.empty()) {
            w_.field("focus", join(workout.focus, [&](const checked::Workout::Focus& f) { return region(f.region); }));
        }
        for (const checked::Block& block : workout.blocks) this->block(block);
    }

    void program(const checked::Program& plan) {
        w_.line("Program " + plan.name + ' ' + quote(plan.title) + ' ' + at(plan.span));
        Nest nest(w_);
        w_.field("file", quote(plan.file ? *plan.file : std::string()));
        w_.field("start", fmt::format("{:04}-{:02}-{:02}", plan.start_year, plan.start_month, plan.start_day));
        w_.field("weeks", std::to_string(plan.weeks));
        w_.field("timezone", quote(plan.timezone));
        for (const checked::Session& s : plan.sessions) {
            std::string line = fmt::format("Session {} {} (day {}) {:02}:{:02} ", s.index, s.weekday_name, s.weekday,
                                           s.hour, s.minute);
            if (s.workout >= 0) {
                const bool known = static_cast<std::size_t>(s.workout) < p_.workouts.size();
                line += "workout " + (known ? std::string(p_.workouts[static_cast<std::size_t>(s.workout)].name)
                                            : "#" + std::to_string(s.workout));
            } else {
                line += "run " + quote(s.run_title) + ' ' + seconds(s.run_seconds);
                if (!s.run_intensity.empty()) line += ' ' + s.run_intensity;
            }
            w_.line(line + ' ' + at(s.span));
        }
    }

private:
    template <typename List>
    static std::string named(const List& list, int index) {
        if (index < 0 || static_cast<std::size_t>(index) >= list.size()) return "#" + std::to_string(index);
        return list[static_cast<std::size_t>(index)].name;
    }
    std::string exercise(int i) const { return named(catalog_.exercises, i); }
    std::string region(int i) const { return named(catalog_.regions, i); }

    template <typename Set>
    std::string equipment(const Set& set) const {
        if (set.empty()) return "none";
        std::string out;
        for (int e : set) out += (out.empty() ? "" : " + ") + named(catalog_.equipment, e);
        return out;
    }

    void block(const checked::Block& b) {
        const char* phase = !b.in_phase ? "main" : b.phase_kind == ast::PhaseKind::warmup ? "warmup" : "cooldown";
        w_.line(fmt::format("Block {} {} {}", block_kind(b.kind), phase, at(b.span)));
        Nest nest(w_);
        w_.field("defaults", fmt::format("rest {}, transition {}, switch {}", seconds(b.defaults.rest),
                                         seconds(b.defaults.transition), seconds(b.defaults.switch_)));
        using K = checked::Block::Kind;
        if (b.kind == K::superset || b.kind == K::circuit || b.kind == K::intervals || b.kind == K::tabata) {
            w_.field("rounds", std::to_string(b.rounds));
        }
        if (b.rest) w_.field("rest", seconds(*b.rest));
        if (b.work != 0) w_.field("work", seconds(b.work));
        if (b.kind == K::note) w_.field("text", quote(b.text));
        for (const checked::Entry& e : b.entries) entry(e);
    }

    void entry(const checked::Entry& e) {
        w_.line("Entry " + exercise(e.exercise) + ' ' + at(e.span));
        Nest nest(w_);
        w_.field("options", join(e.options, [&](int o) { return exercise(o); }));
        w_.field("equipment", equipment(e.equipment));
        if (!e.steps.empty()) {
            w_.field("steps", join(e.steps, [](const checked::DoseStep& s) {
                         return std::to_string(s.sets) + 'x' + amount(s.amount);
                     }));
        }
        if (e.sides != checked::SideMode::none) w_.field("sides", e.sides == checked::SideMode::each ? "each" : "alt");
        if (e.load) w_.field("load", quote(e.load->text));
        if (e.rest) w_.field("rest", seconds(*e.rest));
        if (e.tempo) w_.field("tempo", quote(*e.tempo));
        if (e.hold != 0) w_.field("hold", seconds(e.hold));
        if (e.cue) w_.field("cue", quote(*e.cue));
        w_.field("rep_time", seconds(e.rep_seconds));
    }

    std::string at(const SourceSpan& span) const { return dump::at(span, sources_); }

    Writer& w_;
    const CheckedProgram& p_;
    const Catalog& catalog_;
    const SourceManager& sources_;
};

// ---- timeline -------------------------------------------------------------------------------

std::string origin(const timeline::Origin& o) {
    if (o.line == 0) return "@-";
    return fmt::format("@{}:{}:{}", o.file, o.line, o.column);
}

std::string load(const timeline::Load& l) { return quote(l.text); }

void entry(Writer& w, const timeline::BlockEntry& e) {
    std::string line = "Entry " + e.exercise + ' ' + quote(e.title);
    if (!e.amount_text.empty()) line += " amount " + e.amount_text;
    if (!e.sides.empty()) line += ' ' + e.sides;
    if (e.load) line += " load " + load(*e.load);
    if (!e.tempo.empty()) line += " tempo " + e.tempo;
    if (e.hold != 0) line += " hold " + seconds(e.hold);
    if (e.cue) line += " cue " + quote(*e.cue);
    if (!e.fit_category.empty() || !e.fit_name.empty()) line += " fit " + e.fit_category + '/' + e.fit_name;
    if (!e.equipment.empty()) line += " equipment " + join(e.equipment, [](const std::string& s) { return s; });
    w.line(line);
}

void segment(Writer& w, std::size_t index, const timeline::Segment& s) {
    std::string line = fmt::format("{} [{}+{}] {} {}", index, s.start, s.duration, timeline::to_string(s.kind),
                                   timeline::to_string(s.phase));
    if (s.kind == timeline::SegmentKind::work) {
        line += fmt::format(" {} set {}/{}", s.exercise, s.set, s.sets);
        if (s.side != timeline::Side::none) line += std::string(" side ") + timeline::to_string(s.side);
        if (s.reps) line += " reps " + std::to_string(*s.reps);
        if (s.seconds) line += " seconds " + std::to_string(*s.seconds);
        if (!s.amount_text.empty()) line += " amount " + s.amount_text;
        if (s.as_many_as_possible) line += " amap";
        if (s.load) line += " load " + load(*s.load);
        if (s.cue) line += " cue " + quote(*s.cue);
    }
    line += " block " + std::to_string(s.block) + ' ' + origin(s.origin);
    w.line(line);
}

void timeline_body(Writer& w, const timeline::Timeline& t) {
    w.line("Timeline " + t.workout + ' ' + quote(t.title));
    Nest nest(w);
    w.field("week", std::to_string(t.week));
    w.field("total", seconds(t.total_seconds));
    w.field("source", quote(t.source_file));
    w.field("equipment", join(t.equipment, [](const std::string& s) { return s; }));
    if (!t.muscles.empty()) {
        w.line("muscles:");
        Nest inner(w);
        for (const timeline::MuscleUse& m : t.muscles) {
            w.line(m.region + '/' + m.muscle + (m.primary ? " primary" : " secondary"));
        }
    }
    for (std::size_t i = 0; i < t.blocks.size(); ++i) {
        const timeline::Block& b = t.blocks[i];
        w.line(fmt::format("Block {} {} {} sets {} rest {} work {} [{}+{}] segments {}+{} {}", i,
                           timeline::to_string(b.kind), timeline::to_string(b.phase), b.sets, seconds(b.rest),
                           seconds(b.work), b.start, b.duration, b.first_segment, b.segment_count, origin(b.origin)));
        Nest inner(w);
        if (!b.text.empty()) w.field("text", quote(b.text));
        for (const timeline::BlockEntry& e : b.entries) entry(w, e);
    }
    w.line("Segments");
    Nest inner(w);
    for (std::size_t i = 0; i < t.segments.size(); ++i) segment(w, i, t.segments[i]);
}

}  // namespace

void dump_checked(std::ostream& out, const CheckedProgram& program, const SourceManager& sources) {
    Writer w(out);
    w.line("Checked");
    Nest nest(w);
    const bool has_profile =
        program.profile >= 0 && static_cast<std::size_t>(program.profile) < program.catalog.profiles.size();
    w.field("profile", has_profile ? program.catalog.profiles[static_cast<std::size_t>(program.profile)].name : "none");
    std::string user_exercises;
    for (const Exercise& e : program.catalog.exercises) {
        if (!e.stdlib) user_exercises += (user_exercises.empty() ? "" : ", ") + e.name;
    }
    if (!user_exercises.empty()) w.field("user_exercises", user_exercises);
    CheckedDumper dumper(w, program, sources);
    for (const checked::Workout& workout : program.workouts) dumper.workout(workout);
    for (const checked::Program& plan : program.programs) dumper.program(plan);
}

void dump_timeline(std::ostream& out, const timeline::Timeline& timeline) {
    Writer w(out);
    timeline_body(w, timeline);
}

void dump_timeline(std::ostream& out, const timeline::Program& program) {
    Writer w(out);
    w.line("Program " + program.name + ' ' + quote(program.title));
    Nest nest(w);
    w.field("start", program.start);
    w.field("weeks", std::to_string(program.weeks));
    w.field("timezone", quote(program.timezone));
    w.field("source", quote(program.source_file));
    for (const timeline::Session& s : program.sessions) {
        w.line(fmt::format("Session {} {} {}{} week {} {}", s.date, s.weekday, s.time,
                           s.written_time.empty() ? "" : " (written " + s.written_time + ")", s.week, origin(s.origin)));
        Nest inner(w);
        if (s.run) {
            std::string line = "Run " + quote(s.run->title) + ' ' + seconds(s.run->duration);
            if (!s.run->intensity.empty()) line += ' ' + s.run->intensity;
            w.line(line);
        }
        if (s.timeline) timeline_body(w, *s.timeline);
    }
}

}  // namespace reps
