// The checker: resolves and checks every workout and program of the user's files (SPEC section 5).
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "compiler/base/room_for_file.hpp"
#include "compiler/check/check_entry.hpp"
#include "compiler/check/limits.hpp"
#include "compiler/check/program_calendar.hpp"
#include "compiler/check/workout_index.hpp"
#include "compiler/timing/timeline_walk.hpp"
#include "compiler/check/checked.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"

namespace reps {
namespace {

using limits::max_rounds;
using limits::max_seconds;

// The blocks the statements will check into, at most (a phase adds none itself; defaults and
// focus add none), and the entries, exactly.
std::size_t statement_count(const ast::LongList<ast::Statement>& body) {
    std::size_t count = 0;
    for (const auto& statement : body) {
        if (const auto* phase = std::get_if<ast::PhaseBlock>(&statement.node)) count += statement_count(phase->body);
        else ++count;
    }
    return count;
}

// The entries the statements will check into.
std::size_t entry_count(const ast::LongList<ast::Statement>& body) {
    std::size_t count = 0;
    for (const auto& statement : body) {
        std::visit(
            [&](const auto& node) {
                using Node = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<Node, ast::Prescription>) ++count;
                else if constexpr (std::is_same_v<Node, ast::PhaseBlock>) count += entry_count(node.body);
                else if constexpr (requires { node.entries; }) count += node.entries.size();
            },
            statement.node);
    }
    return count;
}

}  // namespace

// Used two ways: check_program() checks a whole program at once (run); a streamed check
// (WorkoutByWorkoutChecker) builds the catalog first (begin), checks each workout as it parses
// (check_streamed) and ends with the programs (finish_streamed).
class Checker {
public:
    Checker(const SourceManager& sources, const CheckOptions& options, Diagnostics& diagnostics)
        : sources_(sources), options_(options), diagnostics_(diagnostics) {}

