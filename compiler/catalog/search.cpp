// Ranks the exercises of a catalog for a search term (see search.hpp for the order).
#include "compiler/catalog/search.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace reps {
namespace {

// Lower-case words: runs of letters and digits; bytes of UTF-8 sequences count as letters.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80) {
            word += c;
        } else if (byte >= 'A' && byte <= 'Z') {
            word += static_cast<char>(byte - 'A' + 'a');
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Whether a word of the term begins `word`: "thrust" begins "thruster". A plural matches its
// singular too ("squats", "lunges"), from four letters on ("abs" is no "ab").
bool begins(const std::string& term_word, const std::string& word) {
    if (word.starts_with(term_word)) return true;
    return term_word.size() >= 4 && term_word.back() == 's' &&
           std::string_view(term_word).substr(0, term_word.size() - 1) == word;
}

bool begins_some(const std::string& term_word, const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) { return begins(term_word, word); });
}

// Every word of the term begins a word of `words`.
bool covers(const std::vector<std::string>& term, const std::vector<std::string>& words) {
    return std::all_of(term.begin(), term.end(), [&](const std::string& t) { return begins_some(t, words); });
}

// The words of `words` that no word of the term begins: what the term leaves unsaid.
std::size_t uncovered(const std::vector<std::string>& term, const std::vector<std::string>& words) {
    return static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [&](const std::string& word) {
        return std::none_of(term.begin(), term.end(), [&](const std::string& t) { return begins(t, word); });
    }));
}

// How the words of the term are all part of the exercise's fields (the old search, word by
// word): not at all, counting the secondary muscles, or without them (a closer match).
enum class Mention { none, with_secondary, without_secondary };

Mention mentions(const Catalog& catalog, const Exercise& exercise, const std::vector<std::string>& term) {
    std::vector<std::string> fields = {exercise.name, lower(exercise.title), exercise.pattern};
    fields.insert(fields.end(), exercise.aliases.begin(), exercise.aliases.end());
    const auto add_muscles = [&](const std::vector<int>& muscles) {
        for (const int m : muscles) {
            const Muscle& muscle = catalog.muscles[static_cast<std::size_t>(m)];
            fields.push_back(muscle.name);
            fields.push_back(lower(muscle.title));
        }
    };
    add_muscles(exercise.primary);
    for (const EquipmentSet& set : exercise.equipment) {
        for (const int e : set) {
            const Equipment& item = catalog.equipment[static_cast<std::size_t>(e)];
            fields.push_back(item.name);
            fields.push_back(lower(item.title));
        }
    }
    const auto all_found = [&] {
        return std::all_of(term.begin(), term.end(), [&](const std::string& t) {
            return std::any_of(fields.begin(), fields.end(),
                               [&](const std::string& field) { return field.find(t) != std::string::npos; });
        });
    };
    if (all_found()) return Mention::without_secondary;
    add_muscles(exercise.secondary);
    return all_found() ? Mention::with_secondary : Mention::none;
}

struct Ranked {
    ExerciseMatch match;
    bool by_secondary = false;  // in the last tier, found only by a secondary muscle
    std::size_t uncovered = 0;
    std::size_t distance = 0;
    std::string_view name;

    bool operator<(const Ranked& other) const {
        return std::tie(match.tier, by_secondary, uncovered, distance, name) <
               std::tie(other.match.tier, other.by_secondary, other.uncovered, other.distance, other.name);
    }
};

}  // namespace

std::vector<ExerciseMatch> search_exercises(const Catalog& catalog, std::string_view term) {
    const std::vector<std::string> term_words = words_of(term);
    if (term_words.empty()) return {};
    std::string identifier;
    for (const std::string& word : term_words) identifier += (identifier.empty() ? "" : "_") + word;
    const int exact = catalog.find_exercise(identifier);

    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < catalog.exercises.size(); ++i) {
        const Exercise& exercise = catalog.exercises[i];
        const int index = static_cast<int>(i);
        // Shadowed by the user's, unless the term is an alias that still names it.
        if (index != exact && catalog.find_exercise(exercise.name) != index) continue;

        // The name or the alias that the term covers best.
        std::size_t name_uncovered = SIZE_MAX;
        bool by_name = false;
        const auto consider = [&](std::string_view name) {
            const std::vector<std::string> words = words_of(name);
            const bool covered = covers(term_words, words);
            const std::size_t left = uncovered(term_words, words);
            if (covered && !by_name) {
                by_name = true;
                name_uncovered = left;
            } else if (covered == by_name) {
                name_uncovered = std::min(name_uncovered, left);
            }
        };
        consider(exercise.name);
        for (const std::string& alias : exercise.aliases) consider(alias);
        const std::vector<std::string> title_words = words_of(exercise.title);

        Ranked entry;
        entry.match.exercise = index;
        if (index == exact) entry.match.tier = MatchTier::exact;
        else if (by_name) entry.match.tier = MatchTier::name;
        else if (covers(term_words, title_words)) entry.match.tier = MatchTier::title;
        else if (const Mention mention = mentions(catalog, exercise, term_words); mention != Mention::none) {
            entry.match.tier = MatchTier::other;
            entry.by_secondary = mention == Mention::with_secondary;
        } else {
            continue;
        }
        entry.uncovered = name_uncovered + uncovered(term_words, title_words);
        entry.distance = edit_distance(identifier, exercise.name);
        entry.name = exercise.name;
        ranked.push_back(entry);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<ExerciseMatch> matches;
    matches.reserve(ranked.size());
    for (const Ranked& entry : ranked) matches.push_back(entry.match);
    return matches;
}

std::vector<std::string> suggest_exercises(const Catalog& catalog, std::string_view unknown) {
    std::vector<std::string> names;
    for (const ExerciseMatch& match : search_exercises(catalog, unknown)) {
        if (match.tier > MatchTier::title || names.size() == max_exercise_suggestions) break;
        names.push_back(catalog.exercises[static_cast<std::size_t>(match.exercise)].name);
    }
    if (names.empty()) {
        if (auto close = catalog.suggest_exercise(unknown)) names.push_back(std::move(*close));
    }
    return names;
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += "'" + names[i] + "'";
    }
    return text;
}

std::string did_you_mean(const std::vector<std::string>& names) {
    return names.empty() ? std::string() : "did you mean " + quoted_list(names) + "?";
}

}  // namespace reps
