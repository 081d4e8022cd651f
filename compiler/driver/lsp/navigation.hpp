// Names resolved to where they are declared, across the open documents' analyses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/catalog/catalog.hpp"
#include "compiler/driver/lsp/name_index.hpp"
#include "compiler/driver/lsp/workspace.hpp"

namespace reps::lsp {

// Where a name is declared, comparable across analyses (each has its own file ids).
struct Place {
    std::string path;
    std::uint32_t offset = 0;
    bool stdlib = false;
    bool operator==(const Place& other) const { return path == other.path && offset == other.offset; }
};

// Where `catalog` (or its base) declares `name` as a name or alias of `kind`; workouts and programs
// are not in catalogs.
std::optional<SourceSpan> catalog_span(const Catalog& catalog, NameKind kind, std::string_view name);
std::optional<SourceSpan> declaration_of(const Analysis& analysis, const Occurrence& name);
std::optional<Place> place_of(const Analysis& analysis, const Occurrence& name);

// One written occurrence of a name.
struct NameUse {
    std::string uri;
    Range range;
    bool declaration = false;
    std::string_view text;
};
// Every occurrence, in the analyses' user files, of the name of `kind` declared at `target`.
std::vector<NameUse> uses_of(const std::vector<const Analysis*>& analyses, NameKind kind, std::string_view text,
                             const Place& target);

nlohmann::json definition(const Analysis& analysis, std::size_t offset);
nlohmann::json document_symbols(const Analysis& analysis);
nlohmann::json workspace_symbols(const std::vector<const Analysis*>& analyses, std::string_view query);

}  // namespace reps::lsp
