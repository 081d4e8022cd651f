// Builds the catalog from the catalog declarations of every file and resolves their references.
#include "compiler/catalog/catalog.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "compiler/catalog/search.hpp"

namespace reps {

namespace {

// The names of one kind in a catalog and its base.
std::vector<std::string_view> keys_of(const NameMap& map, const NameMap* base) {
    std::vector<std::string_view> keys;
    keys.reserve(map.size() + (base ? base->size() : 0));
    for (const auto& [key, value] : map) keys.push_back(key);
    if (base) {
        for (const auto& [key, value] : *base) keys.push_back(key);
    }
    std::sort(keys.begin(), keys.end());  // deterministic suggestions
    return keys;
}

int find_in(const NameMap& map, std::string_view name) {
    const auto found = map.find(name);
    return found == map.end() ? -1 : found->second;
}

// A lookup in a catalog layer, then in its base (the stdlib): the stdlib is an outer scope, so a
// name the user's files declare shadows the stdlib's (SPEC 2). Most files declare few names, so
// an empty layer is skipped without hashing the name.
int find_in(const Catalog* base, const NameMap Catalog::*names, const NameMap& own, std::string_view name) {
    if (!own.empty()) {
        if (const int index = find_in(own, name); index >= 0) return index;
    }
    return base ? find_in(base->*names, name) : -1;
}

// A title left out or written empty ("") is the name: every output shows something.
std::string title_or_name(const std::optional<ast::Text>& title, const ast::Name& name) {
    return std::string(title && !title->value.empty() ? title->value : name.text);
}

class CatalogBuilder {
public:
    CatalogBuilder(const SourceManager& sources, Diagnostics& diagnostics, const Catalog* base)
        : sources_(sources), diagnostics_(diagnostics), catalog_(base) {}

    Catalog build(std::span<const ast::File> files) {
        // Declarations first (names may be used before they are declared), then references.
        for (const auto& file : files) {
            for (const auto& declaration : file.declarations) declare(declaration, sources_.file(file.file_id).embedded);
        }
        for (const auto& file : files) {
            for (const auto& declaration : file.declarations) {
                if (diagnostics_.stop_here(std::visit([](const auto& d) { return d.span; }, declaration))) break;
                resolve(declaration);
            }
        }
        return std::move(catalog_);
    }

private:
    // Takes `name` for item `index` unless an item of this layer has it: then E0101, with a note on
    // where the name was first declared when that is known. A name of the base (the stdlib) is
    // free to take: this layer's item shadows it (SPEC 2).
    bool claim(NameMap& names, const ast::Name& name, int index, const char* kind, int existing,
               const SourceSpan& previous_span) {
        const bool inserted = existing < 0 && names.emplace(name.text, index).second;
        if (!inserted) {
            auto& diagnostic = diagnostics_.report(Code::E0101, name.span, fmt::format("duplicate {} '{}'", kind, name.text),
                                                  "rename one of the two declarations");
            if (previous_span.has_position()) {
                diagnostic.notes.push_back(fmt::format("'{}' was first declared at {}:{}:{}", name.text,
                                                       sources_.file(previous_span.file).path, sources_.position(previous_span).line,
                                                       sources_.character_column(previous_span)));
            }
        }
        return inserted;
    }

    void declare(const ast::Declaration& declaration, bool stdlib) {
        if (const auto* region = std::get_if<ast::RegionDecl>(&declaration)) {
            const int index = static_cast<int>(catalog_.regions.size());
            const int existing = find_in(catalog_.region_names, region->name.text);
            if (claim(catalog_.region_names, region->name, index, "region", existing,
                      existing >= 0 ? catalog_.regions[existing].span : SourceSpan{})) {
                catalog_.regions.push_back(Region{std::string(region->name.text), title_or_name(region->title, region->name), region->name.span});
            }
        } else if (const auto* muscle = std::get_if<ast::MuscleDecl>(&declaration)) {
            const int index = static_cast<int>(catalog_.muscles.size());
            const int existing = find_in(catalog_.muscle_names, muscle->name.text);
            if (claim(catalog_.muscle_names, muscle->name, index, "muscle", existing,
                      existing >= 0 ? catalog_.muscles[existing].span : SourceSpan{})) {
                catalog_.muscles.push_back(Muscle{std::string(muscle->name.text), title_or_name(muscle->title, muscle->name), -1, muscle->name.span});
            }
        } else if (const auto* equipment = std::get_if<ast::EquipmentDecl>(&declaration)) {
            const int index = static_cast<int>(catalog_.equipment.size());
            const int existing = find_in(catalog_.equipment_names, equipment->name.text);
            if (claim(catalog_.equipment_names, equipment->name, index, "equipment", existing,
                      existing >= 0 ? catalog_.equipment[existing].span : SourceSpan{})) {
                catalog_.equipment.push_back(Equipment{std::string(equipment->name.text), title_or_name(equipment->title, equipment->name),
                                                       equipment->loadable, equipment->pair, equipment->name.span});
            }
        } else if (const auto* exercise = std::get_if<ast::ExerciseDecl>(&declaration)) {
            declare_exercise(*exercise, stdlib);
        } else if (const auto* profile = std::get_if<ast::ProfileDecl>(&declaration)) {
            const int index = static_cast<int>(catalog_.profiles.size());
            const int existing = find_in(catalog_.profile_names, profile->name.text);
            if (claim(catalog_.profile_names, profile->name, index, "profile", existing,
                      existing >= 0 ? catalog_.profiles[existing].span : SourceSpan{})) {
                catalog_.profiles.push_back(Profile{std::string(profile->name.text), title_or_name(profile->title, profile->name), {}, profile->name.span});
            }
        }
    }

