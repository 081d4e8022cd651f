// Completion from the text before the cursor (the file is often half written and does not parse):
// the enclosing declaration, the line's first word and what precedes the word being typed decide
// what fits; names come from the last analysis' catalog and the open files.
#include <algorithm>
#include <optional>
#include <set>
#include <span>
#include <vector>

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

// The blocks open at `offset`: the top-level declaration's keyword ("workout", "exercise", ...,
// empty at the top level) and the innermost block's ("superset", "warmup", ...; the declaration's
// when no block is nested). Braces are counted outside strings and comments.
struct Enclosing {
    std::string_view declaration;
    std::string_view block;
};

Enclosing enclosing_blocks(std::string_view text, std::size_t offset) {
    std::vector<std::size_t> starts;  // where the statement of each open '{' starts
    std::size_t statement_start = 0;
    bool in_string = false, in_comment = false;
    for (std::size_t i = 0; i < offset; ++i) {
        const char c = text[i];
        if (in_comment) {
            in_comment = c != '\n';
            if (!in_comment) statement_start = i + 1;
        } else if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"' || c == '\n') in_string = false;
        } else if (c == '#') {
            in_comment = true;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            starts.push_back(statement_start);
            statement_start = i + 1;
        } else if (c == '}') {
            if (!starts.empty()) starts.pop_back();
            statement_start = i + 1;
        } else if (c == '\n' || c == ';') {
            statement_start = i + 1;
        }
    }
    if (starts.empty()) return {};
    return {first_word(text.substr(starts.front())), first_word(text.substr(starts.back()))};
}

// The statement being written at the end of `line`: the text after its last '{' or ';' outside
// strings; none when the end is inside a string or a comment, where nothing is completed.
std::optional<std::string_view> statement_at_end(std::string_view line) {
    bool in_string = false;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (in_string) {
            if (line[i] == '\\') ++i;
            else if (line[i] == '"') in_string = false;
        } else if (line[i] == '#') {
            return std::nullopt;
        } else if (line[i] == '"') {
            in_string = true;
        } else if (line[i] == '{' || line[i] == ';') {
            begin = i + 1;
        }
    }
    if (in_string) return std::nullopt;
    return line.substr(begin);
}

// The last whitespace-separated token of `text` ("" when there is none).
std::string_view last_token(std::string_view text) {
    const std::size_t end = text.find_last_not_of(" \t");
    if (end == std::string_view::npos) return {};
    const std::size_t start = text.find_last_of(" \t", end);
    const std::size_t begin = start == std::string_view::npos ? 0 : start + 1;
    return text.substr(begin, end + 1 - begin);
}

// The whitespace-separated words of `statement` outside its strings (a cue's words are not keys).
std::vector<std::string_view> words_of(std::string_view statement) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < statement.size();) {
        if (statement[i] == ' ' || statement[i] == '\t') {
            ++i;
        } else if (statement[i] == '"') {
            for (++i; i < statement.size() && statement[i] != '"'; ++i) {
                if (statement[i] == '\\') ++i;
            }
            ++i;
        } else {
            const std::size_t end = std::min(statement.find_first_of(" \t\"", i), statement.size());
            words.push_back(statement.substr(i, end - i));
            i = end;
        }
    }
    return words;
}

// A block whose statements are its entries, an exercise each: no blocks, rests or notes inside.
bool holds_entries(std::string_view block) {
    return block == "superset" || block == "circuit" || block == "intervals" || block == "emom" || block == "amrap";
}

