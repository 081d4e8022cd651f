// The canonical layout of `reps fmt`, line by line: indentation from brace depth, whitespace
// collapsed outside strings and comments, and columns aligned the way SPEC section 4 lays them out.
#include "compiler/format/format.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace reps {
namespace {

struct Line {
    std::string code;     // whitespace collapsed, trimmed
    std::string comment;  // from '#', as written (trailing blanks removed)
    int depth = 0;        // indentation level
    bool blank = false;
};

constexpr std::array<std::string_view, 11> exercise_fields = {
    "aka", "pattern", "primary", "secondary", "equipment", "sides", "measure", "rep", "easier", "harder", "fit"};
constexpr std::size_t field_column = 11;  // "equipment  kettlebell": values start in one column

bool is_keyword(std::string_view word) {
    static constexpr std::string_view keywords[] = {
        "import", "region", "muscle", "in", "equipment", "loadable", "pair", "exercise", "aka", "pattern",
        "primary", "secondary", "sides", "both", "each", "measure", "reps", "time", "rep", "easier", "harder",
        "fit", "none", "profile", "workout", "program", "defaults", "rest", "transition", "switch", "focus",
        "full_body", "warmup", "cooldown", "superset", "circuit", "rounds", "intervals", "on", "off", "tabata",
        "emom", "amrap", "note", "tempo", "hold", "alt", "or", "start", "weeks", "timezone", "run", "easy",
        "hard", "step", "bw", "rpe", "rir", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return std::find(std::begin(keywords), std::end(keywords), word) != std::end(keywords);
}

std::string_view first_word(std::string_view code) { return code.substr(0, code.find(' ')); }

// Splits a physical line into collapsed code and its comment, and counts its braces.
Line split_line(std::string_view raw, int& depth) {
    Line line;
    bool in_string = false;
    bool pending_space = false;
    int opened = 0, closed_first = 0;
    bool seen_code = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (in_string) {
            line.code += c;
            if (c == '\\' && i + 1 < raw.size()) line.code += raw[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '#') {
            line.comment = std::string(raw.substr(i));
            while (!line.comment.empty() && (line.comment.back() == ' ' || line.comment.back() == '\t' || line.comment.back() == '\r')) {
                line.comment.pop_back();
            }
            break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            pending_space = !line.code.empty();
            continue;
        }
        if (pending_space) line.code += ' ';
        pending_space = false;
        if (c == '"') in_string = true;
        if (c == '{') ++opened;
        if (c == '}') {
            if (opened > 0) --opened;
            else if (!seen_code || line.code.find_first_not_of('}') == std::string::npos) ++closed_first;
            else --depth;  // a '}' after other code on the line closes an outer block
        }
        line.code += c;
        seen_code = true;
    }
    line.depth = std::max(0, depth - closed_first);
    depth = std::max(0, depth - closed_first + opened);
    line.blank = line.code.empty() && line.comment.empty();
    return line;
}

// One space around braces and '->', one before '@', none before and one after ';' and ','; in
// equipment expressions one space around '|' and '+' and none inside parentheses. Strings are
// left alone.
std::string space_tokens(std::string_view code, bool equipment_expression) {
    std::string out;
    bool in_string = false;
    auto trim_space = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
    };
    auto want_space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < code.size()) out += code[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        const bool spaced = c == '{' || c == '}' || (equipment_expression && (c == '|' || c == '+'));
        if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '(')) continue;
        if (spaced) {
            want_space();
            out += c;
            if (i + 1 < code.size()) out += ' ';
            continue;
        }
        // A progression's arrow stands between spaces, a load's '@' after one: `2x8 -> 3x12 @16kg`.
        if (c == '-' && i + 1 < code.size() && code[i + 1] == '>') {
            want_space();
            out += "->";
            ++i;
            if (i + 1 < code.size()) out += ' ';
            continue;
        }
        if (c == '@') {
            want_space();
            out += c;
            continue;
        }
        if (c == ';' || c == ',' || (equipment_expression && c == ')')) {
            trim_space();
            out += c;
            if (c != ')' && i + 1 < code.size()) out += ' ';
            continue;
        }
        if (c == '"') in_string = true;
        out += c;
    }
    trim_space();
    // Collapse what the passes above doubled.
    std::string collapsed;
    in_string = false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (in_string) {
            collapsed += out[i];
            if (out[i] == '\\' && i + 1 < out.size()) collapsed += out[++i];
            else if (out[i] == '"') in_string = false;
            continue;
        }
        if (out[i] == '"') in_string = true;
        if (out[i] == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
        collapsed += out[i];
    }
    return collapsed;
}

bool is_field_line(const Line& line) {
    const auto word = first_word(line.code);
    return line.depth == 1 && word != line.code &&
           std::find(exercise_fields.begin(), exercise_fields.end(), word) != exercise_fields.end();
}

// A prescription: an exercise name, then its dose, on a line of a block.
bool is_prescription_line(const Line& line) {
    const auto word = first_word(line.code);
    return line.depth >= 1 && word != line.code && !word.empty() && word.front() >= 'a' && word.front() <= 'z' &&
           !is_keyword(word) && line.code.find('{') == std::string::npos && line.code.find('}') == std::string::npos;
}

void pad_first_word(Line& line, std::size_t column) {
    const auto word = first_word(line.code);
    const std::string rest = line.code.substr(word.size() + 1);
    line.code = std::string(word) + std::string(std::max<std::size_t>(column - word.size(), 1), ' ') + rest;
}

}  // namespace

std::string format_source(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Line> lines;
    int depth = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(split_line(text.substr(start, end - start), depth));
        start = end + 1;
    }

    for (auto& line : lines) line.code = space_tokens(line.code, first_word(line.code) == "equipment" && line.depth >= 1);
    // Align runs of exercise fields, and runs of prescriptions at one depth with no blank between.
    for (auto& line : lines) {
        if (is_field_line(line)) pad_first_word(line, field_column);
    }
    for (std::size_t i = 0; i < lines.size();) {
        if (!is_prescription_line(lines[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        std::size_t width = 0;
        while (end < lines.size() && is_prescription_line(lines[end]) && lines[end].depth == lines[i].depth) {
            width = std::max(width, first_word(lines[end].code).size());
            ++end;
        }
        // A lone prescription keeps one space; a run of them lines up its doses two past the longest name.
        if (end - i > 1) {
            for (std::size_t k = i; k < end; ++k) pad_first_word(lines[k], width + 2);
        }
        i = end;
    }

    std::string out;
    bool previous_blank = true;  // no blank lines at the top
    std::string_view previous_code;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (line.blank) {
            // One blank line at most, none right after '{' or right before '}' (however many
            // blank lines stand between: the first of them must already see the '}').
            std::size_t next = i + 1;
            while (next < lines.size() && lines[next].blank) ++next;
            const bool next_closes = next < lines.size() && !lines[next].code.empty() && lines[next].code.front() == '}';
            if (!previous_blank && !(previous_code.size() && previous_code.back() == '{') && !next_closes) out += '\n';
            previous_blank = true;
            continue;
        }
        out += std::string(static_cast<std::size_t>(line.depth) * 2, ' ');
        out += line.code;
        if (!line.comment.empty()) out += (line.code.empty() ? "" : "  ") + line.comment;
        out += '\n';
        previous_blank = false;
        previous_code = line.code;
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    if (out == "\n") out.clear();
    return out;
}

}  // namespace reps
