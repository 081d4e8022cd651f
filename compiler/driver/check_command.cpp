// `reps check FILE...` and what every compiling command shares: loading and checking one file,
// and reporting its diagnostics as text (with a summary line) or as one JSON document.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/base/arena.hpp"
#include "compiler/driver/cli_internal.hpp"
#include "compiler/dump/dump.hpp"
#include "compiler/lint/lints.hpp"
#include "compiler/lower/lower.hpp"
#include "compiler/base/ordered_pool.hpp"
#include "compiler/catalog/stdlib_catalog.hpp"

namespace reps::cli {

namespace {

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + ' ' + std::string(noun) + (count == 1 ? "" : "s");
}

const ast::File* main_file(const LoadedProgram& loaded) {
    for (const ast::File& file : loaded.files) {
        if (file.file_id == loaded.main_file) return &file;
    }
    return nullptr;
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7F) ? '?' : c;
    }
    return out;
}

std::string summary_counts(const Diagnostics& diagnostics) {
    std::string out;
    if (diagnostics.error_count() > 0) out = plural(diagnostics.error_count(), "error");
    // Those past the limit too: the count is the file's.
    if (const std::size_t warnings = diagnostics.warning_count() + diagnostics.hidden_warning_count(); warnings > 0) {
        out += (out.empty() ? "" : ", ") + plural(warnings, "warning");
    }
    return out;
}

Diagnostics Reporter::make_diagnostics() const {
    Diagnostics diagnostics;
    diagnostics.set_werror(options_.werror);
    diagnostics.set_suppressed(options_.suppressed);
    diagnostics.set_warning_limit(options_.warning_limit);
    return diagnostics;
}

namespace {

// "1199000 more warnings not shown (W0101 399000, W0201 400000, W0205 400000)".
std::string hidden_text(const Diagnostics& diagnostics) {
    std::string counts;
    for (const HiddenWarnings& hidden : diagnostics.hidden_warnings()) {
        counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", code_name(hidden.code), hidden.count);
    }
    return fmt::format("{} more {} not shown ({})", diagnostics.hidden_warning_count(),
                       diagnostics.hidden_warning_count() == 1 ? "warning" : "warnings", counts);
}

}  // namespace

void Reporter::report(std::string_view display_path, Diagnostics& diagnostics, bool summary) {
    diagnostics.sort_by_position();
    diagnostics.limit_warnings();
    if (options_.json_diagnostics) {
        all_.insert(all_.end(), diagnostics.list().begin(), diagnostics.list().end());
        if (diagnostics.hidden_warning_count() > 0) hidden_.push_back(HiddenInFile{std::string(display_path), diagnostics.hidden_warnings()});
        return;
    }
    render_text(err_, sources_, diagnostics.list(), RenderOptions{options_.color});
    if (diagnostics.hidden_warning_count() > 0) {
        err_ << printable(display_path) << ": " << hidden_text(diagnostics) << "; --warning-limit 0 shows them all\n";
    }
    const std::string counts = summary_counts(diagnostics);
    if (summary && !counts.empty()) err_ << printable(display_path) << ": " << counts << '\n';
}

void Reporter::fail(std::string message) {
    if (options_.json_diagnostics) {
        all_.push_back(Diagnostic{Severity::error, Code::none, SourceSpan{}, std::move(message), {}, {}, {}});
        return;
    }
    err_ << "reps: error: " << printable(message) << '\n';
}

void Reporter::finish() {
    if (options_.json_diagnostics) render_json(err_, sources_, all_, hidden_);
}

std::vector<Diagnostic> Reporter::take_collected() { return std::exchange(all_, {}); }

void Reporter::absorb(const SourceManager& sources, std::vector<Diagnostic> diagnostics, std::vector<HiddenInFile> hidden) {
    for (HiddenInFile& file : hidden) hidden_.push_back(std::move(file));
    // The files the diagnostics point into join this reporter's sources under new ids; the stdlib
    // keeps its ids, which are the same in every SourceManager.
    add_stdlib_sources(sources_);
    std::vector<std::uint32_t> ids(sources.size(), ~0u);
    const auto move_over = [&](SourceSpan& span) {
        const std::uint32_t file = span.file;
        if (!span.has_position() || file >= sources.size()) return;
        if (ids[file] == ~0u) ids[file] = sources.file(file).embedded ? file : sources_.add(sources.file(file));
        span.file = ids[file];
    };
    for (Diagnostic& diagnostic : diagnostics) {
        move_over(diagnostic.span);
        // The fix-its too: left with their old ids, they pointed at no file (or another one)
        // whenever the ids differed, and --diagnostics json dropped them.
        for (FixIt& fix : diagnostic.fixes) move_over(fix.span);
        all_.push_back(std::move(diagnostic));
    }
}

