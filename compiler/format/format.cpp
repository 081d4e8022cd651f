// The canonical layout of `reps fmt`, line by line: indentation from brace depth, whitespace
// collapsed outside strings and comments, and columns aligned the way SPEC section 4 lays them out.
#include "compiler/format/format.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace reps {
namespace {

struct Line {
    std::string code;     // whitespace collapsed, trimmed
    std::string comment;  // from '#', as written (trailing blanks removed)
    std::size_t word = 0;  // the length of code's first word (to its first space)
    std::size_t pad_to = 0;  // the column where what follows the first word starts, if wider than one space
    int depth = 0;        // indentation level
    bool blank = false;
    std::string_view first_word() const { return std::string_view(code).substr(0, word); }
    bool one_word() const { return word == code.size(); }
};

constexpr std::array<std::string_view, 11> exercise_fields = {
    "aka", "pattern", "primary", "secondary", "equipment", "sides", "measure", "rep", "easier", "harder", "fit"};
constexpr std::size_t field_column = 11;  // "equipment  kettlebell": values start in one column

// Sorted: each first letter's keywords are a run, found through `keywords_from`. This runs for
// every line of a file.
constexpr std::string_view keywords[] = {
    "aka", "alt", "amrap", "both", "bw", "circuit", "cooldown", "defaults", "each", "easier",
    "easy", "emom", "equipment", "exercise", "fit", "focus", "fri", "full_body", "hard", "harder",
    "hold", "import", "in", "intervals", "loadable", "measure", "mon", "muscle", "none", "note",
    "off", "on", "or", "pair", "pattern", "primary", "profile", "program", "region", "rep", "reps",
    "rest", "rir", "rounds", "rpe", "run", "sat", "secondary", "sides", "start", "step", "sun",
    "superset", "switch", "tabata", "tempo", "thu", "time", "timezone", "transition", "tue",
    "warmup", "wed", "weeks", "workout"};
static_assert(std::is_sorted(std::begin(keywords), std::end(keywords)));

// keywords_from[c - 'a'] is the first keyword whose first letter is c or later.
constexpr auto keywords_from = [] {
    std::array<std::uint8_t, 27> from{};
    std::size_t k = 0;
    for (std::size_t letter = 0; letter <= 26; ++letter) {
        while (k < std::size(keywords) && static_cast<std::size_t>(keywords[k][0] - 'a') < letter) ++k;
        from[letter] = static_cast<std::uint8_t>(k);
    }
    return from;
}();

bool is_keyword(std::string_view word) {
    if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
    const auto letter = static_cast<std::size_t>(word[0] - 'a');
    for (std::size_t k = keywords_from[letter]; k < keywords_from[letter + 1]; ++k) {
        if (keywords[k] == word) return true;
    }
    return false;
}

// A table of the characters `special` names, for the loops that copy runs of the others.
struct CharSet {
    bool in[256] = {};
    constexpr explicit CharSet(std::string_view special) {
        for (const char c : special) in[static_cast<unsigned char>(c)] = true;
    }
    constexpr bool operator()(char c) const { return in[static_cast<unsigned char>(c)]; }
};

// Splits a physical line into collapsed code and its comment, and counts its braces, into `line`
// (whose strings keep their room from line to line: a file's lines cost no allocation each). Runs
// of ordinary characters and whole strings are copied at once: this reads every byte of a file.
void split_line(std::string_view raw, int& depth, Line& line) {
    line.code.clear();
    line.comment.clear();
    line.pad_to = 0;
    bool pending_space = false;
    int opened = 0, closed_first = 0;
    bool only_closing = true;  // the code so far is all '}' (kept, not searched: a line of them is linear)
    static constexpr CharSet special(" \t\r#\"{}");
    const auto ordinary = [](char c) { return !special(c); };
    for (std::size_t i = 0; i < raw.size();) {
        const char c = raw[i];
        if (c == '#') {
            std::string_view comment = raw.substr(i);
            while (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r') comment.remove_suffix(1);
            line.comment.assign(comment);
            break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            pending_space = !line.code.empty();
            ++i;
            continue;
        }
        if (pending_space) {
            line.code += ' ';
            only_closing = false;
        }
        pending_space = false;
        if (c != '}') only_closing = false;
        std::size_t end = i + 1;
        if (c == '"') {
            // To the closing quote (a backslash takes the next character with it), or the line's end.
            while (end < raw.size() && raw[end] != '"') end += raw[end] == '\\' && end + 1 < raw.size() ? 2 : 1;
            end = std::min(end + 1, raw.size());
        } else if (c == '{') {
            ++opened;
        } else if (c == '}') {
            if (opened > 0) --opened;
            else if (only_closing) ++closed_first;
            else --depth;  // a '}' after other code on the line closes an outer block
        } else {
            while (end < raw.size() && ordinary(raw[end])) ++end;
        }
        line.code.append(raw, i, end - i);
        i = end;
    }
    line.depth = std::max(0, depth - closed_first);
    depth = std::max(0, depth - closed_first + opened);
    line.blank = line.code.empty() && line.comment.empty();
}

// One space around braces and '->', one before '@', none before and one after ';' and ','; in
// equipment expressions one space around '|' and '+' and none inside parentheses. Strings are
// left alone. Written to `out`. A space is only written after a character that is not one, so
// there are never two in a row outside strings.
void space_tokens(std::string_view code, bool equipment_expression, std::string& out) {
    out.clear();
    bool in_string = false;
    auto trim_space = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
    };
    auto want_space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    // Characters no rule below looks at, copied a run at a time.
    static constexpr CharSet special(" {}|+-@;,)\"\\");
    const auto ordinary = [](char c) { return !special(c); };
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (ordinary(c)) {
            std::size_t end = i + 1;
            while (end < code.size() && ordinary(code[end])) ++end;
            out.append(code, i, end - i);
            i = end - 1;
            continue;
        }
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
}

bool is_field_line(const Line& line) {
    return line.depth == 1 && !line.one_word() &&
           std::find(exercise_fields.begin(), exercise_fields.end(), line.first_word()) != exercise_fields.end();
}

// A prescription: an exercise name, then its dose, on a line of a block.
bool is_prescription_line(const Line& line) {
    const auto word = line.first_word();
    return line.depth >= 1 && !line.one_word() && !word.empty() && word.front() >= 'a' && word.front() <= 'z' &&
           !is_keyword(word) && line.code.find('{') == std::string::npos && line.code.find('}') == std::string::npos;
}

// Writes the lines as they come, holding back only what a line's layout depends on: a run of
// prescriptions (aligned together) and the blank lines before the next line (one kept at most,
// none after '{' or before '}'). The output grows with the file; nothing else does.
class LineWriter {
public:
    explicit LineWriter(std::string& out) : out_(out) {}

