// The stdlib, loaded and checked at build time: its catalog, built once per process from that
// data, and its files, registered for positions ("first declared at stdlib/legs.reps:12:3").
#pragma once

#include "compiler/catalog/catalog.hpp"
#include "compiler/base/source.hpp"

namespace reps {

// The catalog of stdlib/*.reps. Every user catalog is built on top of it (build_catalog's base).
// Thread-safe: built on first use, never changed.
const Catalog& stdlib_catalog();

// Registers the stdlib files as the first files of `sources` (the catalog's spans use those ids)
// unless they are already there. Throws std::logic_error if `sources` already holds other files.
void add_stdlib_sources(SourceManager& sources);

}  // namespace reps
