// Telling AddressSanitizer which bytes of memory we manage ourselves may not be read: the AST
// arena's free room, a source buffer's slack. Nothing without ASan.
#pragma once

// GCC says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define REPS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPS_ASAN 1
#endif
#endif
#if defined(REPS_ASAN)
#include <sanitizer/asan_interface.h>
#define REPS_POISON(data, size) ASAN_POISON_MEMORY_REGION(data, size)
#define REPS_UNPOISON(data, size) ASAN_UNPOISON_MEMORY_REGION(data, size)
#else
#define REPS_POISON(data, size) ((void)(data), (void)(size))
#define REPS_UNPOISON(data, size) ((void)(data), (void)(size))
#endif