    // Takes the line's text: `line` is left with another line's room, to be filled again.
    void add(Line& line) {
        if (line.blank) {
            flush_run();
            ++blank_lines_;
            return;
        }
        const bool prescription = is_prescription_line(line);
        if (run_size_ > 0 && !(prescription && line.depth == run_.front().depth)) flush_run();
        if (blank_lines_ > 0) blank_before(line.code.size() && line.code.front() == '}');
        if (!prescription) {
            write(line);
            return;
        }
        if (run_size_ == run_.size()) run_.emplace_back();
        std::swap(run_[run_size_++], line);
    }

    void finish() {
        flush_run();
        if (blank_lines_ > 0) blank_before(false);
        while (out_.size() >= 2 && out_[out_.size() - 1] == '\n' && out_[out_.size() - 2] == '\n') out_.pop_back();
        if (out_ == "\n") out_.clear();
    }

private:
    void blank_before(bool next_closes) {
        if (!previous_blank_ && !previous_opens_ && !next_closes) out_ += '\n';
        previous_blank_ = true;
        blank_lines_ = 0;
    }

    // A lone prescription keeps one space; a run of them lines up its doses two past the longest name.
    void flush_run() {
        const std::span<Line> run(run_.data(), run_size_);
        if (run.size() > 1) {
            std::size_t width = 0;
            for (const Line& line : run) width = std::max(width, line.word);
            for (Line& line : run) line.pad_to = width + 2;
        }
        for (const Line& line : run) write(line);
        run_size_ = 0;
    }

    void write(const Line& line) {
        out_.append(static_cast<std::size_t>(line.depth) * 2, ' ');
        // Widened after the first word so that what follows starts at pad_to (one space at least).
        if (line.pad_to > line.word + 1) {
            out_.append(line.code, 0, line.word);
            out_.append(line.pad_to - line.word - 1, ' ');
            out_.append(line.code, line.word);
        } else {
            out_ += line.code;
        }
        if (!line.comment.empty()) {
            if (!line.code.empty()) out_ += "  ";
            out_ += line.comment;
        }
        out_ += '\n';
        previous_blank_ = false;
        previous_opens_ = !line.code.empty() && line.code.back() == '{';
    }

    std::string& out_;
    std::vector<Line> run_;  // the first run_size_ are the run; the rest keep their room
    std::size_t run_size_ = 0;
    int blank_lines_ = 0;          // held back until the next line shows whether one is kept
    bool previous_blank_ = true;   // no blank lines at the top
    bool previous_opens_ = false;  // the last line written ends with '{'
};

std::size_t first_word_length(std::string_view code) { return std::min(code.find(' '), code.size()); }

}  // namespace

std::string format_source(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    LineWriter writer(out);
    int depth = 0;
    Line line;
    std::string spaced;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        split_line(text.substr(start, end - start), depth, line);
        start = end + 1;
        const std::string_view code = line.code;
        const bool equipment_field = code.starts_with("equipment") && (code.size() == 9 || code[9] == ' ');
        space_tokens(code, equipment_field && line.depth >= 1, spaced);
        line.code.swap(spaced);
        line.word = first_word_length(line.code);
        // Exercise fields line up their values in one column.
        if (is_field_line(line)) line.pad_to = field_column;
        writer.add(line);
    }
    writer.finish();
    return out;
}

}  // namespace reps
