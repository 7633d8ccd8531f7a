/* hal_test.c: the unit tests' HAL: RAM from an anonymous mapping, heap from malloc, a
 * virtual clock, captured console and log, recorded engine flushes, scripted user mode. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <ostd/errno.h>

#include "hal.h"
#include "hal_test.h"

#define HAL_TEST_DEFAULT_RAM (16ull << 20)
#define HAL_TEST_FLUSH_KEEP 4096

/* A growing byte buffer, always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};

static void buf_append(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = realloc(b->data, cap);
		if (!b->data)
			abort();
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void buf_free(struct buf *b)
{
	free(b->data);
	*b = (struct buf){ 0 };
}

static const char *buf_str(const struct buf *b, size_t *len)
{
	if (len)
		*len = b->len;
	return b->data ? b->data : "";
}

static struct {
	void *ram;
	uint64_t ram_bytes;
	uaddr_t user_start, user_end;
	uint64_t now;
	uint64_t idle_count, last_idle_deadline;
	void (*idle_hook)(void *);
	void *idle_arg;
	struct buf out, err, log, trace, in;
	size_t in_pos;
	bool in_eof, in_pending;
	bool tty, raw;
	unsigned short rows, cols;
	unsigned int spaces_live;
	struct hal_test_flush flushes[HAL_TEST_FLUSH_KEEP];
	size_t nflushes;
	hal_test_execute_fn execute;
	void *execute_arg;
	unsigned int releases;
	uint64_t rng;
	const struct boot_info *boot_info;
	char panic_msg[512];
	int (*body)(void *);
	void *body_arg;
} ht;

static struct boot_info ht_default_boot_info;
static bool ht_panic_abort;

void hal_test_set_ram(uint64_t bytes)
{
	if (ht.ram)
		munmap(ht.ram, ht.ram_bytes);
	ht.ram = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (ht.ram == MAP_FAILED) {
		perror("hal_test: mmap RAM");
		abort();
	}
	ht.ram_bytes = bytes;
}

void hal_test_reset(void)
{
	buf_free(&ht.out);
	buf_free(&ht.err);
	buf_free(&ht.log);
	buf_free(&ht.trace);
	buf_free(&ht.in);
	hal_test_set_ram(HAL_TEST_DEFAULT_RAM);
	ht.user_start = HAL_TEST_USER_START;
	ht.user_end = HAL_TEST_USER_END;
	ht.now = 0;
	ht.idle_count = ht.last_idle_deadline = 0;
	ht.idle_hook = NULL;
	ht.in_pos = 0;
	ht.in_eof = ht.in_pending = false;
	ht.tty = ht.raw = false;
	ht.nflushes = 0;
	ht.execute = NULL;
	ht.releases = 0;
	ht.rng = 0x9e3779b97f4a7c15ull;
	ht.boot_info = &ht_default_boot_info;
	ht.panic_msg[0] = '\0';
}

void hal_test_set_user_range(uaddr_t start, uaddr_t end)
{
	ht.user_start = start;
	ht.user_end = end;
}

static void ht_ensure_ram(void)
{
	if (!ht.ram)
		hal_test_reset();
}

void *hal_ram_base(void)
{
	ht_ensure_ram();
	return ht.ram;
}

uint64_t hal_ram_bytes(void)
{
	ht_ensure_ram();
	return ht.ram_bytes;
}

void *hal_heap_alloc(size_t size)
{
	return malloc(size);
}

void hal_heap_free(void *p, size_t size)
{
	(void)size;
	free(p);
}

uint64_t hal_clock_monotonic_ns(void)
{
	return ht.now;
}

uint64_t hal_clock_realtime_ns(void)
{
	return HAL_TEST_EPOCH_NS + ht.now;
}

uint64_t hal_test_clock_now(void)
{
	return ht.now;
}

void hal_test_clock_advance(uint64_t ns)
{
	ht.now += ns;
}

uint64_t hal_test_idle_count(void)
{
	return ht.idle_count;
}

uint64_t hal_test_last_idle_deadline(void)
{
	return ht.last_idle_deadline;
}

void hal_test_set_idle_hook(void (*fn)(void *arg), void *arg)
{
	ht.idle_hook = fn;
	ht.idle_arg = arg;
}

void hal_idle(uint64_t deadline_ns)
{
	ht.idle_count++;
	ht.last_idle_deadline = deadline_ns;
	if (ht.in_pending) {
		ht.in_pending = false;
		ostd_irq_console_input();
		return;
	}
	if (deadline_ns != UINT64_MAX) {
		if (deadline_ns > ht.now)
			ht.now = deadline_ns;
		return;
	}
	if (ht.idle_hook) {
		ht.idle_hook(ht.idle_arg);
		return;
	}
	hal_panic("hal_test: idle with no timer pending and no input to deliver: "
		  "every task is blocked for good (a deadlock in the test?)");
}

ssize_t hal_console_write(enum console_stream s, const void *buf, size_t n)
{
	buf_append(s == CONSOLE_ERR ? &ht.err : &ht.out, buf, n);
	return (ssize_t)n;
}

ssize_t hal_console_read(void *buf, size_t n)
{
	size_t avail = ht.in.len - ht.in_pos;

	if (!avail)
		return ht.in_eof ? 0 : -EAGAIN;
	if (n > avail)
		n = avail;
	memcpy(buf, ht.in.data + ht.in_pos, n);
	ht.in_pos += n;
	return (ssize_t)n;
}

bool hal_console_is_tty(int stream)
{
	(void)stream;
	return ht.tty;
}

int hal_console_winsize(unsigned short *rows, unsigned short *cols)
{
	if (!ht.tty)
		return -ENOTTY;
	*rows = ht.rows;
	*cols = ht.cols;
	return 0;
}

int hal_console_set_raw(bool raw)
{
	if (!ht.tty)
		return -ENOTTY;
	ht.raw = raw;
	return 0;
}

bool hal_test_console_is_raw(void)
{
	return ht.raw;
}

const char *hal_test_console_output(enum console_stream s, size_t *len)
{
	return buf_str(s == CONSOLE_ERR ? &ht.err : &ht.out, len);
}

void hal_test_console_feed(const void *buf, size_t n)
{
	buf_append(&ht.in, buf, n);
	ht.in_pending = true;
}

void hal_test_console_eof(void)
{
	ht.in_eof = true;
	ht.in_pending = true;
}

void hal_test_console_set_tty(bool tty, unsigned short rows, unsigned short cols)
{
	ht.tty = tty;
	ht.rows = rows;
	ht.cols = cols;
}

void hal_log_write(enum log_level lvl, const char *msg, size_t n)
{
	(void)lvl;
	buf_append(&ht.log, msg, n);
	if (n && msg[n - 1] != '\n')
		buf_append(&ht.log, "\n", 1);
	if (getenv("HAL_TEST_LOG"))
		fprintf(stderr, "log: %.*s\n", (int)n, msg);
}

const char *hal_test_log(size_t *len)
{
	return buf_str(&ht.log, len);
}

void hal_trace_write(const char *s, size_t n)
{
	buf_append(&ht.trace, s, n);
}

const char *hal_test_trace(size_t *len)
{
	return buf_str(&ht.trace, len);
}

void hal_test_trace_clear(void)
{
	buf_free(&ht.trace);
}

void hal_test_output_clear(void)
{
	buf_free(&ht.out);
	buf_free(&ht.err);
	buf_free(&ht.log);
	buf_free(&ht.trace);
}

uaddr_t hal_user_start(void)
{
	ht_ensure_ram();
	return ht.user_start;
}

uaddr_t hal_user_end(void)
{
	ht_ensure_ram();
	return ht.user_end;
}

int hal_space_create(struct vmspace *vs, void **hal_space)
{
	/* A distinct non-NULL token per space, so flushes can be told apart. */
	*hal_space = malloc(1);
	if (!*hal_space)
		return -ENOMEM;
	ht.spaces_live++;
	(void)vs;
	return 0;
}