bool is_number(std::string_view token) {
    return !token.empty() && token.find_first_not_of("0123456789") == std::string_view::npos;
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
    const Enclosing enclosing = enclosing_blocks(text, line_start + word_start);
    const std::string_view declaration = enclosing.declaration;
    const std::optional<std::string_view> written = statement_at_end(before);
    if (!written) return items;
    const std::string_view statement = *written;
    const std::string_view lead = first_word(statement);
    const bool line_start_word = statement.find_first_not_of(" \t") == std::string_view::npos;
    // The token before the word being typed; a load's '@' sticks to the word ("@", "@r"). After
    // '@bw+' only a mass goes.
    const bool after_at = before.ends_with('@');
    const bool after_bw_plus = before.ends_with("@bw+");
    const std::string_view previous = last_token(statement);
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

    // A number just typed (and perhaps the start of its unit): durations, sets and loads; after
    // '@' a load's units only, and none where a bare number goes (a tempo, an RPE, an RIR).
    const std::size_t digits_end = word.find_first_not_of("0123456789");
    if (!word.empty() && word.front() >= '0' && word.front() <= '9') {
        if (previous == "tempo" || previous == "@rpe" || previous == "@rir") return items;
        // `3x1` and `@2x1`: the number goes on after the 'x' (sets of a duration, a pair of masses).
        const bool times = digits_end != std::string_view::npos && word[digits_end] == 'x' && digits_end + 1 < word.size() &&
                           word[digits_end + 1] >= '0' && word[digits_end + 1] <= '9';
        const std::string_view number = word.substr(0, times ? word.find_first_not_of("0123456789", digits_end + 1) : digits_end);
        static constexpr std::string_view units[] = {"s", "min", "h", "x", "kg", "lb"};
        static constexpr std::string_view load_units[] = {"kg", "lb", "x", "%"};
        static constexpr std::string_view mass_units[] = {"kg", "lb"};
        static constexpr std::string_view duration_units[] = {"s", "min", "h"};
        const std::span<const std::string_view> offered =
            after_bw_plus || (after_at && times) ? std::span<const std::string_view>(mass_units)
            : after_at                           ? std::span<const std::string_view>(load_units)
            : times || previous == "step"        ? std::span<const std::string_view>(duration_units)
                                                 : std::span<const std::string_view>(units);
        for (const std::string_view unit : offered) {
            items.push_back(item(fmt::format("{}{}", number, unit), 11,
                                 unit == "x" ? (after_at ? "a pair" : "sets") : unit == "%" ? "of 1RM" : "unit"));
        }
        return items;
    }

    if (after_bw_plus) return items;  // a mass follows: its units come with its first digit
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
    } else if (after_at) {
        // A load: '@' is followed by a mass, a percentage, or one of these (no space between).
        keywords({"bw", "rpe", "rir"});
    } else if (lead == "focus" && !line_start_word) {
        if (previous == "focus" || previous.ends_with(',')) {
            for (const Region& region : catalog.regions) items.push_back(item(region.name, 12, region.title));
        }
        if (previous == "focus") keywords({"full_body"});
    } else if (lead == "defaults" && !line_start_word) {
        // A key given twice is an error (E0206): the keys the statement has are left out.
        if (previous != "rest" && previous != "transition" && previous != "switch") {
            const std::vector<std::string_view> given = words_of(statement);
            for (const std::string_view key : {"rest", "transition", "switch"}) {
                if (std::find(given.begin(), given.end(), key) == given.end()) items.push_back(item(key, 14));
            }
        }
    } else if (previous == "rest" || previous == "tempo" || previous == "hold" || previous == "@rpe" || previous == "@rir" ||
               previous == "note" || previous == "emom" || previous == "amrap" || previous == "superset" ||
               previous == "circuit" || previous == "intervals" || previous == "x" || previous == "on" || previous == "->" ||
               previous == "step") {
        // A number, a dose, a duration or a text comes next: units are offered once its first digit is typed.
    } else if (lead == "superset" || lead == "circuit") {
        if (is_number(previous)) keywords({"rounds"});
        else if (previous == "rounds") keywords({"rest"});
    } else if (lead == "intervals") {
        // intervals N x WORK on REST off { ... }
        const bool duration = !previous.empty() && previous.front() >= '0' && previous.front() <= '9' && !is_number(previous);
        if (duration) keywords({statement.find(" on ") == std::string_view::npos ? "on" : "off"});
    } else if (lead == "tabata") {
        exercises();
    } else if (line_start_word || previous == "or") {
        exercises();
        const std::string_view block = enclosing.block;
        if (line_start_word && (block == "warmup" || block == "cooldown")) {
            keywords({"superset", "circuit", "intervals", "tabata", "emom", "amrap", "rest", "note", "defaults"});
        } else if (line_start_word && !holds_entries(block)) {
            keywords({"warmup", "cooldown", "superset", "circuit", "intervals", "tabata", "emom", "amrap", "rest", "note",
                      "defaults", "focus"});
        }
    } else if (lead == "rest" || lead == "note" || lead == "emom" || lead == "amrap" || lead == "warmup" || lead == "cooldown") {
        // After a statement's value or a phase's name comes the statement's end or its '{'.
    } else if (previous == lead && enclosing.block != "intervals") {
        // After an exercise's name comes its dose (an intervals entry has none).
    } else {
        // After a prescription's dose (or an intervals entry's name): its modifiers, but none the
        // option (the prescription, or the alternative after the last 'or') has already (E0206),
        // no 'alt' with 'each' or 'each' with 'alt' (E0204), no sides in an intervals entry and
        // no rest on any block's entry (W0102: no effect there).
        const std::vector<std::string_view> words = words_of(statement);
        const auto option = std::find(words.rbegin(), words.rend(), "or").base();
        const auto has = [&](std::string_view key) { return std::find(option, words.end(), key) != words.end(); };
        const std::string_view block = enclosing.block;
        const bool sides = !has("each") && !has("alt") && block != "intervals";
        const bool entry = holds_entries(block);
        for (const std::string_view key : {"each", "alt", "rest", "tempo", "hold"}) {
            if ((key == "each" || key == "alt") ? !sides : key == "rest" ? entry || has(key) : has(key)) continue;
            items.push_back(item(key, 14));
        }
        keywords({"or"});
    }
    return items;
}

}  // namespace reps::lsp
