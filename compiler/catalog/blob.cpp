// Encodes a catalog as bytes and back: varints, length-prefixed strings, items in index order.
// The writer and the reader of each item sit side by side so that they cannot drift apart.
#include "compiler/catalog/blob.hpp"

#include <cstdint>
#include <stdexcept>
#include <type_traits>

namespace reps {
namespace {

constexpr std::string_view magic = "reps-catalog/1\n";

class Writer {
public:
    void unsigned_(std::uint64_t value) {
        while (value >= 0x80) {
            out_ += static_cast<char>((value & 0x7F) | 0x80);
            value >>= 7;
        }
        out_ += static_cast<char>(value);
    }
    void signed_(std::int64_t value) {  // zigzag, so that -1 takes one byte
        unsigned_((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
    }
    void raw(std::string_view bytes) { out_ += bytes; }
    void text(std::string_view value) {
        unsigned_(value.size());
        raw(value);
    }
    void span(const SourceSpan& span) {
        // The file plus one, so that a span with no position (no_file) takes one byte.
        for (std::uint32_t part : {span.file + 1, span.offset, span.length}) unsigned_(part);
    }
    void ints(const std::vector<int>& values) {
        unsigned_(values.size());
        for (int value : values) signed_(value);
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    std::uint64_t unsigned_() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<unsigned char>(next(1).front());
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        throw std::runtime_error("catalog data: bad number");
    }
    std::int64_t signed_() {
        const std::uint64_t value = unsigned_();
        return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
    }
    int small() { return static_cast<int>(signed_()); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(unsigned_()); }
    std::size_t count() {
        const std::uint64_t value = unsigned_();
        if (value > bytes_.size()) throw std::runtime_error("catalog data: bad count");  // each item takes a byte
        return static_cast<std::size_t>(value);
    }
    std::string text() {
        const std::size_t size = count();
        return std::string(next(size));
    }
    SourceSpan span() {
        SourceSpan span;
        span.file = u32() - 1;
        span.offset = u32();
        span.length = u32();
        return span;
    }
    std::vector<int> ints() {
        std::vector<int> values(count());
        for (int& value : values) value = small();
        return values;
    }
    std::string_view next(std::size_t size) {
        if (size > bytes_.size()) throw std::runtime_error("catalog data: truncated");
        const std::string_view taken = bytes_.substr(0, size);
        bytes_.remove_prefix(size);
        return taken;
    }
    bool done() const { return bytes_.empty(); }

private:
    std::string_view bytes_;
};

void write(Writer& w, const Region& r) {
    w.text(r.name);
    w.text(r.title);
    w.span(r.span);
}
void read(Reader& r, Region& item) {
    item.name = r.text();
    item.title = r.text();
    item.span = r.span();
}

void write(Writer& w, const Muscle& m) {
    w.text(m.name);
    w.text(m.title);
    w.signed_(m.region);
    w.span(m.span);
}
void read(Reader& r, Muscle& item) {
    item.name = r.text();
    item.title = r.text();
    item.region = r.small();
    item.span = r.span();
}

void write(Writer& w, const Equipment& e) {
    w.text(e.name);
    w.text(e.title);
    w.unsigned_((e.loadable ? 1u : 0u) | (e.pair ? 2u : 0u));
    w.span(e.span);
}
void read(Reader& r, Equipment& item) {
    item.name = r.text();
    item.title = r.text();
    const auto flags = r.unsigned_();
    item.loadable = (flags & 1u) != 0;
    item.pair = (flags & 2u) != 0;
    item.span = r.span();
}

void write(Writer& w, const Exercise& e) {
    w.text(e.name);
    w.text(e.title);
    w.unsigned_(e.aliases.size());
    for (const auto& alias : e.aliases) w.text(alias);
    w.text(e.pattern);
    w.ints(e.primary);
    w.ints(e.secondary);
    w.unsigned_(e.equipment.size());
    for (const auto& set : e.equipment) w.ints(set);
    w.unsigned_(static_cast<std::uint64_t>(e.sides));
    w.unsigned_(static_cast<std::uint64_t>(e.measure));
    w.signed_(e.rep_seconds);
    w.ints(e.easier);
    w.ints(e.harder);
    w.text(e.fit_category);
    w.text(e.fit_name);
    w.span(e.span);
    w.unsigned_(e.stdlib ? 1 : 0);
}
void read(Reader& r, Exercise& item) {
    item.name = r.text();
    item.title = r.text();
    item.aliases.resize(r.count());
    for (auto& alias : item.aliases) alias = r.text();
    item.pattern = r.text();
    item.primary = r.ints();
    item.secondary = r.ints();
    item.equipment.resize(r.count());
    for (auto& set : item.equipment) set = r.ints();
    item.sides = static_cast<ast::Sides>(r.unsigned_());
    item.measure = static_cast<ast::Measure>(r.unsigned_());
    item.rep_seconds = r.signed_();
    item.easier = r.ints();
    item.harder = r.ints();
    item.fit_category = r.text();
    item.fit_name = r.text();
    item.span = r.span();
    item.stdlib = r.unsigned_() != 0;
}

void write(Writer& w, const Profile& p) {
    w.text(p.name);
    w.text(p.title);
    w.ints(p.equipment);
    w.span(p.span);
}
void read(Reader& r, Profile& item) {
    item.name = r.text();
    item.title = r.text();
    item.equipment = r.ints();
    item.span = r.span();
}

template <typename T>
void write_list(Writer& w, const LayeredList<T>& list) {
    w.unsigned_(list.size());
    for (const T& item : list) write(w, item);
}

// Reads one kind of item and indexes its names, as the catalog builder does when it declares them.
template <typename T>
void read_list(Reader& r, LayeredList<T>& list, NameMap& names) {
    const std::size_t size = r.count();
    list.reserve(size);
    names.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        T item;
        read(r, item);
        names.emplace(item.name, static_cast<int>(i));
        if constexpr (std::is_same_v<T, Exercise>) {
            for (const auto& alias : item.aliases) names.emplace(alias, static_cast<int>(i));
        }
        list.push_back(std::move(item));
    }
}

}  // namespace

std::string encode_catalog(const Catalog& catalog) {
    if (catalog.base() != nullptr) throw std::logic_error("encode_catalog: the catalog has a base");
    Writer w;
    w.raw(magic);
    write_list(w, catalog.regions);
    write_list(w, catalog.muscles);
    write_list(w, catalog.equipment);
    write_list(w, catalog.exercises);
    write_list(w, catalog.profiles);
    return w.take();
}

Catalog decode_catalog(std::string_view bytes) {
    Reader r(bytes);
    if (r.next(magic.size()) != magic) throw std::runtime_error("catalog data: not a reps catalog of this version");
    Catalog catalog;
    read_list(r, catalog.regions, catalog.region_names);
    read_list(r, catalog.muscles, catalog.muscle_names);
    read_list(r, catalog.equipment, catalog.equipment_names);
    read_list(r, catalog.exercises, catalog.exercise_names);
    read_list(r, catalog.profiles, catalog.profile_names);
    if (!r.done()) throw std::runtime_error("catalog data: trailing bytes");
    return catalog;
}

}  // namespace reps
