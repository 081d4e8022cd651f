// Strings that hold what they cannot (SPEC 1): a raw control character or an escape other than
// \" \\ and \n. The fix repairs the whole string, so that the text a help shows is valid; the
// fixed line is shown only when every other string on it is valid too.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "compiler/parse/fixer.hpp"

namespace reps::syntax_help {

namespace {

bool is_control(char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F; }
bool is_known_escape(char c) { return c == '"' || c == '\\' || c == 'n'; }

// A string on the failing line: its opening '"' and its closing one (npos: none on the line).
struct LineString {
    std::size_t open = npos;
    std::size_t close = npos;
    std::size_t body_end(const Fixer& f) const { return close == npos ? f.line_end() : close; }
};

// The strings of the failing line, in order, up to a comment; the last may be left open.
std::vector<LineString> strings_on_line(const Fixer& f) {
    std::vector<LineString> strings;
    for (std::size_t k = f.line_begin(); k < f.line_end(); ++k) {
        if (f.at(k) == '#') break;
        if (f.at(k) != '"') continue;
        LineString string{k, npos};
        for (++k; k < f.line_end() && string.close == npos; ++k) {
            if (f.at(k) == '\r') break;  // a carriage return ends the string's line (it is left open)
            if (f.at(k) == '\\') ++k;
            else if (f.at(k) == '"') string.close = k;
        }
        strings.push_back(string);
        if (string.close == npos) break;
        k = string.close;
    }
    return strings;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `\u0041`: the code point of four hex digits after the 'u'; -1 if they are not there.
long unicode_escape(std::string_view after_backslash) {
    if (after_backslash.size() < 5 || after_backslash[0] != 'u') return -1;
    long code_point = 0;
    for (std::size_t i = 1; i < 5; ++i) {
        const int digit = hex_value(after_backslash[i]);
        if (digit < 0) return -1;
        code_point = code_point * 16 + digit;
    }
    return code_point;
}

std::string utf8(long code_point) {
    std::string out;
    const auto byte = [&](long value) { out += static_cast<char>(value); };
    if (code_point < 0x80) {
        byte(code_point);
    } else if (code_point < 0x800) {
        byte(0xC0 | (code_point >> 6));
        byte(0x80 | (code_point & 0x3F));
    } else {
        byte(0xE0 | (code_point >> 12));
        byte(0x80 | ((code_point >> 6) & 0x3F));
        byte(0x80 | (code_point & 0x3F));
    }
    return out;
}

// What an escape the language does not know most likely meant, as text a string may hold, and
// how many bytes after the backslash that takes.
struct EscapeRepair {
    std::size_t length = 0;
    std::string text;
};

EscapeRepair repair_escape(std::string_view after_backslash) {
    const char letter = after_backslash.empty() ? '\n' : after_backslash[0];
    if (letter == 't') return {1, "\t"};  // a tab stands in a string as it is
    if (letter == 'r') return {1, ""};
    if (letter == '\'') return {1, "'"};
    if (const long code_point = unicode_escape(after_backslash); code_point >= 0) {
        if (code_point == '\t') return {5, "\t"};
        if (code_point == '\n') return {5, "\\n"};
        if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0)) return {5, ""};
        if (code_point < 0xD800 || code_point > 0xDFFF) return {5, utf8(code_point)};
    }
    return {0, "\\\\"};  // a backslash meant as one (`C:\Users`): written \\, what follows kept
}

// The bytes of a string's body that its repair replaces, and what replaces them.
struct BodyRepair {
    std::size_t offset = npos;
    std::size_t length = 0;
    std::string replacement;
};

// Every control character and unknown escape in the body of `string` repaired; nothing when the
// body is valid.
std::optional<BodyRepair> repair_body(const Fixer& f, const LineString& string) {
    const std::string_view text = f.text();
    const std::size_t body_end = string.body_end(f);
    std::string repaired;  // from the first byte repaired on
    std::size_t first = npos, last_end = npos, repaired_length = 0;
    const auto mark = [&](std::size_t from, std::size_t to) {
        if (first == npos) first = from;
        last_end = to;
    };
    std::string escape_text;  // what the unknown escape being repaired becomes
    for (std::size_t k = string.open + 1; k < body_end;) {
        const char c = text[k];
        std::size_t next = k + 1;
        std::string_view piece = text.substr(k, 1);
        if (c == '\\' && k + 1 < body_end && is_known_escape(text[k + 1])) {
            next = k + 2;
            piece = text.substr(k, 2);
        } else if (c == '\\') {
            EscapeRepair escape = repair_escape(text.substr(k + 1, body_end - k - 1));
            next = k + 1 + escape.length;
            escape_text = std::move(escape.text);
            piece = escape_text;
            mark(k, next);
        } else if (is_control(c)) {
            piece = c == '\v' || c == '\f' ? std::string_view("\\n") : std::string_view();  // a line break from a word processor
            mark(k, next);
        }
        if (first != npos) repaired += piece;
        if (last_end == next) repaired_length = repaired.size();
        k = next;
    }
    if (first == npos) return std::nullopt;
    return BodyRepair{first, last_end - first, repaired.substr(0, repaired_length)};
}

// Why the character or escape at the failure cannot stand in a string.
std::string_view reason_at(const Fixer& f, SyntaxSite site) {
    constexpr std::string_view escapes = "its only escapes are \\\" \\\\ and \\n";
    const char c = f.at(f.failure());
    if (site == SyntaxSite::control_char) {
        if (c == '\v' || c == '\f') return "Write a line break in a string as \\n";
        return "A string cannot hold control characters: delete it (its only escapes are \\\" \\\\ and \\n)";
    }
    static const std::string tab = "A tab is typed in a string as it is: " + std::string(escapes);
    static const std::string quote = "A ' needs no escape in a string: " + std::string(escapes);
    static const std::string character = "A string holds any character as it is: " + std::string(escapes);
    static const std::string carriage_return = "A string has no carriage return: " + std::string(escapes);
    static const std::string backslash = "A backslash in a string is written \\\\: " + std::string(escapes);
    const std::string_view after = f.text().substr(f.failure(), f.line_end() - std::min(f.failure(), f.line_end()));
    if (c == 't') return tab;
    if (c == '\'') return quote;
    if (c == 'r') return carriage_return;
    if (unicode_escape(after) >= 0) return character;
    return backslash;
}

}  // namespace

