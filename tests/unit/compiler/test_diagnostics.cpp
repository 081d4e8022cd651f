// Diagnostics: the registry, collection rules, and the exact text and JSON the renderers print.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/diagnostics/explain.hpp"
#include "compiler/base/source.hpp"

using namespace reps;

namespace {

// A span over the first occurrence of `needle` in file `id`.
SourceSpan span_of(const SourceManager& sources, std::uint32_t id, std::string_view needle, std::uint32_t length = ~0u) {
    const std::string_view text = sources.file(id).text;
    const auto offset = text.find(needle);
    REQUIRE(offset != std::string::npos);
    SourceSpan span;
    span.file = id;
    span.offset = static_cast<std::uint32_t>(offset);
    span.length = length == ~0u ? static_cast<std::uint32_t>(needle.size()) : length;
    return span;
}

std::string text_of(const SourceManager& sources, const std::vector<Diagnostic>& list, bool color = false) {
    std::ostringstream out;
    render_text(out, sources, list, RenderOptions{color});
    return out.str();
}

std::string text_of(const SourceManager& sources, const Diagnostics& diagnostics) {
    return text_of(sources, diagnostics.list());
}

}  // namespace

TEST_CASE("source manager: lines and character columns") {
    SourceManager sources;
    const auto id = sources.add("a.reps", "\xEF\xBB\xBFworkout x {\r\n  \xC3\xA9t\xC3\xA9 3x5\r\nlast");
    CHECK(sources.file(id).text.starts_with("workout"));  // BOM removed
    CHECK(sources.size() == 1);

    const SourceSpan second = span_of(sources, id, "3x5");
    CHECK(sources.line_text(second) == "  \xC3\xA9t\xC3\xA9 3x5");  // no \r
    CHECK(sources.position(second).line == 2);
    CHECK(sources.position(second).column == 9);                    // bytes
    CHECK(sources.character_column(second) == 7);                   // characters

    // Offsets at the end of a line and at the end of the file.
    SourceSpan eol = second;
    eol.offset += 3;  // the '\r'
    CHECK(sources.line_text(eol) == "  \xC3\xA9t\xC3\xA9 3x5");
    SourceSpan eof{id, static_cast<std::uint32_t>(sources.file(id).text.size()), 0};
    CHECK(sources.position(eof).line == 3);
    CHECK(sources.position(eof).column == 5);
    CHECK(sources.line_text(eof) == "last");
    CHECK(sources.character_column(eof) == 5);
    SourceSpan past = eof;
    past.offset += 100;
    CHECK(sources.line_text(past) == "last");
    CHECK(sources.position(past).line == 3);  // past the end: the last line

    // Invalid UTF-8 still counts every byte that is not a continuation byte.
    const auto bad = sources.add("b.reps", "\xFF\xC3x\x80\x80y");
    CHECK(sources.character_column(span_of(sources, bad, "y")) == 4);
    CHECK(sources.line_text(SourceSpan{9, 0, 0}).empty());  // unknown file
    CHECK(sources.position(SourceSpan{9, 0, 0}).line == 0);
    CHECK(sources.position(SourceSpan{}).line == 0);  // no position
}

