#include "compiler/driver/lsp/timing.hpp"

#include <fmt/format.h>

namespace reps::lsp {

void Tally::block_begins(const checked::Block& block, const timing::BlockShape&) { starts_.emplace_back(&block, total_); }

void Tally::add(const std::string& part, std::int64_t seconds) {
    total_ += seconds;
    for (auto& [known, count] : parts_) {
        if (known == part) {
            ++count;
            return;
        }
    }
    parts_.emplace_back(part, 1);
}

void Tally::work(const timing::Work& work) {
    std::string part;
    const bool reps = work.kind == timing::Work::Kind::set && work.step != nullptr &&
                      work.step->amount.kind != ast::Amount::Kind::duration && work.entry != nullptr;
    if (reps) {
        part = fmt::format("{} reps x {} s", work.step->amount.upper, work.entry->rep_seconds);
        if (work.entry->sides == checked::SideMode::alt) part += " x 2 sides";
    } else {
        part = fmt::format("{} s", work.seconds);
    }
    add(part, work.seconds);
}

void Tally::pause(timing::Pause kind, std::int64_t seconds) {
    if (seconds == 0) return;
    const char* name = kind == timing::Pause::rest ? "rest" : kind == timing::Pause::switch_ ? "switch" : "transition";
    add(fmt::format("{} s {}", seconds, name), seconds);
}

std::string Tally::explanation() const {
    std::string text;
    for (const auto& [part, count] : parts_) {
        if (!text.empty()) text += " + ";
        text += count == 1 ? part : fmt::format("{} x {}", count, part);
    }
    return (text.empty() ? std::string("0 s") : text) + " = " + clock_text(total_);
}

}  // namespace reps::lsp
