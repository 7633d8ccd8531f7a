/* hal_test.h: a deterministic HAL for the hosted unit tests (libhal_test.a).
 *
 * Link: a test binary links libostd_san.a (or the services' twin plus libostd_san.a), then
 * libhal_test.a, with $(UNIT_SAN) and $(CHECK_LIBS).
 *
 * Use:
 *   hal_test_reset();                     // defaults: 16 MiB RAM, user range
 *                                         // [HAL_TEST_USER_START, HAL_TEST_USER_END),
 *                                         // clock at 0, empty console, fixed random seed
 *   hal_test_set_ram(4 << 20);            // optional, before booting
 *   int status = ostd_test_boot(body, arg);
 * ostd_test_boot runs ostd_run(); the first kernel task calls body(arg) and shuts the
 * machine down with its return value, which ostd_test_boot returns. Inside body every OSTD
 * API works (tasks, timers, frames, vmspaces, user copies). The support library's
 * ostd_main() is a weak symbol in its own object file: a binary that links a real
 * ostd_main (the services') gets that one instead, and then ostd_test_boot's body is not
 * called, so services tests should boot through ostd_test_boot with their own body and
 * leave ostd_main out of their link (or link libhal_test.a before libservices_san.a).
 *
 * Determinism: the monotonic clock is virtual. It moves only when hal_idle() is called
 * with a deadline (every task blocked: it jumps to that deadline), or when a test calls
 * hal_test_clock_advance(). hal_idle() with no deadline first delivers fed console input,
 * then calls the idle hook if one is set, and otherwise panics: the test has deadlocked.
 *
 * Panic: hal_panic() prints "hal_test: panic: MSG" to stderr and exits with status 125
 * (as the hosted VMM does); check for it with tcase_add_exit_test(tc, fn, 125) (Check
 * runs each test in its own process). hal_test_panic_message() is for a test's own use
 * after a fork. */
#ifndef TESTS_UNIT_SUPPORT_HAL_TEST_H
#define TESTS_UNIT_SUPPORT_HAL_TEST_H

#include <ostd/boot.h>
#include <ostd/console.h>
#include <ostd/types.h>
#include <ostd/user_mode.h>

struct vmspace;

#define HAL_TEST_USER_START 0x10000ull
#define HAL_TEST_USER_END   0x7ffffffff000ull
#define HAL_TEST_EPOCH_NS   (1700000000ull * 1000000000ull)  /* realtime at clock 0 */
#define HAL_TEST_PANIC_STATUS 125

/* Back to the defaults above; frees captured output. Call before each test's boot. */
void hal_test_reset(void);
/* RAM size for the next boot (page multiple); fresh zeroed RAM. */
void hal_test_set_ram(uint64_t bytes);
void hal_test_set_user_range(uaddr_t start, uaddr_t end);

/* Runs ostd_run() with body(arg) as the first task; returns its shutdown status. */
int ostd_test_boot(int (*body)(void *arg), void *arg);

/* The virtual monotonic clock. */
uint64_t hal_test_clock_now(void);
void hal_test_clock_advance(uint64_t ns);
/* How often hal_idle() ran, and the deadline it got last. */
uint64_t hal_test_idle_count(void);
uint64_t hal_test_last_idle_deadline(void);
/* Called by hal_idle() with no deadline and no input to deliver (instead of panicking);
 * it may feed console input or advance the clock. NULL: none. */
void hal_test_set_idle_hook(void (*fn)(void *arg), void *arg);

/* Console: output captured per stream (NUL-terminated; *len optional), input fed from a
 * buffer. Fed input is announced through ostd_irq_console_input() at the next idle. */
const char *hal_test_console_output(enum console_stream s, size_t *len);
void hal_test_console_feed(const void *buf, size_t n);
/* After the fed bytes are read, console reads return 0 (end of input). */
void hal_test_console_eof(void);
void hal_test_console_set_tty(bool tty, unsigned short rows, unsigned short cols);
/* Whether the services switched the console to raw mode (console_set_raw). */
bool hal_test_console_is_raw(void);

/* The kernel log, captured (NUL-terminated, lines as written). */
const char *hal_test_log(size_t *len);
/* Forgets captured console output, log and trace while the machine runs, so a long-lived
 * test (the fuzz harness, one boot for many inputs) does not grow them without bound. */
void hal_test_output_clear(void);

/* The syscall trace (ostd_trace_write), captured; and emptied. */
const char *hal_test_trace(size_t *len);
void hal_test_trace_clear(void);

/* Engine address spaces: how many are live, and the flushes recorded since the reset. */
struct hal_test_flush {
	void *hal_space;
	uaddr_t va;
	size_t len;
};
unsigned int hal_test_spaces_live(void);
size_t hal_test_flush_count(void);
/* The i-th recorded flush (the first 4096 are kept); false when out of range. */
bool hal_test_flush_get(size_t i, struct hal_test_flush *out);
void hal_test_flush_clear(void);

/* Scripted user mode: hal_user_execute() returns what fn returns. fn gets the deadline
 * OSTD asked for. Without a script, hal_user_execute() panics. */
typedef enum user_return (*hal_test_execute_fn)(struct user_context *ctx,
						 struct vmspace *vs, uint64_t deadline_ns,
						 void *arg);
void hal_test_set_execute(hal_test_execute_fn fn, void *arg);
unsigned int hal_test_context_releases(void);
/* FP state: each context keeps its own image of this size (user_fpstate_size()), the
 * initial one until set; set refuses (-EINVAL, initial state) an image without the
 * host's magics and sizes. */
#define HAL_TEST_FPSTATE_SIZE 1024u

void hal_test_set_boot_info(const struct boot_info *bi);

/* Panics abort() (a crash for fuzzers and sanitizers) instead of exiting with status 125.
 * Kept across hal_test_reset(). */
void hal_test_set_panic_abort(bool on);

/* The debug port: opens it with in[0..n) as what the debugger sends (reads past it report
 * a hang-up); what the kernel sent, NUL-terminated. */
void hal_test_debug_port_open(const void *in, size_t n);
const char *hal_test_debug_port_output(size_t *len);

/* The last panic message (empty when none). */
const char *hal_test_panic_message(void);

#endif
