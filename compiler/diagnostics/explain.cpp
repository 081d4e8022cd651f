// `reps explain CODE`: looks the code up in the registry and prints its explanation.
#include "compiler/diagnostics/explain.hpp"

#include <ostream>
#include <string>

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

}  // namespace

int explain(std::string_view code, std::ostream& out, std::ostream& err) {
    const CodeInfo* info = find_code(normalized(code));
    if (info == nullptr) {
        err << "reps: error: unknown diagnostic code '" << printable(code)
            << "'; codes look like E0102 or W0101\n";
        return 2;
    }
    std::string_view explanation = info->explanation;
    // Some explanations end in an example block with its own newline; print exactly one.
    while (explanation.ends_with('\n')) explanation.remove_suffix(1);
    out << info->code << " (" << (info->severity == Severity::error ? "error" : "warning")
        << "): " << info->summary << "\n\n"
        << explanation << '\n';
    return 0;
}

}  // namespace reps
