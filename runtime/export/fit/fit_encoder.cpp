// The FIT record writer and CRC, following the public FIT protocol description: a 14-byte file
// header, normal record headers (bit 6 marks a definition), little-endian multi-byte values.
#include "runtime/export/fit/fit_encoder.hpp"

#include "runtime/export/safe_text.hpp"

#include <stdexcept>

namespace reps::fit {

namespace {

// The nibble table of the FIT protocol's CRC (CRC-16/ARC), processed low nibble first.
constexpr std::uint16_t crc_table[16] = {0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
                                         0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400};

void put_u8(std::string& out, std::uint32_t value) { out.push_back(static_cast<char>(value & 0xFF)); }

void put_le(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) put_u8(out, value >> (8 * i));
}

std::uint32_t invalid_pattern(BaseType type) {
    switch (type) {
        case BaseType::enum_:
        case BaseType::uint8: return 0xFF;
        case BaseType::uint16: return 0xFFFF;
        case BaseType::uint32: return 0xFFFFFFFF;
        case BaseType::uint32z: return 0;
        case BaseType::string: return 0;
    }
    return 0;
}

int width(BaseType type) {
    switch (type) {
        case BaseType::enum_:
        case BaseType::uint8:
        case BaseType::string: return 1;
        case BaseType::uint16: return 2;
        case BaseType::uint32:
        case BaseType::uint32z: return 4;
    }
    return 1;
}

constexpr std::uint8_t definition_bit = 0x40;
constexpr std::uint8_t header_size = 14;
constexpr std::uint8_t protocol_version_2_0 = 0x20;

}  // namespace

std::uint16_t crc16(std::string_view bytes, std::uint16_t crc) {
    for (const char c : bytes) {
        const auto byte = static_cast<std::uint8_t>(c);
        std::uint16_t tmp = crc_table[crc & 0xF];
        crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
        crc = static_cast<std::uint16_t>(crc ^ tmp ^ crc_table[byte & 0xF]);
        tmp = crc_table[crc & 0xF];
        crc = static_cast<std::uint16_t>((crc >> 4) & 0x0FFF);
        crc = static_cast<std::uint16_t>(crc ^ tmp ^ crc_table[(byte >> 4) & 0xF]);
    }
    return crc;
}

void Encoder::define(std::uint8_t local_type, std::uint16_t global_number, std::vector<FieldDefinition> fields) {
    if (local_type > 15) throw std::invalid_argument("FIT local message type above 15");
    if (fields.size() > 255) throw std::invalid_argument("FIT definition with more than 255 fields");
    put_u8(records_, definition_bit | local_type);
    put_u8(records_, 0);  // reserved
    put_u8(records_, 0);  // architecture: little-endian
    put_le(records_, global_number, 2);
    put_u8(records_, static_cast<std::uint32_t>(fields.size()));
    for (const FieldDefinition& field : fields) {
        const bool whole = field.type == BaseType::string || field.size == width(field.type);
        if (field.size == 0 || !whole) throw std::invalid_argument("FIT field size does not fit its base type");
        put_u8(records_, field.number);
        put_u8(records_, field.size);
        put_u8(records_, static_cast<std::uint8_t>(field.type));
    }
    definitions_[local_type] = std::move(fields);
    defined_[local_type] = true;
}

void Encoder::write(std::uint8_t local_type, const std::vector<Value>& values) {
    if (local_type > 15 || !defined_[local_type]) throw std::logic_error("FIT data record before its definition");
    const auto& fields = definitions_[local_type];
    if (values.size() != fields.size()) throw std::logic_error("FIT data record does not match its definition");
    put_u8(records_, local_type);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const FieldDefinition& field = fields[i];
        const Value& value = values[i];
        if (field.type == BaseType::string) {
            // Names and notes come from the user's file: no control character reaches the watch.
            const std::string text =
                std::holds_alternative<std::string>(value) ? without_control_characters(std::get<std::string>(value)) : "";
            if (text.size() >= field.size) throw std::length_error("FIT string longer than its field");
            records_ += text;
            records_.append(field.size - text.size(), '\0');
            continue;
        }
        if (std::holds_alternative<std::string>(value)) throw std::logic_error("FIT text in a numeric field");
        const std::uint32_t number =
            std::holds_alternative<std::uint32_t>(value) ? std::get<std::uint32_t>(value) : invalid_pattern(field.type);
        put_le(records_, number, width(field.type));
    }
}

std::string Encoder::finish() const {
    std::string out;
    put_u8(out, header_size);
    put_u8(out, protocol_version_2_0);
    put_le(out, profile_version_, 2);
    put_le(out, static_cast<std::uint32_t>(records_.size()), 4);
    out += ".FIT";
    put_le(out, crc16(out), 2);
    out += records_;
    put_le(out, crc16(out), 2);
    return out;
}

}  // namespace reps::fit
