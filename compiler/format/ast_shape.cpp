// Each node is hashed as a tag, then its fields; an optional field as whether it is there, then
// its value; a list as its length, then its elements. Spans are left out. The nodes a file has
// most of (prescriptions, doses, modifiers) put their tag and which optional parts they have in
// one word. Walking the nodes, not hashing their dump, costs an eighth as much: `reps fmt` hashes
// every declaration it reads, and again after formatting when its text changes.
#include "compiler/format/ast_shape.hpp"

#include <bit>
#include <initializer_list>
#include <span>
#include <string_view>

#include "compiler/base/text_hash.hpp"

namespace reps {
namespace {

class ShapeHasher {
public:
    std::uint64_t hash() const { return hash_; }

    void operator()(const ast::ImportDecl& d) {
        tag(Tag::import_decl);
        add(d.path);
    }
    void operator()(const ast::RegionDecl& d) {
        tag(Tag::region_decl);
        add(d.name);
        add(d.title);
    }
    void operator()(const ast::MuscleDecl& d) {
        tag(Tag::muscle_decl);
        add(d.name);
        add(d.title);
        add(d.region);
    }
    void operator()(const ast::EquipmentDecl& d) {
        tag(Tag::equipment_decl);
        add(d.name);
        add(d.title);
        add(d.loadable);
        add(d.pair);
    }
    void operator()(const ast::ExerciseDecl& d) {
        tag(Tag::exercise_decl);
        add(d.name);
        add(d.title);
        add(d.aka);
        add(d.pattern);
        add(d.primary);
        add(d.secondary);
        add(d.equipment.has_value());
        if (d.equipment) add(*d.equipment);
        add(d.sides);
        add(d.measure);
        add(d.rep);
        add(d.easier);
        add(d.harder);
        add(d.fit_category);
        add(d.fit_name);
        add(d.fields_seen);
    }
    void operator()(const ast::ProfileDecl& d) {
        tag(Tag::profile_decl);
        add(d.name);
        add(d.title);
        add(d.equipment);
    }
    void operator()(const ast::WorkoutDecl& d) {
        tag(Tag::workout_decl);
        add(d.name);
        add(d.title);
        add(d.body);
    }
    void operator()(const ast::ProgramDecl& d) {
        tag(Tag::program_decl);
        add(d.name);
        add(d.title);
        add(d.start.has_value());
        if (d.start) {
            add(d.start->year);
            add(d.start->month);
            add(d.start->day);
        }
        add(d.weeks);
        add(d.timezone);
        add(static_cast<std::int64_t>(d.sessions.size()));
        for (const ast::SessionDecl& session : d.sessions) add(session);
    }

    void operator()(const ast::Prescription& p) {
        mix(static_cast<std::uint64_t>(Tag::prescription) | flags({p.dose.has_value()}) << 8);
        add(p.exercise);
        if (p.dose) add(*p.dose);
        add(*p.modifiers);
    }
    void operator()(const ast::RestStatement& s) {
        tag(Tag::rest);
        add(s.duration);
    }
    void operator()(const ast::NoteStatement& s) {
        tag(Tag::note);
        add(s.text);
    }
    void operator()(const ast::DefaultsStatement& s) {
        tag(Tag::defaults);
        add(s.rest);
        add(s.transition);
        add(s.switch_);
    }
    void operator()(const ast::FocusStatement& s) {
        tag(Tag::focus);
        add(s.full_body);
        add(s.regions);
    }
    void operator()(const ast::PhaseBlock& b) {
        tag(Tag::phase);
        add(b.kind);
        add(b.body);
    }
    void operator()(const ast::GroupBlock& b) {
        tag(Tag::group);
        add(b.kind);
        add(b.rounds);
        add(b.rest);
        add(b.entries);
    }
    void operator()(const ast::IntervalsBlock& b) {
        tag(Tag::intervals);
        add(b.tabata);
        add(b.rounds);
        add(b.work);
        add(b.rest);
        add(b.entries);
    }
    void operator()(const ast::TimedBlock& b) {
        tag(Tag::timed);
        add(b.kind);
        add(b.duration);
        add(b.entries);
    }

private:
    enum class Tag : std::uint64_t {
        import_decl = 1, region_decl, muscle_decl, equipment_decl, exercise_decl, profile_decl, workout_decl,
        program_decl, session, prescription, rest, note, defaults, focus, phase, group, intervals, timed,
        equipment_expr, dose, dose_part, amount, load, tempo, alternative
    };
    void tag(Tag t) { mix(static_cast<std::uint64_t>(t)); }

    // A multiply and a shift a word: enough to tell shapes apart, which is all this is for.
    void mix(std::uint64_t word) {
        hash_ = (hash_ + word) * 0x9E3779B97F4A7C15u;
        hash_ ^= hash_ >> 29;
    }