    CheckedProgram run(std::span<const ast::File> files) {
        begin(files);
        // Workouts and programs share one namespace: both are things `reps build` can build.
        for_each_user_declaration(files, [&](const ast::Declaration& declaration) {
            if (const auto* program = std::get_if<ast::ProgramDecl>(&declaration)) program_names_.push_back(program->name.text);
        });
        report_duplicates(files, {});
        // Sized up front so that the stores do not grow while checking (the views are set after).
        std::size_t blocks = 0, entries = 0;
        for_each_user_declaration(files, [&](const ast::Declaration& declaration) {
            if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration)) {
                blocks += statement_count(workout->body);
                entries += entry_count(workout->body);
            }
        });
        result_.block_store.reserve(blocks);
        result_.entry_store.reserve(entries);
        for_each_user_declaration(files, [&](const ast::Declaration& declaration) {
            if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration)) result_.workouts.push_back(check_workout(*workout));
        });
        for (auto& workout : result_.workouts) set_views(workout);
        check_programs(files);
        return std::move(result_);
    }

    // The catalog (the files' own declarations over the stdlib's) and the profile.
    void begin(std::span<const ast::File> files) {
        result_.catalog = build_catalog(files, sources_, diagnostics_, &stdlib_catalog());
        if (!result_.catalog.exercise_names.empty()) result_.catalog.index_names();
        if (!options_.profile.empty()) {
            result_.profile = result_.catalog.find_profile(options_.profile);
            if (result_.profile < 0) {
                auto& diagnostic = diagnostics_.report(Code::E0107, SourceSpan{}, fmt::format("unknown profile '{}'", options_.profile));
                if (auto suggestion = result_.catalog.suggest_profile(options_.profile)) {
                    diagnostic.help = fmt::format("did you mean '{}'?", *suggestion);
                } else if (!result_.catalog.profiles.empty()) {
                    diagnostic.help = "profiles: ";
                    for (std::size_t i = 0; i < result_.catalog.profiles.size(); ++i) {
                        diagnostic.help += (i > 0 ? ", " : "") + result_.catalog.profiles[i].name;
                    }
                }
            }
        }
        entries_.emplace(result_.catalog, diagnostics_, result_.profile);
    }

    const Catalog& catalog() const { return result_.catalog; }

    void expect_streamed_workouts(std::size_t count) { result_.workouts.reserve(count); }

    // One workout of a streamed file: the stores hold its blocks and entries alone, until the next;
    // of the workout itself only what the programs and lints ask for afterwards is kept.
    const checked::Workout& check_streamed(const ast::WorkoutDecl& decl) {
        // The stores keep their room from one workout to the next (no counting up front, as the
        // whole check does: the views are set after checking, and growing moves nothing they see).
        forget_streamed_entries();
        current_streamed_ = check_workout(decl);
        set_views(current_streamed_);
        if (!kept_ && !options_.keep_workout.empty() && current_streamed_.name == options_.keep_workout) {
            kept_ = Kept{result_.workouts.size(), current_streamed_, result_.block_store, result_.entry_store};
        }
        // What programs and duplicate names need of it: no blocks, entries or focus.
        if (decl.span.has_position()) {
            make_room_for_rest_of_file(result_.workouts, decl.span.offset + decl.span.length,
                                       sources_.file(decl.span.file).text.size());
        }
        checked::Workout& kept = result_.workouts.emplace_back();
        kept.name = current_streamed_.name;
        kept.title = current_streamed_.title;
        kept.span = current_streamed_.span;
        kept.file = current_streamed_.file;
        return current_streamed_;
    }

    // A program whose sessions name only workouts checked already, checked now, as it streams;
    // nullopt for one that names a workout not checked yet (it may come later in the file): it is
    // checked with the rest by finish_streamed.
    std::optional<checked::Program> check_streamed_program(const ast::ProgramDecl& decl) {
        workout_index_.catch_up(result_.workouts);
        for (const auto& session : decl.sessions) {
            if (session.workout && workout_index_.find(session.workout->text, result_.workouts) < 0) return std::nullopt;
        }
        streamed_programs_.push_back(StreamedProgram{decl.name.text, decl.name.span});
        return check_program(decl);
    }

    // The programs of `files`, checked against every streamed workout, and the names taken twice.
    CheckedProgram finish_streamed(std::span<const ast::File> files) {
        forget_streamed_entries();
        result_.block_store = {};
        result_.entry_store = {};
        if (kept_) {
            result_.block_store = std::move(kept_->blocks);
            result_.entry_store = std::move(kept_->entries);
        }
        if (kept_) {
            // Its views, into the stores that now hold its blocks and entries alone.
            checked::Workout& workout = result_.workouts[kept_->index];
            workout = std::move(kept_->workout);
            set_views(workout);
            kept_.reset();
        }
        for_each_user_declaration(files, [&](const ast::Declaration& declaration) {
            if (const auto* program = std::get_if<ast::ProgramDecl>(&declaration)) program_names_.push_back(program->name.text);
        });
        for (const StreamedProgram& program : streamed_programs_) program_names_.push_back(program.name);
        report_duplicates(files, result_.workouts);
        check_programs(files);
        return std::move(result_);
    }

private:
    template <typename Visit>
    void for_each_user_declaration(std::span<const ast::File> files, Visit&& visit) const {
        for (const auto& file : files) {
            if (sources_.file(file.file_id).embedded) continue;
            for (const auto& declaration : file.declarations) visit(declaration);
        }
    }

    void check_programs(std::span<const ast::File> files) {
        for_each_user_declaration(files, [&](const ast::Declaration& declaration) {
            if (const auto* program = std::get_if<ast::ProgramDecl>(&declaration)) result_.programs.push_back(check_program(*program));
        });
    }

    void forget_streamed_entries() {
        current_streamed_ = {};
        result_.block_store.clear();
        result_.entry_store.clear();
    }

