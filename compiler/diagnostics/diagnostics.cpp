// The diagnostic registry, the list phases append to, and the text and JSON renderers.
#include "compiler/diagnostics/diagnostics.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reps {

// ---- registry -------------------------------------------------------------------------------

namespace {

constexpr CodeInfo registry[] = {
#define X(CODE, SEVERITY, SUMMARY, EXPLANATION) CodeInfo{Code::CODE, #CODE, Severity::SEVERITY, SUMMARY, EXPLANATION},
#include "compiler/diagnostics/diagnostic_codes.def"
#undef X
};

}  // namespace

const CodeInfo* find_code(std::string_view code) {
    for (const CodeInfo& info : registry) {
        if (info.code == code) return &info;
    }
    return nullptr;
}

std::string_view code_name(Code code) {
    if (code == Code::none) return {};
    // The registry lists the codes in the enum's order, after `none`.
    return registry[static_cast<std::size_t>(code) - 1].code;
}

std::vector<CodeInfo> all_codes() { return {std::begin(registry), std::end(registry)}; }

// ---- collection -----------------------------------------------------------------------------

namespace {

bool same_code(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto upper = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
        return upper(x) == upper(y);
    });
}

Diagnostic make(Severity severity, Code code, SourceSpan span, std::string message, std::string help) {
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.span = span;
    d.message = std::move(message);
    d.help = std::move(help);
    return d;
}

}  // namespace

Diagnostic* Diagnostics::find(Code code, const SourceSpan& span) {
    const auto found = std::find_if(list_.begin(), list_.end(), [&](const Diagnostic& d) {
        return d.code == code && d.span.file == span.file && d.span.offset == span.offset;
    });
    return found == list_.end() ? nullptr : &*found;
}

Diagnostic& Diagnostics::report(Code code, SourceSpan span, std::string message, std::string help) {
    const Severity severity = code == Code::none ? Severity::error : registry[static_cast<std::size_t>(code) - 1].severity;
    // Whether it was kept, not whether the list grew: keeping it may have dropped others first.
    if (admit(make(severity, code, span, std::move(message), std::move(help)), true)) return list_.back();
    thread_local Diagnostic dropped;
    dropped = Diagnostic{};
    return dropped;
}

Diagnostic& Diagnostics::failure(SourceSpan span, std::string message) {
    return report(Code::none, span, std::move(message));
}

void Diagnostics::set_suppressed(const std::vector<std::string>& codes) {
    suppressed_.reset();
    for (const CodeInfo& info : registry) {
        if (info.severity != Severity::warning) continue;  // errors cannot be suppressed
        const bool named = std::any_of(codes.begin(), codes.end(), [&](const std::string& name) { return same_code(name, info.code); });
        if (named) suppressed_.set(static_cast<std::size_t>(info.id));
    }
}

bool Diagnostics::wanted(Code code) const { return !suppressed_.test(static_cast<std::size_t>(code)); }

void Diagnostics::add(Diagnostic diagnostic) { admit(std::move(diagnostic), true); }

namespace {

// Where a diagnostic is, for the warning limit (a position-less one is never limited).
std::array<std::uint32_t, 2> place_of(const Diagnostic& diagnostic) { return {diagnostic.span.file, diagnostic.span.offset}; }

bool limited_warning(const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::warning && diagnostic.span.has_position();
}

}  // namespace

bool Diagnostics::admit(Diagnostic&& diagnostic, bool limited) {
    if (diagnostic.severity == Severity::warning) {
        if (!wanted(diagnostic.code)) return false;
        if (allowed_ && allowed_(diagnostic)) return false;
        // The code stays W...: `reps explain` still finds the lint behind the error.
        if (werror_) diagnostic.severity = Severity::error;
    }
    if (diagnostic.severity == Severity::error) {
        ++errors_;
    } else if (warning_limit_ > 0 && limited_warning(diagnostic)) {
        // Before adding it, so that the one added is the last (report() hands it back).
        if (!holding_positions_ && limited_warnings_ >= 2 * warning_limit_) drop_warnings_past_limit();
        if (limited && past_limit_ && place_of(diagnostic) >= *past_limit_) {
            count_hidden(diagnostic.code, 1);
            return false;
        }
        ++limited_warnings_;
    }
    list_.push_back(std::move(diagnostic));
    return true;
}

