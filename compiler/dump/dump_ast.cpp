// `--dump ast`: the typed AST of one file, every node with its kind, fields and @line:col span.
#include <span>
#include <string>
#include <variant>

#include "compiler/dump/dump.hpp"
#include "compiler/dump/writer.hpp"

namespace reps {

namespace {

using dump::quote;
using dump::seconds;
using dump::Writer;
using Nest = Writer::Nest;

const char* amount_kind(ast::Amount::Kind kind) {
    switch (kind) {
        case ast::Amount::Kind::reps: return "reps";
        case ast::Amount::Kind::range: return "range";
        case ast::Amount::Kind::at_least: return "at_least";
        case ast::Amount::Kind::duration: return "duration";
    }
    return "?";
}

const char* load_kind(ast::Load::Kind kind) {
    switch (kind) {
        case ast::Load::Kind::mass: return "mass";
        case ast::Load::Kind::pair: return "pair";
        case ast::Load::Kind::bodyweight: return "bodyweight";
        case ast::Load::Kind::bodyweight_plus: return "bodyweight_plus";
        case ast::Load::Kind::percent_1rm: return "percent_1rm";
        case ast::Load::Kind::rpe: return "rpe";
        case ast::Load::Kind::rir: return "rir";
    }
    return "?";
}

class AstDumper {
public:
    // Without positions, each "@LINE:COL" is a bare "@": the shape `reps fmt` keeps (layout moves
    // positions), which its shape hash is tested against.
    AstDumper(Writer& w, const SourceManager& sources, bool positions = true) : w_(w), sources_(sources), positions_(positions) {}

    void equipment(const ast::EquipmentExpr& e) {
        switch (e.kind) {
            case ast::EquipmentExpr::Kind::name: w_.line("name " + name(e.name)); return;
            case ast::EquipmentExpr::Kind::none: w_.line("none " + at(e.span)); return;
            case ast::EquipmentExpr::Kind::all_of: w_.line("all_of " + at(e.span)); break;
            case ast::EquipmentExpr::Kind::any_of: w_.line("any_of " + at(e.span)); break;
        }
        Nest nest(w_);
        for (const ast::EquipmentExpr& operand : e.operands) equipment(operand);
    }

    void operator()(const ast::ImportDecl& d) {
        w_.line("Import " + at(d.span));
        Nest nest(w_);
        w_.field("path", text(d.path));
    }

