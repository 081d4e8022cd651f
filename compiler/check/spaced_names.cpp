#include "compiler/check/spaced_names.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/catalog/search.hpp"
#include "compiler/parse/fixer.hpp"

namespace reps {

namespace {

// `goblet squat` -> `goblet_squat`: each run of blanks between the words becomes one '_'.
std::string joined(std::string_view written) {
    std::string name;
    for (std::size_t k = 0; k < written.size(); ++k) {
        const bool blank = written[k] == ' ' || written[k] == '\t';
        if (!blank) name += written[k];
        else if (k + 1 < written.size() && written[k + 1] != ' ' && written[k + 1] != '\t') name += '_';
    }
    return name;
}

bool is_usable(const std::string& name, const Catalog& catalog, std::span<const ast::File> files) {
    if (catalog.find_exercise(name) >= 0) return true;
    // A declaration with a syntax error is left out of the catalog; once fixed, its names are.
    return std::any_of(files.begin(), files.end(), [&](const ast::File& file) {
        return std::any_of(file.damaged_names.begin(), file.damaged_names.end(),
                           [&](const ast::Name& damaged) { return damaged.text == name; });
    });
}

// The help and the edit that write `name` in place of the words.
void offer(Diagnostic& diagnostic, const ast::SpacedName& spaced, std::string_view text, std::string name, std::string_view reason) {
    const syntax_help::Fixer line(text, spaced.error.offset);
    SyntaxFix fix = line.make(spaced.written.offset, spaced.written.length, std::move(name), reason);
    diagnostic.help = std::move(fix.help);
    diagnostic.fixes = {FixIt{spaced.written, std::move(fix.replacement)}};
}

void settle(Diagnostic& diagnostic, const ast::SpacedName& spaced, std::string_view text, const Catalog& catalog,
            std::span<const ast::File> files) {
    const std::string name = joined(text.substr(spaced.written.offset, spaced.written.length));
    if (is_usable(name, catalog, files)) return offer(diagnostic, spaced, text, name, "Names have no spaces: words are joined with '_'");
    std::vector<std::string> close = suggest_exercises(catalog, name);
    if (close.empty()) {
        diagnostic.help = fmt::format("names have no spaces, but no exercise is called '{}' either: `reps catalog TERM` "
                                      "searches the catalog",
                                      name);
        return;
    }
    const std::string closest = close.front();
    close.erase(close.begin());
    const std::string others = close.empty() ? "" : fmt::format(" (also close: {})", quoted_list(close));
    offer(diagnostic, spaced, text, closest,
          fmt::format("Names have no spaces, and no exercise is called '{}': the closest is '{}'{}", name, closest, others));
}

}  // namespace

void settle_spaced_names(std::span<const ast::File> files, const Catalog& catalog, const SourceManager& sources,
                         Diagnostics& diagnostics) {
    for (const ast::File& file : files) {
        for (const ast::SpacedName& spaced : file.spaced_names) {
            if (Diagnostic* diagnostic = diagnostics.find(Code::E0001, spaced.error)) {
                settle(*diagnostic, spaced, sources.file(spaced.written.file).text, catalog, files);
            }
        }
    }
}

}  // namespace reps