    void declare_exercise(const ast::ExerciseDecl& decl, bool stdlib) {
        const int index = static_cast<int>(catalog_.exercises.size());
        auto claim_exercise = [&](const ast::Name& name, const char* kind) {
            const int existing = find_in(catalog_.exercise_names, name.text);
            return claim(catalog_.exercise_names, name, index, kind, existing,
                         existing >= 0 ? catalog_.exercises[existing].span : SourceSpan{});
        };
        if (!claim_exercise(decl.name, "exercise")) return;
        Exercise exercise;
        exercise.name = decl.name.text;
        exercise.title = decl.title.value.empty() ? std::string(decl.name.text) : std::string(decl.title.value);
        exercise.span = decl.name.span;
        exercise.stdlib = stdlib;
        for (const auto& alias : decl.aka) {
            if (claim_exercise(alias, "exercise name (alias)")) {
                exercise.aliases.emplace_back(alias.text);
            }
        }
        if (decl.pattern) exercise.pattern = decl.pattern->text;
        if (decl.sides) exercise.sides = *decl.sides;
        if (decl.measure) exercise.measure = *decl.measure;
        if (decl.rep) {
            exercise.rep_seconds = decl.rep->seconds;
            if (decl.rep->seconds == 0 || decl.rep->seconds > 600) {
                diagnostics_.report(Code::E0303, decl.rep->span, "the time per rep must be between 1s and 10min");
            }
        }
        if (decl.fit_category) exercise.fit_category = decl.fit_category->text;
        if (decl.fit_name) exercise.fit_name = decl.fit_name->text;
        // A field given twice is a mistake, not an override.
        for (std::size_t i = 0; i < decl.fields_seen.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (decl.fields_seen[i].text == decl.fields_seen[j].text) {
                    diagnostics_.report(Code::E0101, decl.fields_seen[i].span,
                                       fmt::format("field '{}' given twice in exercise '{}'", decl.fields_seen[i].text, decl.name.text),
                                       "merge the two lines into one");
                    break;
                }
            }
        }
        catalog_.exercises.push_back(std::move(exercise));
    }

    int resolve_name(const NameMap Catalog::*names, const ast::Name& name, Code code, const char* kind) {
        const Catalog* base = catalog_.base();
        const int index = find_in(base, names, catalog_.*names, name.text);
        if (index < 0) {
            auto& diagnostic = diagnostics_.report(code, name.span, fmt::format("unknown {} '{}'", kind, name.text));
            if (names == &Catalog::exercise_names) {
                // As for a prescription's exercise (every name is declared by now; the ranking reads no references).
                diagnostic.help = did_you_mean(suggest_exercises(catalog_, name.text));
            } else if (auto suggestion = closest_name(name.text, keys_of(catalog_.*names, base ? &(base->*names) : nullptr))) {
                diagnostic.help = fmt::format("did you mean '{}'?", *suggestion);
            }
        }
        return index;
    }

    // Whether item `index` is the one this declaration (named at `span`) made: a duplicate made none.
    template <typename T>
    static bool owns(const LayeredList<T>& list, int index, const SourceSpan& span) {
        if (index < 0 || static_cast<std::size_t>(index) < list.base_size()) return false;
        const SourceSpan& own = list[static_cast<std::size_t>(index)].span;
        return own.offset == span.offset && own.file == span.file;
    }

