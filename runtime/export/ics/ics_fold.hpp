// Line folding for serialized iCalendar text (RFC 5545 §3.1), applied after libical.
// libical 3.0.16 folds well except when a value ends exactly at a fold: it then emits
// "\r" CRLF-SPACE "\n", splitting the line's own CRLF. So we unfold its output and fold again.
#pragma once

#include <string>
#include <string_view>

namespace reps {

// Unfolds `text` (removes every CRLF or LF followed by a space or tab; on libical's broken
// "\r\r\n \n" this leaves the intended CRLF), then writes each non-empty content line with
// CRLF, folded so that no line exceeds 75 octets and no fold falls inside a UTF-8 sequence.
std::string refold_ics(std::string_view text);

}  // namespace reps
