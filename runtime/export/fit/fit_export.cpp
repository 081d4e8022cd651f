// Encodes the planned steps as FIT messages. Message, field and enum numbers are those of the
// public FIT profile (file_id = 0, workout = 26, workout_step = 27); tests/fit decodes our files
// with Garmin's SDK to hold them to it.
#include "runtime/export/fit/fit_export.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>

#include "runtime/export/fit/fit_encoder.hpp"
#include "runtime/export/fit/fit_steps.hpp"

namespace reps {

namespace {

using fit::BaseType;
using fit::Invalid;
using fit::Value;

// Profile numbers (FIT profile types file, manufacturer, sport, sub_sport, wkt_step_target).
constexpr std::uint16_t profile_version = 2140;  // 21.40: every field we write is older
constexpr std::uint16_t mesg_file_id = 0;
constexpr std::uint16_t mesg_workout = 26;
constexpr std::uint16_t mesg_workout_step = 27;
constexpr std::uint32_t file_workout = 5;
constexpr std::uint32_t manufacturer_development = 255;
constexpr std::uint32_t sport_training = 10;
constexpr std::uint32_t sub_sport_strength_training = 20;
constexpr std::uint32_t target_open = 2;

constexpr std::int64_t fit_epoch_unix = 631065600;       // 1989-12-31T00:00:00Z
constexpr std::int64_t default_time_created = 1767225600;  // 2026-01-01T00:00:00Z
constexpr std::int64_t smallest_fit_time = 0x10000000;     // below: "seconds since power-on"

std::int64_t time_created_of(const FitOptions& options) {
    if (options.time_created_epoch) return *options.time_created_epoch;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
        const std::string text = epoch;
        const bool number = !text.empty() && text.size() <= 18 &&
                            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!number) {
            throw std::invalid_argument(
                fmt::format("SOURCE_DATE_EPOCH must be a whole number of seconds, not '{}'", text));
        }
        return std::stoll(text);
    }
    return default_time_created;
}

// FNV-1a over everything that makes a workout distinct: a device keeps one workout per file id.
std::uint32_t serial_number(const timeline::Timeline& timeline, const std::vector<fit::Step>& steps) {
    std::uint32_t hash = 2166136261u;
    const auto add = [&](std::string_view text) {
        for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        hash = (hash ^ 0xFFu) * 16777619u;  // a separator, so "ab"+"c" differs from "a"+"bc"
    };
    add(timeline.workout);
    add(timeline.title);
    add(std::to_string(timeline.week));
    for (const fit::Step& step : steps) {
        add(step.name);
        add(step.notes);
        add(fmt::format("{} {} {} {} {} {} {}", static_cast<int>(step.duration), step.duration_value,
                        step.repeat_count.value_or(0), step.exercise ? step.exercise->name_number : 0xFFFF,
                        step.exercise ? step.exercise->category_number : 0xFFFF, step.weight.value_or(0),
                        step.intensity ? static_cast<int>(*step.intensity) : -1));
    }
    return hash == 0 ? 1 : hash;  // uint32z: 0 means "invalid"
}

// A string field holds the longest text plus its NUL.
std::uint8_t text_size(std::size_t longest) {
    return static_cast<std::uint8_t>(std::min<std::size_t>(longest, fit::max_text_bytes) + 1);
}

template <typename T>
Value optional_value(const std::optional<T>& value) {
    if (!value) return Invalid{};
    return static_cast<std::uint32_t>(*value);
}

}  // namespace

FitResult to_fit(const timeline::Timeline& timeline, const FitOptions& options) {
    fit::StepPlan plan = fit::plan_steps(timeline);
    FitResult result;
    result.warnings = std::move(plan.warnings);
    result.warning_origins = std::move(plan.warning_origins);
    const auto& steps = plan.steps;

    std::int64_t created = time_created_of(options) - fit_epoch_unix;
    if (created < smallest_fit_time) {
        result.warnings.push_back("time_created is before 1998-07-04, which FIT cannot date; written as 1998-07-04");
        result.warning_origins.emplace_back();
        created = smallest_fit_time;
    }
    if (created > 0xFFFFFFFE) throw std::invalid_argument("time_created is after 2126, which FIT cannot date");
    if (steps.size() > 0xFFFE) throw std::invalid_argument("a FIT workout holds at most 65534 steps");

    fit::Encoder encoder(profile_version);
    encoder.define(0, mesg_file_id,
                   {{0, 1, BaseType::enum_}, {1, 2, BaseType::uint16}, {2, 2, BaseType::uint16},
                    {3, 4, BaseType::uint32z}, {4, 4, BaseType::uint32}});
    encoder.write(0, {file_workout, manufacturer_development, std::uint32_t{0}, serial_number(timeline, steps),
                      static_cast<std::uint32_t>(created)});

    std::string name = timeline.title.empty() ? timeline.workout : timeline.title;
    if (name.size() > fit::max_text_bytes) {
        std::size_t end = fit::max_text_bytes;
        while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
        name.resize(end);
        result.warnings.push_back(fmt::format("the workout name was cut to {} bytes", fit::max_text_bytes));
        result.warning_origins.emplace_back();
    }
    encoder.define(1, mesg_workout,
                   {{8, text_size(name.size()), BaseType::string}, {4, 1, BaseType::enum_},
                    {11, 1, BaseType::enum_}, {6, 2, BaseType::uint16}});
    encoder.write(1, {name, sport_training, sub_sport_strength_training, static_cast<std::uint32_t>(steps.size())});

    std::size_t longest_name = 0;
    std::size_t longest_notes = 0;
    for (const fit::Step& step : steps) {
        longest_name = std::max(longest_name, step.name.size());
        longest_notes = std::max(longest_notes, step.notes.size());
    }
    encoder.define(2, mesg_workout_step,
                   {{254, 2, BaseType::uint16},
                    {0, text_size(longest_name), BaseType::string},
                    {1, 1, BaseType::enum_},
                    {2, 4, BaseType::uint32},
                    {3, 1, BaseType::enum_},
                    {4, 4, BaseType::uint32},
                    {7, 1, BaseType::enum_},
                    {8, text_size(longest_notes), BaseType::string},
                    {10, 2, BaseType::uint16},
                    {11, 2, BaseType::uint16},
                    {12, 2, BaseType::uint16},
                    {13, 2, BaseType::uint16}});
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const fit::Step& step = steps[i];
        const bool repeat = step.duration == fit::Duration::repeat_until_steps_cmplt;
        encoder.write(2, {static_cast<std::uint32_t>(i), step.name, static_cast<std::uint32_t>(step.duration),
                          step.duration_value, repeat ? Value{Invalid{}} : Value{target_open},
                          optional_value(step.repeat_count), optional_value(step.intensity), step.notes,
                          step.exercise ? Value{std::uint32_t{step.exercise->category_number}} : Value{Invalid{}},
                          step.exercise ? Value{std::uint32_t{step.exercise->name_number}} : Value{Invalid{}},
                          optional_value(step.weight), optional_value(step.weight_unit)});
    }
    result.bytes = encoder.finish();
    return result;
}

}  // namespace reps
