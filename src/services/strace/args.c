/* strace/args.c: one argument or one result, printed by its kind. */
#include <abi/fcntl.h>
#include <strace/decode.h>

/* The largest value a result can have and still be an error: Linux's -4095..-1. */
#define ERRNO_LAST 4095

static bool result_is_error(long ret)
{
	return ret < 0 && ret >= -ERRNO_LAST;
}

bool strace_kind_is_output(enum strace_kind k)
{
	return k == SK_RBUF || k == SK_RSTR;
}

static void print_hex(struct strace_line *l, uint64_t v)
{
	strace_line_printf(l, "%#llx", (unsigned long long)v);
}

static void print_ptr(struct strace_line *l, uint64_t v)
{
	if (v)
		print_hex(l, v);
	else
		strace_line_puts(l, "NULL");
}

/* Octal as strace shows modes, C's "%#03o": 0644, 022, 007, 000. */
static void print_oct(struct strace_line *l, uint64_t v)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (digits[n - 1] != '0')
		digits[n++] = '0';
	while (n < 3)
		digits[n++] = '0';
	while (n)
		strace_line_putc(l, digits[--n]);
}

/* Buffers the kernel filled: shown only when the call succeeded, as much as it wrote. */
static void print_output(struct strace_line *l, enum strace_kind k, uint64_t v, long ret)
{
	if (result_is_error(ret))
		print_ptr(l, v);
	else if (k == SK_RBUF)
		strace_print_user_buffer(l, v, (uint64_t)ret);
	else
		strace_print_user_string(l, v);
}

static void print_fd(struct strace_line *l, uint64_t v)
{
	if ((int)v == AT_FDCWD)
		strace_line_puts(l, "AT_FDCWD");
	else
		strace_line_printf(l, "%d", (int)v);
}

/* Flag and enumeration kinds, by table. */
static void (*const named_printers[])(struct strace_line *, uint64_t) = {
	[SK_OPEN_FLAGS] = strace_print_open_flags,
	[SK_PROT] = strace_print_prot,
	[SK_MAP_FLAGS] = strace_print_map_flags,
	[SK_CLOCK] = strace_print_clock,
	[SK_ARCH_PRCTL] = strace_print_arch_prctl,
	[SK_IOCTL] = strace_print_ioctl,
	[SK_ACCESS_MODE] = strace_print_access_mode,
	[SK_AT_FLAGS] = strace_print_at_flags,
	[SK_WHENCE] = strace_print_whence,
	[SK_SIGHOW] = strace_print_sigprocmask_how,
	[SK_SIGNAL] = strace_print_signal,
	[SK_MADVISE] = strace_print_madvise,
	[SK_FCNTL_CMD] = strace_print_fcntl_cmd,
	[SK_RLIMIT] = strace_print_rlimit,
	[SK_GRND_FLAGS] = strace_print_grnd_flags,
	[SK_CLONE_FLAGS] = strace_print_clone_flags,
	[SK_WAIT_OPTIONS] = strace_print_wait_options,
	[SK_FD] = print_fd,
	[SK_HEX] = print_hex,
	[SK_OCT] = print_oct,
	[SK_PTR] = print_ptr,
	[SK_STR] = strace_print_user_string,
};

bool strace_arg_is_shown(enum strace_kind k, unsigned int i, const uint64_t args[6])
{
	/* open's mode is there only when the flags before it create a file. */
	if (k == SK_OPEN_MODE)
		return i > 0 && (args[i - 1] & (O_CREAT | O_TMPFILE));
	return true;
}

void strace_print_arg(struct strace_line *l, enum strace_kind k, unsigned int i,
		      const uint64_t args[6], long ret)
{
	uint64_t v = args[i];

	switch (k) {
	case SK_INT:
		strace_line_printf(l, "%d", (int)v);
		break;
	case SK_UINT:
		strace_line_printf(l, "%u", (unsigned int)v);
		break;
	case SK_LONG:
		strace_line_printf(l, "%lld", (long long)v);
		break;
	case SK_ULONG:
		strace_line_printf(l, "%llu", (unsigned long long)v);
		break;
	case SK_WBUF:
		strace_print_user_buffer(l, v, i < 5 ? args[i + 1] : 0);
		break;
	case SK_RBUF:
	case SK_RSTR:
		print_output(l, k, v, ret);
		break;
	case SK_OPEN_MODE:
		print_oct(l, (uint32_t)v);
		break;
	default:
		if ((size_t)k < ARRAY_SIZE(named_printers) && named_printers[k])
			named_printers[k](l, v);
		else
			print_hex(l, v);
		break;
	}
}

void strace_print_result(struct strace_line *l, enum strace_kind k, long ret)
{
	if (k == SK_NONE) {
		strace_line_puts(l, " = ?");
		return;
	}
	if (result_is_error(ret)) {
		strace_print_error(l, (int)-ret);
		return;
	}
	strace_line_puts(l, " = ");
	if (k == SK_HEX)
		print_hex(l, (uint64_t)ret);
	else if (k == SK_OCT)
		print_oct(l, (uint64_t)ret);
	else
		strace_line_printf(l, "%ld", ret);
}
