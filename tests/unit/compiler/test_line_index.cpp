// LineIndex: line and column of every offset, as a character-by-character count gives them,
// whatever the order of the lookups (forward, back from the cursor, back from the start) and
// wherever the line ends fall in its 16-byte steps.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "compiler/base/line_index.hpp"

namespace {

// Line and column of every offset (and of the end), counted one character at a time.
std::vector<std::pair<std::uint32_t, std::uint32_t>> counted(const std::string& text) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> positions;
    std::uint32_t line = 1, column = 1;
    for (char c : text) {
        positions.emplace_back(line, column);
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    positions.emplace_back(line, column);
    return positions;
}

void check_every_offset(const std::string& text, std::mt19937& random) {
    const auto expected = counted(text);
    const reps::LineIndex index(text);
    std::vector<std::size_t> order(expected.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // In order, as diagnostics are shown, then backwards, then shuffled.
    for (int pass = 0; pass < 3; ++pass) {
        if (pass == 1) std::reverse(order.begin(), order.end());
        if (pass == 2) std::shuffle(order.begin(), order.end(), random);
        for (std::size_t offset : order) {
            const auto at = index.locate(offset);
            INFO("offset " << offset << " of \"" << text << "\"");
            CHECK(at.line == expected[offset].first);
            CHECK(at.column == expected[offset].second);
        }
    }
    // Past the end: as at the end.
    const auto past = index.locate(text.size() + 100);
    CHECK(past.line == expected.back().first);
    CHECK(past.column == expected.back().second);
}

}  // namespace

TEST_CASE("line index: fixed texts") {
    std::mt19937 random(7);
    const std::vector<std::string> texts = {"", "x", "\n", "\n\n\n", "workout w {\n  push_up 3x10\n}\n", "a\r\nb\r\n\r\nc",
                                   std::string(40, 'x') + "\n" + std::string(15, 'y') + "\n\n" + std::string(17, 'z')};
    for (const auto& text : texts) {
        check_every_offset(text, random);
    }
}

TEST_CASE("line index: line ends at every place of the 16-byte steps and 64-byte turns") {
    std::mt19937 random(11);
    for (std::size_t length = 1; length <= 136; ++length) {
        for (std::size_t newline = 0; newline < length; ++newline) {
            std::string text(length, 'a');
            text[newline] = '\n';
            check_every_offset(text, random);
        }
    }
}

TEST_CASE("line index: random texts") {
    std::mt19937 random(3);
    const std::string alphabet = "ab \t\r\n\n#{}";
    for (int round = 0; round < 200; ++round) {
        std::string text(random() % 300, ' ');
        for (char& c : text) c = alphabet[random() % alphabet.size()];
        check_every_offset(text, random);
    }
}

TEST_CASE("line index: long texts, past the 255 steps a byte counter holds") {
    // All line ends is the most a counter takes per step; a mixed text for the rest.
    std::mt19937 random(5);
    std::string mixed(9000, 'a');
    for (char& c : mixed) c = random() % 3 == 0 ? '\n' : 'a';
    for (const std::string& text : {std::string(9000, '\n'), mixed}) {
        const auto expected = counted(text);
        const reps::LineIndex index(text);
        for (std::size_t offset : {std::size_t{4079}, std::size_t{4080}, std::size_t{4081}, std::size_t{8999}, std::size_t{9000},
                                   std::size_t{4097}, std::size_t{17}, std::size_t{8160}, std::size_t{0}, std::size_t{9000}}) {
            const auto at = index.locate(offset);
            INFO("offset " << offset);
            CHECK(at.line == expected[offset].first);
            CHECK(at.column == expected[offset].second);
        }
    }
}

TEST_CASE("line index: lookups that jump to and fro, before and after the table takes over") {
    // As a program's sessions and their workout are lowered week after week: the end, then the
    // start, again and again. Counting would cover the text each time; a table answers after a few.
    std::string text;
    for (int line = 0; line < 3000; ++line) text += "  goblet_squat 3x12 @16kg\n";
    const auto expected = counted(text);
    const reps::LineIndex index(text);
    for (int round = 0; round < 20; ++round) {
        for (std::size_t offset : {text.size() - 5, std::size_t{3}, text.size() / 2 + 7, std::size_t{40}}) {
            INFO("round " << round << ", offset " << offset);
            const auto at = index.locate(offset);
            CHECK(at.line == expected[offset].first);
            CHECK(at.column == expected[offset].second);
        }
    }
}

TEST_CASE("line index: every offset, once the table of 4 KiB blocks answers, at block edges and the end") {
    // Texts of whole blocks and not, lines short and long (one longer than a block).
    for (const std::size_t size : {std::size_t{8192}, std::size_t{8193}, std::size_t{12000}}) {
        std::string text;
        for (std::size_t i = 0; text.size() < size; ++i) {
            text += std::string(i % 7 == 6 ? 5000 : i % 40, 'x');
            text += '\n';
        }
        text.resize(size);
        CAPTURE(size);
        const auto expected = counted(text);
        const reps::LineIndex index(text);
        // Far jumps, until counting has covered twice the text and the table is made.
        for (int i = 0; i < 6; ++i) {
            (void)index.locate(text.size());
            (void)index.locate(0);
        }
        for (std::size_t offset = text.size() + 1; offset-- > 0;) {  // backwards: the cursor does not help
            const auto at = index.locate(offset);
            if (at.line != expected[offset].first || at.column != expected[offset].second) {
                FAIL_CHECK("offset " << offset << ": " << at.line << ":" << at.column << ", expected " << expected[offset].first
                                     << ":" << expected[offset].second);
                break;
            }
        }
    }
}