private:
    // Names taken twice, reported at each later declaration: sorted by name rather than hashed, as
    // this runs for every file checked. `streamed`: workouts no longer in the files' ASTs.
    void report_duplicates(std::span<const ast::File> files, std::span<const checked::Workout> streamed) {
        // 32 bytes a name (a big file has tens of thousands): its text is read from the source,
        // and its hash is kept, which orders nearly every pair without it (names taken twice
        // only need to come together, each group in declaration order).
        struct Declared {
            std::uint64_t hash = 0;    // of the name
            SourceSpan span;           // of the name
            std::uint32_t file = 0;    // position in `files`: declaration order is file order, then offset
            bool workout = false;
        };
        std::vector<Declared> declared;
        declared.reserve(result_.workouts.size() + program_names_.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (sources_.file(files[i].file_id).embedded) continue;
            const auto file = static_cast<std::uint32_t>(i);
            for (const auto& declaration : files[i].declarations) {
                if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration)) declared.push_back({0, workout->name.span, file, true});
                if (const auto* program = std::get_if<ast::ProgramDecl>(&declaration)) declared.push_back({0, program->name.span, file, false});
            }
        }
        const auto file_of = [&](const SourceSpan& span) {
            std::uint32_t file = 0;
            while (file < files.size() && files[file].file_id != span.file) ++file;
            return file;
        };
        for (const auto& workout : streamed) declared.push_back({0, workout.span, file_of(workout.span), true});
        for (const auto& program : streamed_programs_) declared.push_back({0, program.span, file_of(program.span), false});
        const auto name_of = [&](const Declared& d) { return sources_.file(d.span.file).text.substr(d.span.offset, d.span.length); };
        for (Declared& d : declared) d.hash = FlatNameIndex::hash_of(name_of(d));
        std::sort(declared.begin(), declared.end(), [&](const Declared& a, const Declared& b) {
            if (a.hash != b.hash) return a.hash < b.hash;
            if (const auto order = name_of(a).compare(name_of(b)); order != 0) return order < 0;
            return a.file != b.file ? a.file < b.file : a.span.offset < b.span.offset;
        });
        for (std::size_t i = 1; i < declared.size(); ++i) {
            if (name_of(declared[i]) != name_of(declared[i - 1])) continue;
            diagnostics_.report(Code::E0101, declared[i].span,
                               fmt::format("duplicate {} '{}'", declared[i].workout ? "workout" : "program", name_of(declared[i])),
                               "workouts and programs share one namespace; rename one of them");
        }
    }

    // One copy of a file's path for all its workouts and programs.
    std::shared_ptr<const std::string> path_of(std::uint32_t file) {
        if (!path_ || path_file_ != file) {
            path_ = std::make_shared<const std::string>(sources_.file(file).path);
            path_file_ = file;
        }
        return path_;
    }

    // ---- Workouts ----

    checked::Workout check_workout(const ast::WorkoutDecl& decl) {
        checked::Workout workout;
        workout.name = decl.name.text;
        workout.title = decl.title && !decl.title->value.empty() ? decl.title->value : decl.name.text;
        workout.file = path_of(decl.span.file);
        workout.span = decl.name.span;
        checked::Defaults defaults;
        workout.first_block = static_cast<std::uint32_t>(result_.block_store.size());
        workout.first_entry = static_cast<std::uint32_t>(result_.entry_store.size());
        in_damaged_workout_ = decl.damaged;
        for (const auto& statement : decl.body) visit(statement, workout, defaults, nullptr);
        in_damaged_workout_ = false;
        workout.block_count = static_cast<std::uint32_t>(result_.block_store.size()) - workout.first_block;
        workout.entry_count = static_cast<std::uint32_t>(result_.entry_store.size()) - workout.first_entry;
        return workout;
    }

    // The views of a workout and its blocks into the stores, once the stores stop growing.
    void set_views(checked::Workout& workout) {
        const std::span<const checked::Block> blocks(result_.block_store);
        const std::span<const checked::Entry> entries(result_.entry_store);
        workout.blocks = blocks.subspan(workout.first_block, workout.block_count);
        workout.entries = entries.subspan(workout.first_entry, workout.entry_count);
        const std::size_t end_block = workout.first_block + workout.block_count;
        for (std::size_t i = workout.first_block; i < end_block; ++i) {
            auto& block = result_.block_store[i];
            const std::size_t end = i + 1 < end_block ? result_.block_store[i + 1].first_entry : workout.first_entry + workout.entry_count;
            block.entries = entries.subspan(block.first_entry, end - block.first_entry);
        }
    }

    void visit(const ast::Statement& statement, checked::Workout& workout, checked::Defaults& defaults,
               const ast::PhaseBlock* phase) {
        auto add = [&](checked::Block&& block) {
            block.defaults = defaults;
            block.in_phase = phase != nullptr;
            if (phase) {
                block.phase_kind = phase->kind;
                block.phase_at = phase->span.offset;
            }
            result_.block_store.push_back(std::move(block));
        };
        std::visit(
            [&](const auto& node) {
                using Node = std::decay_t<decltype(node)>;
                checked::Block block;
                block.span = node.span;
                block.first_entry = static_cast<std::uint32_t>(result_.entry_store.size());
                auto& entries = result_.entry_store;
                if constexpr (std::is_same_v<Node, ast::Prescription>) {
                    block.kind = checked::Block::Kind::prescription;
                    entries_->check(node, EntryContext::prescription, defaults, entries.emplace_back());
                    add(std::move(block));
                } else if constexpr (std::is_same_v<Node, ast::RestStatement>) {
                    block.kind = checked::Block::Kind::rest;
                    block.work = check_rest(node.duration, "rest",
                                            "leave the rest out: two blocks are then one transition apart ('defaults transition 0s' "
                                            "before the next block for none)");
                    add(std::move(block));
                } else if constexpr (std::is_same_v<Node, ast::NoteStatement>) {
                    block.kind = checked::Block::Kind::note;
                    block.text = node.text.value;
                    add(std::move(block));
                } else if constexpr (std::is_same_v<Node, ast::DefaultsStatement>) {
                    if (node.rest) defaults.rest = check_rest(*node.rest, "rest", "a rest lasts at least 1s; without this one, the default rest in force stays");
                    for (const ast::Name& key : node.repeated) {
                        diagnostics_.report(Code::E0206, key.span, fmt::format("'{}' given twice in one defaults", key.text),
                                            "keep one of them");
                    }
                    if (node.transition) defaults.transition = check_pause(*node.transition);
                    if (node.switch_) defaults.switch_ = check_pause(*node.switch_);
                } else if constexpr (std::is_same_v<Node, ast::FocusStatement>) {
                    workout.full_body_focus = workout.full_body_focus || node.full_body;
                    for (const auto& region : node.regions) {
                        const int index = result_.catalog.find_region(region.text);
                        if (index < 0) {
                            auto& diagnostic = diagnostics_.report(Code::E0105, region.span, fmt::format("unknown region '{}'", region.text));
                            if (auto suggestion = result_.catalog.suggest_region(region.text)) {
                                diagnostic.help = fmt::format("did you mean '{}'?", *suggestion);
                            }
                        } else {
                            workout.focus.push_back(checked::Workout::Focus{index, region.span});
                        }
                    }
                } else if constexpr (std::is_same_v<Node, ast::PhaseBlock>) {
                    const std::size_t blocks_before = result_.block_store.size();
                    for (const auto& inner : node.body) visit(inner, workout, defaults, &node);
                    if (node.kind == ast::PhaseKind::warmup) {
                        // A warm-up is one with work in it: rests and notes alone warm nothing up.
                        const bool worked = std::any_of(result_.block_store.begin() + static_cast<std::ptrdiff_t>(blocks_before),
                                                        result_.block_store.end(), [](const checked::Block& inner) {
                                                            return inner.kind != checked::Block::Kind::rest &&
                                                                   inner.kind != checked::Block::Kind::note;
                                                        });
                        workout.has_warmup = workout.has_warmup || worked;
                        workout.warmup_without_work = workout.warmup_without_work || !worked;
                    }
                } else if constexpr (std::is_same_v<Node, ast::GroupBlock>) {
                    block.kind = node.kind == ast::GroupKind::superset ? checked::Block::Kind::superset
                                                                       : checked::Block::Kind::circuit;
                    block.rounds = check_rounds(node.rounds, node.rounds_span);
                    if (node.rest) block.rest = check_rest(*node.rest, "rest", "a rest lasts at least 1s; without one, the rounds rest the default rest");
                    for (const auto& entry : node.entries) entries_->check(entry, EntryContext::group, defaults, entries.emplace_back());
                    require_entries(node.entries.empty(), node.span, node.kind == ast::GroupKind::superset ? "superset" : "circuit",
                                    "add at least one exercise, like 'burpee 10'");
                    add(std::move(block));
                } else if constexpr (std::is_same_v<Node, ast::IntervalsBlock>) {
                    block.kind = node.tabata ? checked::Block::Kind::tabata : checked::Block::Kind::intervals;
                    block.rounds = check_rounds(node.rounds, node.rounds_span);
                    block.work = check_work(node.work);
                    block.rest = check_rest(node.rest, "rest", "a rest lasts at least 1s");
                    for (const auto& entry : node.entries) entries_->check(entry, EntryContext::intervals, defaults, entries.emplace_back());
                    require_entries(node.entries.empty(), node.span, "intervals block",
                                    "add at least one exercise, like 'burpee' (an entry of intervals takes no amount: the work is as many reps as possible)");
                    add(std::move(block));
                } else if constexpr (std::is_same_v<Node, ast::TimedBlock>) {
                    const bool emom = node.kind == ast::TimedKind::emom;
                    block.kind = emom ? checked::Block::Kind::emom : checked::Block::Kind::amrap;
                    block.work = check_work(node.duration);
                    for (const auto& entry : node.entries) {
                        entries_->check(entry, emom ? EntryContext::emom : EntryContext::amrap, defaults, entries.emplace_back());
                    }
                    require_entries(node.entries.empty(), node.span, emom ? "emom" : "amrap", "add at least one exercise, like 'burpee 10'");
                    // The minutes of an emom whose duration is out of range (reported by check_work) are not told.
                    if (emom && work_in_range(node.duration)) check_emom(node, block, std::span(entries).subspan(block.first_entry), defaults);
                    add(std::move(block));
                }
            },
            statement.node);
    }

    // `if_zero`: the help for a rest of zero, which depends on what leaving the rest out would do.
    std::int64_t check_rest(const ast::Duration& duration, const char* what, const char* if_zero) {
        if (duration.seconds < 0) return 1;  // reported at parse time
        if (duration.seconds == 0) {
            diagnostics_.report(Code::E0304, duration.span, fmt::format("a {} of zero", what), if_zero);
            return 1;
        }
        if (duration.seconds > max_seconds) {
            diagnostics_.report(Code::E0303, duration.span, fmt::format("a {} runs up to 24h", what));
            return 1;
        }
        return duration.seconds;
    }

    // Transitions and switches may be zero: the coach wants no pause there.
    std::int64_t check_pause(const ast::Duration& duration) {
        if (duration.seconds > max_seconds) {
            diagnostics_.report(Code::E0303, duration.span, "a transition or switch runs up to 24h");
            return 0;
        }
        return std::max<std::int64_t>(duration.seconds, 0);
    }

    static bool work_in_range(const ast::Duration& duration) { return duration.seconds >= 1 && duration.seconds <= max_seconds; }

    // A work duration, or 1 where it is out of range (reported here, or at parse time when negative).
    std::int64_t check_work(const ast::Duration& duration) {
        if (duration.seconds < 0) return 1;
        if (!work_in_range(duration)) {
            diagnostics_.report(Code::E0303, duration.span, "a work duration runs from 1s to 24h");
            return 1;
        }
        return duration.seconds;
    }

    std::int64_t check_rounds(std::int64_t rounds, const SourceSpan& span) {
        if (rounds < 0) return 1;
        if (rounds < 1 || rounds > max_rounds) {
            diagnostics_.report(Code::E0301, span, fmt::format("{} rounds is out of range", rounds), "rounds run from 1 to 100");
            return 1;
        }
        return rounds;
    }

    // `help` shows an entry as the block's kind takes it (SPEC 4.2): an amount, or none in intervals.
    void require_entries(bool empty, const SourceSpan& span, const char* what, const char* help) {
        // In a damaged workout the entries may be the statements recovery dropped.
        if (empty && !in_damaged_workout_) {
            diagnostics_.report(Code::E0207, span, fmt::format("this {} has no entries", what), help);
        }
    }

    void check_emom(const ast::TimedBlock& node, const checked::Block& block, std::span<const checked::Entry> entries,
                    const checked::Defaults& defaults) {
        if (block.work % 60 != 0) {
            diagnostics_.report(Code::E0307, node.duration.span, "an emom runs whole minutes",
                               fmt::format("write {}min", std::max<std::int64_t>(1, block.work / 60)));
            return;
        }
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& entry = entries[i];
            if (entry.exercise < 0) continue;
            // Every week of a progression must fit, not only the first.
            for (std::size_t step = 0; step < entry.steps.size(); ++step) {
                const std::int64_t seconds = timing::set_seconds(entry, entry.steps[step], defaults.switch_);
                // In a damaged workout a dropped `defaults switch` line may be what made an `each`
                // set fit (nothing else of a set's length is a default): there, a set is reported
                // only when it is too long even with no switch.
                const std::int64_t fewest = in_damaged_workout_ ? timing::set_seconds(entry, entry.steps[step], 0) : seconds;
                if (fewest <= 60) continue;
                diagnostics_.report(Code::E0307, node.entries[i].span,
                                   fmt::format("'{}' takes about {}s{}, more than its minute",
                                               result_.catalog.exercises[entry.exercise].name, seconds,
                                               step > 0 ? fmt::format(" in week {}", step + 1) : ""),
                                   "lower the amount so the work fits in a minute with time to rest");
                break;
            }
        }
    }

    // ---- Programs ----

    checked::Program check_program(const ast::ProgramDecl& decl) {
        checked::Program program;
        program.name = decl.name.text;
        program.title = decl.title && !decl.title->value.empty() ? decl.title->value : decl.name.text;
        program.file = path_of(decl.span.file);
        program.span = decl.name.span;
        for (const ast::Name& field : decl.repeated_fields) {
            diagnostics_.report(Code::E0101, field.span, fmt::format("field '{}' given twice in program '{}'", field.text, program.name),
                               "keep one of them");
        }
        check_calendar(decl, program, diagnostics_);  // start, weeks, time zone
        static constexpr std::string_view weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        int index = 0;
        for (const auto& session_decl : decl.sessions) {
            if (diagnostics_.stop_here(session_decl.span)) break;
            checked::Session session;
            session.index = index++;
            session.span = session_decl.span;
            session.weekday_name = session_decl.weekday.text;
            session.weekday = static_cast<int>(std::find(std::begin(weekdays), std::end(weekdays), session.weekday_name) - std::begin(weekdays));
            session.hour = session_decl.time.hour;
            session.minute = session_decl.time.minute;
            if (session.hour > 23 || session.minute > 59) {
                diagnostics_.report(Code::E0405, session_decl.time.span, "time of day out of range", "times run from 00:00 to 23:59");
            }
            if (session_decl.workout) {
                session.workout = find_workout(*session_decl.workout);
                session.workout_name = session_decl.workout->text;
            } else {
                // A title written empty is "Run", so that no output shows a blank ("Run:  (week 1)").
                session.run_title = session_decl.run_title.value.empty() ? "Run" : session_decl.run_title.value;
                session.run_seconds = check_work(session_decl.run_duration);
                if (session_decl.run_intensity) session.run_intensity = session_decl.run_intensity->text;
            }
            for (const auto& other : program.sessions) {
                if (other.weekday == session.weekday && other.hour == session.hour && other.minute == session.minute) {
                    diagnostics_.report(Code::E0406, session_decl.span,
                                       fmt::format("two sessions on {} at {:02}:{:02}", session.weekday_name, session.hour, session.minute),
                                       "move one of them to another time or day");
                    break;
                }
            }
            program.sessions.push_back(std::move(session));
        }
        return program;
    }

    int find_workout(const ast::Name& name) {
        // Hashed: a big file's programs name thousands of workouts among tens of thousands.
        // Of two workouts of one name, the first declared (the other is E0101).
        const auto& workouts = result_.workouts;
        workout_index_.catch_up(workouts);
        if (const int found = workout_index_.find(name.text, workouts); found >= 0) return found;
        if (std::find(program_names_.begin(), program_names_.end(), name.text) != program_names_.end()) {
            diagnostics_.report(Code::E0106, name.span, fmt::format("'{}' is a program, not a workout", name.text),
                               "a session names a workout");
            return -1;
        }
        auto& diagnostic = diagnostics_.report(Code::E0106, name.span, fmt::format("unknown workout '{}'", name.text));
        std::vector<std::string_view> workout_names;  // in declaration order
        workout_names.reserve(workouts.size());
        for (const auto& workout : workouts) workout_names.push_back(workout.name);
        if (auto suggestion = closest_name(name.text, workout_names)) diagnostic.help = fmt::format("did you mean '{}'?", *suggestion);
        return -1;
    }

    const SourceManager& sources_;
    const CheckOptions& options_;
    Diagnostics& diagnostics_;
    bool in_damaged_workout_ = false;  // checking a workout that recovery dropped a statement of
    CheckedProgram result_;
    std::optional<EntryChecker> entries_;
    std::shared_ptr<const std::string> path_;
    std::uint32_t path_file_ = 0;
    std::vector<std::string_view> program_names_;  // in declaration order
    // The streamed workout being checked (result_.workouts keeps its name, title and place only).
    checked::Workout current_streamed_;
    // options.keep_workout, whole: its place among the workouts, and copies of its blocks and entries.
    struct Kept {
        std::size_t index;
        checked::Workout workout;
        std::vector<checked::Block> blocks;
        std::vector<checked::Entry> entries;
    };
    std::optional<Kept> kept_;
    WorkoutIndex workout_index_;  // into result_.workouts
    // The programs checked as they streamed (check_streamed_program): their names, for E0101 and E0106.
    struct StreamedProgram {
        std::string_view name;
        SourceSpan span;
    };
    std::vector<StreamedProgram> streamed_programs_;
};

