// Durations for hover and inlay hints, as the listener of SPEC 6's one walk (timeline_walk.hpp):
// nothing here adds up time by rules of its own.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "compiler/base/duration_text.hpp"
#include "compiler/timing/timeline_walk.hpp"

namespace reps::lsp {

// Adds up what the walk reports and keeps like parts together, to show how a length came about:
// "3 x 12 reps x 3 s + 2 x 60 s rest = 3:48".
class Tally : public timing::TimelineListener {
public:
    void block_begins(const checked::Block& block, const timing::BlockShape&) override;
    void block_ends(const checked::Block&) override {}
    void work(const timing::Work& work) override;
    void pause(timing::Pause kind, std::int64_t seconds) override;

    std::int64_t total() const { return total_; }
    std::string explanation() const;
    // Where each block began on the clock (its span's offset, the seconds before it), in order.
    const std::vector<std::pair<const checked::Block*, std::int64_t>>& starts() const { return starts_; }

private:
    void add(const std::string& part, std::int64_t seconds);

    std::int64_t total_ = 0;
    std::vector<std::pair<std::string, std::int64_t>> parts_;  // part, how many times
    std::vector<std::pair<const checked::Block*, std::int64_t>> starts_;
};

}  // namespace reps::lsp
