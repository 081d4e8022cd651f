// Diagnostics: phases collect them in one list and keep going; one renderer prints them.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.hpp"

namespace reps {

enum class Severity { error, warning };

// Every code of the registry (diagnostic_codes.def), and `none` for a failure that is not about the
// input (a file that cannot be read). A code's severity comes from the registry, never the call site.
enum class Code : std::uint8_t {
    none,
#define X(CODE, SEVERITY, SUMMARY, EXPLANATION) CODE,
#include "compiler/diagnostics/diagnostic_codes.def"
#undef X
};

// "E0102"; empty for Code::none.
std::string_view code_name(Code code);

// A machine-applicable repair: replace the bytes of `span` with `replacement` (an empty span
// inserts). `--diagnostics json` lists them so that an editor can apply them.
struct FixIt {
    SourceSpan span;
    std::string replacement;
};

struct Diagnostic {
    Severity severity = Severity::error;
    Code code = Code::none;
    SourceSpan span;   // line 0: no position (command-line problems)
    std::string message;
    std::vector<std::string> notes;
    std::string help;
    std::vector<FixIt> fixes;  // what `help` shows, as edits
};

struct CodeInfo {
    Code id;
    std::string_view code;
    Severity severity;
    std::string_view summary;
    std::string_view explanation;
};

// The registry (compiler/diagnostics/diagnostic_codes.def). nullptr for an unknown code.
const CodeInfo* find_code(std::string_view code);
std::vector<CodeInfo> all_codes();

// Checking stops after this many errors: the first ones are what a user fixes first, and a file
// of a million mistakes (each with a "did you mean" search) must not take hours to report.
inline constexpr std::size_t max_errors = 100;

// How many warnings of a file `reps` shows (--warning-limit): the rest are counted by code, not
// kept. A generated file can warn millions of times, and held to the end of the file (where it is
// known that they count) they took some 30 times the file's size in memory.
inline constexpr std::size_t default_warning_limit = 1000;

// Warnings of one code that were counted and not kept (Diagnostics::set_warning_limit).
struct HiddenWarnings {
    Code code = Code::none;
    std::size_t count = 0;
};

class Diagnostics {
public:
    // Adds a diagnostic of `code` with the registry's severity (--werror and -W no-CODE applied). A
    // suppressed warning still hands back a Diagnostic for notes, which go nowhere.
    Diagnostic& report(Code code, SourceSpan span, std::string message, std::string help = {});
    // A failure that is not about the input: an error without a code ("cannot read 'x.reps'").
    Diagnostic& failure(SourceSpan span, std::string message);
    void add(Diagnostic diagnostic);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    // The warnings in list(); hidden_warning_count() more were counted past the limit.
    std::size_t warning_count() const { return list_.size() - errors_; }
    std::size_t hidden_warning_count() const;
    // By code, in the registry's order.
    const std::vector<HiddenWarnings>& hidden_warnings() const { return hidden_; }
    const std::vector<Diagnostic>& list() const { return list_; }
    // The diagnostic of `code` at `span` (its start), to add what a later phase knows to it;
    // nullptr if none.
    Diagnostic* find(Code code, const SourceSpan& span);
    // True once max_errors errors were reported: the phase should skip what is at `span`. The first
    // call that returns true adds E0003 "checking stops here" at `span`.
    bool stop_here(const SourceSpan& span);

