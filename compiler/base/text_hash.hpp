// The compiler's one hash of a text: exercise and workout names in their tables, duplicate
// names, and the texts in `reps fmt`'s shape hash. Eight bytes a step, inline, no call: names are
// short and looked up for every entry. The last bytes are read as one word that may overlap the
// one before, never byte by byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace reps {

namespace bytes {
inline std::uint64_t load64(const char* at) {
    std::uint64_t word;
    std::memcpy(&word, at, 8);
    return word;
}
inline std::uint32_t load32(const char* at) {
    std::uint32_t word;
    std::memcpy(&word, at, 4);
    return word;
}
}  // namespace bytes

inline std::uint64_t hash_text(std::string_view name) {
    const auto mix = [](std::uint64_t hash, std::uint64_t word) {
        hash = (hash ^ word) * 0xff51afd7ed558ccdULL;
        return hash ^ (hash >> 32);
    };
    const char* text = name.data();
    const std::size_t size = name.size();
    std::uint64_t hash = size * 0x9e3779b97f4a7c15ULL;
    if (size >= 8) {
        for (std::size_t i = 0; i + 8 < size; i += 8) hash = mix(hash, bytes::load64(text + i));
        return mix(hash, bytes::load64(text + size - 8));
    }
    if (size >= 4) return mix(hash, (std::uint64_t{bytes::load32(text)} << 32) | bytes::load32(text + size - 4));
    if (size == 0) return hash;
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(text[i])}; };
    return mix(hash, (byte(0) << 16) | (byte(size / 2) << 8) | byte(size - 1));
}

}  // namespace reps
