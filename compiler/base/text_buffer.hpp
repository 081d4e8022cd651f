// A file's bytes, read whole: the buffer a source file is read into and then kept in.
#pragma once

#include <cstddef>
#include <string_view>

namespace reps {

// Room for `capacity` bytes, not zeroed (read() fills what is used). A buffer of 2 MiB or more
// is mapped on its own and asked for huge pages: on a virtual machine the first touch of each
// 4 KiB page costs about 12 us, and a 20 MB file's 5,000 pages were a fifth of checking it.
// Under AddressSanitizer every buffer is on the heap, and seal() poisons the bytes past size(),
// so that a read past the end of a text is caught whatever its size.
class TextBuffer {
public:
    TextBuffer() = default;
    explicit TextBuffer(std::size_t capacity);
    TextBuffer(TextBuffer&& other) noexcept;
    TextBuffer& operator=(TextBuffer&& other) noexcept;
    TextBuffer(const TextBuffer&) = delete;
    TextBuffer& operator=(const TextBuffer&) = delete;
    ~TextBuffer();

    char* data() { return data_; }
    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return size_; }
    void set_size(std::size_t size);  // at most capacity()
    // More room, keeping the first size() bytes.
    void grow(std::size_t capacity);
    // Reads `fd` to its end after the bytes held, with more room as needed (a file that grows
    // while it is read is read on): 0, or an errno (EFBIG once more than `limit` bytes are held).
    int read_to_end(int fd, std::size_t limit);
    std::string_view view() const { return {data_, size_}; }
    // Written for good: under AddressSanitizer, a read of the bytes past size() is reported.
    void seal();

private:
    void release();

    char* data_ = nullptr;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
    std::size_t mapped_ = 0;  // bytes mapped (0: allocated with new)
    void* mapping_ = nullptr;
};

}  // namespace reps
