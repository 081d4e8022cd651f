#include "compiler/base/text_buffer.hpp"

#include <cassert>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>

#include <sys/mman.h>
#include <unistd.h>

#include "compiler/base/asan.hpp"


namespace reps {
namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;
#if defined(REPS_ASAN)
constexpr bool map_big_buffers = false;  // ASan does not watch mapped pages
#else
constexpr bool map_big_buffers = true;
#endif

}  // namespace

TextBuffer::TextBuffer(std::size_t capacity) : capacity_(capacity) {
    if (map_big_buffers && capacity >= huge_page) {
        // One huge page of slack to align the start on: the kernel backs only aligned 2 MiB runs.
        const std::size_t rounded = (capacity + huge_page - 1) & ~(huge_page - 1);
        void* mapping = ::mmap(nullptr, rounded + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapping != MAP_FAILED) {
            mapping_ = mapping;
            mapped_ = rounded + huge_page;
            const auto address = reinterpret_cast<std::uintptr_t>(mapping);
            data_ = reinterpret_cast<char*>((address + huge_page - 1) & ~(huge_page - 1));
            // Only advice: without huge pages (a kernel that has none) the pages are small ones.
            ::madvise(data_, rounded, MADV_HUGEPAGE);
            return;
        }
    }
    data_ = new char[capacity == 0 ? 1 : capacity];
}

void TextBuffer::set_size(std::size_t size) {
    assert(size <= capacity_);
    size_ = size;
}

void TextBuffer::seal() {
    if (mapping_ == nullptr && data_ != nullptr) REPS_POISON(data_ + size_, capacity_ - size_);
}

int TextBuffer::read_to_end(int fd, std::size_t limit) {
    for (;;) {
        if (size_ == capacity_) grow(capacity_ == 0 ? 4096 : capacity_ * 2);
        const std::size_t room = capacity_ - size_;
        const ssize_t got = ::read(fd, data_ + size_, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return errno;
        if (got == 0) return 0;
        size_ += static_cast<std::size_t>(got);
        if (size_ > limit) return EFBIG;
        // A regular file reads short only at its end: no second read to be told so.
        if (static_cast<std::size_t>(got) < room) return 0;
    }
}

TextBuffer::TextBuffer(TextBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), capacity_(std::exchange(other.capacity_, 0)),
      size_(std::exchange(other.size_, 0)), mapped_(std::exchange(other.mapped_, 0)),
      mapping_(std::exchange(other.mapping_, nullptr)) {}

TextBuffer& TextBuffer::operator=(TextBuffer&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        capacity_ = std::exchange(other.capacity_, 0);
        size_ = std::exchange(other.size_, 0);
        mapped_ = std::exchange(other.mapped_, 0);
        mapping_ = std::exchange(other.mapping_, nullptr);
    }
    return *this;
}

TextBuffer::~TextBuffer() { release(); }

void TextBuffer::grow(std::size_t capacity) {
    if (capacity <= capacity_) return;
    TextBuffer bigger(capacity);
    if (size_ > 0) std::memcpy(bigger.data_, data_, size_);
    bigger.size_ = size_;
    *this = std::move(bigger);
}

void TextBuffer::release() {
    if (mapping_ != nullptr) {
        ::munmap(mapping_, mapped_);
    } else if (data_ != nullptr) {
        REPS_UNPOISON(data_, capacity_);
        delete[] data_;
    }
    data_ = nullptr;
    mapping_ = nullptr;
    capacity_ = size_ = mapped_ = 0;
}

}  // namespace reps
