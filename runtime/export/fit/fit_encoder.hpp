// The low-level FIT writer: file header, definition and data records, and the FIT CRC-16.
// It knows the FIT protocol (2.0, little-endian) but nothing of workouts; fit_export.cpp says
// which messages and fields to write. Holds no text of Garmin's SDK, only protocol numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reps::fit {

// The FIT CRC-16 (CRC-16/ARC: reflected polynomial 0x8005, initial value 0), continued from `crc`.
std::uint16_t crc16(std::string_view bytes, std::uint16_t crc = 0);

// Base type bytes of a field definition (bit 7 set for multi-byte types).
enum class BaseType : std::uint8_t {
    enum_ = 0x00,
    uint8 = 0x02,
    string = 0x07,
    uint16 = 0x84,
    uint32 = 0x86,
    uint32z = 0x8C,
};

struct FieldDefinition {
    std::uint8_t number = 0;  // field number within the global message
    std::uint8_t size = 0;    // bytes; strings are padded with NUL to this size
    BaseType type = BaseType::uint8;
};

// A field's value in a data message. Invalid (monostate) writes the base type's "invalid"
// pattern, which decoders treat as "field absent".
struct Invalid {};
using Value = std::variant<Invalid, std::uint32_t, std::string>;

// Builds a FIT file in memory: define a local message type, then write data messages that use it.
class Encoder {
public:
    explicit Encoder(std::uint16_t profile_version) : profile_version_(profile_version) {}

    // A definition record for `local_type` (0-15); later data records of that type follow it.
    void define(std::uint8_t local_type, std::uint16_t global_number, std::vector<FieldDefinition> fields);

    // A data record; `values` are in the order of the definition's fields. A string longer than
    // its field minus the NUL terminator throws std::length_error (callers truncate first).
    void write(std::uint8_t local_type, const std::vector<Value>& values);

    // The whole file: 14-byte header (with its CRC), the records, and the file CRC.
    std::string finish() const;

private:
    std::uint16_t profile_version_;
    std::vector<std::vector<FieldDefinition>> definitions_ = std::vector<std::vector<FieldDefinition>>(16);
    std::vector<bool> defined_ = std::vector<bool>(16, false);
    std::string records_;
};

}  // namespace reps::fit