std::vector<const checked::Workout*> scheduled_workouts(const CheckedProgram& program, const checked::Program& plan) {
    std::vector<const checked::Workout*> workouts;
    for (const auto& session : plan.sessions) {
        if (session.workout < 0 || static_cast<std::size_t>(session.workout) >= program.workouts.size()) continue;
        const checked::Workout* workout = &program.workouts[static_cast<std::size_t>(session.workout)];
        if (std::find(workouts.begin(), workouts.end(), workout) == workouts.end()) workouts.push_back(workout);
    }
    return workouts;
}

CheckedProgram check_program(std::span<const ast::File> files, const SourceManager& sources, const CheckOptions& options,
                             Diagnostics& diagnostics) {
    return Checker(sources, options, diagnostics).run(files);
}

WorkoutByWorkoutChecker::WorkoutByWorkoutChecker(std::span<const ast::File> catalog_files, const SourceManager& sources,
                                                 const CheckOptions& options, Diagnostics& diagnostics)
    : options_(options), checker_(std::make_unique<Checker>(sources, options_, diagnostics)) {
    checker_->begin(catalog_files);
}

WorkoutByWorkoutChecker::~WorkoutByWorkoutChecker() = default;

const checked::Workout& WorkoutByWorkoutChecker::check(const ast::WorkoutDecl& workout) { return checker_->check_streamed(workout); }

void WorkoutByWorkoutChecker::expect_workouts(std::size_t count) { checker_->expect_streamed_workouts(count); }

std::optional<checked::Program> WorkoutByWorkoutChecker::check_program(const ast::ProgramDecl& program) {
    return checker_->check_streamed_program(program);
}

const Catalog& WorkoutByWorkoutChecker::catalog() const { return checker_->catalog(); }

CheckedProgram WorkoutByWorkoutChecker::finish(std::span<const ast::File> files) { return checker_->finish_streamed(files); }

}  // namespace reps
