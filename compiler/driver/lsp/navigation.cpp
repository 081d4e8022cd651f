// Go to definition, find references, document and workspace symbols: every name resolves to the
// place it is declared (a user's file or the stdlib's read-only copy), and names that resolve to
// the same place are the same name.
#include "compiler/driver/lsp/navigation.hpp"

#include <filesystem>
#include <set>

#include "compiler/driver/lsp/features.hpp"

namespace reps::lsp {

namespace fs = std::filesystem;

namespace {

nlohmann::json symbol(Locator& locator, std::string_view name, int kind, const SourceSpan& whole, const SourceSpan& selection,
                      nlohmann::json children = nlohmann::json::array()) {
    return {{"name", name.empty() ? std::string("?") : std::string(name)},
            {"kind", kind},
            {"range", to_json(locator.range(whole))},
            {"selectionRange", to_json(locator.range(selection))},
            {"children", std::move(children)}};
}

// A workout's outline: its blocks (warm-up, supersets, intervals, ...) and their exercises.
// LSP SymbolKind: Namespace 3, Method 6, Struct 23.
nlohmann::json block_symbols(Locator& locator, const ast::LongList<ast::Statement>& body) {
    nlohmann::json symbols = nlohmann::json::array();
    const auto entries = [&](const ast::LongList<ast::Prescription>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const ast::Prescription& entry : list) out.push_back(symbol(locator, entry.exercise.text, 6, entry.span, entry.exercise.span));
        return out;
    };
    for (const ast::Statement& statement : body) {
        if (const auto* prescription = std::get_if<ast::Prescription>(&statement.node)) {
            symbols.push_back(symbol(locator, prescription->exercise.text, 6, prescription->span, prescription->exercise.span));
        } else if (const auto* phase = std::get_if<ast::PhaseBlock>(&statement.node)) {
            symbols.push_back(symbol(locator, phase->kind == ast::PhaseKind::warmup ? "warmup" : "cooldown", 3, phase->span,
                                     phase->span, block_symbols(locator, phase->body)));
        } else if (const auto* group = std::get_if<ast::GroupBlock>(&statement.node)) {
            symbols.push_back(symbol(locator, group->kind == ast::GroupKind::superset ? "superset" : "circuit", 23, group->span,
                                     group->span, entries(group->entries)));
        } else if (const auto* intervals = std::get_if<ast::IntervalsBlock>(&statement.node)) {
            symbols.push_back(symbol(locator, intervals->tabata ? "tabata" : "intervals", 23, intervals->span, intervals->span,
                                     entries(intervals->entries)));
        } else if (const auto* timed = std::get_if<ast::TimedBlock>(&statement.node)) {
            symbols.push_back(symbol(locator, timed->kind == ast::TimedKind::emom ? "emom" : "amrap", 23, timed->span, timed->span,
                                     entries(timed->entries)));
        }
    }
    return symbols;
}

}  // namespace

std::optional<SourceSpan> catalog_span(const Catalog& catalog, NameKind kind, std::string_view name) {
    int index = -1;
    switch (kind) {
    case NameKind::exercise: index = catalog.find_exercise(name); return index < 0 ? std::nullopt : std::optional(catalog.exercises[static_cast<std::size_t>(index)].span);
    case NameKind::equipment: index = catalog.find_equipment(name); return index < 0 ? std::nullopt : std::optional(catalog.equipment[static_cast<std::size_t>(index)].span);
    case NameKind::muscle: index = catalog.find_muscle(name); return index < 0 ? std::nullopt : std::optional(catalog.muscles[static_cast<std::size_t>(index)].span);
    case NameKind::region: index = catalog.find_region(name); return index < 0 ? std::nullopt : std::optional(catalog.regions[static_cast<std::size_t>(index)].span);
    case NameKind::profile: index = catalog.find_profile(name); return index < 0 ? std::nullopt : std::optional(catalog.profiles[static_cast<std::size_t>(index)].span);
    default: return std::nullopt;
    }
}

std::optional<SourceSpan> declaration_of(const Analysis& analysis, const Occurrence& name) {
    if (name.kind == NameKind::workout || name.kind == NameKind::program) {
        for (const ast::File& file : analysis.compilation.loaded.files) {
            for (const Occurrence& other : collect_names(file)) {
                if (other.declaration && other.kind == name.kind && other.text == name.text) return other.span;
            }
        }
        return std::nullopt;
    }
    const auto span = catalog_span(catalog_of(analysis), name.kind, name.text);
    if (span && span->has_position()) return span;
    return name.declaration ? std::optional(name.span) : std::nullopt;
}

std::optional<Place> place_of(const Analysis& analysis, const Occurrence& name) {
    const auto span = declaration_of(analysis, name);
    if (!span) return std::nullopt;
    const SourceFile& file = analysis.sources.file(span->file);
    return Place{file.path, span->offset, file.embedded};
}

