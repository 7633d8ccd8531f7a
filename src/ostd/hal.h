/* hal.h: what OSTD's portable core needs from the hardware abstraction layer in use.
 * TCB-internal: services never include this. Hosted: src/hal-kvm; the hosted unit tests use
 * tests/unit/support/hal_test.c; bare metal: src/hal-baremetal/<arch>. */
#ifndef OSTD_HAL_H
#define OSTD_HAL_H

#include <ostd/types.h>
#include <ostd/user_mode.h>
#include <ostd/console.h>
#include <ostd/boot.h>
#include <ostd/log.h>

struct vmspace;

/* RAM: "physical" address pa lives at hal_ram_base() + pa for the kernel. */
void *hal_ram_base(void);
uint64_t hal_ram_bytes(void);

/* Backing store of the kernel heap (kmalloc keeps its counters in OSTD). */
void *hal_heap_alloc(size_t size);
void hal_heap_free(void *p, size_t size);

/* Clocks. */
uint64_t hal_clock_monotonic_ns(void);
uint64_t hal_clock_realtime_ns(void);

/* Blocks until a device event or until the monotonic clock reaches deadline_ns
 * (UINT64_MAX: no deadline); events are delivered through ostd_irq_* before it returns. */
void hal_idle(uint64_t deadline_ns);

/* Console device. Same contracts as console.h. */
ssize_t hal_console_write(enum console_stream s, const void *buf, size_t n);
ssize_t hal_console_read(void *buf, size_t n);
bool hal_console_is_tty(int stream);
int hal_console_winsize(unsigned short *rows, unsigned short *cols);
int hal_console_set_raw(bool raw);

/* The kernel log's sink (host stderr with -v, a file with --log, or nowhere). */
void hal_log_write(enum log_level lvl, const char *msg, size_t n);
/* The syscall trace's sink (host stderr with --strace, a file with --strace-file): n bytes
 * of whole lines, written as they come. */
void hal_trace_write(const char *s, size_t n);

/* User address range of this machine and engine. */
uaddr_t hal_user_start(void);
uaddr_t hal_user_end(void);

/* The engine: runs user contexts, and mirrors page-table changes (TLB shootdown). */
int hal_space_create(struct vmspace *vs, void **hal_space);
void hal_space_destroy(void *hal_space);
/* Called after OSTD's page table lost or weakened mappings in [va, va+len). */
void hal_space_flush(void *hal_space, uaddr_t va, size_t len);
/* Runs ctx in vs; returns by deadline_ns at the latest (USER_RETURN_INTERRUPTED). */
enum user_return hal_user_execute(struct user_context *ctx, struct vmspace *vs,
				  void *hal_space, uint64_t deadline_ns);
void hal_user_context_release(struct user_context *ctx);
/* FP state of user contexts, with the contracts of ostd/user_mode.h: the image size on
 * this machine (0: unknown), get (len >= that size), set (checked, else the initial
 * state and -EINVAL), reset to the initial state. */
size_t hal_user_fpstate_size(void);
ssize_t hal_user_fpstate_get(struct user_context *ctx, void *buf, size_t len);
int hal_user_fpstate_set(struct user_context *ctx, const void *buf, size_t len);
void hal_user_fpstate_reset(struct user_context *ctx);

/* A broken kernel invariant: report msg and stop the machine (hosted: exit status 125). */
__noreturn void hal_panic(const char *msg);

void hal_random_bytes(void *buf, size_t n);
uint64_t hal_cpu_hwcap(void);
uint64_t hal_cpu_hwcap2(void);

/* Boot information handed over by the HAL's entry code. */
const struct boot_info *hal_boot_info(void);

/* --- What OSTD offers the HAL --- */

/* OSTD's entry: sets up frames, heap and scheduler, runs ostd_main() in the first task and
 * schedules until ostd_shutdown(); returns its status. It frees what it set up before it
 * returns, so it may be called again in the same process (the unit tests boot repeatedly). */
int ostd_run(void);
/* Device events, called from hal_idle() (or between user-mode runs) on the CPU thread. */
void ostd_irq_console_input(void);
/* The page-table view the engines fill their TLB from: 0 with *pa and *prot (VM_*) when
 * va's page is mapped for user access, -ENOENT otherwise. Invariant: *pa is a page inside
 * RAM, whatever the page tables (which live in guest-reachable RAM) contain. */
int ostd_vmspace_translate(struct vmspace *vs, uaddr_t va, paddr_t *pa, unsigned int *prot);
/* A run of pages mapped for user access: [va, va + pages * PAGE_SIZE) maps the frames from
 * pa on, contiguous in RAM, all with prot. */
struct vmspace_run {
	uaddr_t va;
	paddr_t pa;
	unsigned int prot;
	uint64_t pages;
};
/* The first run mapped for user access in [va, end), at most max_pages long: 0 with *run,
 * or -ENOENT. For engines that fill their mappings in runs (one host mmap each). */
int ostd_vmspace_next_run(struct vmspace *vs, uaddr_t va, uaddr_t end, uint64_t max_pages,
			  struct vmspace_run *run);
/* The paddr of vs's root page table (a frame of RAM, live as long as vs): for engines whose
 * guest MMU walks OSTD's tables (CR3). Entries an engine adds there outside the user
 * range are its own; OSTD's walker never follows them (they point outside RAM). */
paddr_t ostd_vmspace_root(struct vmspace *vs);

#endif