void hal_space_destroy(void *hal_space)
{
	if (!hal_space)
		return;
	ht.spaces_live--;
	free(hal_space);
}

void hal_space_flush(void *hal_space, uaddr_t va, size_t len)
{
	if (ht.nflushes < HAL_TEST_FLUSH_KEEP)
		ht.flushes[ht.nflushes] = (struct hal_test_flush){ hal_space, va, len };
	ht.nflushes++;
}

unsigned int hal_test_spaces_live(void)
{
	return ht.spaces_live;
}

size_t hal_test_flush_count(void)
{
	return ht.nflushes;
}

bool hal_test_flush_get(size_t i, struct hal_test_flush *out)
{
	if (i >= ht.nflushes || i >= HAL_TEST_FLUSH_KEEP)
		return false;
	*out = ht.flushes[i];
	return true;
}

void hal_test_flush_clear(void)
{
	ht.nflushes = 0;
}

void hal_test_set_execute(hal_test_execute_fn fn, void *arg)
{
	ht.execute = fn;
	ht.execute_arg = arg;
}

enum user_return hal_user_execute(struct user_context *ctx, struct vmspace *vs,
				  void *hal_space, uint64_t deadline_ns)
{
	(void)hal_space;
	if (!ht.execute)
		hal_panic("hal_test: user_mode_execute without hal_test_set_execute()");
	return ht.execute(ctx, vs, deadline_ns, ht.execute_arg);
}

