/* cred_host.h: the host kernel as the oracle of the credential tests: runs one id change
 * in a forked child with the real syscalls (needs root). Kept apart from Keel's headers,
 * whose ABI names clash with the host's. */
#ifndef TESTS_UNIT_SERVICES_CRED_CRED_HOST_H
#define TESTS_UNIT_SERVICES_CRED_CRED_HOST_H

#include <stdbool.h>

enum cred_call { SETID, SETREID, SETRESID, SETFSID };

/* From real, effective and saved uids ids_in[0..3), makes the call with args; true with
 * the call's result (-errno on failure; setfsuid's old id) in *ret and the real,
 * effective, saved and fs uids after it in ids_out, or false when the host would not set
 * the starting ids (not root, or ids outside a user namespace's map). */
bool cred_host_run(enum cred_call call, const unsigned int args[3],
		   const unsigned int ids_in[3], long *ret, unsigned int ids_out[4]);
/* Whether the tests run as root, so the host can serve as the oracle. */
bool cred_host_is_root(void);

#endif
