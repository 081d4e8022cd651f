// Standard output that remembers a failed write, so that `reps` can say so and exit 2.
#pragma once

#include <array>
#include <streambuf>
#include <string>

namespace reps {

// A stream buffer over a file descriptor that keeps the first write error (errno) instead of
// losing it: with std::cout's own buffer, output to a full disk or a closed descriptor was cut
// off silently and the exit status was 0. After an error the rest is dropped.
class CheckedOutput : public std::streambuf {
public:
    explicit CheckedOutput(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    ~CheckedOutput() override;
    CheckedOutput(const CheckedOutput&) = delete;
    CheckedOutput& operator=(const CheckedOutput&) = delete;

    // Writes what is buffered; the first errno of any write so far, 0 when all went out.
    int finish();

protected:
    int_type overflow(int_type c) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;

private:
    bool write_out(const char* data, std::size_t size);
    int fd_;
    int error_ = 0;
    std::array<char, 64 * 1024> buffer_{};
};

// "reps: error: cannot write to stdout: No space left on device" for `error`, or empty when there
// is nothing to say: no error, or EPIPE (the reader left, as with `| head`: quiet, as in other
// Unix tools).
std::string describe_stdout_error(int error);

}  // namespace reps
