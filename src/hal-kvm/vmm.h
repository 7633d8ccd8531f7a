/* vmm.h: the hosted machine: its RAM, engine and devices, set up by `keel run`. */
#ifndef HAL_KVM_VMM_H
#define HAL_KVM_VMM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <ostd/boot.h>

#include "ram.h"

struct engine_ops;

struct vmm_config {
	uint64_t ram_bytes;
	const char *engine;      /* "auto", "kvm" or "seccomp" */
	bool spin;
	bool verbose;
	FILE *log;               /* kernel log sink, or NULL for none */
	FILE *trace;             /* syscall trace sink (--strace), or NULL for none */
	struct boot_info boot;
};

/* The one machine of this process; the HAL's functions read it. */
struct vmm {
	struct vmm_config cfg;
	struct ram ram;
	const struct engine_ops *engine;
	bool engine_up;
};

extern struct vmm vmm;

/* Creates RAM, starts the engine; on failure prints one line naming the cause and returns
 * a negative errno. */
int vmm_setup(const struct vmm_config *cfg);
/* Runs the kernel until it shuts down; returns the exit status for the shell. */
int vmm_run(void);
/* Ends the engine and its helper processes and frees RAM. Safe to call twice. */
void vmm_teardown(void);

/* hal_console.c: before confinement, when stdin is a terminal, make every exit (normal,
 * panic, SIGTERM/HUP/INT/QUIT) put the host terminal back if the kernel made it raw. */
void hal_console_host_setup(void);
/* Puts the host terminal back as it was before raw mode; async-signal-safe. */
void hal_console_restore(void);

struct engine_config;
/* Picks the engine named name and starts it (auto: kvm when it works, else seccomp); says
 * which and why with verbose. NULL with a one-line reason in why when it cannot. */
const struct engine_ops *vmm_engine_start(const char *name, const struct engine_config *cfg,
					  bool verbose, char *why, size_t why_len);

#endif
