/* strace/decode.h: how the tracer prints values: strings, flags, errors, one argument. */
#ifndef SERVICES_STRACE_DECODE_H
#define SERVICES_STRACE_DECODE_H

#include <ostd/types.h>
#include <strace/line.h>

/* strace's default -s: strings and buffers show this many bytes, then "...". */
#define STRACE_STRING_MAX 32

/* Appends n bytes as a quoted C literal with strace's escapes: \t \n \v \f \r \" \\,
 * others outside printable ASCII in octal (\0, \33, \177; always 3 digits before a digit
 * 0-7 so the reader cannot merge them). truncated adds "..." after the closing quote. */
void strace_quote(struct strace_line *l, const void *bytes, size_t n, bool truncated);

/* A NUL-terminated string at user address addr: NULL for 0, the address in hex when it
 * cannot be read, else quoted (the first STRACE_STRING_MAX bytes, then "..."). */
void strace_print_user_string(struct strace_line *l, uint64_t addr);
/* A buffer of len bytes at addr, quoted like strace_print_user_string. */
void strace_print_user_buffer(struct strace_line *l, uint64_t addr, uint64_t len);

/* A value as a set of named flags, strace style: A|B|0x40 for leftover bits, "0" when
 * empty. mode_mask: bits that hold an enumerated mode (O_ACCMODE, MAP_TYPE) printed first
 * from names with value within the mask; 0 for none. */
struct strace_flag {
	uint64_t value;
	const char *name;
};
void strace_print_flags(struct strace_line *l, uint64_t v, const struct strace_flag *flags,
			size_t n, uint64_t mode_mask);
/* A value that is one of names (exact match), else dflt_fmt: "%d"-style decimal or hex. */
void strace_print_enum(struct strace_line *l, uint64_t v, const struct strace_flag *names,
		       size_t n, bool hex_default);

void strace_print_open_flags(struct strace_line *l, uint64_t v);
void strace_print_prot(struct strace_line *l, uint64_t v);
void strace_print_map_flags(struct strace_line *l, uint64_t v);
void strace_print_clock(struct strace_line *l, uint64_t v);
void strace_print_arch_prctl(struct strace_line *l, uint64_t v);
void strace_print_ioctl(struct strace_line *l, uint64_t v);
void strace_print_access_mode(struct strace_line *l, uint64_t v);
void strace_print_at_flags(struct strace_line *l, uint64_t v);
void strace_print_whence(struct strace_line *l, uint64_t v);
void strace_print_sigprocmask_how(struct strace_line *l, uint64_t v);
void strace_print_signal(struct strace_line *l, uint64_t v);
void strace_print_madvise(struct strace_line *l, uint64_t v);
void strace_print_fcntl_cmd(struct strace_line *l, uint64_t v);
void strace_print_rlimit(struct strace_line *l, uint64_t v);
void strace_print_grnd_flags(struct strace_line *l, uint64_t v);
/* clone's flags, with the exit signal in the low byte by name: CLONE_VM|...|SIGCHLD. */
void strace_print_clone_flags(struct strace_line *l, uint64_t v);
void strace_print_wait_options(struct strace_line *l, uint64_t v);

/* Linux's name and strerror() text of errno err (positive), or NULL when unknown. */
const char *strace_errno_name(int err);
const char *strace_errno_message(int err);
/* " = -1 ENAME (message)" for err (positive). */
void strace_print_error(struct strace_line *l, int err);

/* How one argument or result is shown. */
enum strace_kind {
	SK_INT = 1,      /* int, decimal (0 marks an empty signature slot) */
	SK_UINT,         /* unsigned int, decimal */
	SK_LONG,         /* long, decimal (offsets) */
	SK_ULONG,        /* size_t, decimal */
	SK_HEX,          /* 0x... */
	SK_OCT,          /* file modes: 0644 */
	SK_PTR,          /* NULL or 0x... */
	SK_FD,           /* int, AT_FDCWD by name */
	SK_STR,          /* NUL-terminated string the kernel reads */
	SK_WBUF,         /* buffer the kernel reads; its length is the next argument */
	SK_RBUF,         /* buffer the kernel fills; printed after, the result's byte count */
	SK_RSTR,         /* string the kernel fills (getcwd); printed after */
	SK_OPEN_FLAGS, SK_OPEN_MODE,   /* mode shown only with O_CREAT or O_TMPFILE */
	SK_PROT, SK_MAP_FLAGS, SK_CLOCK, SK_ARCH_PRCTL, SK_IOCTL, SK_ACCESS_MODE,
	SK_AT_FLAGS, SK_WHENCE, SK_SIGHOW, SK_SIGNAL, SK_MADVISE, SK_FCNTL_CMD, SK_RLIMIT,
	SK_GRND_FLAGS, SK_CLONE_FLAGS, SK_WAIT_OPTIONS,
	SK_NONE,         /* result only: the call does not return (exit): "?" */
};

/* What a syscall's line looks like: its arguments' kinds and its result's. */
struct strace_signature {
	uint8_t nargs;
	uint8_t ret;
	uint8_t args[6];
};

/* The signature of syscall nr, or NULL when the tracer has none (printed raw). */
const struct strace_signature *strace_signature_of(uint64_t nr);
/* True when the kernel fills this argument: it is printed at syscall exit. */
bool strace_kind_is_output(enum strace_kind k);
/* False for an argument the syscall ignores here (open's mode without O_CREAT). */
bool strace_arg_is_shown(enum strace_kind k, unsigned int i, const uint64_t args[6]);
/* Appends argument i (value v, all raw arguments in args) of kind k; ret is the result
 * for output kinds. */
void strace_print_arg(struct strace_line *l, enum strace_kind k, unsigned int i,
		      const uint64_t args[6], long ret);
/* Appends " = " and the result ret as kind k (SK_INT, SK_HEX, SK_OCT, SK_NONE). */
void strace_print_result(struct strace_line *l, enum strace_kind k, long ret);

#endif
