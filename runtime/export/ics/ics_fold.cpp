// Unfolds libical's serialization and folds it again at 75 octets on UTF-8 boundaries.
// Folding counts octets, not characters (RFC 5545 §3.1), and "SHOULD NOT" split a multi-octet
// character; a parser that decodes each physical line would otherwise see broken UTF-8.
#include "runtime/export/ics/ics_fold.hpp"

namespace reps {

namespace {

constexpr std::size_t max_octets = 75;

bool is_fold_space(char c) { return c == ' ' || c == '\t'; }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string unfold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 2 < text.size() && text[i + 1] == '\n' && is_fold_space(text[i + 2])) {
            i += 2;
            continue;
        }
        if (text[i] == '\n' && i + 1 < text.size() && is_fold_space(text[i + 1])) {
            i += 1;
            continue;
        }
        out += text[i];
    }
    return out;
}

// Writes one logical line: the first physical line holds up to 75 octets, each continuation
// a space and up to 74, each cut moved back to the start of a UTF-8 character.
void fold_line(std::string_view line, std::string& out) {
    std::size_t limit = max_octets;
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 1 && is_continuation_byte(line[cut])) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = max_octets - 1;
    }
    out.append(line);
    out += "\r\n";
}

}  // namespace

std::string refold_ics(std::string_view text) {
    const std::string unfolded = unfold(text);
    std::string out;
    out.reserve(unfolded.size() + unfolded.size() / 24);
    std::string_view rest = unfolded;
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) fold_line(line, out);
    }
    return out;
}

}  // namespace reps
