// Every parser message in one table: what was expected where parsing has committed (a must<> rule).
// A rule used inside must<> without a message here fails to compile (see compiler/parse/parse.cpp).
// "{name}" is replaced with the name being parsed (an exercise, a declaration) and "{decl}" with
// the enclosing declaration ("workout 'total_body'").
#pragma once

#include "grammar/grammar.hpp"

namespace reps::grammar {

template< typename Rule >
inline constexpr const char* error_message = nullptr;

// clang-format off
// Rules that cannot fail still need an entry, because must<> names them.
template<> inline constexpr auto error_message< sp > = "unexpected input";
template<> inline constexpr auto error_message< ws > = "unexpected input";
template< typename... Rules > inline constexpr auto error_message< opt< Rules... > > = "unexpected input";
template< typename... Rules > inline constexpr auto error_message< star< Rules... > > = "unexpected input";
template< typename Rule, typename Separator > inline constexpr auto error_message< list_must< Rule, Separator > > = error_message< Rule >;
template< typename Entry, typename Close > inline constexpr auto error_message< block_body< Entry, Close > > = "unexpected input";

template<> inline constexpr auto error_message< statement_end > = "expected the end of the statement (a new line, ';' or '}')";
template<> inline constexpr auto error_message< file_end > = "expected a declaration: import, region, muscle, equipment, exercise, profile, workout or program";
template<> inline constexpr auto error_message< uppercase_in_name > = "expected a lower-case name (a-z, 0-9 and '_')";

template<> inline constexpr auto error_message< escape_code > = "unknown escape '\\{char}' in a string; use \\\" \\\\ or \\n";
template<> inline constexpr auto error_message< raw_control_char > = "a raw control character ({code_point}) cannot stand in a string: it could reach a terminal, a sheet or a calendar";
template<> inline constexpr auto error_message< clock_seconds > = "expected the seconds of m:ss, 00 to 59";
template<> inline constexpr auto error_message< string_body > = "unterminated string: a string ends with '\"' on the same line";

template<> inline constexpr auto error_message< rest_duration > = "expected a rest duration like 90s, 2min or 1:30";
template<> inline constexpr auto error_message< hold_duration > = "expected a hold duration like 2s";
template<> inline constexpr auto error_message< rep_duration > = "expected the seconds per rep, like 3s";
template<> inline constexpr auto error_message< work_duration > = "expected the work duration of each interval, like 20s";
template<> inline constexpr auto error_message< interval_work > = "expected 'WORK on', like '20s on'";
template<> inline constexpr auto error_message< interval_rest > = "expected 'REST off', like '10s off'";
template<> inline constexpr auto error_message< interval_rounds > = "expected the number of intervals, like 'intervals 8 x 20s on 10s off'";
template<> inline constexpr auto error_message< block_duration > = "expected a duration in whole minutes, like 10min";
template<> inline constexpr auto error_message< run_duration > = "expected the run's duration, like 50min";
template<> inline constexpr auto error_message< transition_duration > = "expected a transition duration like 30s";
template<> inline constexpr auto error_message< switch_duration > = "expected a switch duration like 5s";
template<> inline constexpr auto error_message< group_rest_duration > = "expected the rest between rounds, like 90s";

template<> inline constexpr auto error_message< prescription_dose > = "expected a dose like 3x12, 3x8-12, 3x30s or 5min after '{name}'";
template<> inline constexpr auto error_message< sets_amount > = "expected an amount after the sets, like 3x12, 3x8-12, 4x5+ or 3x30s";
template<> inline constexpr auto error_message< progression_target > = "expected the dose the progression ends at, like 2x8 -> 3x12";
template<> inline constexpr auto error_message< step_value > = "expected a step size, like 'step 2' or 'step 10s'";
template<> inline constexpr auto error_message< entry_amount > = "expected an amount like 12, 8-12 or 30s after '{name}' (entries of this block take no SETSx)";

template<> inline constexpr auto error_message< load_value > = "expected a load after '@', like 16kg, 2x10kg, bw, bw+10kg, 70%, rpe 8 or rir 2";
template<> inline constexpr auto error_message< load_bodyweight_extra > = "expected the added mass after 'bw+', like bw+10kg";
template<> inline constexpr auto error_message< rpe_value > = "expected an RPE number, like rpe 8";
template<> inline constexpr auto error_message< rir_value > = "expected a number of reps in reserve, like rir 2";
template<> inline constexpr auto error_message< tempo_value > = "expected a tempo of four phases, like tempo 3-1-1-0 ('x' for explosive)";
template<> inline constexpr auto error_message< alternative_ref > = "expected an exercise name after 'or'";

template<> inline constexpr auto error_message< note_text > = "expected the note's text in quotes, like note \"easy pace\"";
template<> inline constexpr auto error_message< defaults_items > = "expected 'rest D', 'transition D' or 'switch D' after 'defaults'";
template<> inline constexpr auto error_message< focus_targets > = "expected a region name or 'full_body' after 'focus'";
template<> inline constexpr auto error_message< focus_region > = "expected a region name after ','";

template<> inline constexpr auto error_message< group_rounds > = "expected the number of rounds, like 'superset 3 rounds { ... }'";
template<> inline constexpr auto error_message< group_rest > = "unexpected input";
template<> inline constexpr auto error_message< open_brace > = "expected '{' to open the block";
template<> inline constexpr auto error_message< group_close > = "expected an entry like {entry} or '}' to close the block";
template<> inline constexpr auto error_message< misplaced_in_group > = "{found} cannot stand inside {decl}, which holds only exercise entries like {entry}; put it before or after the block";
template<> inline constexpr auto error_message< tabata_exercise > = "expected an exercise name after 'tabata'";
template<> inline constexpr auto error_message< nested_phase > = "a {found} block cannot stand inside {decl}; phases do not nest";
template<> inline constexpr auto error_message< phase_close > = "expected a statement or '}' to close {decl}";
template<> inline constexpr auto error_message< workout_close > = "expected a statement or '}' to close {decl}";

template<> inline constexpr auto error_message< alias_name > = "expected an alias name after 'aka'";
template<> inline constexpr auto error_message< pattern_name > = "expected a movement pattern name, like squat";
template<> inline constexpr auto error_message< muscle_ref > = "expected a muscle name, like quads";
template<> inline constexpr auto error_message< secondary_muscle > = "expected a muscle name, like core";
template<> inline constexpr auto error_message< equipment_expr > = "expected an equipment expression, like 'dumbbell | kettlebell' or 'none'";
template<> inline constexpr auto error_message< equipment_factor > = "expected an equipment name, 'none' or '('";
template<> inline constexpr auto error_message< equipment_term > = "expected an equipment name, 'none' or '('";
template<> inline constexpr auto error_message< close_paren > = "expected ')' to close the parenthesis";
template<> inline constexpr auto error_message< sides_value > = "expected 'both' or 'each' after 'sides'";
template<> inline constexpr auto error_message< measure_value > = "expected 'reps', 'time' or 'reps or time' after 'measure'";
template<> inline constexpr auto error_message< easier_ref > = "expected an exercise name after 'easier'";
template<> inline constexpr auto error_message< harder_ref > = "expected an exercise name after 'harder'";
template<> inline constexpr auto error_message< fit_category > = "expected a FIT exercise category, like 'fit squat / goblet_squat'";
template<> inline constexpr auto error_message< fit_slash > = "expected '/' between the FIT category and exercise name";
template<> inline constexpr auto error_message< fit_name > = "expected a FIT exercise name after '/'";
template<> inline constexpr auto error_message< exercise_close > = "expected an exercise field (aka, pattern, primary, secondary, equipment, sides, measure, rep, easier, harder, fit) or '}' to close {decl}";

template<> inline constexpr auto error_message< import_path > = "expected the imported file's path in quotes, like import \"moves.reps\"";
template<> inline constexpr auto error_message< region_name > = "expected a name for the region, like legs";
template<> inline constexpr auto error_message< muscle_name > = "expected a name for the muscle, like quads";
template<> inline constexpr auto error_message< equipment_name > = "expected a name for the equipment, like kettlebell";
template<> inline constexpr auto error_message< exercise_name > = "expected a name for the exercise, like goblet_squat (lower case, not a keyword)";
template<> inline constexpr auto error_message< profile_name > = "expected a name for the profile, like home";
template<> inline constexpr auto error_message< workout_name > = "expected a name for the workout, like total_body (lower case, not a keyword)";
template<> inline constexpr auto error_message< program_name > = "expected a name for the program, like runner_strength";
template<> inline constexpr auto error_message< muscle_region > = "expected 'in REGION' after muscle '{name}'";
template<> inline constexpr auto error_message< region_ref > = "expected a region name after 'in'";
template<> inline constexpr auto error_message< exercise_title > = "expected the exercise's title in quotes after '{name}', like \"Goblet Squat\"";
template<> inline constexpr auto error_message< profile_items > = "unexpected input";
template<> inline constexpr auto error_message< profile_equipment > = "expected an equipment name after ','";
template<> inline constexpr auto error_message< profile_close > = "expected an equipment name, ',' or '}' to close {decl}";
template<> inline constexpr auto error_message< program_close > = "expected 'start DATE', 'weeks N', 'timezone \"Zone\"', a session like 'tue 17:30 total_body', or '}' to close {decl}";

template<> inline constexpr auto error_message< date > = "expected a date like 2026-12-01";
template<> inline constexpr auto error_message< week_count > = "expected the number of weeks, like weeks 6";
template<> inline constexpr auto error_message< timezone_name > = "expected a time zone name in quotes, like timezone \"Europe/Berlin\"";
template<> inline constexpr auto error_message< time_of_day > = "expected a time of day like 17:30 after the weekday";
template<> inline constexpr auto error_message< session_target > = "expected a workout name or 'run \"title\" DURATION' after the time";
template<> inline constexpr auto error_message< run_title > = "expected the run's title in quotes, like run \"Long run\" 90min";
// clang-format on

}  // namespace reps::grammar
