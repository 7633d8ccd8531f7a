/* strace/strace.c: turning a syscall's number, arguments and result into one line. */
#include <ostd/boot.h>
#include <ostd/trace.h>
#include <strace/decode.h>
#include <strace/strace.h>
#include <syscall/syscall.h>

bool strace_enabled;
static unsigned int strace_process_count = 1;

void strace_setup(const struct boot_info *bi)
{
	strace_enabled = bi && bi->strace;
}

void strace_set_process_count(unsigned int n)
{
	strace_process_count = n;
}

/* A syscall the tracer cannot name or has no signature for: all six registers, raw. */
static void strace_print_raw(struct strace_call *c, const char *name)
{
	unsigned int i;

	if (name)
		strace_line_printf(&c->line, "%s(", name);
	else
		strace_line_printf(&c->line, "syscall_%llu(", (unsigned long long)c->nr);
	for (i = 0; i < 6; i++)
		strace_line_printf(&c->line, "%s%#llx", i ? ", " : "",
				   (unsigned long long)c->args[i]);
	c->next_arg = 6;
}

/* Prints arguments from c->next_arg on, stopping before the first one the kernel fills
 * unless at_exit; ret is the result at exit. */
static void strace_print_args(struct strace_call *c, const struct strace_signature *sig,
			      bool at_exit, long ret)
{
	unsigned int i;

	for (i = c->next_arg; i < sig->nargs; i++) {
		enum strace_kind k = sig->args[i];

		if (!at_exit && strace_kind_is_output(k))
			break;
		if (!strace_arg_is_shown(k, i, c->args))
			continue;
		if (i)
			strace_line_puts(&c->line, ", ");
		strace_print_arg(&c->line, k, i, c->args, ret);
	}
	c->next_arg = i;
}

/* Completes the line with the arguments left and the result, and writes it. */
static void strace_finish(struct strace_call *c, const struct strace_signature *sig,
			  long ret)
{
	const char *text;

	if (sig)
		strace_print_args(c, sig, true, ret);
	strace_line_putc(&c->line, ')');
	strace_print_result(&c->line, sig ? sig->ret : SK_INT, ret);
	text = strace_line_end(&c->line);
	ostd_trace_write(text, c->line.len);
	c->done = true;
}

void strace_syscall_enter(struct strace_call *c, int pid, uint64_t nr,
			  const uint64_t args[6])
{
	const struct strace_signature *sig = strace_signature_of(nr);
	const char *name = syscall_name(nr);
	unsigned int i;

	c->nr = nr;
	for (i = 0; i < 6; i++)
		c->args[i] = args[i];
	c->next_arg = 0;
	c->done = false;
	strace_line_init(&c->line);
	if (strace_process_count > 1)
		strace_line_printf(&c->line, "[pid %d] ", pid);
	if (!name || !sig) {
		strace_print_raw(c, name);
		return;
	}
	strace_line_printf(&c->line, "%s(", name);
	strace_print_args(c, sig, false, 0);
	/* exit and exit_group may never come back: their line is whole already. */
	if (sig->ret == SK_NONE)
		strace_finish(c, sig, 0);
}

void strace_syscall_exit(struct strace_call *c, long ret)
{
	const struct strace_signature *sig =
		syscall_name(c->nr) ? strace_signature_of(c->nr) : NULL;

	if (!c->done)
		strace_finish(c, sig, ret);
}