/* The test HAL's per-context state: just an FP image. */
struct engine_thread {
	uint8_t fp[HAL_TEST_FPSTATE_SIZE];
};

void hal_user_context_release(struct user_context *ctx)
{
	ht.releases++;
	free(ctx->engine);
	ctx->engine = NULL;
}

#define HT_FP_SW        464u
#define HT_FP_MAGIC1    0x46505853u
#define HT_FP_MAGIC2    0x46505845u
#define HT_FP_XSTATE    (HAL_TEST_FPSTATE_SIZE - 4u)

static void ht_put32(uint8_t *p, size_t off, uint32_t v)
{
	memcpy(p + off, &v, 4);
}

static uint32_t ht_get32(const uint8_t *p, size_t off)
{
	uint32_t v;

	memcpy(&v, p + off, 4);
	return v;
}

/* x87 CW 0x37f, MXCSR 0x1f80, the software bytes and both magics, as the host's. */
static void ht_fp_init(uint8_t *p)
{
	uint64_t features = 3;

	memset(p, 0, HAL_TEST_FPSTATE_SIZE);
	p[0] = 0x7f;
	p[1] = 0x03;
	ht_put32(p, 24, 0x1f80);
	ht_put32(p, 28, 0xffff);
	ht_put32(p, HT_FP_SW, HT_FP_MAGIC1);
	ht_put32(p, HT_FP_SW + 4, HAL_TEST_FPSTATE_SIZE);
	memcpy(p + HT_FP_SW + 8, &features, 8);
	ht_put32(p, HT_FP_SW + 16, HT_FP_XSTATE);
	ht_put32(p, HT_FP_XSTATE, HT_FP_MAGIC2);
}

static struct engine_thread *ht_fp_of(struct user_context *ctx)
{
	if (!ctx->engine) {
		ctx->engine = malloc(sizeof(struct engine_thread));
		if (!ctx->engine)
			hal_panic("hal_test: out of memory");
		ht_fp_init(ctx->engine->fp);
	}
	return ctx->engine;
}

size_t hal_user_fpstate_size(void)
{
	return HAL_TEST_FPSTATE_SIZE;
}

ssize_t hal_user_fpstate_get(struct user_context *ctx, void *buf, size_t len)
{
	if (len < HAL_TEST_FPSTATE_SIZE)
		return -ENOSPC;
	memcpy(buf, ht_fp_of(ctx)->fp, HAL_TEST_FPSTATE_SIZE);
	return HAL_TEST_FPSTATE_SIZE;
}

