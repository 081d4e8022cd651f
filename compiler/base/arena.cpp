// Arena blocks: doubling in size, so that even a file of many megabytes takes a handful.
#include "compiler/base/arena.hpp"

#include <algorithm>
#include <cstdlib>

namespace reps {
namespace {
constexpr std::size_t first_block_bytes = 256 * 1024;
}

Arena::~Arena() {
    for (const Block& block : blocks_) {
        REPS_UNPOISON(block.data, block.size);
        ::operator delete(block.data, std::align_val_t{alignof(std::max_align_t)});
    }
}

bool Arena::owns(const void* pointer) const {
    const auto* byte = static_cast<const std::byte*>(pointer);
    // Newest first: most lists freed are the ones just made.
    for (auto block = blocks_.rbegin(); block != blocks_.rend(); ++block) {
        if (byte >= block->data && byte < block->data + block->size) return true;
    }
    return false;
}

std::size_t Arena::bytes_in_use() const {
    std::size_t bytes = used_;
    for (std::size_t i = 0; i + 1 < blocks_.size(); ++i) bytes += blocks_[i].size;
    return bytes;
}

void* Arena::allocate_in_new_block(std::size_t bytes, std::size_t alignment) {
    std::size_t size = blocks_.empty() ? first_block_bytes : blocks_.back().size * 2;
    size = std::max(size, bytes + alignment);
    auto* data = static_cast<std::byte*>(::operator new(size, std::align_val_t{alignof(std::max_align_t)}));
    blocks_.push_back(Block{data, size});
    // Under AddressSanitizer, what is not handed out (and all of it after a reset) is poisoned,
    // so that a use of the AST after its file is done is reported.
    REPS_POISON(data, size);
    base_ = data;
    capacity_ = size;
    used_ = 0;
    return allocate(bytes, alignment);
}

void Arena::rewind(const Mark& mark) {
    // Back to before the first block: the largest stays, empty, for what comes next. A streamed
    // file rewinds after each workout, and one that starts with workouts marks before any block:
    // giving the block back made each workout allocate a new one (a tenth of checking a file of
    // one-line workouts).
    if (mark.blocks == 0) {
        reset();
        return;
    }
    // The blocks started after the mark go back (rarely more than one: blocks double in size).
    while (blocks_.size() > mark.blocks) {
        REPS_UNPOISON(blocks_.back().data, blocks_.back().size);
        ::operator delete(blocks_.back().data, std::align_val_t{alignof(std::max_align_t)});
        blocks_.pop_back();
    }
    if (blocks_.empty()) {
        base_ = nullptr;
        capacity_ = used_ = 0;
        return;
    }
    base_ = blocks_.back().data;
    capacity_ = blocks_.back().size;
    REPS_POISON(base_ + mark.used, capacity_ - mark.used);
    used_ = mark.used;
}

void Arena::reset() {
    if (blocks_.empty()) return;
    // Keep the largest block (the last) for the next file; give the rest back.
    for (std::size_t i = 0; i + 1 < blocks_.size(); ++i) {
        REPS_UNPOISON(blocks_[i].data, blocks_[i].size);
        ::operator delete(blocks_[i].data, std::align_val_t{alignof(std::max_align_t)});
    }
    blocks_.erase(blocks_.begin(), blocks_.end() - 1);
    REPS_POISON(blocks_.back().data, blocks_.back().size);
    base_ = blocks_.back().data;
    capacity_ = blocks_.back().size;
    used_ = 0;
}

}  // namespace reps