TEST_CASE("source manager: character columns and line texts asked in any order, across files and lines") {
    // The manager keeps the line asked about last and the column counted on it (many warnings on
    // one long line): every answer must still be what counting from the line's start gives.
    SourceManager sources;
    std::string text = "x\n";
    for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? "\xC3\xA9" "a " : "bb ";
    text += "\r\nlast \xE2\x82\xAC!";
    const auto id = sources.add("a.reps", text);
    const auto other = sources.add("b.reps", "\xC3\xA9\xC3\xA9z");
    const std::string_view kept = sources.file(id).text;
    const auto naive = [&](std::size_t offset) {
        const std::size_t begin = offset == 0 ? 0 : kept.rfind('\n', offset - 1) + 1;
        return static_cast<std::uint32_t>(1 + std::count_if(kept.begin() + static_cast<std::ptrdiff_t>(begin),
                                                            kept.begin() + static_cast<std::ptrdiff_t>(offset),
                                                            [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    std::vector<std::size_t> order;
    for (std::size_t offset = 0; offset <= kept.size(); ++offset) order.push_back(offset);
    std::vector<std::size_t> mixed = order;
    std::reverse(mixed.begin(), mixed.end());
    order.insert(order.end(), mixed.begin(), mixed.end());
    for (std::size_t i = 0; i + 7 < kept.size(); i += 5) order.insert(order.end(), {i + 7, i, i + 3});  // to and fro
    for (const std::size_t offset : order) {
        INFO("offset " << offset);
        const SourceSpan span{id, static_cast<std::uint32_t>(offset), 0};
        CHECK(sources.character_column(span) == naive(offset));
        const std::size_t begin = offset == 0 ? 0 : kept.rfind('\n', offset - 1) + 1;
        std::size_t end = std::min(kept.find('\n', offset), kept.size());
        if (end > begin && kept[end - 1] == '\r') --end;
        CHECK(sources.line_text(span) == kept.substr(begin, end - begin));
        // Another file between two questions: answered on its own, and the memo moves on.
        CHECK(sources.character_column(span_of(sources, other, "z")) == 3);
    }
}

TEST_CASE("render_text: an error with help") {
    SourceManager sources;
    std::string text;
    for (int i = 1; i < 12; ++i) text += "# line\n";
    text += "  goblet_sqat 3x12 @16kg\n";
    const auto id = sources.add("runners.reps", text);
    Diagnostics diagnostics;
    diagnostics.report(Code::E0102, span_of(sources, id, "goblet_sqat"), "unknown exercise 'goblet_sqat'",
                      "did you mean 'goblet_squat'?");
    CHECK(text_of(sources, diagnostics) ==
          "runners.reps:12:3: error[E0102]: unknown exercise 'goblet_sqat'\n"
          "   12 |   goblet_sqat 3x12 @16kg\n"
          "      |   ^~~~~~~~~~~\n"
          "help: did you mean 'goblet_squat'?\n");

    SUBCASE("with colour") {
        CHECK(text_of(sources, diagnostics.list(), true) ==
              "\033[01m\033[Krunners.reps:12:3:\033[m\033[K \033[01;31m\033[Kerror[E0102]:\033[m\033[K "
              "\033[01m\033[Kunknown exercise 'goblet_sqat'\033[m\033[K\n"
              "   12 |   goblet_sqat 3x12 @16kg\n"
              "      |   \033[01;32m\033[K^~~~~~~~~~~\033[m\033[K\n"
              "\033[01;36m\033[Khelp:\033[m\033[K did you mean 'goblet_squat'?\n");
    }
}

TEST_CASE("render_text: tabs are one space so the caret lines up") {
    SourceManager sources;
    const auto id = sources.add("t.reps", "workout w {\n\t\tsquat 3x12 @16kg\n}\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0205, span_of(sources, id, "@16kg"), "load the equipment cannot take");
    CHECK(text_of(sources, diagnostics) ==
          "t.reps:2:14: error[E0205]: load the equipment cannot take\n"
          "    2 |   squat 3x12 @16kg\n"
          "      |              ^~~~~\n");
}

TEST_CASE("render_text: multibyte characters count once") {
    SourceManager sources;
    const auto id = sources.add("u.reps", "note \"\xC3\xA9l\xC3\xA9vation \xE2\x86\x92\" xx\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0001, span_of(sources, id, "xx"), "syntax error");
    CHECK(text_of(sources, diagnostics) ==
          "u.reps:1:20: error[E0001]: syntax error\n"
          "    1 | note \"\xC3\xA9l\xC3\xA9vation \xE2\x86\x92\" xx\n"
          "      |                    ^~\n");

    // A span covering multibyte characters gets one '~' per character, not per byte.
    Diagnostics wide;
    wide.report(Code::E0001, span_of(sources, id, "\xC3\xA9l\xC3\xA9"), "syntax error");
    CHECK(text_of(sources, wide) ==
          "u.reps:1:7: error[E0001]: syntax error\n"
          "    1 | note \"\xC3\xA9l\xC3\xA9vation \xE2\x86\x92\" xx\n"
          "      |       ^~~\n");
}

TEST_CASE("render_text: spans clip to the line, empty spans get a caret") {
    SourceManager sources;
    const auto id = sources.add("s.reps", "workout w {\n  squat 3x12\n}\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0001, span_of(sources, id, "3x12", 40), "too long");
    diagnostics.report(Code::E0001, span_of(sources, id, "3x12", 0), "empty");
    // At the line end (the newline itself): the caret goes one past the last character.
    SourceSpan end = span_of(sources, id, "\n  squat", 1);
    diagnostics.report(Code::E0001, end, "expected '}' to close workout 'w'");
    CHECK(text_of(sources, diagnostics) ==
          "s.reps:2:9: error[E0001]: too long\n"
          "    2 |   squat 3x12\n"
          "      |         ^~~~\n"
          "s.reps:2:9: error[E0001]: empty\n"
          "    2 |   squat 3x12\n"
          "      |         ^\n"
          "s.reps:1:12: error[E0001]: expected '}' to close workout 'w'\n"
          "    1 | workout w {\n"
          "      |            ^\n");
}

TEST_CASE("render_text: a warning with notes, a wide line number, no position") {
    SourceManager sources;
    std::string text(123455, '\n');
    text += "split_squat 3x8\n";
    const auto id = sources.add("long.reps", text);
    Diagnostics diagnostics;
    Diagnostic& w = diagnostics.report(Code::W0101, span_of(sources, id, "split_squat"), "assuming each side",
                                        "write 'each' or 'alt'");
    w.notes.push_back("'split_squat' is declared 'sides each'");
    diagnostics.report(Code::E0402, SourceSpan{}, "nothing to build: the file has no workout or program");
    CHECK(text_of(sources, diagnostics) ==
          "long.reps:123456:1: warning[W0101]: assuming each side\n"
          " 123456 | split_squat 3x8\n"
          "        | ^~~~~~~~~~~\n"
          "note: 'split_squat' is declared 'sides each'\n"
          "help: write 'each' or 'alt'\n"
          "reps: error[E0402]: nothing to build: the file has no workout or program\n");
    CHECK(text_of(sources, diagnostics.list(), true).find("\033[01;35m\033[Kwarning[W0101]:\033[m\033[K") !=
          std::string::npos);
    CHECK(diagnostics.error_count() == 1);
    CHECK(diagnostics.warning_count() == 1);
}

TEST_CASE("render_text: control bytes and invalid UTF-8 are shown as '?'") {
    SourceManager sources;
    const auto id = sources.add("c.reps", "a\033[31m b\xFF\xE2\x80 c\r d\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0002, span_of(sources, id, "\xFF", 1), "invalid UTF-8 \033[2J");
    CHECK(text_of(sources, diagnostics) ==
          "c.reps:1:9: error[E0002]: invalid UTF-8 ?[2J\n"
          "    1 | a?[31m b?? c? d\n"
          "      |         ^\n");
}

TEST_CASE("render_text: long lines show a window around the caret") {
    SourceManager sources;
    const std::string line = std::string(300, 'a') + "HERE" + std::string(300, 'b');
    const auto id = sources.add("w.reps", line + "\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0003, span_of(sources, id, "HERE"), "here");
    const std::string shown = "..." + std::string(60, 'a') + "HERE" + std::string(96, 'b') + "...";
    CHECK(text_of(sources, diagnostics) ==
          "w.reps:1:301: error[E0003]: here\n"
          "    1 | " + shown + "\n"
          "      | " + std::string(63, ' ') + "^~~~\n");

    // Near the start no leading "...", and a span running past the window stops at its edge.
    Diagnostics start;
    start.report(Code::E0003, SourceSpan{id, 2, 500}, "start");
    CHECK(text_of(sources, start) ==
          "w.reps:1:3: error[E0003]: start\n"
          "    1 | " + std::string(160, 'a') + "...\n"
          "      |   ^" + std::string(157, '~') + "\n");
}

TEST_CASE("diagnostics: werror and suppression") {
    SourceManager sources;
    const auto id = sources.add("x.reps", "lunge 3x8\n");
    const SourceSpan span = span_of(sources, id, "lunge");

    Diagnostics werror;
    werror.set_werror(true);
    werror.report(Code::W0101, span, "assuming each side");
    REQUIRE(werror.list().size() == 1);
    CHECK(werror.list()[0].severity == Severity::error);
    CHECK(code_name(werror.list()[0].code) == "W0101");
    CHECK(werror.has_errors());
    CHECK(werror.warning_count() == 0);
    CHECK(text_of(sources, werror).starts_with("x.reps:1:1: error[W0101]: assuming each side\n"));

    Diagnostics suppressed;
    suppressed.set_werror(true);
    suppressed.set_suppressed({"w0101"});
    suppressed.report(Code::W0101, span, "assuming each side").notes.push_back("goes nowhere");
    suppressed.report(Code::W0102, span, "unused modifier");
    Diagnostic lint{Severity::warning, Code::W0101, span, "added directly", {}, {}, {}};
    suppressed.add(lint);
    // What a phase asks before working out a message.
    CHECK_FALSE(suppressed.wanted(Code::W0101));
    CHECK(suppressed.wanted(Code::W0102));
    CHECK(Diagnostics().wanted(Code::W0101));
    suppressed.set_suppressed({"E0102"});  // errors cannot be suppressed
    CHECK(suppressed.wanted(Code::E0102));
    suppressed.report(Code::E0102, span, "unknown exercise");
    REQUIRE(suppressed.list().size() == 2);
    CHECK(code_name(suppressed.list()[0].code) == "W0102");
    CHECK(code_name(suppressed.list()[1].code) == "E0102");
    CHECK(suppressed.error_count() == 2);
}

TEST_CASE("diagnostics: a warning limit keeps the first warnings and counts the rest by code") {
    Diagnostics diagnostics;
    diagnostics.set_warning_limit(2);
    diagnostics.report(Code::W0201, SourceSpan{0, 10, 1}, "kept 1");
    diagnostics.report(Code::E0102, SourceSpan{0, 11, 1}, "an error is never limited");
    diagnostics.report(Code::W0205, SourceSpan{0, 20, 1}, "kept 2");
    diagnostics.report(Code::W0205, SourceSpan{0, 30, 1}, "hidden");
    // A later phase adding to a hidden warning gets a diagnostic that goes nowhere.
    diagnostics.report(Code::W0201, SourceSpan{0, 40, 1}, "hidden").notes.push_back("nowhere");
    diagnostics.report(Code::W0205, SourceSpan{0, 50, 1}, "hidden");
    diagnostics.report(Code::E0102, SourceSpan{0, 60, 1}, "past the limit of warnings, errors are kept");
    std::vector<std::string> kept;
    for (const Diagnostic& d : diagnostics.list()) kept.push_back(d.message);
    CHECK(kept == std::vector<std::string>{"kept 1", "an error is never limited", "kept 2",
                                           "past the limit of warnings, errors are kept"});
    CHECK(diagnostics.warning_count() == 2);
    CHECK(diagnostics.error_count() == 2);
    CHECK(diagnostics.hidden_warning_count() == 3);
    // By code, in the registry's order.
    REQUIRE(diagnostics.hidden_warnings().size() == 2);
    CHECK(diagnostics.hidden_warnings()[0].code == Code::W0201);
    CHECK(diagnostics.hidden_warnings()[0].count == 1);
    CHECK(diagnostics.hidden_warnings()[1].code == Code::W0205);
    CHECK(diagnostics.hidden_warnings()[1].count == 2);

    // --werror: they are errors, which the limit does not apply to.
    Diagnostics werror;
    werror.set_werror(true);
    werror.set_warning_limit(1);
    for (std::uint32_t i = 0; i < 3; ++i) werror.report(Code::W0101, SourceSpan{0, i, 1}, "each");
    CHECK(werror.error_count() == 3);
    CHECK(werror.hidden_warning_count() == 0);
    // Without a limit every warning is kept.
    Diagnostics all;
    for (std::uint32_t i = 0; i < 3000; ++i) all.report(Code::W0101, SourceSpan{0, i, 1}, "each");
    CHECK(all.warning_count() == 3000);
    CHECK(all.hidden_warning_count() == 0);
}

TEST_CASE("diagnostics: the warnings kept are the first by position, in whatever order they were reported") {
    // Reported last to first (a lint pass reports by date): the list keeps at most twice the limit,
    // and the three first by position stay.
    Diagnostics reversed;
    reversed.set_warning_limit(3);
    for (std::uint32_t i = 20; i-- > 0;) {
        reversed.report(Code::W0101, SourceSpan{0, i * 10, 1}, "at " + std::to_string(i * 10));
        CHECK(reversed.warning_count() <= 6);
    }
    // Warnings about the command line (no position) are never limited.
    reversed.report(Code::W0302, SourceSpan{}, "read as UTC");
    reversed.sort_by_position();
    reversed.limit_warnings();
    std::vector<std::string> kept;
    for (const Diagnostic& d : reversed.list()) kept.push_back(d.message);
    CHECK(kept == std::vector<std::string>{"at 0", "at 10", "at 20", "read as UTC"});
    CHECK(reversed.hidden_warning_count() == 17);

    // Two phases report in the file's order into lists of their own (as the streamed check's
    // workout lints and checker do); the main list gets reports of its own after taking both.
    Diagnostics main;
    main.set_warning_limit(3);
    Diagnostics checker = main.with_same_settings();
    Diagnostics lints = main.with_same_settings();
    for (std::uint32_t workout = 0; workout < 10; ++workout) {
        checker.report(Code::W0101, SourceSpan{0, workout * 100 + 20, 1}, "W0101 " + std::to_string(workout));
        lints.report(Code::W0201, SourceSpan{0, workout * 100, 1}, "W0201 " + std::to_string(workout));
    }
    CHECK(checker.warning_count() <= 6);
    main.append(std::move(checker));
    main.append(std::move(lints));
    for (std::uint32_t workout = 10; workout-- > 0;) {
        main.report(Code::W0205, SourceSpan{0, workout * 100 + 10, 1}, "W0205 " + std::to_string(workout));
    }
    main.sort_by_position();
    main.limit_warnings();
    kept.clear();
    for (const Diagnostic& d : main.list()) kept.push_back(d.message);
    CHECK(kept == std::vector<std::string>{"W0201 0", "W0205 0", "W0101 0"});
    CHECK(main.hidden_warning_count() == 27);
    REQUIRE(main.hidden_warnings().size() == 3);
    for (const HiddenWarnings& hidden : main.hidden_warnings()) CHECK(hidden.count == 9);
}

TEST_CASE("diagnostics: the warning kept when keeping it drops others is the one report hands back") {
    Diagnostics diagnostics;
    diagnostics.set_warning_limit(1);
    diagnostics.report(Code::W0101, SourceSpan{0, 30, 1}, "third");
    diagnostics.report(Code::W0101, SourceSpan{0, 20, 1}, "second");
    // Twice the limit: this report first drops the warnings past it, then keeps this one.
    diagnostics.report(Code::W0104, SourceSpan{0, 10, 1}, "first").notes.push_back("its note");
    diagnostics.sort_by_position();
    diagnostics.limit_warnings();
    REQUIRE(diagnostics.list().size() == 1);
    CHECK(diagnostics.list()[0].message == "first");
    CHECK(diagnostics.list()[0].notes == std::vector<std::string>{"its note"});
    CHECK(diagnostics.hidden_warning_count() == 2);
}

TEST_CASE("diagnostics: report_or_count tells a phase whether to report a warning, and counts one it need not") {
    Diagnostics diagnostics;
    diagnostics.set_warning_limit(1);
    diagnostics.set_allowed([](const Diagnostic& d) { return d.span.offset == 5; });
    CHECK_FALSE(diagnostics.report_or_count(Code::W0201, SourceSpan{0, 5, 1}));  // allowed: dropped, not counted
    CHECK(diagnostics.report_or_count(Code::W0201, SourceSpan{0, 10, 1}));
    diagnostics.report(Code::W0201, SourceSpan{0, 10, 1}, "kept");
    diagnostics.report(Code::W0201, SourceSpan{0, 20, 1}, "past the limit");
    diagnostics.report(Code::W0201, SourceSpan{0, 30, 1}, "cuts the list to the limit");
    CHECK(diagnostics.hidden_warning_count() == 2);
    // After the limit's bound: counted now, and the phase reports nothing.
    CHECK_FALSE(diagnostics.report_or_count(Code::W0201, SourceSpan{0, 40, 1}));
    CHECK(diagnostics.hidden_warning_count() == 3);
    // Before it: kept.
    CHECK(diagnostics.report_or_count(Code::W0201, SourceSpan{0, 1, 1}));
    CHECK(diagnostics.report_or_count(Code::E0102, SourceSpan{0, 40, 1}));  // an error is always kept
    diagnostics.set_suppressed({"W0201"});
    CHECK_FALSE(diagnostics.report_or_count(Code::W0201, SourceSpan{0, 1, 1}));
    Diagnostics werror;
    werror.set_werror(true);
    werror.set_warning_limit(1);
    for (std::uint32_t i = 3; i-- > 0;) CHECK(werror.report_or_count(Code::W0201, SourceSpan{0, i, 1}));
    CHECK(diagnostics.hidden_warning_count() == 3);
}

TEST_CASE("diagnostics: while a phase holds positions in the list, nothing is dropped for the limit") {
    Diagnostics diagnostics;
    diagnostics.set_warning_limit(1);
    diagnostics.hold_positions(true);
    for (std::uint32_t i = 10; i-- > 0;) diagnostics.report(Code::W0101, SourceSpan{0, i, 1}, "each");
    CHECK(diagnostics.warning_count() == 10);
    diagnostics.hold_positions(false);  // then cut to the limit
    REQUIRE(diagnostics.warning_count() == 1);
    CHECK(diagnostics.list()[0].span.offset == 0);
    CHECK(diagnostics.hidden_warning_count() == 9);
}

TEST_CASE("diagnostics: an allowed warning takes no place in the limit and is not counted") {
    Diagnostics diagnostics;
    diagnostics.set_warning_limit(1);
    diagnostics.set_allowed([](const Diagnostic& d) { return d.span.offset < 5; });
    diagnostics.report(Code::W0201, SourceSpan{0, 1, 1}, "allowed");
    diagnostics.report(Code::W0201, SourceSpan{0, 7, 1}, "kept");
    diagnostics.report(Code::W0201, SourceSpan{0, 2, 1}, "allowed");
    diagnostics.report(Code::W0201, SourceSpan{0, 9, 1}, "hidden");
    diagnostics.sort_by_position();
    diagnostics.limit_warnings();
    REQUIRE(diagnostics.warning_count() == 1);
    CHECK(diagnostics.list()[0].message == "kept");
    CHECK(diagnostics.hidden_warning_count() == 1);
    // The lists of a phase (with_same_settings) ask the same.
    Diagnostics phase = diagnostics.with_same_settings();
    phase.report(Code::W0201, SourceSpan{0, 2, 1}, "allowed");
    CHECK(phase.warning_count() == 0);
    CHECK(phase.hidden_warning_count() == 0);
}

TEST_CASE("diagnostics: sort by file, line, column, no position last") {
    SourceManager sources;
    sources.add("a.reps", "x\ny\n");
    sources.add("b.reps", "z\n");
    Diagnostics diagnostics;
    diagnostics.report(Code::E0001, SourceSpan{1, 0, 1}, "b1");
    diagnostics.report(Code::E0402, SourceSpan{}, "none1");
    diagnostics.report(Code::E0001, SourceSpan{0, 2, 1}, "a2");
    diagnostics.report(Code::W0101, SourceSpan{0, 0, 1}, "a1 first");
    diagnostics.report(Code::E0402, SourceSpan{}, "none2");
    diagnostics.report(Code::E0001, SourceSpan{0, 0, 1}, "a1 second");
    diagnostics.sort_by_position();
    std::vector<std::string> order;
    for (const Diagnostic& d : diagnostics.list()) order.push_back(d.message);
    CHECK(order == std::vector<std::string>{"a1 first", "a1 second", "a2", "b1", "none1", "none2"});
    CHECK(diagnostics.error_count() == 5);
}

TEST_CASE("diagnostics: sorting many, in long cycles and with ties, keeps insertion order among equals") {
    // Each diagnostic is moved once, following the cycles of the sorting permutation: compared
    // with the order a stable sort gives (position, then the order reported in).
    Diagnostics diagnostics;
    std::vector<std::pair<std::uint32_t, std::string>> expected;
    std::uint32_t state = 12345;
    for (int i = 0; i < 2000; ++i) {
        state = state * 1103515245u + 12345u;
        const std::uint32_t offset = (state >> 16) % 300;  // many ties
        const std::string message = std::to_string(i);
        diagnostics.report(Code::W0101, SourceSpan{0, offset, 1}, message);
        expected.emplace_back(offset, message);
    }
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    diagnostics.sort_by_position();
    REQUIRE(diagnostics.list().size() == expected.size());
    bool same = true;
    for (std::size_t i = 0; i < expected.size(); ++i) same = same && diagnostics.list()[i].message == expected[i].second;
    CHECK(same);
    diagnostics.sort_by_position();  // sorted already: unchanged
    CHECK(diagnostics.list().front().message == expected.front().second);
    CHECK(diagnostics.list().back().message == expected.back().second);
}

TEST_CASE("render_json: the same data as one document") {
    SourceManager sources;
    const auto id = sources.add("j.reps", "\xC3\xA9 goblet_sqat 3x12\nnext\n");
    Diagnostics diagnostics;
    Diagnostic& d = diagnostics.report(Code::E0102, span_of(sources, id, "goblet_sqat"), "unknown exercise 'goblet_sqat'",
                                      "did you mean 'goblet_squat'?");
    d.notes.push_back("a note");
    diagnostics.report(Code::W0101, span_of(sources, id, "3x12\nne"), "spans two lines");
    diagnostics.report(Code::E0402, SourceSpan{}, "nothing to build");
    std::ostringstream out;
    render_json(out, sources, diagnostics.list());
    CHECK(out.str() == R"({
  "diagnostics": [
    {
      "severity": "error",
      "code": "E0102",
      "file": "j.reps",
      "line": 1,
      "column": 3,
      "end_line": 1,
      "end_column": 14,
      "message": "unknown exercise 'goblet_sqat'",
      "notes": [
        "a note"
      ],
      "help": "did you mean 'goblet_squat'?",
      "fixes": []
    },
    {
      "severity": "warning",
      "code": "W0101",
      "file": "j.reps",
      "line": 1,
      "column": 15,
      "end_line": 2,
      "end_column": 3,
      "message": "spans two lines",
      "notes": [],
      "help": null,
      "fixes": []
    },
    {
      "severity": "error",
      "code": "E0402",
      "file": null,
      "line": 0,
      "column": 0,
      "end_line": 0,
      "end_column": 0,
      "message": "nothing to build",
      "notes": [],
      "help": null,
      "fixes": []
    }
  ]
}
)");

    std::ostringstream empty;
    render_json(empty, sources, {});
    CHECK(empty.str() == "{\n  \"diagnostics\": []\n}\n");
}

TEST_CASE("registry: every code is unique and explained") {
    const std::vector<CodeInfo> codes = all_codes();
    REQUIRE(codes.size() >= 30);
    std::set<std::string_view> seen;
    for (const CodeInfo& info : codes) {
        CAPTURE(info.code);
        CHECK(seen.insert(info.code).second);
        CHECK(info.code.size() == 5);
        CHECK((info.code[0] == 'E') == (info.severity == Severity::error));
        CHECK(!info.summary.empty());
        CHECK(!info.explanation.empty());
        CHECK(find_code(info.code) != nullptr);
    }
    CHECK(find_code("E0102")->summary == "unknown exercise");
    CHECK(find_code("W0101")->severity == Severity::warning);
    CHECK(find_code("E9999") == nullptr);
}

TEST_CASE("explain: prints the registry entry") {
    std::ostringstream out, err;
    CHECK(explain("E0304", out, err) == 0);
    CHECK(out.str() ==
          "E0304 (error): rest of zero\n\n"
          "A rest lasts at least 1s (a transition or a switch may be 0s). A `rest` statement between blocks may be left "
          "out: two blocks are then one transition apart, none after `defaults transition 0s`. A prescription's `rest` "
          "left out is the default rest (an `or` alternative's: the prescription's); a superset's or circuit's, the "
          "default rest between rounds. The `off` of intervals is always written.\n");
    CHECK(err.str().empty());

    std::ostringstream lower, lower_err;
    CHECK(explain("w0101", lower, lower_err) == 0);
    CHECK(lower.str().starts_with("W0101 (warning): assuming each side\n\nThe exercise is unilateral"));

    // An explanation ending in an example block ends with exactly one newline.
    std::ostringstream example, example_err;
    CHECK(explain("E0102", example, example_err) == 0);
    CHECK(example.str().ends_with("# did you mean 'goblet_squat'?\n"));
    CHECK(!example.str().ends_with("\n\n"));

    // Without its letter, every code of the number: E0205 and W0205, a blank line between them.
    std::ostringstream number, number_err;
    CHECK(explain("0205", number, number_err) == 0);
    CHECK(number.str().starts_with("E0205 (error): load the equipment cannot take\n\n"));
    CHECK(number.str().find("\n\nW0205 (warning): session length\n\n") != std::string::npos);
    CHECK(number_err.str().empty());
    std::ostringstream w0205, w0205_err;
    CHECK(explain("W0205", w0205, w0205_err) == 0);
    CHECK(number.str().ends_with(w0205.str()));

    std::ostringstream none, none_err;
    CHECK(explain("E9999", none, none_err) == 2);
    CHECK(none.str().empty());
    CHECK(none_err.str() == "reps: error: unknown diagnostic code 'E9999'; codes look like E0102 or W0101, and `reps explain` lists them all\n");
    std::ostringstream digits, digits_err;
    CHECK(explain("9999", digits, digits_err) == 2);
    CHECK(digits_err.str().starts_with("reps: error: unknown diagnostic code '9999'"));
}

TEST_CASE("explain: list_codes prints every code of the registry with its summary") {
    std::ostringstream out;
    list_codes(out);
    const std::string text = out.str();
    std::size_t lines = 0;
    for (const CodeInfo& info : all_codes()) {
        CHECK(text.find(std::string(info.code) + "  " + std::string(info.summary) + "\n") != std::string::npos);
        ++lines;
    }
    CHECK(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) == lines);
    CHECK(text.starts_with("E0001  syntax error\n"));
}
