/* sys_program.c: decoding a fuzz input into a syscall program (format in sys_program.h). */
#include <string.h>

#include <strace/decode.h>
#include "fuzz_input.h"
#include "sys_program.h"

int sys_kind_has_bytes(unsigned int k)
{
	switch (k) {
	case SK_STR:
	case SK_WBUF:
	case SK_RBUF:
	case SK_RSTR:
	case SK_PTR:
	case SYS_KIND_ANY:
		return 1;
	default:
		return 0;
	}
}

static void sys_arg_decode(struct fuzz_input *in, unsigned int kind, struct sys_arg *a)
{
	const uint8_t *p;
	uint8_t how = fuzz_input_u8(in);

	memset(a, 0, sizeof(*a));
	a->how = how & 3;
	switch (a->how) {
	case SYS_ARG_TYPED:
		a->sel = fuzz_input_u8(in);
		a->aux = fuzz_input_u8(in);
		if (sys_kind_has_bytes(kind)) {
			a->len = (uint8_t)fuzz_input_take(in, fuzz_input_u8(in) % (SYS_ARG_BYTES_MAX + 1),
							  &p);
			memcpy(a->bytes, p, a->len);
		}
		break;
	case SYS_ARG_SMALL:
		a->value = (uint64_t)(int64_t)(int8_t)fuzz_input_u8(in);
		break;
	case SYS_ARG_RESULT:
		a->sel = how >> 2;
		break;
	default:
		a->value = fuzz_input_u64(in);
		break;
	}
}

/* The number and signature of the op that sel names. */
static void sys_op_describe(uint16_t sel, struct sys_op *op)
{
	const struct strace_signature *sig;
	int k = (int)(sel % sys_table_count());
	unsigned int i;

	if (sel & SYS_SEL_RAW) {
		op->nr = sel & 0x1ff;
		k = sys_table_find(op->nr);
	} else {
		op->nr = (uint16_t)sys_table_nr((unsigned int)k);
	}
	op->nargs = k < 0 ? 6 : (uint8_t)sys_table_nargs((unsigned int)k);
	sig = strace_signature_of(op->nr);
	for (i = 0; i < 6; i++)
		op->kinds[i] = sig && i < sig->nargs ? sig->args[i] : SYS_KIND_ANY;
	if (op->nargs > 6)
		op->nargs = 6;
}

void sys_program_decode(const uint8_t *data, size_t size, struct sys_program *prog)
{
	struct fuzz_input in = { .data = data, .size = size };
	struct sys_op *op;
	unsigned int i;

	prog->nops = 0;
	while (!fuzz_input_is_done(&in) && prog->nops < SYS_PROG_OPS_MAX) {
		op = &prog->ops[prog->nops++];
		memset(op, 0, sizeof(*op));
		sys_op_describe(fuzz_input_u16(&in), op);
		for (i = 0; i < op->nargs; i++)
			sys_arg_decode(&in, op->kinds[i], &op->args[i]);
	}
}