int hal_user_fpstate_set(struct user_context *ctx, const void *buf, size_t len)
{
	struct engine_thread *t = ht_fp_of(ctx);
	const uint8_t *p = buf;

	if (len < HAL_TEST_FPSTATE_SIZE || ht_get32(p, HT_FP_SW) != HT_FP_MAGIC1 ||
	    ht_get32(p, HT_FP_SW + 4) != HAL_TEST_FPSTATE_SIZE ||
	    ht_get32(p, HT_FP_SW + 16) != HT_FP_XSTATE ||
	    ht_get32(p, HT_FP_XSTATE) != HT_FP_MAGIC2 || (ht_get32(p, 24) & ~0xffffu)) {
		ht_fp_init(t->fp);
		return -EINVAL;
	}
	memcpy(t->fp, buf, HAL_TEST_FPSTATE_SIZE);
	return 0;
}

void hal_user_fpstate_reset(struct user_context *ctx)
{
	ht_fp_init(ht_fp_of(ctx)->fp);
}

unsigned int hal_test_context_releases(void)
{
	return ht.releases;
}

__noreturn void hal_panic(const char *msg)
{
	snprintf(ht.panic_msg, sizeof(ht.panic_msg), "%s", msg);
	fprintf(stderr, "hal_test: panic: %s\n", msg);
	fflush(stderr);
	if (ht_panic_abort)
		abort();
	_exit(HAL_TEST_PANIC_STATUS);
}

void hal_test_set_panic_abort(bool on)
{
	ht_panic_abort = on;
}

const char *hal_test_panic_message(void)
{
	return ht.panic_msg;
}

/* xorshift64*: reproducible bytes from a fixed seed. */
void hal_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;

	for (size_t i = 0; i < n; i++) {
		ht.rng ^= ht.rng >> 12;
		ht.rng ^= ht.rng << 25;
		ht.rng ^= ht.rng >> 27;
		p[i] = (unsigned char)((ht.rng * 0x2545f4914f6cdd1dull) >> 56);
	}
}

uint64_t hal_cpu_hwcap(void)
{
	return 0x178bfbffull;   /* a plausible x86-64 CPUID.1:EDX */
}

uint64_t hal_cpu_hwcap2(void)
{
	return 0;
}

void hal_test_set_boot_info(const struct boot_info *bi)
{
	ht.boot_info = bi ? bi : &ht_default_boot_info;
}

const struct boot_info *hal_boot_info(void)
{
	return ht.boot_info ? ht.boot_info : &ht_default_boot_info;
}

/* Called by the support library's weak ostd_main (ostd_test_main.c). */
int hal_test_run_body(void);

int hal_test_run_body(void)
{
	if (!ht.body)
		hal_panic("hal_test: ostd_main without ostd_test_boot()");
	return ht.body(ht.body_arg);
}

int ostd_test_boot(int (*body)(void *arg), void *arg)
{
	int status;

	ht_ensure_ram();
	ht.body = body;
	ht.body_arg = arg;
	status = ostd_run();
	ht.body = NULL;
	return status;
}

/* The debug port (ostd/debug_port.h): scripted input, captured output. A read that finds
 * no input left reports a hang-up rather than blocking a test forever. */
#include <ostd/debug_port.h>

static struct {
	bool open;
	struct buf in, out;
	size_t in_pos;
} ht_debug;

void hal_test_debug_port_open(const void *in, size_t n)
{
	buf_free(&ht_debug.in);
	buf_free(&ht_debug.out);
	buf_append(&ht_debug.in, in, n);
	ht_debug.in_pos = 0;
	ht_debug.open = true;
}

const char *hal_test_debug_port_output(size_t *len)
{
	return buf_str(&ht_debug.out, len);
}

bool debug_port_is_open(void)
{
	return ht_debug.open;
}

ssize_t debug_port_read(void *buf, size_t n, bool wait)
{
	size_t left = ht_debug.in.len - ht_debug.in_pos;

	if (!ht_debug.open)
		return 0;
	if (left == 0) {
		if (!wait)
			return -EAGAIN;
		ht_debug.open = false;
		return 0;
	}
	n = MIN(n, left);
	memcpy(buf, ht_debug.in.data + ht_debug.in_pos, n);
	ht_debug.in_pos += n;
	return (ssize_t)n;
}

ssize_t debug_port_write(const void *buf, size_t n)
{
	if (!ht_debug.open)
		return -EPIPE;
	buf_append(&ht_debug.out, buf, n);
	return (ssize_t)n;
}

void debug_port_close(void)
{
	ht_debug.open = false;
}
