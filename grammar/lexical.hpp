// The grammar's hand-written scanners: white space, names and reserved words, and the choice
// between rules that start with digits. Each does what a plain PEGTL rule would, in fewer
// instructions (tests/bench/README.md); the rules that use them are in grammar/grammar.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#if defined( __SSE2__ )
#include <emmintrin.h>
#endif

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace reps::grammar {

using namespace tao::pegtl;

// clang-format off

// { blank | comment | '\n' (if Newlines) | ';' (if Semicolons) }, as one loop over the bytes:
// the same as star< sor< blank, comment, ... > > (which spent a dozen instructions a character in
// PEGTL's generic loop, at every space of every line). Needs an input that holds the whole text.
template< bool Semicolons >
inline constexpr auto blank_chars = [] {
   std::array< bool, 256 > table{};
   table[ ' ' ] = table[ '\t' ] = table[ '\r' ] = true;
   table[ ';' ] = Semicolons;
   return table;
}();
template< bool Newlines, bool Semicolons >
struct blank_run
{
   using rule_t = blank_run;
   using subs_t = empty_list;

   template< typename ParseInput >
   [[nodiscard]] static bool match( ParseInput& in ) noexcept( noexcept( in.size( 1 ) ) )
   {
      // One pass over the bytes; the input's position moves once per line crossed.
      const char* at = in.current();
      const char* const end = at + in.size( 1 );
      const char* unbumped = at;
      while( true ) {
         while( at != end && blank_chars< Semicolons >[ static_cast< unsigned char >( *at ) ] ) ++at;
         if( at == end ) break;
         if( *at == '#' ) {
            const void* const newline = std::memchr( at, '\n', static_cast< std::size_t >( end - at ) );
            at = newline ? static_cast< const char* >( newline ) : end;
         }
         else if( Newlines && *at == '\n' ) {
            in.bump_in_this_line( static_cast< std::size_t >( at - unbumped ) );
            in.bump_to_next_line( 1 );
            unbumped = ++at;
         }
         else {
            break;
         }
      }
      if( at != unbumped ) in.bump_in_this_line( static_cast< std::size_t >( at - unbumped ) );
      return true;
   }
};

// The reserved words (grammar/keywords.def), as text; the rules kw_WORD and `keyword` are
// made from the same list in grammar/grammar.hpp.
inline constexpr std::string_view reserved_words[] = {
#define REPS_KEYWORD( word ) #word,
#include "grammar/keywords.def"
#undef REPS_KEYWORD
};

// The reserved words bucketed by length and first letter, so that a lookup compares a name with
// at most a couple of words of its own length (most names are longer than any keyword).
inline constexpr std::size_t longest_reserved = 10;
struct reserved_table
{
   std::array< std::string_view, std::size( reserved_words ) > words{};  // sorted by bucket
   std::array< std::array< std::uint8_t, 27 >, longest_reserved + 1 > starts{};  // per length: 26 letters + end
};
inline constexpr reserved_table reserved_index = [] {
   reserved_table table;
   std::size_t next = 0;
   for( std::size_t length = 0; length <= longest_reserved; ++length ) {
      for( char letter = 'a'; letter <= 'z'; ++letter ) {
         table.starts[ length ][ static_cast< std::size_t >( letter - 'a' ) ] = static_cast< std::uint8_t >( next );
         for( const auto word : reserved_words ) {
            if( word.size() == length && word[ 0 ] == letter ) table.words[ next++ ] = word;
         }
      }
      table.starts[ length ][ 26 ] = static_cast< std::uint8_t >( next );
   }
   return table;
}();

// `word` is a non-empty run of [a-z0-9_] that starts with [a-z].
constexpr bool is_reserved( const std::string_view word ) noexcept
{
   if( word.size() > longest_reserved ) return false;
   const auto letter = static_cast< std::size_t >( word[ 0 ] - 'a' );
   const auto& starts = reserved_index.starts[ word.size() ];
   for( std::size_t i = starts[ letter ]; i < starts[ letter + 1 ]; ++i ) {
      // Byte by byte, inline: a call to memcmp for ten bytes at most cost more than the compare.
      const std::string_view candidate = reserved_index.words[ i ];
      std::size_t k = 1;  // the first letters match: that is the bucket
      while( k < word.size() && candidate[ k ] == word[ k ] ) ++k;
      if( k == word.size() ) return true;
   }
   return false;
}

// [a-z0-9_], the characters after the first of a name.
inline constexpr auto name_tail_chars = [] {
   std::array< bool, 256 > table{};
   for( int c = 0; c < 256; ++c ) table[ static_cast< std::size_t >( c ) ] = ( c >= 'a' && c <= 'z' ) || ( c >= '0' && c <= '9' ) || c == '_';
   return table;
}();

// The word at the input: its length (0 if no [a-z] starts one) and whether it is reserved. A
// reserved word followed by an upper-case letter is a misspelt name, not a keyword, as
// TAO_PEGTL_KEYWORD (which wants no identifier character after it) has it. Needs an input that
// holds the whole text (a memory input), like blank_run.
struct scanned_word
{
   std::size_t length = 0;
   bool reserved = false;
};

// The end of the run of [a-z0-9_] that starts at begin[ length ], at most `available`.
[[nodiscard]] inline std::size_t name_end( const char* const begin, std::size_t length, const std::size_t available ) noexcept
{
#if defined( __SSE2__ )
   // Sixteen bytes a step while sixteen remain (names are mostly 8-24 bytes): a name is the
   // most common token, and the byte loop below takes four instructions a byte.
   while( available - length >= 16 ) {
      const __m128i bytes = _mm_loadu_si128( reinterpret_cast< const __m128i* >( begin + length ) );
      const __m128i from_a = _mm_sub_epi8( bytes, _mm_set1_epi8( 'a' ) );
      const __m128i from_0 = _mm_sub_epi8( bytes, _mm_set1_epi8( '0' ) );
      const __m128i letter = _mm_cmpeq_epi8( _mm_min_epu8( from_a, _mm_set1_epi8( 'z' - 'a' ) ), from_a );
      const __m128i digit = _mm_cmpeq_epi8( _mm_min_epu8( from_0, _mm_set1_epi8( '9' - '0' ) ), from_0 );
      const __m128i underscore = _mm_cmpeq_epi8( bytes, _mm_set1_epi8( '_' ) );
      const auto in_name = static_cast< unsigned >( _mm_movemask_epi8( _mm_or_si128( _mm_or_si128( letter, digit ), underscore ) ) );
      if( in_name != 0xFFFFu ) return length + static_cast< std::size_t >( __builtin_ctz( ~in_name ) );
      length += 16;
   }
#endif
   while( length < available && name_tail_chars[ static_cast< unsigned char >( begin[ length ] ) ] ) ++length;
   return length;
}

template< typename ParseInput >
[[nodiscard]] scanned_word scan_word( ParseInput& in ) noexcept( noexcept( in.size( 1 ) ) )
{
   const char* const begin = in.current();
   const std::size_t available = in.size( 1 );
   if( available == 0 || begin[ 0 ] < 'a' || begin[ 0 ] > 'z' ) return {};
   const std::size_t length = name_end( begin, 1, available );
   const bool upper_follows = length < available && begin[ length ] >= 'A' && begin[ length ] <= 'Z';
   return { length, !upper_follows && is_reserved( std::string_view( begin, length ) ) };
}

// [a-z] { [a-z0-9_] }, unless it is a reserved word. Written by hand because trying the keyword
// rules one by one before every name dominated the parse time.
struct name_word
{
   using rule_t = name_word;
   using subs_t = empty_list;

   template< typename ParseInput >
   [[nodiscard]] static bool match( ParseInput& in ) noexcept( noexcept( in.size( 1 ) ) )
   {
      const scanned_word word = scan_word( in );
      if( word.length == 0 || word.reserved ) return false;
      in.bump_in_this_line( word.length );
      return true;
   }
};

// &keyword, consuming nothing: only where a reserved word stands can a keyword statement or
// modifier begin, so the common case (an exercise name) skips trying each of them in turn.
struct at_reserved_word
{
   using rule_t = at_reserved_word;
   using subs_t = empty_list;

   template< typename ParseInput >
   [[nodiscard]] static bool match( ParseInput& in ) noexcept( noexcept( in.size( 1 ) ) )
   {
      return scan_word( in ).reserved;
   }
};
template< typename... Rules >
struct if_reserved : seq< at_reserved_word, sor< Rules... > > {};

// Ordered choice between alternatives that all begin with a run of digits, as sor<> would make
// it, except that an alternative is tried only when the character after the digits allows it
// (`when_next< Rule, Chars... >`; `always< Rule >` is always tried). `3x12` scanned its digits
// once per alternative of dose_part, amount and duration before: six times. Each guard is a
// condition every match of its rule meets, so the result is the same as sor<>'s.
template< typename Rule, char... Next >
struct when_next
{
   using rule = Rule;
   static constexpr bool allows( const int next ) noexcept { return ( ( next == Next ) || ... ); }
};
template< typename Rule >
struct always
{
   using rule = Rule;
   static constexpr bool allows( const int /*next*/ ) noexcept { return true; }
};
template< typename... Cases >
struct after_digits
{
   using rule_t = after_digits;
   using subs_t = type_list< typename Cases::rule... >;

   template< apply_mode A, rewind_mode M, template< typename... > class Action, template< typename... > class Control,
             std::size_t... Indices, typename ParseInput, typename... States >
   [[nodiscard]] static bool match( std::index_sequence< Indices... > /*unused*/, const int next, ParseInput& in, States&&... st )
   {
      return ( ( Cases::allows( next ) && Control< typename Cases::rule >::template match< A, ( ( Indices == ( sizeof...( Cases ) - 1 ) ) ? M : rewind_mode::required ), Action, Control >( in, st... ) ) || ... );
   }

   template< apply_mode A, rewind_mode M, template< typename... > class Action, template< typename... > class Control,
             typename ParseInput, typename... States >
   [[nodiscard]] static bool match( ParseInput& in, States&&... st )
   {
      const char* const at = in.current();
      const std::size_t available = in.size( 1 );
      std::size_t length = 0;
      while( length < available && at[ length ] >= '0' && at[ length ] <= '9' ) ++length;
      if( length == 0 ) return false;  // every alternative starts with a digit
      const int next = length < available ? static_cast< unsigned char >( at[ length ] ) : -1;
      return match< A, M, Action, Control >( std::index_sequence_for< Cases... >(), next, in, st... );
   }
};

// clang-format on

}  // namespace reps::grammar

// name_word consumes at least one character when it succeeds, like any one character rule;
// at_reserved_word never consumes (like at<>) and blank_run may not (like star<>).
template< typename Name >
struct tao::pegtl::analyze_traits< Name, reps::grammar::name_word > : tao::pegtl::analyze_any_traits<> {};
template< typename Name >
struct tao::pegtl::analyze_traits< Name, reps::grammar::at_reserved_word > : tao::pegtl::analyze_opt_traits<> {};
template< typename Name, bool Newlines, bool Semicolons >
struct tao::pegtl::analyze_traits< Name, reps::grammar::blank_run< Newlines, Semicolons > > : tao::pegtl::analyze_opt_traits<> {};
// after_digits is an ordered choice: analysed as the sor<> of its alternatives.
template< typename Name, typename... Cases >
struct tao::pegtl::analyze_traits< Name, reps::grammar::after_digits< Cases... > > : tao::pegtl::analyze_sor_traits< typename Cases::rule... > {};
