// `--dump ast`: the typed AST of one file, every node with its kind, fields and @line:col span.
#include <charconv>
#include <span>
#include <string>
#include <variant>

#include "compiler/dump/dump.hpp"
#include "compiler/dump/writer.hpp"

namespace reps {

namespace {

using dump::quote;
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
            case ast::EquipmentExpr::Kind::name: {
                dump::LineBuffer& line = w_.begin_line();
                line += "name ";
                put(line, e.name);
                w_.end_line();
                return;
            }
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
        field("path", d.path);
    }

    void operator()(const ast::RegionDecl& d) {
        w_.line("Region " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
    }

    void operator()(const ast::MuscleDecl& d) {
        w_.line("Muscle " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
        field("region", d.region);
    }

    void operator()(const ast::EquipmentDecl& d) {
        w_.line("Equipment " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
        if (d.loadable) w_.field("loadable", "true");
        if (d.pair) w_.field("pair", "true");
    }

    void operator()(const ast::ExerciseDecl& d) {
        w_.line("Exercise " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        field("title", d.title);
        if (!d.aka.empty()) names_field("aka", d.aka);
        if (d.pattern) field("pattern", *d.pattern);
        if (!d.primary.empty()) names_field("primary", d.primary);
        if (!d.secondary.empty()) names_field("secondary", d.secondary);
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
        if (d.rep) field("rep", *d.rep);
        if (!d.easier.empty()) names_field("easier", d.easier);
        if (!d.harder.empty()) names_field("harder", d.harder);
        if (d.fit_category) field("fit_category", *d.fit_category);
        if (d.fit_name) field("fit_name", *d.fit_name);
        if (!d.fields_seen.empty()) names_field("fields_seen", d.fields_seen);
    }

    void operator()(const ast::ProfileDecl& d) {
        w_.line("Profile " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
        names_field("equipment", d.equipment);
    }

    void operator()(const ast::WorkoutDecl& d) {
        head("Workout ", d.span);
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
        body(d.body);
    }

    void operator()(const ast::ProgramDecl& d) {
        w_.line("Program " + at(d.span));
        Nest nest(w_);
        field("name", d.name);
        if (d.title) field("title", *d.title);
        if (d.start) {
            w_.field("start", fmt::format("{:04}-{:02}-{:02} {}", d.start->year, d.start->month, d.start->day,
                                          at(d.start->span)));
        }
        if (d.weeks) count_field("weeks", *d.weeks, d.weeks_span);
        if (d.timezone) field("timezone", *d.timezone);
        for (const ast::SessionDecl& s : d.sessions) session(s);
    }

private:
    void session(const ast::SessionDecl& s) {
        w_.line("Session " + at(s.span));
        Nest nest(w_);
        field("weekday", s.weekday);
        w_.field("time", fmt::format("{:02}:{:02} {}", s.time.hour, s.time.minute, at(s.time.span)));
        if (s.workout) {
            field("workout", *s.workout);
            return;
        }
        field("run_title", s.run_title);
        field("run_duration", s.run_duration);
        if (s.run_intensity) field("run_intensity", *s.run_intensity);
    }

    void body(const ast::LongList<ast::Statement>& statements) {
        for (const ast::Statement& s : statements) std::visit(*this, s.node);
    }

public:
    // A workout's statements are most of a file, and a big file's dump is millions of lines: they
    // are written in place, piece by piece, with no string made for a piece.
    void operator()(const ast::Prescription& p) {
        head("Prescription ", p.span);
        Nest nest(w_);
        field("exercise", p.exercise);
        if (p.dose) dose(*p.dose);
        modifiers(p.modifiers);
    }

    void operator()(const ast::RestStatement& s) { one_line("Rest ", s.span, " duration ", s.duration); }

    void operator()(const ast::NoteStatement& s) { one_line("Note ", s.span, " text ", s.text); }

    void operator()(const ast::DefaultsStatement& s) {
        head("Defaults ", s.span);
        Nest nest(w_);
        if (s.rest) field("rest", *s.rest);
        if (s.transition) field("transition", *s.transition);
        if (s.switch_) field("switch", *s.switch_);
    }

    void operator()(const ast::FocusStatement& s) {
        head("Focus ", s.span);
        Nest nest(w_);
        if (s.full_body) w_.field("full_body", "true");
        if (!s.regions.empty()) names_field("regions", s.regions);
    }

    void operator()(const ast::PhaseBlock& b) {
        head(b.kind == ast::PhaseKind::warmup ? "Warmup " : "Cooldown ", b.span);
        Nest nest(w_);
        body(b.body);
    }

    void operator()(const ast::GroupBlock& b) {
        head(b.kind == ast::GroupKind::superset ? "Superset " : "Circuit ", b.span);
        Nest nest(w_);
        count_field("rounds", b.rounds, b.rounds_span);
        if (b.rest) field("rest", *b.rest);
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

    void operator()(const ast::IntervalsBlock& b) {
        head(b.tabata ? "Tabata " : "Intervals ", b.span);
        Nest nest(w_);
        count_field("rounds", b.rounds, b.rounds_span);
        field("work", b.work);
        field("rest", b.rest);
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

    void operator()(const ast::TimedBlock& b) {
        head(b.kind == ast::TimedKind::emom ? "Emom " : "Amrap ", b.span);
        Nest nest(w_);
        field("duration", b.duration);
        for (const ast::Prescription& entry : b.entries) (*this)(entry);
    }

private:
    // ---- Pieces, appended to a line ----
    // A short formatted piece (a number or two), through a buffer on the stack.
    template <typename... Args>
    static void append_formatted(dump::LineBuffer& line, fmt::format_string<Args...> format, Args&&... args) {
        fmt::memory_buffer piece;
        fmt::format_to(std::back_inserter(piece), format, std::forward<Args>(args)...);
        line.append(std::string_view(piece.data(), piece.size()));
    }
    template <typename Out>
    void put_at(Out& out, const SourceSpan& span) const {
        if (positions_) dump::append_at(out, span, sources_);
        else out += '@';
    }
    template <typename Out>
    static void put_number(Out& out, std::int64_t value) {
        char digits[24];
        out.append(std::string_view(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits)));
    }
    template <typename Out>
    void put(Out& out, const ast::Name& n) const {
        out += n.text;
        out += ' ';
        put_at(out, n.span);
    }
    template <typename Out>
    void put_names(Out& out, std::span<const ast::Name> list) const {
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out += ", ";
            put(out, list[i]);
        }
    }
    template <typename Out>
    void put(Out& out, const ast::Text& t) const {
        dump::append_quoted(out, t.value);
        out += ' ';
        put_at(out, t.span);
    }
    template <typename Out>
    void put(Out& out, const ast::Duration& d) const {
        put_number(out, d.seconds);
        out += "s ";
        put_at(out, d.span);
    }
    template <typename Out>
    void put(Out& out, const ast::Amount& a) const {
        out += amount_kind(a.kind);
        out += ' ';
        put_number(out, a.value);
        if (a.kind == ast::Amount::Kind::range) {
            out += '-';
            put_number(out, a.upper);
        }
        if (a.kind == ast::Amount::Kind::at_least) out += '+';
        if (a.kind == ast::Amount::Kind::duration) out += 's';
        out += ' ';
        put_at(out, a.span);
    }

    // ---- Whole lines ----
    // "KIND @line:col"
    void head(std::string_view kind, const SourceSpan& span) {
        dump::LineBuffer& line = w_.begin_line();
        line += kind;
        put_at(line, span);
        w_.end_line();
    }
    // "KEY: VALUE", the value a name, a text, a duration or an amount.
    template <typename Value>
    void field(std::string_view key, const Value& value) {
        put(w_.begin_field(key), value);
        w_.end_line();
    }
    void names_field(std::string_view key, std::span<const ast::Name> list) {
        put_names(w_.begin_field(key), list);
        w_.end_line();
    }
    // "KIND @line:col LABEL VALUE": a statement of one line.
    template <typename Value>
    void one_line(std::string_view kind, const SourceSpan& span, std::string_view label, const Value& value) {
        dump::LineBuffer& line = w_.begin_line();
        line += kind;
        put_at(line, span);
        line += label;
        put(line, value);
        w_.end_line();
    }
    void span_field(std::string_view key, const SourceSpan& span) {
        put_at(w_.begin_field(key), span);
        w_.end_line();
    }
    // "KEY: N @line:col"
    void count_field(std::string_view key, std::int64_t count, const SourceSpan& span) {
        dump::LineBuffer& line = w_.begin_field(key);
        put_number(line, count);
        line += ' ';
        put_at(line, span);
        w_.end_line();
    }

    // A piece as a string, for the declarations a file has few of.
    std::string at(const SourceSpan& span) const {
        std::string out;
        put_at(out, span);
        return out;
    }
    void dose_part(std::string_view key, const ast::DosePart& part) {
        dump::LineBuffer& line = w_.begin_line();
        line += key;
        line += ' ';
        put_at(line, part.span);
        w_.end_line();
        Nest nest(w_);
        if (part.sets) count_field("sets", *part.sets, part.sets_span);
        field("amount", part.amount);
    }

    void dose(const ast::Dose& d) {
        head("Dose ", d.span);
        Nest nest(w_);
        dose_part("from", d.from);
        if (d.to) dose_part("to", *d.to);
        if (d.step) field("step", *d.step);
    }

    void modifiers(const ast::Modifiers& m) {
        if (m.each.set) span_field("each", m.each.span);
        if (m.alt.set) span_field("alt", m.alt.span);
        if (m.load) {
            const ast::Load& l = *m.load;
            dump::LineBuffer& line = w_.begin_field("load");
            line += load_kind(l.kind);
            line += ' ';
            dump::append_quoted(line, l.text);
            append_formatted(line, " value {}", l.value);
            if (!l.unit.empty()) {
                line += ' ';
                line += l.unit;
            }
            line += ' ';
            put_at(line, l.span);
            w_.end_line();
        }
        if (m.rest) field("rest", *m.rest);
        if (m.tempo) {
            const auto& p = m.tempo->phases;
            dump::LineBuffer& line = w_.begin_field("tempo");
            dump::append_quoted(line, m.tempo->text);
            append_formatted(line, " [{}, {}, {}, {}] ", p[0], p[1], p[2], p[3]);
            put_at(line, m.tempo->span);
            w_.end_line();
        }
        if (m.hold) field("hold", *m.hold);
        if (m.cue) field("cue", *m.cue);
        if (!m.repeated.empty()) {
            dump::LineBuffer& line = w_.begin_field("repeated");
            for (std::size_t i = 0; i < m.repeated.size(); ++i) {
                if (i > 0) line += ", ";
                put_at(line, m.repeated[i]);
            }
            w_.end_line();
        }
        // Each alternative with the modifiers written after it (its own, SPEC 4.1).
        for (const ast::Alternative& alternative : m.alternatives) {
            field("or", alternative.name);
            Nest nest(w_);
            modifiers(alternative.modifiers);
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
