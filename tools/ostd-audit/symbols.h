/* symbols.h: the symbol rule: services link only against OSTD's public API and each other. */
#ifndef OSTD_AUDIT_SYMBOLS_H
#define OSTD_AUDIT_SYMBOLS_H

#include "strset.h"

/* Adds every global or weak symbol that path's objects define to set. 0 or negative errno. */
int symbols_collect_defined(const char *path, struct strset *set);

/* Reports each undefined symbol of path's objects that is neither in allow nor in
 * defined, and each symbol they define that OSTD defines too (it would replace OSTD's
 * at link time). Returns 0 or a negative errno; violations go to report_count(). */
int symbols_check(const char *path, struct strset *allow, struct strset *defined,
		  struct strset *ostd_defined);

#endif
