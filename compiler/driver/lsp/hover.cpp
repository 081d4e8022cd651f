// Hover: an exercise's catalog entry, a block's length and how SPEC 6 got it, a workout's length.
#include <optional>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/catalog/stdlib_catalog.hpp"
#include "compiler/driver/lsp/features.hpp"
#include "compiler/driver/lsp/name_index.hpp"
#include "compiler/driver/lsp/timing.hpp"

namespace reps::lsp {

const Catalog& catalog_of(const Analysis& analysis) {
    const Catalog& checked = analysis.compilation.checked.catalog;
    return checked.exercises.empty() ? stdlib_catalog() : checked;
}

const checked::Workout* workout_named(const Analysis& analysis, std::string_view name) {
    if (!analysis.timed()) return nullptr;
    for (const checked::Workout& workout : analysis.compilation.checked.workouts) {
        if (workout.name == name) return &workout;
    }
    return nullptr;
}

namespace {

std::string names_of(const Catalog& catalog, const std::vector<int>& indices, bool muscles) {
    std::string text;
    for (const int index : indices) {
        if (!text.empty()) text += ", ";
        text += muscles ? catalog.muscles[static_cast<std::size_t>(index)].name : catalog.exercises[static_cast<std::size_t>(index)].name;
    }
    return text.empty() ? "-" : text;
}

std::string exercise_entry(const Catalog& catalog, const Exercise& exercise) {
    std::string equipment;
    for (const EquipmentSet& alternative : exercise.equipment) {
        if (!equipment.empty()) equipment += " | ";
        std::string all;
        for (const int index : alternative) all += (all.empty() ? "" : " + ") + catalog.equipment[static_cast<std::size_t>(index)].name;
        equipment += all.empty() ? "none" : all;  // the catalog's word, which a coach can copy
    }
    const char* measure = exercise.measure == ast::Measure::reps   ? "reps"
                          : exercise.measure == ast::Measure::time ? "time"
                                                                   : "reps or time";
    std::string text = fmt::format("**{}** `{}`\n\n", exercise.title, exercise.name);
    if (!exercise.aliases.empty()) text += fmt::format("- aka: {}\n", fmt::join(exercise.aliases, ", "));
    text += fmt::format("- muscles: {}", names_of(catalog, exercise.primary, true));
    if (!exercise.secondary.empty()) text += fmt::format(" (also {})", names_of(catalog, exercise.secondary, true));
    text += fmt::format("\n- equipment: {}\n- sides: {}\n- measure: {}\n- rep time: {} s\n", equipment,
                        exercise.sides == ast::Sides::each ? "each" : "both", measure, exercise.rep_seconds);
    text += fmt::format("- easier: {}\n- harder: {}\n", names_of(catalog, exercise.easier, false),
                        names_of(catalog, exercise.harder, false));
    return text;
}

// The title of the workout or program `name` in the analysis' files (nullopt: undeclared, untitled).
std::optional<std::string_view> declared_title(const Analysis& analysis, NameKind kind, std::string_view name) {
    for (const ast::File& file : analysis.compilation.loaded.files) {
        for (const ast::Declaration& declaration : file.declarations) {
            const std::optional<ast::Text>* title = nullptr;
            if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration); workout != nullptr && kind == NameKind::workout) {
                if (workout->name.text == name) title = &workout->title;
            } else if (const auto* program = std::get_if<ast::ProgramDecl>(&declaration); program != nullptr && kind == NameKind::program) {
                if (program->name.text == name) title = &program->title;
            }
            if (title != nullptr && title->has_value() && !(*title)->value.empty()) return (*title)->value;
        }
    }
    return std::nullopt;
}

nlohmann::json markdown(const std::string& text, const Range& range) {
    return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", to_json(range)}};
}

}  // namespace

