// `reps fmt [--check] FILE...`: rewrites files in the canonical layout, or with --check lists
// the files that are not in it. A file is only rewritten when the new text parses to the same AST.
#include <sstream>

#include "compiler/driver/cli_internal.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/dump/dump.hpp"
#include "compiler/format/format.hpp"
#include "compiler/parse/parse.hpp"
#include "runtime/export/output.hpp"

namespace reps::cli {

std::string ast_shape(SourceManager& sources, std::string path, std::string text, Diagnostics& diagnostics) {
    const auto id = sources.add(std::move(path), std::move(text));
    if (!check_utf8(sources, id, diagnostics)) return {};
    const auto file = parse_file(sources, id, diagnostics);
    std::ostringstream dump;
    dump_ast(dump, file, sources);
    // Drop every " @LINE:COL": formatting moves positions, never meaning.
    const std::string dumped = dump.str();
    std::string shape;
    for (std::size_t i = 0; i < dumped.size(); ++i) {
        if (dumped[i] == '@' && i + 1 < dumped.size() && dumped[i + 1] >= '0' && dumped[i + 1] <= '9') {
            while (i + 1 < dumped.size() && ((dumped[i + 1] >= '0' && dumped[i + 1] <= '9') || dumped[i + 1] == ':')) ++i;
            if (!shape.empty() && shape.back() == ' ') shape.pop_back();
            continue;
        }
        shape += dumped[i];
    }
    return shape;
}

int run_fmt(const Options& options, std::ostream& out, std::ostream& err) {
    Reporter reporter(options, err);
    int exit_code = 0;
    for (const auto& path : options.args) {
        // The reader `check` and `build` use: regular files only, the same size limit.
        FileRead read = read_source_file(path);
        auto diagnostics = reporter.make_diagnostics();
        if (read.too_large) {
            report_too_large(path, std::move(read.head), reporter.sources(), diagnostics);
            reporter.report(path, diagnostics);
            exit_code = std::max(exit_code, 1);
            continue;
        }
        if (!read.text) {
            reporter.fail("cannot read '" + printable(path) + "': " + read.reason);
            exit_code = std::max(exit_code, 2);
            continue;
        }
        const std::string original = std::move(*read.text);
        const std::string before = ast_shape(reporter.sources(), path, original, diagnostics);
        if (diagnostics.has_errors()) {  // only a file that parses has a canonical layout
            reporter.report(path, diagnostics);
            exit_code = std::max(exit_code, 1);
            continue;
        }
        const std::string formatted = format_source(original);
        Diagnostics scratch;
        SourceManager scratch_sources;
        if (ast_shape(scratch_sources, path, formatted, scratch) != before || scratch.has_errors()) {
            reporter.fail("formatting '" + printable(path) + "' would change its meaning; it was left as it is");
            exit_code = std::max(exit_code, 2);
            continue;
        }
        if (formatted == original) continue;
        if (options.fmt_check) {
            out << printable(path) << '\n';  // not in the canonical layout
            exit_code = std::max(exit_code, 1);
            continue;
        }
        std::string error;
        if (!write_output_file(path, formatted, error)) {
            reporter.fail(error);
            exit_code = std::max(exit_code, 2);
        }
    }
    reporter.finish();
    return exit_code;
}

}  // namespace reps::cli