PipelineOptions pipeline_options(const Options& options, bool check) {
    PipelineOptions pipeline;
    pipeline.check = check;
    pipeline.profile = options.profile;
    pipeline.lints.session_min_seconds = options.session_min_seconds;
    pipeline.lints.session_max_seconds = options.session_max_seconds;
    return pipeline;
}

namespace {

// One input of `reps check`: a file named on the command line or found in a directory named there.
struct Input {
    std::string path;
    std::string error;  // a directory that could not be read or holds no .reps file
};

// Every *.reps entry below `top` that is not a directory (links to directories are not followed,
// as `find` does not); each directory that cannot be read is an error of its own, not a silent gap
// in the check. A *.reps link that leads nowhere (or round), a FIFO or a device is kept, so that
// reading it fails as it does when it is named: skipping it let a broken tree pass.
void find_sources(const std::filesystem::path& top, std::vector<std::string>& found, std::vector<Input>& unreadable) {
    namespace fs = std::filesystem;
    std::vector<fs::path> pending = {top};
    while (!pending.empty()) {
        const fs::path directory = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        fs::directory_iterator it(directory, error);
        for (; !error && it != fs::directory_iterator(); it.increment(error)) {
            std::error_code kind_error;
            if (it->symlink_status(kind_error).type() == fs::file_type::directory) pending.push_back(it->path());
            else if (it->path().extension() == ".reps" && !it->is_directory(kind_error)) found.push_back(it->path().string());
        }
        if (error) {
            unreadable.push_back(Input{directory.string(), "cannot read directory '" + printable(directory.string()) +
                                                               "': " + error.message()});
        }
    }
}

// Files as given; a directory stands for every *.reps file below it, in sorted order.
std::vector<Input> expand_inputs(const std::vector<std::string>& args) {
    namespace fs = std::filesystem;
    std::vector<Input> inputs;
    for (const std::string& arg : args) {
        std::error_code error;
        if (!fs::is_directory(arg, error)) {
            inputs.push_back(Input{arg, {}});
            continue;
        }
        std::vector<std::string> found;
        std::vector<Input> unreadable;
        find_sources(arg, found, unreadable);
        std::sort(unreadable.begin(), unreadable.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
        for (auto& input : unreadable) inputs.push_back(std::move(input));
        if (found.empty() && unreadable.empty()) {
            inputs.push_back(Input{arg, "no .reps files in directory '" + arg + "'"});
        }
        std::sort(found.begin(), found.end());
        for (auto& path : found) inputs.push_back(Input{std::move(path), {}});
    }
    return inputs;
}

// What checking one file prints, made on any thread and printed in argument order.
struct FileReport {
    std::string out;  // --dump output
    std::string err;  // its diagnostics, rendered (text mode)
    SourceManager sources;                // --diagnostics json: what the diagnostics point into
    std::vector<Diagnostic> diagnostics;  // --diagnostics json: for the one document at the end
    std::vector<HiddenInFile> hidden;     // --diagnostics json: its warnings past the limit
    int status = 0;
};

// Text passed on to `target` 64 KB at a time (the error stream is unbuffered): the rendered
// diagnostics of a file of a million warnings, some 250 MB, are never held whole.
class ForwardInChunks final : public std::streambuf {
public:
    explicit ForwardInChunks(std::ostream& target) : target_(target), buffer_(64 * 1024) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    ~ForwardInChunks() override { sync(); }
    ForwardInChunks(const ForwardInChunks&) = delete;
    ForwardInChunks& operator=(const ForwardInChunks&) = delete;

protected:
    int_type overflow(int_type c) override {
        sync();
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
        return c;
    }
    int sync() override {
        target_.write(pbase(), pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return 0;
    }

private:
    std::ostream& target_;
    std::vector<char> buffer_;
};

// `direct`: where the file's diagnostics go as they are rendered, when nothing is printed
// between (files checked one after the other); else they are kept in the report.
FileReport check_file(const Input& input, const Options& options, std::ostream* direct) {
    // The file's AST comes from this thread's arena, which is reset for the next file when the
    // scope ends; the report holds nothing of the AST.
    thread_local Arena arena;
    const ArenaScope arena_scope(arena);
    FileReport report;
    std::ostringstream out, kept_err;
    std::optional<ForwardInChunks> forward;
    if (direct) forward.emplace(*direct);
    std::ostream forwarded(forward ? &*forward : nullptr);
    std::ostream& err = forward ? forwarded : kept_err;
    Reporter reporter(options, err);
    if (!input.error.empty()) {
        reporter.fail(input.error);
        report.status = 2;
    } else {
        const std::string& path = input.path;
        Diagnostics diagnostics = reporter.make_diagnostics();
        PipelineOptions pipeline = pipeline_options(options, options.dump != Dump::ast);
        // Without a dump nothing of the file is kept but its diagnostics: a big file is checked as it parses.
        pipeline.stream = options.dump == Dump::none;
        Compilation compiled = compile(path, pipeline, reporter.sources(), diagnostics);
        if (compiled.read_failed) {
            reporter.report(path, diagnostics, false);
            report.status = 2;
        } else {
            if (options.dump == Dump::ast) {
                // The AST is shown even after a syntax error: what was parsed is what a reader wants to see.
                if (const ast::File* file = main_file(compiled.loaded)) dump_ast(out, *file, reporter.sources());
            } else if (!diagnostics.has_errors() && options.dump == Dump::checked) {
                dump_checked(out, compiled.checked, reporter.sources());
            } else if (!diagnostics.has_errors() && options.dump == Dump::timeline) {
                for (const checked::Workout& workout : compiled.checked.workouts) {
                    dump_timeline(out, lower_workout(compiled.checked, workout, options.week, reporter.sources()));
                }
                for (const checked::Program& plan : compiled.checked.programs) {
                    dump_timeline(out, lower_program(compiled.checked, plan, reporter.sources()));
                }
            }
            // Only the diagnostics are shown from here: the AST and the checked program go first,
            // so that a big file's warnings are not rendered on top of them.
            drop_into_arena(compiled.loaded);
            compiled = Compilation{};
            reporter.report(path, diagnostics);
            if (diagnostics.has_errors()) report.status = 1;
        }
        drop_into_arena(compiled.loaded);
    }
    report.out = std::move(out).str();
    report.err = std::move(kept_err).str();
    report.diagnostics = reporter.take_collected();
    report.hidden = reporter.take_hidden();
    if (!report.diagnostics.empty()) report.sources = reporter.sources();
    return report;
}

}  // namespace

int run_check(const Options& options, std::ostream& out, std::ostream& err) {
    const std::vector<Input> inputs = expand_inputs(options.args);
    Reporter reporter(options, err);
    int status = 0;
    // Files are checked on every available core (or -j N), sharing the stdlib catalog, and printed
    // in argument order exactly as one after the other would print them.
    const unsigned jobs = options.jobs > 0 ? options.jobs : available_cores();
    // Diagnostics go out some 64 KB at a time: the error stream is unbuffered, and a write per file
    // was a few percent of checking many files.
    std::string unwritten;
    const auto write_diagnostics = [&] {
        err << unwritten;
        unwritten.clear();
    };
    // One after the other (one job, or one file), each file's diagnostics go straight out; not
    // with --dump, whose output for a file comes first, as from several jobs.
    const bool straight_out = std::min<std::size_t>(jobs, inputs.size()) <= 1 && options.dump == Dump::none;
    run_ordered<FileReport>(
        inputs.size(), jobs, [&](std::size_t i) { return check_file(inputs[i], options, straight_out ? &err : nullptr); },
        [&](std::size_t, FileReport report) {
            out << report.out;
            if (unwritten.empty() && report.err.size() >= 64 * 1024) {
                err << report.err;  // a big file's: written as it is, not copied first
            } else {
                unwritten += report.err;
                if (unwritten.size() >= 64 * 1024) write_diagnostics();
            }
            if (!report.diagnostics.empty() || !report.hidden.empty()) {
                reporter.absorb(report.sources, std::move(report.diagnostics), std::move(report.hidden));
            }
            status = std::max(status, report.status);
        });
    write_diagnostics();
    reporter.finish();
    return status;
}

}  // namespace reps::cli