bool Diagnostics::report_or_count(Code code, const SourceSpan& span) {
    if (!wanted(code)) return false;
    Diagnostic probe;
    probe.severity = registry[static_cast<std::size_t>(code) - 1].severity;
    probe.code = code;
    probe.span = span;
    if (probe.severity != Severity::warning) return true;
    if (allowed_ && allowed_(probe)) return false;
    if (werror_ || warning_limit_ == 0 || !limited_warning(probe)) return true;
    if (past_limit_ && place_of(probe) >= *past_limit_) {
        count_hidden(code, 1);
        return false;
    }
    return true;
}

void Diagnostics::drop_warnings_past_limit() {
    // The limit-th warning by position, ties in list order (as the stable sort for output has them).
    struct Place {
        std::array<std::uint32_t, 2> place;
        std::size_t index;
        bool operator<(const Place& other) const { return std::tie(place, index) < std::tie(other.place, other.index); }
    };
    std::vector<Place> places;
    places.reserve(limited_warnings_);
    for (std::size_t i = 0; i < list_.size(); ++i) {
        if (limited_warning(list_[i])) places.push_back(Place{place_of(list_[i]), i});
    }
    if (places.size() <= warning_limit_) return;
    const auto last_kept = places.begin() + static_cast<std::ptrdiff_t>(warning_limit_ - 1);
    std::nth_element(places.begin(), last_kept, places.end());
    const Place bound = *last_kept;
    std::size_t index = 0;
    std::erase_if(list_, [&](const Diagnostic& diagnostic) {
        const std::size_t i = index++;
        if (!limited_warning(diagnostic) || !(bound < Place{place_of(diagnostic), i})) return false;
        count_hidden(diagnostic.code, 1);
        return true;
    });
    limited_warnings_ = warning_limit_;
    past_limit_ = bound.place;
}

void Diagnostics::count_hidden(Code code, std::size_t count) {
    auto at = std::lower_bound(hidden_.begin(), hidden_.end(), code,
                               [](const HiddenWarnings& hidden, Code c) { return hidden.code < c; });
    if (at == hidden_.end() || at->code != code) at = hidden_.insert(at, HiddenWarnings{code, 0});
    at->count += count;
}

std::size_t Diagnostics::hidden_warning_count() const {
    std::size_t total = 0;
    for (const HiddenWarnings& hidden : hidden_) total += hidden.count;
    return total;
}

void Diagnostics::limit_warnings() {
    if (warning_limit_ == 0) return;
    std::size_t kept = 0;
    std::erase_if(list_, [&](const Diagnostic& diagnostic) {
        if (!limited_warning(diagnostic) || ++kept <= warning_limit_) return false;
        count_hidden(diagnostic.code, 1);
        return true;
    });
    limited_warnings_ = std::min(kept, warning_limit_);
}

bool Diagnostics::stop_here(const SourceSpan& span) {
    if (errors_ < max_errors) return false;
    if (!stopped_) {
        stopped_ = true;
        report(Code::E0003, span, "more than " + std::to_string(max_errors) + " errors: checking stops here",
              "fix the errors above and check again");
    }
    return true;
}

void Diagnostics::drop_errors_if(const std::function<bool(const Diagnostic&)>& drop) {
    std::erase_if(list_, [&](const Diagnostic& diagnostic) {
        if (diagnostic.severity != Severity::error || !drop(diagnostic)) return false;
        --errors_;
        return true;
    });
}

Diagnostics Diagnostics::with_same_settings() const {
    Diagnostics empty;
    empty.suppressed_ = suppressed_;
    empty.werror_ = werror_;
    empty.warning_limit_ = warning_limit_;
    empty.allowed_ = allowed_;
    return empty;
}

void Diagnostics::append(Diagnostics&& other) {
    for (const HiddenWarnings& hidden : other.hidden_) count_hidden(hidden.code, hidden.count);
    other.hidden_.clear();
    if (list_.empty() && other.suppressed_ == suppressed_ && other.werror_ == werror_) {
        // Added under the same settings already: taken as they are, not copied into a second list.
        list_ = std::exchange(other.list_, {});
        errors_ = std::exchange(other.errors_, 0);
        limited_warnings_ = std::exchange(other.limited_warnings_, 0);
        past_limit_ = std::exchange(other.past_limit_, std::nullopt);
        return;
    }
    list_.reserve(list_.size() + other.list_.size());
    for (auto& diagnostic : other.list_) admit(std::move(diagnostic), false);
    other.list_ = {};  // its room too: a big file's warnings would otherwise be held twice over
    other.errors_ = 0;
    other.limited_warnings_ = 0;
    other.past_limit_.reset();
}