    void resolve(const ast::Declaration& declaration) {
        if (const auto* muscle = std::get_if<ast::MuscleDecl>(&declaration)) {
            const int index = catalog_.find_muscle(muscle->name.text);
            const int region = resolve_name(&Catalog::region_names, muscle->region, Code::E0105, "region");
            if (owns(catalog_.muscles, index, muscle->name.span)) catalog_.muscles.own_at(index).region = region;
        } else if (const auto* exercise = std::get_if<ast::ExerciseDecl>(&declaration)) {
            resolve_exercise(*exercise);
        } else if (const auto* profile = std::get_if<ast::ProfileDecl>(&declaration)) {
            const int index = catalog_.find_profile(profile->name.text);
            std::vector<int> equipment;
            for (const auto& name : profile->equipment) {
                const int item = resolve_name(&Catalog::equipment_names, name, Code::E0103, "equipment");
                if (item >= 0) equipment.push_back(item);
                // An athlete owns a thing by its name: where the user's equipment of that name
                // shadows the stdlib's, the stdlib's exercises (which keep referring to the
                // stdlib's, SPEC 2) find it in the profile too.
                if (item >= 0 && catalog_.base()) {
                    if (const int twin = find_in(catalog_.base()->equipment_names, name.text); twin >= 0 && twin != item) {
                        equipment.push_back(twin);
                    }
                }
            }
            std::sort(equipment.begin(), equipment.end());
            equipment.erase(std::unique(equipment.begin(), equipment.end()), equipment.end());
            if (owns(catalog_.profiles, index, profile->name.span)) catalog_.profiles.own_at(index).equipment = std::move(equipment);
        }
    }

    void resolve_exercise(const ast::ExerciseDecl& decl) {
        const int index = catalog_.find_exercise(decl.name.text);
        const bool owner = owns(catalog_.exercises, index, decl.name.span);
        std::vector<int> primary, secondary, easier, harder;
        for (const auto& name : decl.primary) {
            if (int m = resolve_name(&Catalog::muscle_names, name, Code::E0104, "muscle"); m >= 0) primary.push_back(m);
        }
        for (const auto& name : decl.secondary) {
            if (int m = resolve_name(&Catalog::muscle_names, name, Code::E0104, "muscle"); m >= 0) secondary.push_back(m);
        }
        for (const auto& name : decl.easier) {
            if (int e = resolve_name(&Catalog::exercise_names, name, Code::E0102, "exercise"); e >= 0) easier.push_back(e);
        }
        for (const auto& name : decl.harder) {
            if (int e = resolve_name(&Catalog::exercise_names, name, Code::E0102, "exercise"); e >= 0) harder.push_back(e);
        }
        std::vector<EquipmentSet> equipment{EquipmentSet{}};
        if (decl.equipment) equipment = normal_form(*decl.equipment);
        if (!owner) return;
        auto& exercise = catalog_.exercises.own_at(index);
        exercise.primary = std::move(primary);
        exercise.secondary = std::move(secondary);
        exercise.easier = std::move(easier);
        exercise.harder = std::move(harder);
        exercise.equipment = std::move(equipment);
    }

    // Disjunctive normal form, capped so that a hostile expression cannot explode.
    std::vector<EquipmentSet> normal_form(const ast::EquipmentExpr& expr) {
        constexpr std::size_t max_alternatives = 256;
        switch (expr.kind) {
        case ast::EquipmentExpr::Kind::none:
            return {EquipmentSet{}};
        case ast::EquipmentExpr::Kind::name: {
            const int item = resolve_name(&Catalog::equipment_names, expr.name, Code::E0103, "equipment");
            return {item >= 0 ? EquipmentSet{item} : EquipmentSet{}};
        }
        case ast::EquipmentExpr::Kind::any_of: {
            std::vector<EquipmentSet> result;
            for (const auto& operand : expr.operands) {
                for (auto& set : normal_form(operand)) {
                    if (std::find(result.begin(), result.end(), set) == result.end()) result.push_back(std::move(set));
                }
            }
            if (result.size() > max_alternatives) return too_many(expr);
            return result;
        }
        case ast::EquipmentExpr::Kind::all_of: {
            std::vector<EquipmentSet> result{EquipmentSet{}};
            for (const auto& operand : expr.operands) {
                std::vector<EquipmentSet> next;
                for (const auto& left : result) {
                    for (const auto& right : normal_form(operand)) {
                        EquipmentSet merged;
                        std::set_union(left.begin(), left.end(), right.begin(), right.end(), std::back_inserter(merged));
                        if (std::find(next.begin(), next.end(), merged) == next.end()) next.push_back(std::move(merged));
                        if (next.size() > max_alternatives) return too_many(expr);
                    }
                }
                result = std::move(next);
            }
            return result;
        }
        }
        return {EquipmentSet{}};
    }

    std::vector<EquipmentSet> too_many(const ast::EquipmentExpr& expr) {
        diagnostics_.report(Code::E0003, expr.span, "equipment expression has too many alternatives (more than 256)",
                           "list the setups that matter; 'a | b' is one of a or b, 'a + b' both");
        return {EquipmentSet{}};
    }

    const SourceManager& sources_;
    Diagnostics& diagnostics_;
    Catalog catalog_;
};

}  // namespace