    // False for a warning that -W no-CODE drops: a phase need not work out what it would say (a
    // file of a million workouts formatted a million dropped messages).
    bool wanted(Code code) const;
    // For a warning a phase reports often, asked once for each it would report: true when the
    // phase is to report it; false when it is dropped (as `wanted` says, or by an allow comment)
    // or past the warning limit, which this counts it for: the phase then reports nothing and need
    // not work out its message. Asking twice for one warning counts it twice.
    bool report_or_count(Code code, const SourceSpan& span);
    // Warnings named here are dropped ("-W no-W0101"); with werror the rest become errors.
    void set_suppressed(const std::vector<std::string>& codes);
    void set_werror(bool werror) { werror_ = werror; }
    // Keeps at most `limit` warnings with a position (0: all), the first in the file, and counts
    // the others by code. Warnings come in any order (a lint pass reports by date, a whole check
    // reports the parser's before the checker's): past twice the limit the list keeps the first
    // `limit` by position, and a warning after all of those is counted at once. limit_warnings()
    // keeps the first `limit` once they are in order. Warnings about the command line (no
    // position) are all kept.
    void set_warning_limit(std::size_t limit) { warning_limit_ = limit; }
    std::size_t warning_limit() const { return warning_limit_; }
    // The warnings a `# reps: allow` comment drops (allow_comment_filter), dropped as they are
    // reported: they take no place in the warning limit and count as no error under --werror.
    void set_allowed(std::function<bool(const Diagnostic&)> allowed) { allowed_ = std::move(allowed); }
    // While true, list() only grows (nothing is dropped to keep the limit): for a phase that
    // holds positions in it (the streamed check, while a workout is checked).
    void hold_positions(bool hold) {
        holding_positions_ = hold;
        if (!hold && warning_limit_ > 0 && limited_warnings_ >= 2 * warning_limit_) drop_warnings_past_limit();
    }
    // After sort_by_position: the warnings past the limit move from the list to the counts.
    void limit_warnings();
    // Drops the errors for which `drop` is true (follow-on errors of a syntax error: pipeline.cpp).
    void drop_errors_if(const std::function<bool(const Diagnostic&)>& drop);
    // An empty list with the same settings (-W no-CODE, --werror): a phase's diagnostics kept apart
    // until it is known that they count (compiler/driver/streamed_check.cpp).
    Diagnostics with_same_settings() const;
    // Adds every diagnostic of `other` after these, in its order.
    void append(Diagnostics&& other);
    // The diagnostics from the `first`-th on, moved out into a list of their own (same settings).
    Diagnostics take_from(std::size_t first);
    // Stable order for output: by file, then position, then insertion.
    void sort_by_position();

private:
    // With suppression and --werror applied; `limited`: a report, which the warning limit applies
    // to (an appended list was limited as it was reported). True when it was kept (last in the list).
    bool admit(Diagnostic&& diagnostic, bool limited);
    void count_hidden(Code code, std::size_t count);
    // Keeps the first warning_limit_ positioned warnings by position (in place, in their order).
    void drop_warnings_past_limit();

    std::vector<Diagnostic> list_;
    std::bitset<256> suppressed_;  // by Code: the warnings -W no-CODE names
    std::size_t errors_ = 0;
    bool werror_ = false;
    bool stopped_ = false;
    std::size_t warning_limit_ = 0;     // 0: none
    std::size_t limited_warnings_ = 0;  // in the list, with a position
    bool holding_positions_ = false;
    // Once the list was cut to the limit: where its last kept warning is. A warning reported at or
    // after it comes after `limit` others.
    std::optional<std::array<std::uint32_t, 2>> past_limit_;
    std::vector<HiddenWarnings> hidden_;
    std::function<bool(const Diagnostic&)> allowed_;
};

struct RenderOptions {
    bool color = false;
};

// GCC/Clang layout: "file:line:col: error[E0102]: message", the source line, a caret, help: lines.
void render_text(std::ostream& out, const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                 const RenderOptions& options);
// A file's warnings past the warning limit, by code, for the JSON document.
struct HiddenInFile {
    std::string file;
    std::vector<HiddenWarnings> counts;
};

// The same data as one JSON document: {"diagnostics": [...]}, and "hidden_warnings": [{"file",
// "code", "count"}, ...] when some warnings were past the limit.
void render_json(std::ostream& out, const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                 const std::vector<HiddenInFile>& hidden = {});

}  // namespace reps