Diagnostics Diagnostics::take_from(std::size_t first) {
    Diagnostics taken = with_same_settings();
    for (std::size_t i = first; i < list_.size(); ++i) {
        if (list_[i].severity == Severity::error) --errors_;
        if (limited_warning(list_[i])) --limited_warnings_;
        taken.admit(std::move(list_[i]), false);  // past the limit already, if it was
    }
    if (first < list_.size()) past_limit_.reset();
    list_.erase(list_.begin() + static_cast<std::ptrdiff_t>(std::min(first, list_.size())), list_.end());
    return taken;
}

void Diagnostics::sort_by_position() {
    // Within a file the offset orders as line and column do.
    const auto key = [](const Diagnostic& d) {
        return std::array<std::uint32_t, 3>{d.span.has_position() ? 0u : 1u, d.span.file, d.span.offset};
    };
    const auto before = [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); };
    if (std::is_sorted(list_.begin(), list_.end(), before)) return;
    // The keys are sorted, and each diagnostic moved once into its place: a stable sort of the
    // diagnostics themselves moved each of them some log2(n) times, which was a quarter of
    // checking a file of a million warnings.
    struct Place {
        std::array<std::uint32_t, 3> key;
        std::size_t index;
    };
    std::vector<Place> order;
    order.reserve(list_.size());
    for (std::size_t i = 0; i < list_.size(); ++i) order.push_back(Place{key(list_[i]), i});
    std::stable_sort(order.begin(), order.end(), [](const Place& a, const Place& b) { return a.key < b.key; });
    // In place, cycle by cycle (no second list of diagnostics): position `at` takes the one from `from`.
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start].index == start) continue;
        Diagnostic first = std::move(list_[start]);
        std::size_t at = start;
        while (order[at].index != start) {
            const std::size_t from = order[at].index;
            list_[at] = std::move(list_[from]);
            order[at].index = at;  // done
            at = from;
        }
        list_[at] = std::move(first);
        order[at].index = at;
    }
}

// ---- shared by both renderers ---------------------------------------------------------------

namespace {

bool has_position(const SourceManager& sources, const SourceSpan& span) {
    return span.has_position() && span.file < sources.size();
}

const char* severity_name(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

// One character: false unless the bytes are exactly one well-formed UTF-8 sequence (shortest form, no surrogates).
bool decode(std::string_view bytes, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(bytes[0]);
    std::size_t length = 0;
    if (b0 < 0x80) {
        cp = b0;
        return bytes.size() == 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2, cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3, cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4, cp = b0 & 0x07;
    } else {
        return false;
    }
    if (bytes.size() != length) return false;
    for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(bytes[i]) & 0x3F);
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    return cp >= minimum && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

// Control characters, and invisible ones that reorder or break the line (Trojan Source), are never echoed.
bool printable(char32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
    if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)) return false;
    if (cp >= 0x2066 && cp <= 0x2069) return false;
    return cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF;
}

// One character as the terminal gets it. Characters are split as character_column counts them:
// a byte that is not a continuation byte starts one, so the caret agrees with the printed column.
struct Cell {
    std::size_t begin = 0;   // byte offset in the line
    std::string_view shown;  // the bytes themselves, or a literal standing in for them
};

std::vector<Cell> cells_of(std::string_view line) {
    std::vector<Cell> cells;
    cells.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t end = i + 1;
        while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
        const std::string_view bytes = line.substr(i, end - i);
        char32_t cp = 0;
        std::string_view shown = "?";
        if (bytes == "\t") {
            shown = " ";  // one cell, so the caret below lines up whatever the tab stops are
        } else if (decode(bytes, cp) && printable(cp)) {
            shown = bytes;
        }
        cells.push_back(Cell{i, shown});
        i = end;
    }
    return cells;
}

// Messages quote user text; the same rules keep escape sequences off the terminal. Appended to
// `out` (a diagnostic being put together), not returned: a big file's warnings are thousands.
void append_sanitized(std::string& out, std::string_view text) {
    // Most messages are printable ASCII through and through.
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        out += text;
        return;
    }
    for (Cell& cell : cells_of(text)) {
        if (text[cell.begin] == '\n') cell.shown = "\n";
        out += cell.shown;
    }
}

// The end of a span, clipped to its file: the line and character column just past its last byte.
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

Position end_of(const SourceManager& sources, const SourceSpan& span) {
    const std::string_view text = sources.file(span.file).text;
    const std::size_t begin = std::min<std::size_t>(span.offset, text.size());
    const std::size_t end = std::min<std::size_t>(std::size_t{span.offset} + span.length, text.size());
    SourceSpan at = span;
    at.offset = static_cast<std::uint32_t>(end);
    const auto newlines = std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                     text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
    return Position{sources.position(span).line + static_cast<std::uint32_t>(newlines), sources.character_column(at)};
}

