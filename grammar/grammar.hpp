// The Reps grammar (SPEC sections 1-4 and 7) as PEGTL rules, one struct per rule.
// Included by exactly one translation unit that parses (compiler/parse/parse.cpp) and by the grammar tests.
// The hand-written scanners these rules use are in grammar/lexical.hpp.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/lexical.hpp"

namespace reps::grammar {

using namespace tao::pegtl;

// clang-format off

// ---- Lexical --------------------------------------------------------------------------------

// comment = '#' { any character but a newline }
struct comment : seq< one< '#' >, star< not_one< '\n' > > > {};
// A carriage return counts as white space, so CRLF line ends work like LF.
struct blank : one< ' ', '\t', '\r' > {};
// sp = { blank | comment }: white space within a statement (never crosses a line end).
struct sp : blank_run< false, false > {};
// seps = { blank | comment | '\n' | ';' }: white space between statements.
struct seps : blank_run< true, true > {};
// ws = { blank | comment | '\n' }: white space inside a bracketed list, which may span lines.
struct ws : blank_run< true, false > {};
// A statement ends at a line end, a ';', the '}' closing its block, or the end of the file.
struct statement_end : sor< one< '\n', ';' >, at< one< '}' > >, eof > {};

struct name_char : ranges< 'a', 'z', '0', '9', '_' > {};
// Names are lower case; an upper-case letter inside one is an error rather than the end of the name.
struct uppercase_in_name : seq< at< ranges< 'A', 'Z' > >, raise< uppercase_in_name > > {};
struct name_chars : seq< range< 'a', 'z' >, star< name_char >, opt< uppercase_in_name > > {};

// kw_WORD for each reserved word (grammar/keywords.def).
#define REPS_KEYWORD( word ) struct kw_##word : TAO_PEGTL_KEYWORD( #word ) {};
#include "grammar/keywords.def"
#undef REPS_KEYWORD

// keyword = any reserved word. sor_after_first< void, A, B, ... > is sor< A, B, ... >: the list
// expands to ', kw_WORD' per word, so it needs a first element to follow.
template< typename First, typename... Rules >
struct sor_after_first : sor< Rules... > {};
struct keyword : sor_after_first< void
#define REPS_KEYWORD( word ) , kw_##word
#include "grammar/keywords.def"
#undef REPS_KEYWORD
> {};

// identifier = [a-z] { [a-z0-9_] } - keyword
struct identifier : seq< name_word, opt< uppercase_in_name > > {};

// One rule per place a name stands, so actions and messages know the context.
struct region_name : identifier {};
struct muscle_name : identifier {};
struct equipment_name : identifier {};
struct exercise_name : identifier {};
struct profile_name : identifier {};
struct workout_name : identifier {};
struct program_name : identifier {};
struct region_ref : identifier {};
struct muscle_ref : identifier {};
struct equipment_ref : identifier {};
struct exercise_ref : identifier {};
struct alias_name : identifier {};
struct pattern_name : identifier {};
struct easier_ref : identifier {};
struct harder_ref : identifier {};
struct fit_category : name_chars {};
struct fit_name : name_chars {};
struct alternative_ref : identifier {};
struct tabata_exercise : identifier {};
struct interval_exercise : identifier {};
struct entry_exercise : identifier {};
struct prescription_exercise : identifier {};
struct focus_region : identifier {};
struct session_workout : identifier {};
struct profile_equipment : identifier {};

// string = '"' { char | '\' ( '"' | '\' | 'n' ) } '"'   (on one line)
struct escape_code : one< '"', '\\', 'n' > {};
struct escaped : if_must< one< '\\' >, escape_code > {};
// A raw control character (U+0000-U+001F but tab and the line ends, and U+007F) is an error in a
// string: it could reach a terminal, a sheet or a calendar (SPEC section 1).
struct raw_control_char : seq< at< ranges< '\x00', '\x08', '\x0B', '\x0C', '\x0E', '\x1F', '\x7F' > >, raise< raw_control_char > > {};
struct string_char : sor< escaped, raw_control_char, not_one< '\n', '\r', '\\', '"' > > {};
struct string_close : one< '"' > {};
struct string_body : seq< star< string_char >, string_close > {};
struct string_literal : if_must< one< '"' >, string_body > {};

struct title : string_literal {};
struct exercise_title : string_literal {};
struct cue : string_literal {};
struct note_text : string_literal {};
struct import_path : string_literal {};
struct timezone_name : string_literal {};
struct run_title : string_literal {};


struct integer : plus< digit > {};
struct decimal : seq< plus< digit >, opt< one< '.' >, plus< digit > > > {};

// duration = clock | [n 'h'] [n 'min'] [n 's']  (at least one part, largest first)
struct duration_hours : seq< plus< digit >, one< 'h' > > {};
struct duration_minutes : seq< plus< digit >, string< 'm', 'i', 'n' > > {};
struct duration_seconds : seq< plus< digit >, one< 's' > > {};
// clock = n ':' [0-5] digit: once a ':' follows the minutes, the seconds must be 00-59.
struct clock_seconds : seq< range< '0', '5' >, digit > {};
struct duration_clock : seq< plus< digit >, one< ':' >, must< clock_seconds > > {};
struct duration : seq< after_digits< when_next< duration_clock, ':' >,
                                     when_next< seq< duration_hours, opt< duration_minutes >, opt< duration_seconds > >, 'h' >,
                                     when_next< seq< duration_minutes, opt< duration_seconds > >, 'm' >,
                                     when_next< duration_seconds, 's' > >,
                       not_at< identifier_other > > {};

// Durations in each context, for their actions and messages.
struct rest_duration : duration {};
struct hold_duration : duration {};
struct rep_duration : duration {};
struct work_duration : duration {};
struct off_duration : duration {};
struct block_duration : duration {};
struct run_duration : duration {};
struct transition_duration : duration {};
struct switch_duration : duration {};
struct group_rest_duration : duration {};

// mass = decimal ( 'kg' | 'lb' )
struct mass_unit : sor< string< 'k', 'g' >, string< 'l', 'b' > > {};
struct mass : seq< decimal, mass_unit, not_at< identifier_other > > {};

// ---- Doses ----------------------------------------------------------------------------------

// amount = duration | n '-' n | n '+' | n
struct amount_duration : duration {};
struct amount_range : seq< integer, one< '-' >, integer, not_at< identifier_other > > {};
struct amount_at_least : seq< integer, one< '+' > > {};
struct amount_reps : seq< integer, not_at< sor< identifier_other, one< '.', ':' > > > > {};
struct amount : after_digits< when_next< amount_duration, ':', 'h', 'm', 's' >, when_next< amount_range, '-' >,
                              when_next< amount_at_least, '+' >, always< amount_reps > > {};
struct sets_prefix : seq< integer, one< 'x' > > {};
struct sets_amount : amount {};
// dose_part = n 'x' amount | amount
struct dose_part : after_digits< when_next< if_must< sets_prefix, sets_amount >, 'x' >, always< amount > > {};
struct progression_arrow : seq< sp, string< '-', '>' >, sp > {};
struct progression_target : dose_part {};
struct step_value : sor< duration, integer > {};
struct progression_step : if_must< seq< sp, kw_step >, sp, step_value > {};
// dose = dose_part [ '->' dose_part [ 'step' (n | duration) ] ]
struct dose : seq< dose_part, opt< if_must< progression_arrow, progression_target >, opt< progression_step > > > {};
struct entry_amount : amount {};

// load = '@' ( 'bw' ['+' mass] | n 'x' mass | mass | n '%' | 'rpe' n | 'rir' n )
struct load_bodyweight_extra : mass {};
struct load_bodyweight : seq< kw_bw, opt< one< '+' >, must< load_bodyweight_extra > > > {};
struct load_pair : seq< integer, one< 'x' >, mass > {};
struct load_mass : mass {};
struct load_percent : seq< decimal, one< '%' > > {};
struct rpe_value : decimal {};
struct rir_value : integer {};
struct load_rpe : if_must< kw_rpe, sp, rpe_value > {};
struct load_rir : if_must< kw_rir, sp, rir_value > {};
struct load_value : sor< load_bodyweight, load_pair, load_mass, load_percent, load_rpe, load_rir > {};
struct load : if_must< one< '@' >, load_value > {};

// tempo = phase '-' phase '-' phase '-' phase, phase = n | 'x'
struct tempo_phase : sor< integer, one< 'x' > > {};
struct tempo_value : seq< tempo_phase, one< '-' >, tempo_phase, one< '-' >, tempo_phase, one< '-' >, tempo_phase,
                          not_at< identifier_other > > {};

struct modifier_each : kw_each {};
struct modifier_alt : kw_alt {};
struct modifier_rest : if_must< kw_rest, sp, rest_duration > {};
struct modifier_tempo : if_must< kw_tempo, sp, tempo_value > {};
struct modifier_hold : if_must< kw_hold, sp, hold_duration > {};
struct modifier_or : if_must< kw_or, sp, alternative_ref > {};
struct modifier : sor< load, cue, if_reserved< modifier_each, modifier_alt, modifier_rest, modifier_tempo,
                                              modifier_hold, modifier_or > > {};
struct modifiers : star< sp, modifier > {};

// prescription = exercise dose { modifier }
struct prescription_dose : dose {};
struct prescription : seq< prescription_exercise, sp, must< prescription_dose >, modifiers > {};
// entry = exercise amount { modifier }   (superset, circuit, emom, amrap)
struct entry : seq< entry_exercise, sp, must< entry_amount >, modifiers > {};
// interval_entry = exercise { modifier }
struct interval_entry : seq< interval_exercise, modifiers > {};

// ---- Workout statements ---------------------------------------------------------------------

struct open_brace : one< '{' > {};

struct rest_statement : if_must< kw_rest, sp, rest_duration > {};
struct note_statement : if_must< kw_note, sp, note_text > {};
struct defaults_rest : if_must< kw_rest, sp, rest_duration > {};
struct defaults_transition : if_must< kw_transition, sp, transition_duration > {};
struct defaults_switch : if_must< kw_switch, sp, switch_duration > {};
struct defaults_item : sor< defaults_rest, defaults_transition, defaults_switch > {};
struct defaults_items : seq< defaults_item, star< sp, defaults_item > > {};
struct defaults_statement : if_must< kw_defaults, sp, defaults_items > {};
struct focus_full_body : kw_full_body {};
struct focus_list_separator : seq< sp, one< ',' >, sp > {};
struct focus_targets : sor< focus_full_body, list_must< focus_region, focus_list_separator > > {};
struct focus_statement : if_must< kw_focus, sp, focus_targets > {};

template< typename Entry, typename Close >
struct block_body : seq< seps, star< Entry, sp, must< statement_end >, seps >, Close > {};

// A statement that a block cannot hold, caught so the message can say why.
struct misplaced_statement : sor< kw_warmup, kw_cooldown, kw_superset, kw_circuit, kw_intervals, kw_tabata,
                                  kw_emom, kw_amrap, kw_rest, kw_note, kw_defaults, kw_focus > {};
struct misplaced_in_group : seq< at< misplaced_statement >, raise< misplaced_in_group > > {};
// An entry (a name, which is never a reserved word) first, so that a name is scanned once.
struct group_entry : sor< entry, if_reserved< misplaced_in_group > > {};
struct group_close : one< '}' > {};
struct interval_entry_item : sor< interval_entry, if_reserved< misplaced_in_group > > {};

struct round_count : integer {};
struct group_rounds : seq< round_count, sp, kw_rounds > {};
struct group_rest : opt< kw_rest, sp, must< group_rest_duration > > {};
struct group_kind : sor< kw_superset, kw_circuit > {};
struct group_block : if_must< group_kind, sp, group_rounds, sp, group_rest, sp, open_brace,
                              block_body< group_entry, must< group_close > > > {};

// intervals N x WORK on REST off { EX; ... }
struct interval_rounds : seq< round_count, sp, one< 'x' >, sp > {};
struct interval_work : seq< work_duration, sp, kw_on, sp > {};
struct interval_rest : seq< off_duration, sp, kw_off, sp > {};
struct intervals_block : if_must< kw_intervals, sp, interval_rounds, interval_work, interval_rest, open_brace,
                                  block_body< interval_entry_item, must< group_close > > > {};
struct tabata_block : if_must< kw_tabata, sp, tabata_exercise, star< sp, tabata_exercise > > {};
struct timed_kind : sor< kw_emom, kw_amrap > {};
struct timed_block : if_must< timed_kind, sp, block_duration, sp, open_brace,
                              block_body< group_entry, must< group_close > > > {};

struct nested_phase : seq< at< sor< kw_warmup, kw_cooldown > >, raise< nested_phase > > {};
// A prescription first: it starts with a name, which is never a reserved word, and every other
// statement starts with one; so the order is free, and this one scans a name only once.
struct phase_statement : sor< prescription,
                              if_reserved< nested_phase, rest_statement, note_statement, defaults_statement,
                                           group_block, intervals_block, tabata_block, timed_block > > {};
struct phase_close : one< '}' > {};
struct phase_kind : sor< kw_warmup, kw_cooldown > {};
struct phase_block : if_must< phase_kind, sp, open_brace, block_body< phase_statement, must< phase_close > > > {};

struct workout_statement : sor< prescription,
                                if_reserved< rest_statement, note_statement, defaults_statement, focus_statement,
                                             phase_block, group_block, intervals_block, tabata_block, timed_block > > {};
struct workout_close : one< '}' > {};

// ---- Catalog declarations -------------------------------------------------------------------

struct list_separator : seq< sp, one< ',' >, sp > {};
struct aka_field : if_must< kw_aka, sp, list_must< alias_name, list_separator > > {};
struct pattern_field : if_must< kw_pattern, sp, pattern_name > {};
struct primary_field : if_must< kw_primary, sp, list_must< muscle_ref, list_separator > > {};
struct secondary_muscle : muscle_ref {};
struct secondary_field : if_must< kw_secondary, sp, list_must< secondary_muscle, list_separator > > {};

// equipment_expr = term { '|' term }, term = factor { '+' factor }, factor = name | 'none' | '(' expr ')'
struct equipment_expr;
struct open_paren : one< '(' > {};
struct close_paren : one< ')' > {};
struct equipment_group : if_must< open_paren, sp, equipment_expr, sp, close_paren > {};
struct equipment_none : kw_none {};
struct equipment_factor : sor< equipment_group, equipment_none, equipment_ref > {};
struct equipment_and : if_must< seq< sp, one< '+' > >, sp, equipment_factor > {};
struct equipment_term : seq< equipment_factor, star< equipment_and > > {};
struct equipment_or : if_must< seq< sp, one< '|' > >, sp, equipment_term > {};
struct equipment_expr : seq< equipment_term, star< equipment_or > > {};
struct equipment_field : if_must< kw_equipment, sp, equipment_expr > {};

struct sides_value : sor< kw_both, kw_each > {};
struct sides_field : if_must< kw_sides, sp, sides_value > {};
struct measure_value : sor< seq< kw_reps, sp, kw_or, sp, kw_time >, seq< kw_time, sp, kw_or, sp, kw_reps >,
                            kw_reps, kw_time > {};
struct measure_field : if_must< kw_measure, sp, measure_value > {};
struct rep_field : if_must< kw_rep, sp, rep_duration > {};
struct easier_field : if_must< kw_easier, sp, list_must< easier_ref, list_separator > > {};
struct harder_field : if_must< kw_harder, sp, list_must< harder_ref, list_separator > > {};
struct fit_slash : seq< sp, one< '/' >, sp > {};
struct fit_field : if_must< kw_fit, sp, fit_category, fit_slash, fit_name > {};
struct exercise_field : sor< aka_field, pattern_field, primary_field, secondary_field, equipment_field,
                             sides_field, measure_field, rep_field, easier_field, harder_field, fit_field > {};
struct exercise_close : one< '}' > {};

struct import_decl : if_must< kw_import, sp, import_path > {};
struct region_decl : if_must< kw_region, sp, region_name, sp, opt< title > > {};
struct muscle_region : seq< kw_in, sp, must< region_ref > > {};
struct muscle_decl : if_must< kw_muscle, sp, muscle_name, sp, opt< title, sp >, muscle_region > {};
struct equipment_loadable : kw_loadable {};
struct equipment_pair : kw_pair {};
struct equipment_decl : if_must< kw_equipment, sp, equipment_name, sp, opt< title, sp >, opt< equipment_loadable, sp >,
                                 opt< equipment_pair > > {};
struct exercise_decl : if_must< kw_exercise, sp, exercise_name, sp, exercise_title, sp, open_brace,
                                block_body< exercise_field, must< exercise_close > > > {};
struct profile_close : one< '}' > {};
struct profile_list_separator : seq< ws, one< ',' >, ws > {};
struct profile_items : opt< list_must< profile_equipment, profile_list_separator > > {};
struct profile_decl : if_must< kw_profile, sp, profile_name, sp, opt< title, sp >, open_brace, ws, profile_items,
                               ws, profile_close > {};
struct workout_decl : if_must< kw_workout, sp, workout_name, sp, opt< title, sp >, open_brace,
                               block_body< workout_statement, must< workout_close > > > {};

// ---- Programs -------------------------------------------------------------------------------

struct date : seq< digit, digit, digit, digit, one< '-' >, digit, digit, one< '-' >, digit, digit,
                   not_at< identifier_other > > {};
struct time_of_day : seq< digit, opt< digit >, one< ':' >, digit, digit, not_at< identifier_other > > {};
struct week_count : integer {};
struct weekday : sor< TAO_PEGTL_KEYWORD( "mon" ), TAO_PEGTL_KEYWORD( "tue" ), TAO_PEGTL_KEYWORD( "wed" ),
                      TAO_PEGTL_KEYWORD( "thu" ), TAO_PEGTL_KEYWORD( "fri" ), TAO_PEGTL_KEYWORD( "sat" ),
                      TAO_PEGTL_KEYWORD( "sun" ) > {};
struct start_item : if_must< kw_start, sp, date > {};
struct weeks_item : if_must< kw_weeks, sp, week_count > {};
struct timezone_item : if_must< kw_timezone, sp, timezone_name > {};
struct run_intensity : sor< kw_easy, kw_hard > {};
struct run_session : if_must< kw_run, sp, run_title, sp, run_duration, opt< sp, run_intensity > > {};
struct session_target : sor< run_session, session_workout > {};
struct session_item : if_must< weekday, sp, time_of_day, sp, session_target > {};
struct program_item : sor< start_item, weeks_item, timezone_item, session_item > {};
struct program_close : one< '}' > {};
struct program_decl : if_must< kw_program, sp, program_name, sp, opt< title, sp >, open_brace,
                               block_body< program_item, must< program_close > > > {};

// ---- File -----------------------------------------------------------------------------------

struct declaration : sor< import_decl, region_decl, muscle_decl, equipment_decl, exercise_decl, profile_decl,
                          workout_decl, program_decl > {};
struct file_end : eof {};
struct file : seq< seps, star< declaration, sp, must< statement_end >, seps >, must< file_end > > {};

// clang-format on

}  // namespace reps::grammar
