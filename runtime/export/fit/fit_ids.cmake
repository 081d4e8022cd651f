# Writes the FIT exercise id table (runtime/export/fit/fit_ids.cpp includes it) from runtime/export/fit/fit_names.tsv:
# one {category, category number, exercise, exercise number} row per stdlib mapping. Only the
# snake_case names and numbers the catalog uses, checked against Garmin's SDK by tests/fit.
# Usage: cmake -DINPUT=fit_names.tsv -DOUTPUT=fit_ids.inc -P fit_ids.cmake
file(STRINGS ${INPUT} lines)
set(body "// Generated from runtime/export/fit/fit_names.tsv by runtime/export/fit/fit_ids.cmake; do not edit.\n")
set(line_number 0)
foreach(line IN LISTS lines)
  math(EXPR line_number "${line_number} + 1")
  if(line_number EQUAL 1 OR line STREQUAL "")
    continue()  # the header row
  endif()
  string(REPLACE "\t" ";" columns "${line}")
  list(LENGTH columns count)
  if(NOT count EQUAL 4)
    message(FATAL_ERROR "${INPUT}:${line_number}: expected 4 tab-separated columns, found ${count}")
  endif()
  list(GET columns 0 category)
  list(GET columns 1 category_number)
  list(GET columns 2 exercise)
  list(GET columns 3 exercise_number)
  if(NOT category MATCHES "^[a-z][a-z0-9_]*$" OR NOT exercise MATCHES "^[a-z0-9][a-z0-9_]*$")
    message(FATAL_ERROR "${INPUT}:${line_number}: names must be snake_case")
  endif()
  if(NOT category_number MATCHES "^[0-9]+$" OR NOT exercise_number MATCHES "^[0-9]+$"
     OR category_number GREATER 65534 OR exercise_number GREATER 65534)
    message(FATAL_ERROR "${INPUT}:${line_number}: numbers must be whole numbers below 65535")
  endif()
  string(APPEND body "{\"${category}\", ${category_number}, \"${exercise}\", ${exercise_number}},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "${body}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