// ---- text -----------------------------------------------------------------------------------

// GCC's colours (gcc/diagnostic-color.cc), with its erase-to-end-of-line after each switch.
constexpr std::string_view bold = "\033[01m\033[K";
constexpr std::string_view red = "\033[01;31m\033[K";
constexpr std::string_view magenta = "\033[01;35m\033[K";
constexpr std::string_view green = "\033[01;32m\033[K";
constexpr std::string_view cyan = "\033[01;36m\033[K";
constexpr std::string_view reset = "\033[m\033[K";

// Lines longer than this are cut to a window around the caret.
constexpr std::size_t max_line_cells = 200;
constexpr std::size_t window_cells = 160;
constexpr std::size_t window_before_caret = 60;

// Each diagnostic is put together in a string and written to the stream at once: a big file's
// warnings are thousands, and a stream insertion per piece was most of rendering them.
class TextRenderer {
public:
    TextRenderer(std::ostream& out, const SourceManager& sources, bool color)
        : out_(out), sources_(sources), color_(color) {}

    void render(const Diagnostic& d) {
        text_.clear();
        const bool positioned = has_position(sources_, d.span);
        const std::uint32_t line = positioned ? sources_.position(d.span).line : 0;
        header(d, positioned, line);
        if (positioned) excerpt(d.span, line);
        for (const std::string& note : d.notes) labelled("note:", note);
        if (!d.help.empty()) labelled("help:", d.help);
        out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    }

private:
    // Text between open(colour) and close() is in that colour (when colours are on).
    void open(std::string_view colour) {
        if (color_) text_ += colour;
    }
    void close() {
        if (color_) text_ += reset;
    }
    void paint(std::string_view colour, std::string_view text) {
        open(colour);
        text_ += text;
        close();
    }

    void header(const Diagnostic& d, bool positioned, std::uint32_t line) {
        open(bold);
        if (positioned) {
            // A path is one line: a newline in a file's name must not start another (the summary
            // line shows it as '?' too); a message may hold one.
            std::string path = sources_.file(d.span.file).path;
            std::replace_if(path.begin(), path.end(), [](char c) { return c == '\n' || c == '\r'; }, '?');
            append_sanitized(text_, path);
            fmt::format_to(std::back_inserter(text_), ":{}:{}:", line, sources_.character_column(d.span));
        } else {
            text_ += "reps:";
        }
        close();
        text_ += ' ';
        open(d.severity == Severity::error ? red : magenta);
        text_ += severity_name(d.severity);
        if (d.code != Code::none) {
            text_ += '[';
            text_ += code_name(d.code);
            text_ += ']';
        }
        text_ += ':';
        close();
        text_ += ' ';
        open(bold);
        append_sanitized(text_, d.message);
        close();
        text_ += '\n';
    }

    void labelled(std::string_view label, const std::string& text) {
        paint(cyan, label);
        text_ += ' ';
        append_sanitized(text_, text);
        text_ += '\n';
    }

    void excerpt(const SourceSpan& span, std::uint32_t line_number) {
        const std::string_view line = sources_.line_text(span);
        const LineCells& line_cells = cells_of_line(line);
        const bool plain = line_cells.plain;
        const std::vector<Cell>& cells = line_cells.cells;
        const std::size_t cell_count = plain ? line.size() : cells.size();
        const std::string_view text = sources_.file(span.file).text;
        const std::size_t line_begin = static_cast<std::size_t>(line.data() - text.data());

        // Byte offsets within the line; a span running past the line end stops there.
        const std::size_t start = std::min<std::size_t>(span.offset, text.size()) - line_begin;
        const std::size_t end = std::min(start + span.length, line.size());
        const auto first_at_or_after = [&](std::size_t offset) {
            if (plain) return std::min(offset, cell_count);
            return static_cast<std::size_t>(std::partition_point(cells.begin(), cells.end(), [&](const Cell& c) {
                                                return c.begin < offset;
                                            }) - cells.begin());
        };
        // The cell holding the span start (an offset inside a multibyte character points at it).
        std::size_t caret = first_at_or_after(start + 1);
        if (caret > 0) --caret;
        if (start >= line.size()) caret = cell_count;
        const std::size_t caret_end = std::max(first_at_or_after(end), caret + 1);

        std::size_t shown_begin = 0;
        std::size_t shown_end = cell_count;
        if (cell_count > max_line_cells) {
            shown_begin = caret > window_before_caret ? caret - window_before_caret : 0;
            shown_begin = std::min(shown_begin, cell_count - window_cells);
            shown_end = shown_begin + window_cells;
        }

        std::string shown = shown_begin > 0 ? "..." : "";
        if (plain) {
            shown += line.substr(shown_begin, shown_end - shown_begin);
        } else {
            for (std::size_t i = shown_begin; i < shown_end; ++i) shown += cells[i].shown;
        }
        if (shown_end < cell_count) shown += "...";

        const std::string number = std::to_string(line_number);
        // GCC's margin: at least four digits wide, then " | ".
        const std::size_t width = std::max<std::size_t>(number.size(), 4);
        text_ += ' ';
        text_.append(width - number.size(), ' ');
        text_ += number;
        text_ += " |";
        if (!shown.empty()) {
            text_ += ' ';
            text_ += shown;
        }
        text_ += '\n';

        const std::size_t pad = (shown_begin > 0 ? 3 : 0) + (caret - shown_begin);
        const std::size_t tildes = std::min(caret_end, std::max(shown_end, caret + 1)) - caret - 1;
        text_ += ' ';
        text_.append(width, ' ');
        text_ += " | ";
        text_.append(pad, ' ');
        paint(green, "^" + std::string(tildes, '~'));
        text_ += '\n';
    }

