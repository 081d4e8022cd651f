// The stdlib catalog from the bytes the build wrote (compiler/catalog/stdlib_gen.cpp), and the stdlib's
// files registered as sources.
#include "compiler/catalog/stdlib_catalog.hpp"

#include <stdexcept>
#include <string_view>

#include "compiler/catalog/blob.hpp"
#include "compiler/catalog/stdlib.hpp"

namespace reps {

// Defined in the generated stdlib_catalog_data.cpp.
extern const std::string_view stdlib_catalog_bytes;

const Catalog& stdlib_catalog() {
    // Never destroyed: freeing a thousand allocations at exit would cost a fifth of a small check.
    static const Catalog* const catalog = [] {
        auto* decoded = new Catalog(decode_catalog(stdlib_catalog_bytes));
        decoded->index_names();
        return decoded;
    }();
    return *catalog;
}

void add_stdlib_sources(SourceManager& sources) {
    const auto files = stdlib_files();
    bool present = sources.size() >= files.size();
    for (std::size_t i = 0; present && i < files.size(); ++i) {
        present = sources.file(static_cast<std::uint32_t>(i)).embedded && sources.file(static_cast<std::uint32_t>(i)).path == files[i].path;
    }
    if (present) return;
    if (sources.size() != 0) throw std::logic_error("the stdlib must be the first files of a SourceManager");
    for (const EmbeddedFile& file : files) sources.add_static(std::string(file.path), file.text, true);
}

}  // namespace reps
