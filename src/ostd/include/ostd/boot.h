/* boot.h: how the machine started, and how services take over and stop it. */
#ifndef OSTD_BOOT_H
#define OSTD_BOOT_H

#include <ostd/types.h>

struct boot_module {
	const char *name;      /* e.g. "initramfs", or a program's absolute host path */
	const void *data;      /* read-only for services */
	size_t size;
};

struct boot_info {
	int argc;              /* the program and its arguments (keel run -- PROG ARG...) */
	char **argv;
	char **envp;           /* NULL-terminated */
	const struct boot_module *initramfs;   /* cpio newc archives, unpacked in order */
	size_t n_initramfs;
	const struct boot_module *host_program; /* PROG read from the host, or NULL */
	uint64_t ram_bytes;
	bool verbose;
	bool strace;            /* trace every syscall to ostd_trace_write (keel run --strace) */
	bool stats;             /* print frame and heap counters when init ends (--stats) */
	bool no_aslr;           /* exec places everything at fixed addresses (--no-aslr) */
};

const struct boot_info *ostd_boot_info(void);

/* Defined by services: the first kernel task runs it. Returning ends that task only: the
 * machine stops at ostd_shutdown(). */
void ostd_main(void);

/* Ends the machine: the VMM exits with status (hosted), or the machine powers off. */
__noreturn void ostd_shutdown(int status);

/* Fills buf with random bytes from the host or the CPU. */
void ostd_random_bytes(void *buf, size_t n);

/* CPU features the user programs see (for AT_HWCAP/AT_HWCAP2). */
uint64_t ostd_cpu_hwcap(void);
uint64_t ostd_cpu_hwcap2(void);

#endif