Catalog::Catalog(const Catalog* base) : base_(base) {
    if (!base) return;
    regions.set_base(base->regions.own());
    muscles.set_base(base->muscles.own());
    equipment.set_base(base->equipment.own());
    exercises.set_base(base->exercises.own());
    profiles.set_base(base->profiles.own());
}

int Catalog::find_exercise(std::string_view name) const {
    // This layer's names first: the user's shadow the stdlib's (SPEC 2). The name is hashed once
    // for both layers' flat indices, where they are built (the stdlib's always is; a user's once
    // the checker has its catalog), else looked up in the name maps.
    if (name.empty()) return -1;
    const std::uint64_t hash = FlatNameIndex::hash_of(name);
    if (exercise_index.built()) {
        if (const int index = exercise_index.find(name, hash); index >= 0) return index;
    } else if (!exercise_names.empty()) {
        if (const int index = find_in(exercise_names, name); index >= 0) return index;
    }
    if (!base_) return -1;
    return base_->exercise_index.built() ? base_->exercise_index.find(name, hash) : find_in(base_->exercise_names, name);
}

void FlatNameIndex::build(const NameMap& names) {
    std::size_t capacity = 16;
    while (capacity < 2 * names.size()) capacity *= 2;  // at most half full: short probes
    slots_.assign(capacity, Slot{});
    std::size_t bytes = 0;
    for (const auto& [name, index] : names) bytes += name.size();
    names_.clear();
    names_.reserve(bytes);
    for (const auto& [name, index] : names) {
        const auto offset = static_cast<std::uint32_t>(names_.size());
        names_ += name;
        const std::uint64_t hash = hash_of(name);
        std::size_t at = hash & (capacity - 1);
        while (slots_[at].index >= 0) at = (at + 1) & (capacity - 1);
        slots_[at] = Slot{static_cast<std::uint32_t>(hash), index, offset, static_cast<std::uint32_t>(name.size())};
    }
}

namespace {
// Equal names, eight bytes a step: after a full hash match they nearly always are, and names
// are short enough that a call to memcmp cost more than the comparison.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const std::size_t size = a.size();
    if (size >= 8) {
        for (std::size_t i = 0; i + 8 < size; i += 8) {
            if (bytes::load64(a.data() + i) != bytes::load64(b.data() + i)) return false;
        }
        return bytes::load64(a.data() + size - 8) == bytes::load64(b.data() + size - 8);
    }
    if (size >= 4) return bytes::load32(a.data()) == bytes::load32(b.data()) && bytes::load32(a.data() + size - 4) == bytes::load32(b.data() + size - 4);
    for (std::size_t i = 0; i < size; ++i) {
        if (a[i] != b[i]) return false;
    }
    return true;
}
}  // namespace

int FlatNameIndex::find(std::string_view name, std::uint64_t hash) const {
    if (name.empty() || slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const Slot& slot = slots_[at];
        if (slot.index < 0) return -1;
        if (slot.hash == static_cast<std::uint32_t>(hash) && slot.length == name.size() &&
            same_name(std::string_view(names_.data() + slot.offset, slot.length), name)) {
            return slot.index;
        }
    }
}
int Catalog::find_region(std::string_view name) const { return find_in(base_, &Catalog::region_names, region_names, name); }
int Catalog::find_muscle(std::string_view name) const { return find_in(base_, &Catalog::muscle_names, muscle_names, name); }
int Catalog::find_equipment(std::string_view name) const { return find_in(base_, &Catalog::equipment_names, equipment_names, name); }
int Catalog::find_profile(std::string_view name) const { return find_in(base_, &Catalog::profile_names, profile_names, name); }

std::optional<std::string> Catalog::suggest_exercise(std::string_view name) const {
    return closest_name(name, keys_of(exercise_names, base_ ? &base_->exercise_names : nullptr));
}
std::optional<std::string> Catalog::suggest_region(std::string_view name) const {
    return closest_name(name, keys_of(region_names, base_ ? &base_->region_names : nullptr));
}
std::optional<std::string> Catalog::suggest_muscle(std::string_view name) const {
    return closest_name(name, keys_of(muscle_names, base_ ? &base_->muscle_names : nullptr));
}
std::optional<std::string> Catalog::suggest_equipment(std::string_view name) const {
    return closest_name(name, keys_of(equipment_names, base_ ? &base_->equipment_names : nullptr));
}
std::optional<std::string> Catalog::suggest_profile(std::string_view name) const {
    return closest_name(name, keys_of(profile_names, base_ ? &base_->profile_names : nullptr));
}

Catalog build_catalog(std::span<const ast::File> files, const SourceManager& sources, Diagnostics& diagnostics,
                      const Catalog* base) {
    return CatalogBuilder(sources, diagnostics, base).build(files);
}

}  // namespace reps
