// Diagnostics as LSP has them: the compiler's message unchanged, its code with a link to the
// registry's explanation, its notes (the "first declared at" place) as related information.
#include <filesystem>
#include <fstream>
#include <regex>

#include <sys/stat.h>

#include "compiler/driver/lsp/features.hpp"

namespace reps::lsp {

namespace {

namespace fs = std::filesystem;

// The explanation of `reps explain CODE`, as a read-only file beside the stdlib's copy, for the
// code's link (codeDescription); empty when it cannot be written.
std::string explanation_uri(Code code) {
    const CodeInfo* info = find_code(code_name(code));
    if (info == nullptr || stdlib_directory().empty()) return {};
    const fs::path folder = fs::path(stdlib_directory()) / "explain";
    const fs::path file = folder / (std::string(info->code) + ".txt");
    std::error_code error;
    if (!fs::exists(file, error)) {
        fs::create_directories(folder, error);
        const fs::path temporary = file.string() + ".tmp";
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out << info->code << " (" << (info->severity == Severity::error ? "error" : "warning") << "): " << info->summary
                << "\n\n" << info->explanation << '\n';
            if (!out) return {};
        }
        ::chmod(temporary.c_str(), 0444);
        fs::rename(temporary, file, error);
        if (error) return {};
    }
    return path_to_uri(file.string());
}

// A note that names a place ("'x' was first declared at PATH:LINE:COL", catalog.cpp and
// check.cpp): that place, when it is one of the analysis' files.
std::optional<SourceSpan> place_in_note(const Analysis& analysis, Locator& locator, const std::string& note) {
    static const std::regex at(R"( at (.+):([0-9]+):([0-9]+)$)");
    std::smatch match;
    if (!std::regex_search(note, match, at)) return std::nullopt;
    const std::string path = match[1].str();
    for (std::uint32_t id = 0; id < analysis.sources.size(); ++id) {
        if (analysis.sources.file(id).path != path) continue;
        const auto line = static_cast<std::uint32_t>(std::stoul(match[2].str()));
        const auto column = static_cast<std::uint32_t>(std::stoul(match[3].str()));
        const auto offset = locator.offset_of_character(id, line, column);
        return SourceSpan{id, static_cast<std::uint32_t>(offset), 0};
    }
    return std::nullopt;
}

}  // namespace

nlohmann::json publish_diagnostics(const Analysis& analysis) {
    Locator locator(analysis);
    nlohmann::json list = nlohmann::json::array();
    for (const Diagnostic& diagnostic : analysis.diagnostics.list()) {
        // Those of an imported file are that file's; a failure without a place is the main file's.
        if (diagnostic.span.has_position() && diagnostic.span.file != analysis.main_file) continue;
        nlohmann::json item;
        item["range"] = to_json(locator.range(diagnostic.span));
        item["severity"] = diagnostic.severity == Severity::error ? 1 : 2;
        item["source"] = "reps";
        item["message"] = diagnostic.message;
        if (diagnostic.code != Code::none) {
            item["code"] = code_name(diagnostic.code);
            if (const std::string uri = explanation_uri(diagnostic.code); !uri.empty()) {
                item["codeDescription"] = {{"href", uri}};
            }
        }
        nlohmann::json related = nlohmann::json::array();
        for (const std::string& note : diagnostic.notes) {
            const auto place = place_in_note(analysis, locator, note);
            related.push_back({{"location", locator.location(place ? *place : diagnostic.span)}, {"message", note}});
        }
        if (!diagnostic.help.empty() && diagnostic.span.has_position()) {
            related.push_back({{"location", locator.location(diagnostic.span)}, {"message", "help: " + diagnostic.help}});
        }
        if (!related.empty() && diagnostic.span.has_position()) item["relatedInformation"] = std::move(related);
        list.push_back(std::move(item));
    }
    return list;
}

}  // namespace reps::lsp
