// The catalog model: regions, muscles, equipment, exercises and profiles, with names resolved.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/base/edit_distance.hpp"  // edit_distance, closest_name: the catalog's "did you mean"
#include "compiler/base/text_hash.hpp"
#include "compiler/parse/ast.hpp"
#include "compiler/diagnostics/diagnostics.hpp"

namespace reps {

struct Region {
    std::string name, title;
    SourceSpan span;

    friend bool operator==(const Region&, const Region&) = default;
};

struct Muscle {
    std::string name, title;
    int region = -1;
    SourceSpan span;

    friend bool operator==(const Muscle&, const Muscle&) = default;
};

struct Equipment {
    std::string name, title;
    bool loadable = false;
    bool pair = false;
    SourceSpan span;

    friend bool operator==(const Equipment&, const Equipment&) = default;
};

// An equipment requirement in disjunctive normal form: any one of `alternatives`, each a sorted
// set of equipment indices that are all needed. An empty set is bodyweight.
using EquipmentSet = std::vector<int>;

struct Exercise {
    std::string name, title;
    std::vector<std::string> aliases;
    std::string pattern;
    std::vector<int> primary, secondary;  // muscle indices
    std::vector<EquipmentSet> equipment;   // never empty: {{}} for bodyweight
    ast::Sides sides = ast::Sides::both;
    ast::Measure measure = ast::Measure::reps;
    std::int64_t rep_seconds = 3;
    std::vector<int> easier, harder;  // exercise indices
    std::string fit_category, fit_name;
    SourceSpan span;
    bool stdlib = false;

    friend bool operator==(const Exercise&, const Exercise&) = default;
};

struct Profile {
    std::string name, title;
    std::vector<int> equipment;  // sorted indices
    SourceSpan span;

    friend bool operator==(const Profile&, const Profile&) = default;
};

// One kind of catalog item, as a list that may continue a shared, read-only base list: the
// stdlib's, built once per process, so that checking a file never copies the stdlib. Indices
// below the base's size read the base; the items after it are this list's own.
template <typename T>
class LayeredList {
public:
    class const_iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        const_iterator() = default;
        const_iterator(const LayeredList* list, std::size_t index) : list_(list), index_(index) {}
        const T& operator*() const { return (*list_)[index_]; }
        const T* operator->() const { return &(*list_)[index_]; }
        const_iterator& operator++() {
            ++index_;
            return *this;
        }
        const_iterator operator++(int) {
            auto old = *this;
            ++index_;
            return old;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.index_ == b.index_; }

    private:
        const LayeredList* list_ = nullptr;
        std::size_t index_ = 0;
    };

    const T& operator[](std::size_t index) const {
        return index < base_.size() ? base_[index] : own_[index - base_.size()];
    }
    // An item of this list's own (index at least base_size()), to fill in while building.
    T& own_at(std::size_t index) { return own_[index - base_.size()]; }
    std::size_t size() const { return base_.size() + own_.size(); }
    bool empty() const { return size() == 0; }
    std::size_t base_size() const { return base_.size(); }
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    void push_back(T item) { own_.push_back(std::move(item)); }
    void reserve(std::size_t count) { own_.reserve(count); }

    // The base must outlive this list and never change (the stdlib catalog is static).
    void set_base(std::span<const T> base) { base_ = base; }
    std::span<const T> own() const { return own_; }

    friend bool operator==(const LayeredList& a, const LayeredList& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }

private:
    std::span<const T> base_;
    std::vector<T> own_;
};

// Name lookups by string_view without building a std::string (C++20 heterogeneous lookup).
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const noexcept { return std::hash<std::string_view>{}(name); }
};
using NameMap = std::unordered_map<std::string, int, NameHash, std::equal_to<>>;

