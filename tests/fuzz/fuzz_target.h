/* fuzz_target.h: what every fuzz target binary provides besides LLVMFuzzerTestOneInput:
 * its name (for messages) and a summary the replay driver prints after its inputs. */
#ifndef TESTS_FUZZ_FUZZ_TARGET_H
#define TESTS_FUZZ_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern const char fuzz_target_name[];
/* Prints what the replayed inputs reached (stdout); may print nothing. */
void fuzz_target_summary(void);

#endif