nlohmann::json hover(const Analysis& analysis, std::size_t offset) {
    const ast::File* main = analysis.main();
    if (main == nullptr) return nullptr;
    Locator locator(analysis);
    const std::vector<Occurrence> names = collect_names(*main);
    const Catalog& catalog = catalog_of(analysis);
    if (const Occurrence* name = occurrence_at(names, offset)) {
        const Range range = locator.range(name->span);
        if (name->kind == NameKind::exercise) {
            const int index = catalog.find_exercise(name->text);
            if (index >= 0) return markdown(exercise_entry(catalog, catalog.exercises[static_cast<std::size_t>(index)]), range);
        } else if (name->kind == NameKind::workout || name->kind == NameKind::program) {
            if (const checked::Workout* workout = name->kind == NameKind::workout ? workout_named(analysis, name->text) : nullptr) {
                Tally tally;
                timing::walk_workout(*workout, 1, tally);
                return markdown(fmt::format("**{}** `{}`: {} in total (week 1)", workout->title, workout->name,
                                            clock_text(tally.total())),
                                range);
            }
            // Its title as declared (a workout's total needs a file without errors).
            if (const std::optional<std::string_view> title = declared_title(analysis, name->kind, name->text)) {
                return markdown(fmt::format("**{}** `{}`", *title, name->text), range);
            }
        } else {
            const auto title = [&]() -> std::string {
                int index = -1;
                switch (name->kind) {
                case NameKind::equipment: index = catalog.find_equipment(name->text); return index < 0 ? "" : catalog.equipment[static_cast<std::size_t>(index)].title;
                case NameKind::muscle: index = catalog.find_muscle(name->text); return index < 0 ? "" : catalog.muscles[static_cast<std::size_t>(index)].title;
                case NameKind::region: index = catalog.find_region(name->text); return index < 0 ? "" : catalog.regions[static_cast<std::size_t>(index)].title;
                case NameKind::profile: index = catalog.find_profile(name->text); return index < 0 ? "" : catalog.profiles[static_cast<std::size_t>(index)].title;
                default: return "";
                }
            }();
            if (!title.empty()) return markdown(fmt::format("**{}** `{}`", title, name->text), range);
        }
    }
    // A prescription or a block: the smallest block of the file's workouts around the offset.
    if (!analysis.timed()) return nullptr;
    const checked::Block* best = nullptr;
    for (const checked::Block& block : analysis.compilation.checked.block_store) {
        const SourceSpan& span = block.span;
        if (span.file != analysis.main_file || offset < span.offset || offset > std::size_t{span.offset} + span.length) continue;
        if (block.kind == checked::Block::Kind::note) continue;
        if (best == nullptr || span.length < best->span.length) best = &block;
    }
    if (best == nullptr) return nullptr;
    Tally tally;
    timing::walk_block(*best, 1, tally);
    return markdown(fmt::format("**{}** (week 1)\n\n`{}`", clock_text(tally.total()), tally.explanation()),
                    locator.range(best->span));
}

nlohmann::json inlay_hints(const Analysis& analysis, const Range& range) {
    nlohmann::json hints = nlohmann::json::array();
    const ast::File* main = analysis.main();
    if (main == nullptr || !analysis.timed()) return hints;
    Locator locator(analysis);
    const TextLines& lines = locator.lines(analysis.main_file);
    const std::size_t from = lines.offset(range.start), to = lines.offset(range.end);
    const auto add = [&](std::size_t offset, const std::string& label, bool left) {
        if (offset < from || offset > to) return;
        nlohmann::json hint = {{"position", to_json(lines.position(offset))}, {"label", label}};
        hint[left ? "paddingLeft" : "paddingRight"] = true;
        hints.push_back(std::move(hint));
    };
    const std::vector<Occurrence> names = collect_names(*main);
    for (const checked::Workout& workout : analysis.compilation.checked.workouts) {
        if (workout.span.file != analysis.main_file) continue;
        Tally tally;
        timing::walk_workout(workout, 1, tally);
        for (const auto& [block, start] : tally.starts()) {
            if (block->kind == checked::Block::Kind::note) continue;
            add(block->span.offset, clock_text(start), false);
        }
        for (const Occurrence& name : names) {
            if (name.declaration && name.kind == NameKind::workout && name.text == workout.name) {
                add(std::size_t{name.span.offset} + name.span.length, "= " + clock_text(tally.total()), true);
            }
        }
    }
    return hints;
}

}  // namespace reps::lsp