// A flat, open-addressing copy of a NameMap, for the stdlib's exercise names that every
// prescription looks up: a probe or two into one small array instead of a chase through hash
// nodes. Built last, where the catalog will stay (its views point into it): a copied or moved
// catalog starts without it, and lookups then use the map. Derived data: it takes no part in
// comparing catalogs.
class FlatNameIndex {
public:
    // A copy or a move leaves both sides empty: the index belongs to the names of the catalog it
    // was built for, and neither catalog's names are known to be those any more.
    FlatNameIndex() = default;
    FlatNameIndex(const FlatNameIndex&) {}
    FlatNameIndex& operator=(const FlatNameIndex&) {
        clear();
        return *this;
    }
    FlatNameIndex(FlatNameIndex&& other) noexcept { other.clear(); }
    FlatNameIndex& operator=(FlatNameIndex&& other) noexcept {
        clear();
        other.clear();
        return *this;
    }

    void build(const NameMap& names);
    bool built() const { return !slots_.empty(); }
    // The index of `name`, or -1.
    int find(std::string_view name) const { return find(name, hash_of(name)); }
    // The same with hash_of(name) given: a lookup through two layers hashes the name once.
    int find(std::string_view name, std::uint64_t hash) const;
    static std::uint64_t hash_of(std::string_view name) { return hash_text(name); }

    friend bool operator==(const FlatNameIndex&, const FlatNameIndex&) { return true; }

private:
    void clear() noexcept {
        slots_.clear();
        names_.clear();
    }
    // Sixteen bytes, so that a probe touches one cache line of a table half the size it was:
    // lookups land anywhere in it, one per entry checked.
    struct Slot {
        std::uint32_t hash = 0;    // the hash's low half
        int index = -1;            // -1: a free slot
        std::uint32_t offset = 0;  // of the name in names_
        std::uint32_t length = 0;
    };
    std::vector<Slot> slots_;
    std::string names_;  // every name, back to back, close together in memory
};

class Catalog {
public:
    Catalog() = default;
    // A catalog that continues `base` (the stdlib's) when not null: its items keep their indices
    // and lookups find them, unless a declaration here reuses the name: that one shadows the
    // base's (SPEC 2; the base's items keep referring to the base's). `base` has no base itself
    // and must outlive this catalog.
    explicit Catalog(const Catalog* base);

    LayeredList<Region> regions;
    LayeredList<Muscle> muscles;
    LayeredList<Equipment> equipment;
    LayeredList<Exercise> exercises;
    LayeredList<Profile> profiles;

    // Exercise by name or alias; -1 if unknown.
    int find_exercise(std::string_view name) const;
    int find_region(std::string_view name) const;
    int find_muscle(std::string_view name) const;
    int find_equipment(std::string_view name) const;
    int find_profile(std::string_view name) const;

    // Closest known name of that kind within a small edit distance, for "did you mean".
    std::optional<std::string> suggest_exercise(std::string_view name) const;
    std::optional<std::string> suggest_region(std::string_view name) const;
    std::optional<std::string> suggest_muscle(std::string_view name) const;
    std::optional<std::string> suggest_equipment(std::string_view name) const;
    std::optional<std::string> suggest_profile(std::string_view name) const;

    // This layer's names (the base has its own); find_* and suggest_* look in both.
    NameMap exercise_names;  // names and aliases
    NameMap region_names, muscle_names, equipment_names, profile_names;
    // exercise_names, flat, once the catalog is complete (the stdlib's: see index_names(); a
    // user's: the checker's, which looks up every entry's name). A copy or move of the catalog
    // leaves it empty, and lookups use exercise_names again.
    FlatNameIndex exercise_index;
    // Builds exercise_index; the catalog must not change afterwards.
    void index_names() { exercise_index.build(exercise_names); }

    const Catalog* base() const { return base_; }

    friend bool operator==(const Catalog&, const Catalog&) = default;

private:
    const Catalog* base_ = nullptr;
};

// Builds the catalog from every file's catalog declarations, on top of `base` when given (the
// stdlib's: see stdlib_catalog.hpp), resolving all the references between them and reporting
// duplicates and unknown names.
Catalog build_catalog(std::span<const ast::File> files, const SourceManager& sources, Diagnostics& diagnostics,
                      const Catalog* base);

}  // namespace reps
