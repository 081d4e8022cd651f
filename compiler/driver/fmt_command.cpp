// `reps fmt [--check] FILE...`: rewrites files in the canonical layout, or with --check lists
// the files that are not in it. A file is only rewritten when the new text parses to the same AST.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "compiler/base/arena.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/driver/loader.hpp"
#include "compiler/format/ast_shape.hpp"
#include "compiler/format/format.hpp"
#include "compiler/parse/parse.hpp"
#include "runtime/export/output.hpp"

namespace reps::cli {

namespace {

// Takes each workout and program as it parses, so that the file's AST is never whole (a 20 MB
// library): hashes the declarations before it, then it.
class ShapeOfFile final : public WorkoutReceiver {
public:
    bool take(const ast::File& so_far, const ast::WorkoutDecl& workout) override { return take_last(so_far, workout); }
    bool take_program(const ast::File& so_far, const ast::ProgramDecl& program) override { return take_last(so_far, program); }
    // Those of `file` from the first not hashed yet up to `end`.
    void add_declarations(const ast::File& file, std::size_t end) {
        for (; hashed_ < end; ++hashed_) hashes_.push_back(shape_hash(file.declarations[hashed_]));
    }
    std::vector<std::uint64_t> hashes() && { return std::move(hashes_); }

private:
    // The declaration is the last one so far, and leaves the AST once taken: the next one comes
    // where it was.
    template <typename Node>
    bool take_last(const ast::File& so_far, const Node& declaration) {
        add_declarations(so_far, so_far.declarations.size() - 1);
        hashes_.push_back(shape_hash(declaration));
        return true;
    }

    std::size_t hashed_ = 0;  // of the declarations the AST keeps
    std::vector<std::uint64_t> hashes_;
};

}  // namespace

// The AST is in this thread's arena: the memory each workout taken leaves is the next one's.
// Nothing for a file that is not UTF-8 (reported).
std::vector<std::uint64_t> ast_shape(const SourceManager& sources, std::uint32_t id, Diagnostics& diagnostics) {
    if (!check_utf8(sources, id, diagnostics)) return {};
    thread_local Arena arena;
    const ArenaScope arena_scope(arena);
    ShapeOfFile shape;
    const ast::File file = parse_file(sources, id, diagnostics, &shape);
    shape.add_declarations(file, file.declarations.size());
    return std::move(shape).hashes();
}

std::vector<std::uint64_t> ast_shape(SourceManager& sources, std::string path, std::string text, Diagnostics& diagnostics) {
    return ast_shape(sources, sources.add(std::move(path), std::move(text)), diagnostics);
}

int run_fmt(const Options& options, std::ostream& out, std::ostream& err) {
    Reporter reporter(options, err);
    int exit_code = 0;
    for (const auto& path : options.args) {
        // The reader `check` and `build` use: regular files only, the same size limit.
        FileRead read = read_source_file(path);
        auto diagnostics = reporter.make_diagnostics();
        diagnostics.set_warning_limit(0);  // fmt reports the parser's few warnings, and takes no --warning-limit
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
        // The texts are kept once, in the source managers; `original` and `formatted` view them.
        const bool byte_order_mark = read.text->view().starts_with("\xEF\xBB\xBF");  // the source manager drops it; fmt too
        const std::uint32_t original_id = reporter.sources().add(path, std::move(*read.text));
        const std::string_view original = reporter.sources().file(original_id).text;
        // Only a file that parses has a canonical layout, and only such a file reaches the formatter
        // (its blocks nest a few levels deep: any text would indent as deep as its braces). It is
        // parsed with each declaration's shape hashed as it parses; a file already in the layout
        // (what `fmt --check` meets most) keeps its text, and its meaning with it. A file whose
        // text changes has its new text parsed and hashed too: the shapes must agree.
        const auto before = ast_shape(reporter.sources(), original_id, diagnostics);
        if (diagnostics.has_errors()) {
            reporter.report(path, diagnostics);
            exit_code = std::max(exit_code, 1);
            continue;
        }
        Diagnostics scratch;
        SourceManager scratch_sources;
        const std::uint32_t formatted_id = scratch_sources.add(path, format_source(original));
        const std::string_view formatted = scratch_sources.file(formatted_id).text;
        if (formatted == original && !byte_order_mark) continue;
        if (ast_shape(scratch_sources, formatted_id, scratch) != before || scratch.has_errors()) {
            reporter.fail("formatting '" + printable(path) + "' would change its meaning; it was left as it is");
            exit_code = std::max(exit_code, 2);
            continue;
        }
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
