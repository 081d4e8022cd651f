// Writes standard output with write(2) and keeps the first failure for the exit status.
#include "compiler/driver/checked_output.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace reps {

CheckedOutput::~CheckedOutput() { finish(); }

bool CheckedOutput::write_out(const char* data, std::size_t size) {
    while (size > 0 && error_ == 0) {
        const ssize_t written = ::write(fd_, data, size);
        if (written < 0) {
            if (errno != EINTR) error_ = errno;
            continue;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return error_ == 0;
}

int CheckedOutput::finish() {
    sync();
    return error_;
}

int CheckedOutput::sync() {
    const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_out(buffer_.data(), pending) ? 0 : -1;
}

CheckedOutput::int_type CheckedOutput::overflow(int_type c) {
    if (sync() != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

std::streamsize CheckedOutput::xsputn(const char* data, std::streamsize size) {
    const auto count = static_cast<std::size_t>(size);
    if (count <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, count);
        pbump(static_cast<int>(count));
        return size;
    }
    // Larger than what is left: what is buffered goes first, then this straight from the caller.
    if (sync() != 0 || !write_out(data, count)) return 0;
    return size;
}

std::string describe_stdout_error(int error) {
    if (error == 0 || error == EPIPE) return {};
    return std::string("reps: error: cannot write to stdout: ") + std::strerror(error);
}

}  // namespace reps