std::optional<SyntaxFix> fix_string_contents(const Fixer& f, SyntaxSite site) {
    const std::vector<LineString> strings = strings_on_line(f);
    const auto holds_failure = [&](const LineString& string) {
        return string.open < f.failure() && (string.close == npos || f.failure() < string.close);
    };
    const auto failing = std::find_if(strings.begin(), strings.end(), holds_failure);
    if (failing == strings.end()) return std::nullopt;
    const std::optional<BodyRepair> repair = repair_body(f, *failing);
    if (!repair) return std::nullopt;
    const std::string_view reason = reason_at(f, site);
    // Repaired, a string left open would still be an error: the reason alone, and no edit.
    if (failing->close == npos) return SyntaxFix{std::string(reason), repair->offset, repair->length, "", false};
    const bool others_valid = std::all_of(strings.begin(), strings.end(), [&](const LineString& string) {
        return &string == &*failing || (string.close != npos && !repair_body(f, string));
    });
    if (others_valid) return f.make(repair->offset, repair->length, repair->replacement, reason);
    // Another string on the line is broken too (it has an error of its own): the fixed line would
    // still be wrong, so the help shows this string fixed, not the line.
    std::string shown(f.text().substr(failing->open, failing->close + 1 - failing->open));
    shown.replace(repair->offset - failing->open, repair->length, repair->replacement);
    return fix_showing(std::move(shown), repair->offset - failing->open, repair->offset, repair->length,
                       repair->replacement, reason);
}

}  // namespace reps::syntax_help