    void operator()(const ast::RegionDecl& d) {
        w_.line("Region " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
    }

    void operator()(const ast::MuscleDecl& d) {
        w_.line("Muscle " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
        w_.field("region", name(d.region));
    }

    void operator()(const ast::EquipmentDecl& d) {
        w_.line("Equipment " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
        if (d.loadable) w_.field("loadable", "true");
        if (d.pair) w_.field("pair", "true");
    }

    void operator()(const ast::ExerciseDecl& d) {
        w_.line("Exercise " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        w_.field("title", text(d.title));
        if (!d.aka.empty()) w_.field("aka", names(d.aka));
        if (d.pattern) w_.field("pattern", name(*d.pattern));
        if (!d.primary.empty()) w_.field("primary", names(d.primary));
        if (!d.secondary.empty()) w_.field("secondary", names(d.secondary));
        if (d.equipment) {
            w_.line("equipment:");
            Nest inner(w_);
            equipment(*d.equipment);
        }
        if (d.sides) w_.field("sides", *d.sides == ast::Sides::each ? "each" : "both");
        if (d.measure) {
            w_.field("measure", *d.measure == ast::Measure::reps   ? "reps"
                                : *d.measure == ast::Measure::time ? "time"
                                                                   : "reps_or_time");
        }
        if (d.rep) w_.field("rep", duration(*d.rep));
        if (!d.easier.empty()) w_.field("easier", names(d.easier));
        if (!d.harder.empty()) w_.field("harder", names(d.harder));
        if (d.fit_category) w_.field("fit_category", name(*d.fit_category));
        if (d.fit_name) w_.field("fit_name", name(*d.fit_name));
        if (!d.fields_seen.empty()) w_.field("fields_seen", names(d.fields_seen));
    }

    void operator()(const ast::ProfileDecl& d) {
        w_.line("Profile " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
        w_.field("equipment", names(d.equipment));
    }

    void operator()(const ast::WorkoutDecl& d) {
        w_.line("Workout " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
        body(d.body);
    }

    void operator()(const ast::ProgramDecl& d) {
        w_.line("Program " + at(d.span));
        Nest nest(w_);
        w_.field("name", name(d.name));
        if (d.title) w_.field("title", text(*d.title));
        if (d.start) {
            w_.field("start", fmt::format("{:04}-{:02}-{:02} {}", d.start->year, d.start->month, d.start->day,
                                          at(d.start->span)));
        }
        if (d.weeks) w_.field("weeks", std::to_string(*d.weeks) + ' ' + at(d.weeks_span));
        if (d.timezone) w_.field("timezone", text(*d.timezone));
        for (const ast::SessionDecl& s : d.sessions) session(s);
    }

private:
    void session(const ast::SessionDecl& s) {
        w_.line("Session " + at(s.span));
        Nest nest(w_);
        w_.field("weekday", name(s.weekday));
        w_.field("time", fmt::format("{:02}:{:02} {}", s.time.hour, s.time.minute, at(s.time.span)));
        if (s.workout) {
            w_.field("workout", name(*s.workout));
            return;
        }
        w_.field("run_title", text(s.run_title));
        w_.field("run_duration", duration(s.run_duration));
        if (s.run_intensity) w_.field("run_intensity", name(*s.run_intensity));
    }

    void body(const ast::LongList<ast::Statement>& statements) {
        for (const ast::Statement& s : statements) std::visit(*this, s.node);
    }

public:
    void operator()(const ast::Prescription& p) {
        w_.line("Prescription " + at(p.span));
        Nest nest(w_);
        w_.field("exercise", name(p.exercise));
        if (p.dose) dose(*p.dose);
        modifiers(*p.modifiers);
    }

    void operator()(const ast::RestStatement& s) { w_.line("Rest " + at(s.span) + " duration " + duration(s.duration)); }

    void operator()(const ast::NoteStatement& s) { w_.line("Note " + at(s.span) + " text " + text(s.text)); }

    void operator()(const ast::DefaultsStatement& s) {
        w_.line("Defaults " + at(s.span));
        Nest nest(w_);
        if (s.rest) w_.field("rest", duration(*s.rest));
        if (s.transition) w_.field("transition", duration(*s.transition));
        if (s.switch_) w_.field("switch", duration(*s.switch_));
    }

    void operator()(const ast::FocusStatement& s) {
        w_.line("Focus " + at(s.span));
        Nest nest(w_);
        if (s.full_body) w_.field("full_body", "true");
        if (!s.regions.empty()) w_.field("regions", names(s.regions));
    }

    void operator()(const ast::PhaseBlock& b) {
        w_.line(std::string(b.kind == ast::PhaseKind::warmup ? "Warmup " : "Cooldown ") + at(b.span));
        Nest nest(w_);
        body(b.body);
    }

    void operator()(const ast::GroupBlock& b) {
        w_.line(std::string(b.kind == ast::GroupKind::superset ? "Superset " : "Circuit ") + at(b.span));
        Nest nest(w_);
        w_.field("rounds", std::to_string(b.rounds) + ' ' + at(b.rounds_span));
        if (b.rest) w_.field("rest", duration(*b.rest));
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

    void operator()(const ast::IntervalsBlock& b) {
        w_.line(std::string(b.tabata ? "Tabata " : "Intervals ") + at(b.span));
        Nest nest(w_);
        w_.field("rounds", std::to_string(b.rounds) + ' ' + at(b.rounds_span));
        w_.field("work", duration(b.work));
        w_.field("rest", duration(b.rest));
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

    void operator()(const ast::TimedBlock& b) {
        w_.line(std::string(b.kind == ast::TimedKind::emom ? "Emom " : "Amrap ") + at(b.span));
        Nest nest(w_);
        w_.field("duration", duration(b.duration));
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

private:
    std::string at(const SourceSpan& span) const { return positions_ ? dump::at(span, sources_) : std::string("@"); }
    std::string name(const ast::Name& n) const { return std::string(n.text) + ' ' + at(n.span); }

    std::string names(std::span<const ast::Name> list) const {
        std::string out;
        for (const ast::Name& n : list) out += (out.empty() ? "" : ", ") + name(n);
        return out;
    }

    std::string text(const ast::Text& t) const { return quote(t.value) + ' ' + at(t.span); }
    std::string duration(const ast::Duration& d) const { return seconds(d.seconds) + ' ' + at(d.span); }

    std::string amount(const ast::Amount& a) const {
        std::string value = std::to_string(a.value);
        if (a.kind == ast::Amount::Kind::range) value += '-' + std::to_string(a.upper);
        if (a.kind == ast::Amount::Kind::at_least) value += '+';
        if (a.kind == ast::Amount::Kind::duration) value += 's';
        return std::string(amount_kind(a.kind)) + ' ' + value + ' ' + at(a.span);
    }

    void dose_part(std::string_view key, const ast::DosePart& part) {
        w_.line(std::string(key) + ' ' + at(part.span));
        Nest nest(w_);
        if (part.sets) w_.field("sets", std::to_string(*part.sets) + ' ' + at(part.sets_span));
        w_.field("amount", amount(part.amount));
    }

    void dose(const ast::Dose& d) {
        w_.line("Dose " + at(d.span));
        Nest nest(w_);
        dose_part("from", d.from);
        if (d.to) dose_part("to", *d.to);
        if (d.step) w_.field("step", amount(*d.step));
    }

    void modifiers(const ast::Modifiers& m) {
        if (m.each.set) w_.field("each", at(m.each.span));
        if (m.alt.set) w_.field("alt", at(m.alt.span));
        if (m.load) {
            const ast::Load& l = *m.load;
            std::string value = fmt::format("{} {} value {}", load_kind(l.kind), quote(l.text), l.value);
            if (!l.unit.empty()) value.append(1, ' ').append(l.unit);
            w_.field("load", value + ' ' + at(l.span));
        }
        if (m.rest) w_.field("rest", duration(*m.rest));
        if (m.tempo) {
            const auto& p = m.tempo->phases;
            w_.field("tempo", fmt::format("{} [{}, {}, {}, {}] {}", quote(m.tempo->text), p[0], p[1], p[2], p[3],
                                          at(m.tempo->span)));
        }
        if (m.hold) w_.field("hold", duration(*m.hold));
        if (m.cue) w_.field("cue", text(*m.cue));
        if (!m.repeated.empty()) {
            std::string spans;
            for (const SourceSpan& span : m.repeated) spans += (spans.empty() ? "" : ", ") + at(span);
            w_.field("repeated", spans);
        }
        // Each alternative with the modifiers written after it (its own, SPEC 4.1).
        for (const ast::Alternative& alternative : m.alternatives) {
            w_.field("or", names(std::span<const ast::Name>(&alternative.name, 1)));
            Nest nest(w_);
            modifiers(*alternative.modifiers);
        }
    }

    Writer& w_;
    const SourceManager& sources_;
    bool positions_;
};

}  // namespace

void dump_ast(std::ostream& out, const ast::File& file, const SourceManager& sources) {
    Writer w(out);
    const std::string path = file.file_id < sources.size() ? sources.file(file.file_id).path : std::string("?");
    w.line("File " + quote(path));
    Nest nest(w);
    AstDumper dumper(w, sources);
    for (const ast::Declaration& declaration : file.declarations) std::visit(dumper, declaration);
}

void dump_ast_shape(std::ostream& out, const ast::Declaration& declaration, const SourceManager& sources) {
    Writer w(out);
    AstDumper dumper(w, sources, false);
    std::visit(dumper, declaration);
}

}  // namespace reps
