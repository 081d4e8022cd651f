// The language server's framing and its positions: LSP columns count UTF-16 code units.
#include <doctest/doctest.h>

#include "compiler/driver/lsp/json_rpc.hpp"
#include "compiler/driver/lsp/text_lines.hpp"
#include "compiler/driver/lsp/workspace.hpp"

using namespace reps::lsp;

TEST_CASE("lsp framing: whole messages, split anywhere, header names in any case") {
    std::string buffer = "Content-Length: 2\r\n\r\n{}content-length:  7\r\nContent-Type: x\r\n\r\n[1,2,3";
    auto first = take_frame(buffer);
    REQUIRE(first);
    CHECK(first->body == "{}");
    CHECK(first->error.empty());
    CHECK_FALSE(take_frame(buffer));  // six of seven bytes
    buffer += "]";
    auto second = take_frame(buffer);
    REQUIRE(second);
    CHECK(second->body == "[1,2,3]");
    CHECK(buffer.empty());
}

TEST_CASE("lsp framing: a header without Content-Length is an error and is dropped") {
    std::string buffer = "Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}";
    auto bad = take_frame(buffer);
    REQUIRE(bad);
    CHECK_FALSE(bad->error.empty());
    auto good = take_frame(buffer);
    REQUIRE(good);
    CHECK(good->body == "{}");
    std::string nonsense = "Content-Length: 12x\r\n\r\n";
    CHECK_FALSE(take_frame(nonsense)->error.empty());
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
