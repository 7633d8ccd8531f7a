/* sandbox.h: the VMM confines itself to the host syscalls it needs once set-up is done. */
#ifndef HAL_KVM_SANDBOX_H
#define HAL_KVM_SANDBOX_H

#include <stddef.h>

/* Loads the allowlist filter (libseccomp, SCMP_ACT_TRAP for everything else) and a SIGSYS
 * handler that names the refused syscall and exits 125. Files already open for writing
 * (--log FILE) stay writable. Call after the engine started its helper processes, before running the kernel.
 * With KEEL_SANDBOX_SELFTEST=1 in the environment, it then makes a forbidden call itself.
 * Returns 0 or a negative errno, with a one-line reason in why[why_len]. */
int sandbox_confine(char *why, size_t why_len);

#endif