    // A line's cells, kept for the next diagnostic: they come in source order, and thousands on
    // one long line (a generated file's only line) must split it once, not once each.
    struct LineCells {
        std::string_view line;
        bool plain = true;  // printable ASCII (most lines are): one cell per byte, shown as it is
        std::vector<Cell> cells;  // when not plain
    };
    const LineCells& cells_of_line(std::string_view line) {
        if (line.data() == line_cells_.line.data() && line.size() == line_cells_.line.size()) return line_cells_;
        line_cells_.line = line;
        line_cells_.plain = std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
        line_cells_.cells = line_cells_.plain ? std::vector<Cell>{} : cells_of(line);
        return line_cells_;
    }

    std::ostream& out_;
    const SourceManager& sources_;
    bool color_;
    std::string text_;  // the diagnostic being rendered
    LineCells line_cells_;
};

}  // namespace

void render_text(std::ostream& out, const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                 const RenderOptions& options) {
    TextRenderer renderer(out, sources, options.color);
    for (const Diagnostic& d : diagnostics) renderer.render(d);
}

// ---- JSON -----------------------------------------------------------------------------------

void render_json(std::ostream& out, const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                 const std::vector<HiddenInFile>& hidden) {
    using nlohmann::ordered_json;
    ordered_json list = ordered_json::array();
    for (const Diagnostic& d : diagnostics) {
        ordered_json item;
        item["severity"] = severity_name(d.severity);
        // Usage and I/O errors (exit 2) are about no input, so they have no code.
        if (const std::string_view code = code_name(d.code); code.empty()) {
            item["code"] = nullptr;
        } else {
            item["code"] = code;
        }
        if (has_position(sources, d.span)) {
            const Position end = end_of(sources, d.span);
            item["file"] = sources.file(d.span.file).path;
            item["line"] = sources.position(d.span).line;
            item["column"] = sources.character_column(d.span);
            item["end_line"] = end.line;
            item["end_column"] = end.column;
        } else {
            item["file"] = nullptr;
            item["line"] = 0;
            item["column"] = 0;
            item["end_line"] = 0;
            item["end_column"] = 0;
        }
        item["message"] = d.message;
        item["notes"] = d.notes;
        item["help"] = d.help.empty() ? ordered_json(nullptr) : ordered_json(d.help);
        ordered_json fixes = ordered_json::array();
        for (const FixIt& fix : d.fixes) {
            if (!has_position(sources, fix.span)) continue;
            const Position end = end_of(sources, fix.span);
            ordered_json edit;
            edit["line"] = sources.position(fix.span).line;
            edit["column"] = sources.character_column(fix.span);
            edit["end_line"] = end.line;
            edit["end_column"] = end.column;
            edit["offset"] = fix.span.offset;
            edit["length"] = fix.span.length;
            edit["replacement"] = fix.replacement;
            fixes.push_back(std::move(edit));
        }
        item["fixes"] = std::move(fixes);
        list.push_back(std::move(item));
    }
    ordered_json document;
    document["diagnostics"] = std::move(list);
    if (!hidden.empty()) {
        ordered_json counts = ordered_json::array();
        for (const HiddenInFile& file : hidden) {
            for (const HiddenWarnings& count : file.counts) {
                counts.push_back(ordered_json{{"file", file.file}, {"code", code_name(count.code)}, {"count", count.count}});
            }
        }
        document["hidden_warnings"] = std::move(counts);
    }
    // Messages quote source text, which may not be UTF-8; replace rather than throw.
    out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace reps
