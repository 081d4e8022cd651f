// The catalog as a compact byte string: how the stdlib, checked at build time, is linked into
// `reps` (compiler/catalog/stdlib_gen.cpp writes it; compiler/catalog/stdlib_catalog.cpp reads it).
#pragma once

#include <string>
#include <string_view>

#include "compiler/catalog/catalog.hpp"

namespace reps {

// Every item of a catalog without a base, names and spans included.
std::string encode_catalog(const Catalog& catalog);
// The catalog encode_catalog wrote, name lookups rebuilt. Throws std::runtime_error on bytes it
// did not write (truncated, or from another version of this format).
Catalog decode_catalog(std::string_view bytes);

}  // namespace reps
