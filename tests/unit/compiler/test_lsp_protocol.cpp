// The language server's framing and its positions: LSP columns count UTF-16 code units.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/driver/lsp/json_rpc.hpp"
#include "compiler/driver/lsp/text_lines.hpp"
#include "compiler/driver/lsp/workspace.hpp"

using namespace reps::lsp;

TEST_CASE("lsp framing: whole messages, split anywhere, header names in any case") {
    FrameSplitter splitter;
    splitter.append("Content-Length: 2\r\n\r\n{}content-length:  7\r\nContent-Type: x\r\n\r\n[1,2,3");
    auto first = splitter.take();
    REQUIRE(first);
    CHECK(first->body == "{}");
    CHECK(first->error.empty());
    CHECK_FALSE(splitter.take());  // six of seven bytes
    splitter.append("]");
    auto second = splitter.take();
    REQUIRE(second);
    CHECK(second->body == "[1,2,3]");
    CHECK_FALSE(splitter.take());
}

TEST_CASE("lsp framing: a header without Content-Length is an error and is dropped") {
    FrameSplitter splitter;
    splitter.append("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
    auto bad = splitter.take();
    REQUIRE(bad);
    CHECK_FALSE(bad->error.empty());
    auto good = splitter.take();
    REQUIRE(good);
    CHECK(good->body == "{}");
    FrameSplitter nonsense;
    nonsense.append("Content-Length: 12x\r\n\r\n");
    CHECK_FALSE(nonsense.take()->error.empty());
}

TEST_CASE("lsp framing: after bytes that are no message, the next Content-Length line starts again") {
    const std::string message = R"({"jsonrpc":"2.0","id":5,"method":"foo/x"})";  // 41 bytes
    const std::string framed = "Content-Length: 41\r\n\r\n" + message;
    // Each kind of damage, then a whole message: one error (or a body that is not JSON), then the message.
    const std::pair<std::string, std::string> damaged[] = {
        {"junk before a header", "xyz"},
        {"a junk line before a header", "hello there\r\n\r\n"},
        {"no Content-Length", "Content-Type: foo\r\n\r\n" + message},
        {"Content-Length too small", "Content-Length: 20\r\n\r\n" + message},
        {"Content-Length too large", "Content-Length: 51\r\n\r\n" + message},
        {"a length of 14 digits", "Content-Length: 99999999999999\r\n\r\n{}"},
        {"over the limit", "Content-Length: 2147483648\r\n\r\n{}"},
        {"a header ending in LF only", "Content-Length: 41\n\n" + message},
        {"a header longer than 64 KiB", std::string(70 * 1024, 'x') + "\r\n"},
    };
    for (const auto& [kind, bytes] : damaged) {
        CAPTURE(kind);
        FrameSplitter splitter;
        std::vector<Frame> frames;
        splitter.append(bytes);
        while (auto next = splitter.take()) frames.push_back(std::move(*next));
        splitter.append(framed + framed);
        while (auto next = splitter.take()) frames.push_back(std::move(*next));
        REQUIRE(frames.size() >= 3);
        // Whatever came of the damage, the two whole messages come out whole, last.
        CHECK(frames[frames.size() - 2].body == message);
        CHECK(frames.back().body == message);
        for (std::size_t i = 0; i + 2 < frames.size(); ++i) CHECK((!frames[i].error.empty() || frames[i].body != message));
    }
}

TEST_CASE("lsp framing: the body of a message over the limit is skipped as it arrives") {
    FrameSplitter splitter;
    splitter.append("Content-Length: 90000000\r\n\r\n[\"");
    auto over = splitter.take();
    REQUIRE(over);
    CHECK(over->error == "a message over the limit of 83886080 bytes (80 MiB): refused, and its body skipped");
    // Its body, in pieces, with a line break and a digit in it that are no header.
    for (int piece = 0; piece < 100; ++piece) {
        splitter.append(std::string(100000, 'a') + "\\r\\nContent-Length: 12 \\r\\n");
        CHECK_FALSE(splitter.take());
    }
    splitter.append("\"]\r\n   \r\nContent-Length: 2\r\n\r\n{}");
    auto next = splitter.take();
    REQUIRE(next);
    CHECK(next->error.empty());
    CHECK(next->body == "{}");
}

TEST_CASE("lsp framing: a Content-Length larger than its body gives way to the next header as it arrives") {
    // The body was looked through once it was whole: a length of a million for a short body held
    // the next message back until a million bytes had come. The next header may come cut anywhere.
    const std::string message = R"({"jsonrpc":"2.0","id":5,"method":"foo/x"})";  // 41 bytes
    const std::string framed = "Content-Length: 41\r\n\r\n" + message;
    for (std::size_t cut = 0; cut <= framed.size(); ++cut) {
        CAPTURE(cut);
        FrameSplitter splitter;
        std::vector<Frame> frames;
        for (const std::string& bytes : {"Content-Length: 1000000\r\n\r\n" + message, framed.substr(0, cut), framed.substr(cut)}) {
            splitter.append(bytes);
            while (auto next = splitter.take()) frames.push_back(std::move(*next));
        }
        REQUIRE(frames.size() == 2);
        CHECK(frames[0].error == "a message shorter than its Content-Length (the next header came first)");
        CHECK(frames[1].body == message);
    }
}

TEST_CASE("lsp framing: frame() writes the byte length of the body") {
    const std::string framed = frame(nlohmann::json{{"a", "Ü"}});
    CHECK(framed == "Content-Length: 10\r\n\r\n{\"a\":\"Ü\"}");
}

TEST_CASE("lsp positions: UTF-16 columns over non-ASCII text") {
    const std::string text = "a \"Übung 💪\" b\nzweite\r\nend";
    const TextLines lines(text);
    // "a \"" 3 units, Ü 1, bung 4, space 1, 💪 2: the quote after the emoji is at 11.
    const std::size_t quote = text.find("\" b");
    CHECK(lines.position(quote) == Position{0, 11});
    CHECK(lines.offset(Position{0, 11}) == quote);
    CHECK(lines.offset(Position{0, 10}) == text.find("💪"));  // inside the pair: its start
    CHECK(lines.position(text.find("bung")) == Position{0, 4});
    CHECK(lines.offset(Position{1, 3}) == text.find("ite"));
    CHECK(lines.offset(Position{1, 99}) == text.find("\r\n"));  // past the end: before "\r\n"
    CHECK(lines.offset(Position{7, 0}) == text.size());
    CHECK(lines.position(text.size()) == Position{2, 3});
}

TEST_CASE("lsp positions: a BOM the compiler dropped is one UTF-16 unit on line 0, as the editor has it") {
    // The compiler's text starts after the BOM; the editor's line 0 still holds it, so everything on
    // that line was one column too far left (diagnostics, hovers, ranges sent and received).
    const std::string editor = "\xEF\xBB\xBFworkout w \"Ü\" {\n  plank 3x30s\n}\n";
    const std::string_view compiled = without_byte_order_mark(editor);
    CHECK(compiled == "workout w \"Ü\" {\n  plank 3x30s\n}\n");
    CHECK(without_byte_order_mark("workout") == "workout");
    const TextLines lines(compiled, true);
    CHECK(lines.position(0) == Position{0, 1});  // "workout" starts after the BOM
    CHECK(lines.position(compiled.find('w', 1)) == Position{0, 9});  // the name "w"
    CHECK(lines.position(compiled.find('{')) == Position{0, 15});  // after "Ü": one unit
    CHECK(lines.offset(Position{0, 9}) == compiled.find('w', 1));
    CHECK(lines.offset(Position{0, 1}) == 0);
    CHECK(lines.offset(Position{0, 0}) == 0);  // before the BOM: the start
    CHECK(lines.position(compiled.find("plank")) == Position{1, 2});  // other lines as they were
    CHECK(lines.offset(Position{1, 2}) == compiled.find("plank"));
    // The editor's own text holds the BOM: its positions agree with the compiler's text's.
    const TextLines editor_lines(editor);
    CHECK(editor_lines.position(editor.find('{')) == lines.position(compiled.find('{')));
    // A text that had none counts from 0.
    CHECK(TextLines(compiled).position(0) == Position{0, 0});
}

TEST_CASE("lsp incremental sync: edits in order, ranges in UTF-16") {
    std::string text = "workout w \"💪 Übung\" {\n  plank 3x30s\n}\n";
    apply_edit(text, Range{{0, 14}, {0, 19}}, "Plank");  // "Übung" starts after the emoji (2 units)
    CHECK(text == "workout w \"💪 Plank\" {\n  plank 3x30s\n}\n");
    apply_edit(text, Range{{1, 8}, {1, 13}}, "4x45s");
    CHECK(text == "workout w \"💪 Plank\" {\n  plank 4x45s\n}\n");
    apply_edit(text, Range{{1, 13}, {2, 0}}, "\n  dead_bug 2x8 each\n");  // across a line end
    CHECK(text == "workout w \"💪 Plank\" {\n  plank 4x45s\n  dead_bug 2x8 each\n}\n");
    apply_edit(text, Range{{0, 0}, {0, 0}}, "# ü\n");  // an insertion
    CHECK(text.starts_with("# ü\nworkout"));
}

TEST_CASE("lsp URIs: percent-encoding both ways") {
    CHECK(uri_to_path("file:///tmp/a%20b/%C3%9Cbung.reps") == "/tmp/a b/Übung.reps");
    CHECK(path_to_uri("/tmp/a b/Übung.reps") == "file:///tmp/a%20b/%C3%9Cbung.reps");
    CHECK(uri_to_path("untitled:Untitled-1").empty());
}