nlohmann::json definition(const Analysis& analysis, std::size_t offset) {
    const ast::File* main = analysis.main();
    if (main == nullptr) return nullptr;
    // An import's path leads to the start of the file it imports (when that file was loaded).
    for (const ast::Declaration& declaration : main->declarations) {
        const auto* import = std::get_if<ast::ImportDecl>(&declaration);
        const SourceSpan& span = import == nullptr ? SourceSpan{} : import->path.span;
        if (import == nullptr || offset < span.offset || offset > std::size_t{span.offset} + span.length) continue;
        const fs::path directory = fs::path(analysis.sources.file(analysis.main_file).path).parent_path();
        const fs::path target = (directory / import->path.value).lexically_normal();
        for (const ast::File& file : analysis.compilation.loaded.files) {
            const SourceFile& source = analysis.sources.file(file.file_id);
            if (file.file_id == analysis.main_file || source.embedded || fs::path(source.path).lexically_normal() != target) continue;
            const nlohmann::json start = {{"line", 0}, {"character", 0}};
            return {{"uri", analysis.uri_of(file.file_id)}, {"range", {{"start", start}, {"end", start}}}};
        }
        return nullptr;
    }
    const std::vector<Occurrence> names = collect_names(*main);
    const Occurrence* name = occurrence_at(names, offset);
    if (name == nullptr) return nullptr;
    const auto span = declaration_of(analysis, *name);
    if (!span) return nullptr;
    Locator locator(analysis);
    return locator.location(*span);
}

std::vector<NameUse> uses_of(const std::vector<const Analysis*>& analyses, NameKind kind, std::string_view text,
                             const Place& target) {
    std::vector<NameUse> uses;
    std::set<std::pair<std::string, std::uint32_t>> seen;
    for (const Analysis* analysis : analyses) {
        Locator locator(*analysis);
        for (const ast::File& file : analysis->compilation.loaded.files) {
            for (const Occurrence& name : collect_names(file)) {
                if (name.kind != kind) continue;
                // An alias is the same exercise under another name: compared by where it leads.
                if (kind != NameKind::exercise && name.text != text) continue;
                const auto place = place_of(*analysis, name);
                if (!place || !(*place == target)) continue;
                const std::string uri = analysis->uri_of(file.file_id);
                if (!seen.emplace(uri, name.span.offset).second) continue;
                uses.push_back(NameUse{uri, locator.range(name.span), name.declaration, name.text});
            }
        }
    }
    return uses;
}

nlohmann::json document_symbols(const Analysis& analysis) {
    nlohmann::json symbols = nlohmann::json::array();
    const ast::File* main = analysis.main();
    if (main == nullptr) return symbols;
    Locator locator(analysis);
    const std::vector<Occurrence> names = collect_names(*main);
    for (const Occurrence& name : names) {
        if (!name.declaration) continue;
        // LSP SymbolKind: Module 2, Class 5, Function 12, Constant 14, Struct 23, Event 24.
        const int kind = name.kind == NameKind::workout    ? 12
                         : name.kind == NameKind::program  ? 2
                         : name.kind == NameKind::exercise ? 5
                         : name.kind == NameKind::profile  ? 23
                                                           : 14;
        nlohmann::json symbol = {{"name", std::string(name.text)},
                                 {"kind", kind},
                                 {"range", to_json(locator.range(name.declaration_span))},
                                 {"selectionRange", to_json(locator.range(name.span))}};
        nlohmann::json children = nlohmann::json::array();
        if (name.kind == NameKind::workout) {
            for (const ast::Declaration& declaration : main->declarations) {
                const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration);
                if (workout != nullptr && workout->name.span == name.span) children = block_symbols(locator, workout->body);
            }
        }
        symbol["children"] = std::move(children);
        symbols.push_back(std::move(symbol));
    }
    return symbols;
}

nlohmann::json workspace_symbols(const std::vector<const Analysis*>& analyses, std::string_view query) {
    nlohmann::json symbols = nlohmann::json::array();
    std::set<std::pair<std::string, std::uint32_t>> seen;
    for (const Analysis* analysis : analyses) {
        Locator locator(*analysis);
        for (const ast::File& file : analysis->compilation.loaded.files) {
            const std::string uri = analysis->uri_of(file.file_id);
            for (const Occurrence& name : collect_names(file)) {
                if (!name.declaration || name.text.find(query) == std::string_view::npos) continue;
                if (!seen.emplace(uri, name.span.offset).second) continue;
                const int kind = name.kind == NameKind::workout ? 12 : name.kind == NameKind::program ? 2 : name.kind == NameKind::exercise ? 5 : 14;
                symbols.push_back({{"name", std::string(name.text)},
                                   {"kind", kind},
                                   {"location", {{"uri", uri}, {"range", to_json(locator.range(name.span))}}}});
            }
        }
    }
    return symbols;
}

}  // namespace reps::lsp
