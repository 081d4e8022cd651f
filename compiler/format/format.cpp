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
    std::string code;     // laid out: whitespace collapsed, spaced by the rules of LineLayout
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
constexpr std::size_t aligned_name_limit = 40;  // the stdlib's longest exercise name has 30 characters

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

// Writes a line's code a token at a time: runs of ordinary characters, whole strings and braces,
// with one space for the blanks between them and the spacing rules below applied as each token is
// copied. Spaces it adds at the end are trimmed by finish().
class LineLayout {
public:
    LineLayout(Line& line, bool equipment_expression) : out_(line.code), equipment_expression_(equipment_expression) {}

    // A blank between two tokens (none is written before the first).
    void space() {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '(') out_ += ' ';
    }
    void brace(char c) {
        after_string_ = false;
        want_space();
        out_ += c;
        out_ += ' ';  // trimmed at the line's end
    }
    // A string, as written, from its quote to its closing quote or the line's end; one space
    // before it, as between any two tokens (`10"cue"` is `10 "cue"`).
    void string(std::string_view text) {
        want_space();
        out_ += text;
        after_string_ = true;
    }
    // A run of characters that are not blanks, braces, quotes or '#'. One space around '->' (and
    // around '|' and '+' in an equipment expression), one before '@', none before and one after
    // ';' and ','; none inside parentheses.
    void run(std::string_view text) {
        static constexpr CharSet special("|+-@;,)");
        // A word right after a string is a token of its own (`"c"rest 30s` is `"c" rest 30s`).
        if (std::exchange(after_string_, false) && !text.empty() && text[0] != ';' && text[0] != ',' && text[0] != ')') {
            want_space();
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (!special(c)) {
                std::size_t end = i + 1;
                while (end < text.size() && !special(text[end])) ++end;
                out_.append(text, i, end - i);
                i = end - 1;
            } else if ((c == '|' || c == '+') && equipment_expression_) {
                brace(c);
            } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '>') {
                want_space();
                out_ += "-> ";
                ++i;
            } else if (c == '@') {
                want_space();
                out_ += c;
            } else if (c == ';' || c == ',' || (c == ')' && equipment_expression_)) {
                while (!out_.empty() && out_.back() == ' ') out_.pop_back();
                out_ += c;
                if (c != ')') out_ += ' ';
            } else {
                out_ += c;
            }
        }
    }
    void finish() {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    }

private:
    void want_space() {
        if (!out_.empty() && out_.back() != ' ') out_ += ' ';
    }

    std::string& out_;
    bool equipment_expression_;
    bool after_string_ = false;  // the last token was a string
};

// Whether a line's code starts with the word `equipment` (whose value's '|' and '+' are spaced).
bool starts_equipment_field(std::string_view raw) {
    const std::size_t first = std::min(raw.find_first_not_of(" \t\r"), raw.size());
    const std::string_view code = raw.substr(first);
    constexpr std::string_view word = "equipment";
    if (!code.starts_with(word)) return false;
    static constexpr CharSet word_end(" \t\r#");
    return code.size() == word.size() || word_end(code[word.size()]);
}

// Reads a physical line into `line` (whose strings keep their room from line to line: a file's
// lines cost no allocation each): its comment, its brace depth, and its code laid out. This reads
// every byte of a file.
void read_line(std::string_view raw, int& depth, Line& line, bool equipment_expression) {
    line.code.clear();
    line.comment.clear();
    line.pad_to = 0;
    LineLayout layout(line, equipment_expression);
    bool any_token = false;
    bool pending_space = false;
    int opened = 0, closed_first = 0, closed_after = 0;
    bool only_closing = true;  // the code so far is all '}' (kept, not searched: a line of them is linear)
    static constexpr CharSet special(" \t\r#\"{}");
    for (std::size_t i = 0; i < raw.size();) {
        const char c = raw[i];
        if (c == '#') {
            std::string_view comment = raw.substr(i);
            while (comment.back() == ' ' || comment.back() == '\t' || comment.back() == '\r') comment.remove_suffix(1);
            line.comment.assign(comment);
            break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            pending_space = any_token;
            ++i;
            continue;
        }
        if (pending_space) {
            layout.space();
            only_closing = false;
        }
        pending_space = false;
        any_token = true;
        if (c != '}') only_closing = false;
        std::size_t end = i + 1;
        if (c == '"') {
            // To the closing quote (a backslash takes the next character with it), or the line's end.
            while (end < raw.size() && raw[end] != '"') end += raw[end] == '\\' && end + 1 < raw.size() ? 2 : 1;
            end = std::min(end + 1, raw.size());
            layout.string(raw.substr(i, end - i));
        } else if (c == '{') {
            ++opened;
            layout.brace(c);
        } else if (c == '}') {
            if (opened > 0) --opened;
            else if (only_closing) ++closed_first;
            else ++closed_after;  // after other code: the line is the block's, the next one is outside it
            layout.brace(c);
        } else {
            while (end < raw.size() && !special(raw[end])) ++end;
            layout.run(raw.substr(i, end - i));
        }
        i = end;
    }
    layout.finish();
    line.depth = std::max(0, depth - closed_first);
    depth = std::max(0, depth - closed_first + opened - closed_after);
    line.blank = !any_token && line.comment.empty();
    line.word = std::min(line.code.find(' '), line.code.size());
}

// An `equipment` field inside a block is an equipment expression. The line's depth is known once it
// is read (a '}' after its code closes a block): read again in the rare case the guess was wrong.
void read_line(std::string_view raw, int& depth, Line& line) {
    const bool equipment_field = starts_equipment_field(raw);
    const int depth_before = depth;
    read_line(raw, depth, line, equipment_field && depth >= 1);
    if (equipment_field && (line.depth >= 1) != (depth_before >= 1)) {
        depth = depth_before;
        read_line(raw, depth, line, line.depth >= 1);
    }
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

    // A lone prescription keeps one space; a run of them lines up its doses two past the longest
    // name. A name longer than aligned_name_limit keeps one space and does not widen the others:
    // one name of a megabyte would otherwise pad every line of its run to it.
    void flush_run() {
        const std::span<Line> run(run_.data(), run_size_);
        if (run.size() > 1) {
            std::size_t width = 0;
            for (const Line& line : run) {
                if (line.word <= aligned_name_limit) width = std::max(width, line.word);
            }
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

}  // namespace

std::string format_source(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    LineWriter writer(out);
    int depth = 0;
    Line line;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        read_line(text.substr(start, end - start), depth, line);
        start = end + 1;
        // Exercise fields line up their values in one column.
        if (is_field_line(line)) line.pad_to = field_column;
        writer.add(line);
    }
    writer.finish();
    return out;
}

}  // namespace reps