    void add(std::int64_t value) { mix(static_cast<std::uint64_t>(value)); }
    void add(int value) { mix(static_cast<std::uint64_t>(static_cast<std::int64_t>(value))); }
    void add(bool value) { mix(value ? 1 : 0); }
    void add(double value) { mix(std::bit_cast<std::uint64_t>(value)); }
    template <typename Enum>
        requires std::is_enum_v<Enum>
    void add(Enum value) {
        mix(static_cast<std::uint64_t>(value));
    }
    // The text's own hash (length and bytes), in a chain of its own that the processor overlaps
    // with the node's.
    void add(std::string_view text) { mix(hash_text(text)); }
    void add(const ast::Name& n) { add(n.text); }
    void add(const ast::Text& t) { add(t.value); }
    void add(const ast::Duration& d) { add(d.seconds); }
    template <typename T>
    void add(const std::optional<T>& value) {
        add(value.has_value());
        if (value) add(*value);
    }
    void add(std::span<const ast::Name> names) {
        add(static_cast<std::int64_t>(names.size()));
        for (const ast::Name& n : names) add(n);
    }
    void add(const ast::LongList<ast::Statement>& statements) {
        add(static_cast<std::int64_t>(statements.size()));
        for (const ast::Statement& s : statements) std::visit(*this, s.node);  // each begins with its tag
    }
    void add(const ast::LongList<ast::Prescription>& entries) {
        add(static_cast<std::int64_t>(entries.size()));
        for (const ast::Prescription& entry : entries) (*this)(entry);
    }

    void add(const ast::EquipmentExpr& e) {
        tag(Tag::equipment_expr);
        add(e.kind);
        if (e.kind == ast::EquipmentExpr::Kind::name) add(e.name);
        if (e.kind != ast::EquipmentExpr::Kind::all_of && e.kind != ast::EquipmentExpr::Kind::any_of) return;
        add(static_cast<std::int64_t>(e.operands.size()));
        for (const ast::EquipmentExpr& operand : e.operands) add(operand);
    }
    void add(const ast::SessionDecl& s) {
        tag(Tag::session);
        add(s.weekday);
        add(s.time.hour);
        add(s.time.minute);
        add(s.workout);
        if (s.workout) return;  // a run's fields are those of a session without a workout
        add(s.run_title);
        add(s.run_duration);
        add(s.run_intensity);
    }
    void add(const ast::Amount& a) {
        mix(static_cast<std::uint64_t>(Tag::amount) | static_cast<std::uint64_t>(a.kind) << 8);
        amount_values(a);
    }
    void amount_values(const ast::Amount& a) {
        add(a.value);
        if (a.kind == ast::Amount::Kind::range) add(a.upper);
    }
    void add(const ast::DosePart& part) {
        mix(static_cast<std::uint64_t>(Tag::dose_part) | static_cast<std::uint64_t>(part.amount.kind) << 8 |
            flags({part.sets.has_value()}) << 16);
        if (part.sets) add(*part.sets);
        amount_values(part.amount);
    }
    void add(const ast::Dose& d) {
        mix(static_cast<std::uint64_t>(Tag::dose) | flags({d.to.has_value(), d.step.has_value()}) << 8);
        add(d.from);
        if (d.to) add(*d.to);
        if (d.step) add(*d.step);
    }
    void add(const ast::Load& l) {
        tag(Tag::load);
        add(l.kind);
        add(l.text);
        add(l.value);
        add(l.unit);
    }
    void add(const ast::Tempo& t) {
        tag(Tag::tempo);
        add(t.text);
        for (const std::int64_t phase : t.phases) add(phase);
    }
    // Which modifiers are there, in one word (a prescription is most of a file), then each one's value.
    void add(const ast::Modifiers& m) {
        mix(flags({m.each.set, m.alt.set, m.load.has_value(), m.rest.has_value(), m.tempo.has_value(), m.hold.has_value(),
                   m.cue.has_value(), !m.repeated.empty()}) |
            static_cast<std::uint64_t>(m.alternatives.size()) << 8);
        if (!m.repeated.empty()) mix(m.repeated.size());  // the dump prints an '@' for each
        if (m.load) add(*m.load);
        if (m.rest) add(*m.rest);
        if (m.tempo) add(*m.tempo);
        if (m.hold) add(*m.hold);
        if (m.cue) add(*m.cue);
        for (const ast::Alternative& alternative : m.alternatives) {
            tag(Tag::alternative);
            add(alternative.name);
            add(*alternative.modifiers);
        }
    }
    static std::uint64_t flags(std::initializer_list<bool> bits) {
        std::uint64_t word = 0;
        for (const bool bit : bits) word = word << 1 | (bit ? 1 : 0);
        return word;
    }

    std::uint64_t hash_ = 0x6A09E667F3BCC908u;
};

}  // namespace

std::uint64_t shape_hash(const ast::Declaration& declaration) {
    ShapeHasher hasher;
    std::visit(hasher, declaration);
    return hasher.hash();
}

std::uint64_t shape_hash(const ast::WorkoutDecl& workout) {
    ShapeHasher hasher;
    hasher(workout);
    return hasher.hash();
}

std::uint64_t shape_hash(const ast::ProgramDecl& program) {
    ShapeHasher hasher;
    hasher(program);
    return hasher.hash();
}

}  // namespace reps
