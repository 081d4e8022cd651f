// Completion from the text before the cursor (the file is often half written and does not parse):
// the enclosing declaration, the line's first word and what precedes the word being typed decide
// what fits; names come from the last analysis' catalog and the open files.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compiler/driver/lsp/features.hpp"
#include "compiler/driver/lsp/name_index.hpp"

namespace reps::lsp {

namespace {

bool name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// LSP CompletionItemKind: Keyword 14, Class 7, Value 12, Unit 11, Function 3, Enum member 20.
nlohmann::json item(std::string_view label, int kind, std::string_view detail = {}, std::string_view documentation = {}) {
    nlohmann::json entry = {{"label", std::string(label)}, {"kind", kind}};
    if (!detail.empty()) entry["detail"] = std::string(detail);
    if (!documentation.empty()) entry["documentation"] = std::string(documentation);
    return entry;
}

// The first word of a line, after its indentation.
std::string_view first_word(std::string_view line) {
    std::size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    std::size_t end = start;
    while (end < line.size() && name_char(line[end])) ++end;
    return line.substr(start, end - start);
}

// The declaration keyword of the block around `offset` ("workout", "exercise", ...), empty at the
// top level: braces are counted outside strings and comments.
std::string_view enclosing_declaration(std::string_view text, std::size_t offset) {
    int depth = 0;
    std::size_t declaration_start = 0;
    bool in_string = false, in_comment = false;
    for (std::size_t i = 0; i < offset; ++i) {
        const char c = text[i];
        if (in_comment) {
            in_comment = c != '\n';
        } else if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"' || c == '\n') in_string = false;
        } else if (c == '#') {
            in_comment = true;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            if (depth++ == 0) declaration_start = text.rfind('\n', i) == std::string_view::npos ? 0 : text.rfind('\n', i) + 1;
        } else if (c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return depth == 0 ? std::string_view() : first_word(text.substr(declaration_start));
}

bool fits_profile(const Catalog& catalog, const Exercise& exercise, int profile) {
    if (profile < 0) return true;
    const std::vector<int>& owned = catalog.profiles[static_cast<std::size_t>(profile)].equipment;
    return std::any_of(exercise.equipment.begin(), exercise.equipment.end(), [&](const EquipmentSet& needed) {
        return std::includes(owned.begin(), owned.end(), needed.begin(), needed.end());
    });
}

std::string equipment_text(const Catalog& catalog, const Exercise& exercise) {
    std::string text;
    for (const EquipmentSet& alternative : exercise.equipment) {
        std::string all;
        for (const int index : alternative) all += (all.empty() ? "" : " + ") + catalog.equipment[static_cast<std::size_t>(index)].name;
        text += (text.empty() ? "" : " | ") + (all.empty() ? std::string("none") : all);
    }
    return text;
}

}  // namespace

nlohmann::json completion(const Analysis& analysis, std::string_view text, std::size_t offset, const std::string& profile_name) {
    nlohmann::json items = nlohmann::json::array();
    offset = std::min(offset, text.size());
    const Catalog& catalog = catalog_of(analysis);
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1) == std::string_view::npos || offset == 0
                                       ? 0
                                       : text.rfind('\n', offset - 1) + 1;
    const std::string_view line = text.substr(line_start, offset - line_start);
    std::size_t word_start = line.size();
    while (word_start > 0 && name_char(line[word_start - 1])) --word_start;
    const std::string_view word = line.substr(word_start);
    const std::string_view before = line.substr(0, word_start);
    const std::string_view declaration = enclosing_declaration(text, line_start + word_start);
    const std::string_view lead = first_word(line);
    const bool line_start_word = before.find_first_not_of(" \t") == std::string_view::npos;
    const auto keywords = [&](std::initializer_list<std::string_view> words) {
        for (const std::string_view keyword : words) items.push_back(item(keyword, 14));
    };
    const auto exercises = [&] {
        const int profile = profile_name.empty() ? -1 : catalog.find_profile(profile_name);
        for (const Exercise& exercise : catalog.exercises) {
            if (!fits_profile(catalog, exercise, profile)) continue;
            items.push_back(item(exercise.name, 7, exercise.title, "equipment: " + equipment_text(catalog, exercise)));
        }
    };
    const auto equipment = [&] {
        for (const Equipment& entry : catalog.equipment) items.push_back(item(entry.name, 12, entry.title));
    };

    // A number just typed (and perhaps the start of its unit): durations, sets and loads.
    const std::size_t digits_end = word.find_first_not_of("0123456789");
    if (!word.empty() && word.front() >= '0' && word.front() <= '9') {
        const std::string_view number = word.substr(0, digits_end);
        for (const std::string_view unit : {"s", "min", "h", "x", "kg", "lb"}) {
            items.push_back(item(fmt::format("{}{}", number, unit), 11, unit == "x" ? "sets" : "unit"));
        }
        return items;
    }

    if (declaration.empty()) {
        keywords({"import", "region", "muscle", "equipment", "exercise", "profile", "workout", "program"});
    } else if (declaration == "exercise") {
        if (lead == "primary" || lead == "secondary") {
            for (const Muscle& muscle : catalog.muscles) items.push_back(item(muscle.name, 12, muscle.title));
        } else if (lead == "equipment" && !line_start_word) {
            equipment();
            keywords({"none"});
        } else if ((lead == "easier" || lead == "harder") && !line_start_word) {
            exercises();
        } else if (lead == "sides" && !line_start_word) {
            keywords({"both", "each"});
        } else if (lead == "measure" && !line_start_word) {
            keywords({"reps", "time"});
        } else {
            keywords({"aka", "pattern", "primary", "secondary", "equipment", "sides", "measure", "rep", "easier", "harder", "fit"});
        }
    } else if (declaration == "profile") {
        equipment();
    } else if (declaration == "program") {
        static constexpr std::string_view days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        const bool session = std::find(std::begin(days), std::end(days), lead) != std::end(days);
        if (session && !line_start_word) {
            std::set<std::string_view> workouts;
            // The text's own (it may not parse as it is being written), then the analysis' imports.
            for (std::size_t at = 0; at < text.size();) {
                const std::size_t end = std::min(text.find('\n', at), text.size());
                const std::string_view row = text.substr(at, end - at);
                if (row.starts_with("workout ")) workouts.insert(first_word(row.substr(8)));
                at = end + 1;
            }
            for (const ast::File& file : analysis.compilation.loaded.files) {
                for (const Occurrence& name : collect_names(file)) {
                    if (name.declaration && name.kind == NameKind::workout) workouts.insert(name.text);
                }
            }
            for (const std::string_view workout : workouts) {
                if (!workout.empty()) items.push_back(item(workout, 3, "workout"));
            }
            keywords({"run"});
        } else {
            keywords({"start", "weeks", "timezone", "mon", "tue", "wed", "thu", "fri", "sat", "sun"});
        }
    } else if (lead == "focus" && !line_start_word) {
        for (const Region& region : catalog.regions) items.push_back(item(region.name, 12, region.title));
        keywords({"full_body"});
    } else if (lead == "defaults" && !line_start_word) {
        keywords({"rest", "transition", "switch"});
    } else if (line_start_word || before.ends_with("or ") || before.ends_with("{ ")) {
        exercises();
        if (line_start_word) {
            keywords({"warmup", "cooldown", "superset", "circuit", "intervals", "tabata", "emom", "amrap", "rest", "note",
                      "defaults", "focus"});
        }
    } else {
        // After a prescription's name and dose: its modifiers.
        keywords({"each", "alt", "rest", "tempo", "hold", "or", "rounds"});
    }
    return items;
}

}  // namespace reps::lsp
