// Edits: formatting (the code of `reps fmt`), code actions from the diagnostics' fix-its, and
// renaming a name the user declared.
#include <algorithm>
#include <iterator>
#include <regex>
#include <vector>
#include <string_view>

#include "compiler/catalog/stdlib_catalog.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/driver/lsp/features.hpp"
#include "compiler/driver/lsp/navigation.hpp"
#include "compiler/driver/lsp/server.hpp"
#include "compiler/format/format.hpp"

namespace reps::lsp {

nlohmann::json formatting(const Document& document) {
    // As `reps fmt`: only a file that parses, and only when the layout keeps its AST.
    SourceManager sources;
    Diagnostics diagnostics;
    const auto before = cli::ast_shape(sources, document.path, document.text, diagnostics);
    if (diagnostics.has_errors()) {
        throw RequestError{error_code::request_failed, "the file has syntax errors: only a file that parses is formatted"};
    }
    const std::string formatted = format_source(document.text);
    if (formatted == document.text) return nlohmann::json::array();
    SourceManager after_sources;
    Diagnostics after_diagnostics;
    if (cli::ast_shape(after_sources, document.path, formatted, after_diagnostics) != before || after_diagnostics.has_errors()) {
        throw RequestError{error_code::request_failed, "formatting would change the file's meaning; it was left as it is"};
    }
    const TextLines lines(document.text);
    const Range whole{{0, 0}, lines.position(document.text.size())};
    return nlohmann::json::array({{{"range", to_json(whole)}, {"newText", formatted}}});
}

namespace {

const ast::Prescription* in_entries(const ast::LongList<ast::Prescription>& entries, const SourceSpan& name) {
    for (const ast::Prescription& entry : entries) {
        if (entry.exercise.span == name) return &entry;
    }
    return nullptr;
}

const ast::Prescription* in_body(const ast::LongList<ast::Statement>& body, const SourceSpan& name) {
    for (const ast::Statement& statement : body) {
        const ast::Prescription* found = nullptr;
        if (const auto* prescription = std::get_if<ast::Prescription>(&statement.node)) {
            if (prescription->exercise.span == name) found = prescription;
        } else if (const auto* phase = std::get_if<ast::PhaseBlock>(&statement.node)) {
            found = in_body(phase->body, name);
        } else if (const auto* group = std::get_if<ast::GroupBlock>(&statement.node)) {
            found = in_entries(group->entries, name);
        } else if (const auto* intervals = std::get_if<ast::IntervalsBlock>(&statement.node)) {
            found = in_entries(intervals->entries, name);
        } else if (const auto* timed = std::get_if<ast::TimedBlock>(&statement.node)) {
            found = in_entries(timed->entries, name);
        }
        if (found != nullptr) return found;
    }
    return nullptr;
}

// The prescription whose exercise name is at `name`.
const ast::Prescription* prescription_named_at(const Analysis& analysis, const SourceSpan& name) {
    const ast::File* main = analysis.main();
    if (main == nullptr) return nullptr;
    for (const ast::Declaration& declaration : main->declarations) {
        if (const auto* workout = std::get_if<ast::WorkoutDecl>(&declaration)) {
            if (const ast::Prescription* found = in_body(workout->body, name)) return found;
        }
    }
    return nullptr;
}

}  // namespace

nlohmann::json code_actions(const Analysis& analysis, const std::string& uri, const Range& range) {
    nlohmann::json actions = nlohmann::json::array();
    Locator locator(analysis);
    const TextLines& lines = locator.lines(analysis.main_file);
    const std::size_t from = lines.offset(range.start), to = lines.offset(range.end);
    // "did you mean 'a'?", "did you mean 'a' or 'b'?", "did you mean 'a', 'b' or 'c'?"
    static const std::regex did_you_mean("did you mean ('[^']+'(?:(?:, | or )'[^']+')*)\\?");
    static const std::regex quoted("'([^']+)'");
    for (const Diagnostic& diagnostic : analysis.diagnostics.list()) {
        const SourceSpan& span = diagnostic.span;
        if (!span.has_position() || span.file != analysis.main_file) continue;
        if (span.offset > to || std::size_t{span.offset} + span.length < from) continue;
        nlohmann::json edits = nlohmann::json::array();
        for (const FixIt& fix : diagnostic.fixes) {
            if (fix.span.file != analysis.main_file) continue;
            edits.push_back({{"range", to_json(locator.range(fix.span))}, {"newText", fix.replacement}});
        }
        std::smatch match;
        // The "did you mean" of an unknown name replaces the name, one quick fix per name; a
        // fix-it it has (`rets 60s`: the keyword `rest`) is its first name's.
        const CodeInfo* info = find_code(code_name(diagnostic.code));
        const bool unknown_name = info != nullptr && info->summary.starts_with("unknown");
        if (unknown_name && std::regex_search(diagnostic.help, match, did_you_mean)) {
            // One quick fix per name suggested, the closest first and preferred.
            const std::string names = match[1].str();
            std::vector<std::string> suggested;
            for (auto it = std::sregex_iterator(names.begin(), names.end(), quoted); it != std::sregex_iterator(); ++it) {
                suggested.push_back((*it)[1].str());
            }
            // A name written as a string (`timezone "berlin"`) is replaced inside its quotes.
            const std::string_view written = analysis.sources.file(span.file).text.substr(span.offset, span.length);
            const bool quoted_name = written.size() >= 2 && written.front() == '"' && written.back() == '"';
            for (std::size_t i = 0; i < suggested.size(); ++i) {
                const std::string text = quoted_name ? '"' + suggested[i] + '"' : suggested[i];
                nlohmann::json replace = nlohmann::json::array({{{"range", to_json(locator.range(span))}, {"newText", text}}});
                actions.push_back({{"title", suggested.size() == 1 ? diagnostic.help : "replace with '" + suggested[i] + "'"},
                                   {"kind", "quickfix"},
                                   {"isPreferred", i == 0},
                                   {"edit", {{"changes", {{uri, std::move(replace)}}}}}});
            }
            continue;
        }
        // "assuming each side" (W0101): write `each` after the dose.
        if (edits.empty() && diagnostic.code == Code::W0101) {
            if (const ast::Prescription* prescription = prescription_named_at(analysis, span); prescription && prescription->dose) {
                const SourceSpan& dose = prescription->dose->span;
                const SourceSpan after{dose.file, dose.offset + dose.length, 0};
                edits.push_back({{"range", to_json(locator.range(after))}, {"newText", " each"}});
            }
        }
        if (edits.empty()) continue;
        const std::string title = diagnostic.help.empty() ? "apply the fix of " + std::string(code_name(diagnostic.code))
                                                          : diagnostic.help;
        actions.push_back({{"title", title},
                           {"kind", "quickfix"},
                           {"isPreferred", true},
                           {"edit", {{"changes", {{uri, std::move(edits)}}}}}});
    }
    return actions;
}

namespace {

// The reserved words (SPEC §9), from the grammar's one list of them.
constexpr std::string_view reserved_words[] = {
#define REPS_KEYWORD(word) #word,
#include "grammar/keywords.def"
#undef REPS_KEYWORD
};

// The kinds whose names must differ from each other: exercises and their aliases share one
// namespace (one occurrence kind), and so do workouts and programs.
NameKind name_space(NameKind kind) { return kind == NameKind::program ? NameKind::workout : kind; }

std::string_view name_space_title(NameKind kind) {
    switch (name_space(kind)) {
        case NameKind::exercise: return "an exercise or alias";
        case NameKind::equipment: return "a piece of equipment";
        case NameKind::muscle: return "a muscle";
        case NameKind::region: return "a region";
        case NameKind::profile: return "a profile";
        default: return "a workout or program";
    }
}

// Refuses a new name the parser would not read as one: not [a-z][a-z0-9_]* (SPEC §1), or a keyword.
void check_name_form(const std::string& new_name) {
    static const std::regex identifier("[a-z][a-z0-9_]*");
    if (!std::regex_match(new_name, identifier)) {
        throw RequestError{error_code::invalid_params,
                           "'" + new_name + "' is not a name: lower-case letters, digits and _, starting with a letter"};
    }
    if (std::find(std::begin(reserved_words), std::end(reserved_words), new_name) != std::end(reserved_words)) {
        throw RequestError{error_code::invalid_params, "'" + new_name + "' is a keyword: it cannot be a name"};
    }
}

// Refuses a new name that one of the user's files already declares in the same namespace: the
// rename would make a duplicate (E0101).
void check_not_declared(const std::vector<const Analysis*>& analyses, NameKind kind, const std::string& new_name) {
    for (const Analysis* analysis : analyses) {
        for (const ast::File& file : analysis->compilation.loaded.files) {
            for (const Occurrence& other : collect_names(file)) {
                if (!other.declaration || other.text != new_name || name_space(other.kind) != name_space(kind)) continue;
                const SourceFile& source = analysis->sources.file(file.file_id);
                const Position at = lines_of(source).position(other.span.offset);
                throw RequestError{error_code::request_failed,
                                   "'" + new_name + "' is already " + std::string(name_space_title(kind)) + " (" +
                                       source.path + ":" + std::to_string(at.line + 1) + ")"};
            }
        }
    }
}

// Refuses a new name the stdlib declares in the same namespace (as a name or an alias): the user's
// name would shadow it (SPEC 2), and the file's other uses of the stdlib's name would silently
// mean the renamed declaration.
void check_not_stdlib(NameKind kind, const std::string& new_name) {
    const auto span = catalog_span(stdlib_catalog(), kind, new_name);
    if (!span) return;
    std::string where;
    if (span->has_position()) {
        SourceManager sources;
        add_stdlib_sources(sources);
        where = " (" + sources.file(span->file).path + ":" + std::to_string(sources.position(*span).line + 1) + ")";
    }
    throw RequestError{error_code::request_failed,
                       "'" + new_name + "' is already " + std::string(name_space_title(kind)) + " of the stdlib" + where +
                           ": the uses of the stdlib's '" + new_name + "' would mean the renamed one"};
}

}  // namespace

nlohmann::json rename(const std::vector<const Analysis*>& analyses, const Analysis& analysis, std::size_t offset,
                      const std::string& new_name) {
    check_name_form(new_name);
    const ast::File* main = analysis.main();
    const std::vector<Occurrence> names = main != nullptr ? collect_names(*main) : std::vector<Occurrence>{};
    const Occurrence* name = occurrence_at(names, offset);
    if (name == nullptr) throw RequestError{error_code::request_failed, "there is no name here to rename"};
    const auto target = place_of(analysis, *name);
    if (!target) throw RequestError{error_code::request_failed, "'" + std::string(name->text) + "' is not declared"};
    if (target->stdlib) {
        throw RequestError{error_code::request_failed, "'" + std::string(name->text) + "' is the stdlib's: only names your files declare are renamed"};
    }
    if (new_name != name->text) {
        check_not_declared(analyses, name->kind, new_name);
        check_not_stdlib(name->kind, new_name);
    }
    nlohmann::json changes = nlohmann::json::object();
    for (const NameUse& use : uses_of(analyses, name->kind, name->text, *target)) {
        // Another name of the same exercise (an alias) stays as written.
        if (use.text != name->text) continue;
        changes[use.uri].push_back({{"range", to_json(use.range)}, {"newText", new_name}});
    }
    return {{"changes", std::move(changes)}};
}

}  // namespace reps::lsp
