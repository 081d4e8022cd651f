// Parsing: source text -> typed AST, with syntax errors as diagnostics.
#pragma once

#include "compiler/parse/ast.hpp"
#include "compiler/diagnostics/diagnostics.hpp"
#include "compiler/base/source.hpp"

namespace reps {

// Takes each workout (and program) of a file as soon as it has parsed, so that a large file is
// checked declaration by declaration and never held whole as an AST
// (compiler/driver/streamed_check.hpp).
class WorkoutReceiver {
public:
    // `so_far` holds the file's declarations before the workout (workouts and programs taken are
    // not in it). Returns true to take the workout: its AST is dropped when this returns (keep
    // nothing of it but views of the source text); false leaves it in the file's AST, as without
    // a receiver.
    virtual bool take(const ast::File& so_far, const ast::WorkoutDecl& workout) = 0;
    // The same for a program; none is taken unless the receiver says so.
    virtual bool take_program(const ast::File& so_far, const ast::ProgramDecl& program) {
        (void)so_far;
        (void)program;
        return false;
    }

protected:
    ~WorkoutReceiver() = default;
};

// Parses one file already registered in `sources`. Each syntax error is an E0001 diagnostic (at
// most 20, then one E0003 with how many more); the AST holds the declarations without one, and
// `damaged_names` the names the others may declare (compiler/parse/recover.hpp). With a receiver,
// each workout or program it takes is left out of the AST, and its memory (from the current arena,
// when there is one) is reused for the next.
ast::File parse_file(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics,
                     WorkoutReceiver* receiver = nullptr);

// Checks that the text is valid UTF-8; reports the first bad byte (E0002) and returns false.
bool check_utf8(const SourceManager& sources, std::uint32_t file_id, Diagnostics& diagnostics);

}  // namespace reps
