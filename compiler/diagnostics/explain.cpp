// `reps explain [CODE]`: looks the code up in the registry and prints its explanation, or lists them all.
#include "compiler/diagnostics/explain.hpp"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostics.hpp"

namespace reps {

namespace {

// Codes are written E0102 in the registry; people type e0102 too.
std::string normalized(std::string_view code) {
    std::string out(code);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// The code comes from the command line: keep control bytes off the terminal.
std::string printable(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7F) ? '?' : c;
    }
    return out;
}

void print_explanation(const CodeInfo& info, std::ostream& out) {
    std::string_view explanation = info.explanation;
    // Some explanations end in an example block with its own newline; print exactly one.
    while (explanation.ends_with('\n')) explanation.remove_suffix(1);
    out << info.code << " (" << (info.severity == Severity::error ? "error" : "warning")
        << "): " << info.summary << "\n\n"
        << explanation << '\n';
}

}  // namespace

int explain(std::string_view code, std::ostream& out, std::ostream& err) {
    if (const CodeInfo* info = find_code(normalized(code))) {
        print_explanation(*info, out);
        return 0;
    }
    // "0205" without its letter: every code of that number (E0205 and W0205 both exist).
    std::vector<CodeInfo> numbered;
    if (code.size() == 4 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        for (const CodeInfo& info : all_codes()) {
            if (info.code.substr(1) == code) numbered.push_back(info);
        }
    }
    if (numbered.empty()) {
        err << "reps: error: unknown diagnostic code '" << printable(code)
            << "'; codes look like E0102 or W0101, and `reps explain` lists them all\n";
        return 2;
    }
    for (std::size_t i = 0; i < numbered.size(); ++i) {
        if (i > 0) out << '\n';
        print_explanation(numbered[i], out);
    }
    return 0;
}

void list_codes(std::ostream& out) {
    for (const CodeInfo& info : all_codes()) out << info.code << "  " << info.summary << '\n';
}

}  // namespace reps
