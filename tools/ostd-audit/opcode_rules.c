/* opcode_rules.c: the banned instructions, by mnemonic and, for register moves, operand.
 *
 * Tolerated on purpose: int3 and RISC-V ebreak (a debugger breakpoint changes no privilege,
 * and compilers emit int3 as padding), ud2 (__builtin_trap), rdtsc and cpuid (unprivileged
 * and harmless; services should use OSTD's clocks anyway), and the RISC-V floating-point
 * CSRs fflags/frm/fcsr (user state the compiler touches for quiet float comparisons). */
#include "opcode_rules.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct opcode_rule {
	const char *mnemonic;
	const char *why;
};

static const char WHY_SYSCALL[] = "system call or software interrupt";
static const char WHY_IO[] = "port I/O instruction";
static const char WHY_PRIV[] = "privileged system instruction";
static const char WHY_RET[] = "privilege-changing return";
static const char WHY_VIRT[] = "virtualization instruction";
static const char WHY_SEG[] = "segment or far control transfer";

static const struct opcode_rule x86_rules[] = {
	{ "syscall", WHY_SYSCALL }, { "sysenter", WHY_SYSCALL }, { "int", WHY_SYSCALL },
	{ "int1", WHY_SYSCALL }, { "icebp", WHY_SYSCALL }, { "into", WHY_SYSCALL },
	{ "sysret", WHY_RET }, { "sysretl", WHY_RET }, { "sysretq", WHY_RET },
	{ "sysexit", WHY_RET }, { "sysexitl", WHY_RET }, { "sysexitq", WHY_RET },
	{ "iret", WHY_RET }, { "iretw", WHY_RET }, { "iretl", WHY_RET }, { "iretd", WHY_RET },
	{ "iretq", WHY_RET }, { "uiret", WHY_RET },
	{ "in", WHY_IO }, { "inb", WHY_IO }, { "inw", WHY_IO }, { "inl", WHY_IO },
	{ "ins", WHY_IO }, { "insb", WHY_IO }, { "insw", WHY_IO }, { "insl", WHY_IO },
	{ "insd", WHY_IO },
	{ "out", WHY_IO }, { "outb", WHY_IO }, { "outw", WHY_IO }, { "outl", WHY_IO },
	{ "outs", WHY_IO }, { "outsb", WHY_IO }, { "outsw", WHY_IO }, { "outsl", WHY_IO },
	{ "outsd", WHY_IO },
	{ "cli", WHY_PRIV }, { "sti", WHY_PRIV }, { "hlt", WHY_PRIV }, { "clts", WHY_PRIV },
	{ "lgdt", WHY_PRIV }, { "lidt", WHY_PRIV }, { "lldt", WHY_PRIV }, { "ltr", WHY_PRIV },
	{ "lmsw", WHY_PRIV }, { "sgdt", WHY_PRIV }, { "sidt", WHY_PRIV }, { "sldt", WHY_PRIV },
	{ "str", WHY_PRIV }, { "smsw", WHY_PRIV },
	{ "invlpg", WHY_PRIV }, { "invlpga", WHY_PRIV }, { "invpcid", WHY_PRIV },
	{ "invd", WHY_PRIV }, { "wbinvd", WHY_PRIV }, { "wbnoinvd", WHY_PRIV },
	{ "swapgs", WHY_PRIV }, { "xsetbv", WHY_PRIV }, { "rdmsr", WHY_PRIV },
	{ "rdpmc", WHY_PRIV }, { "rdfsbase", WHY_PRIV }, { "rdgsbase", WHY_PRIV },
	{ "monitor", WHY_PRIV }, { "mwait", WHY_PRIV }, { "monitorx", WHY_PRIV },
	{ "mwaitx", WHY_PRIV }, { "rsm", WHY_PRIV }, { "clac", WHY_PRIV }, { "stac", WHY_PRIV },
	{ "xsaves", WHY_PRIV }, { "xsaves64", WHY_PRIV }, { "xrstors", WHY_PRIV },
	{ "xrstors64", WHY_PRIV }, { "encls", WHY_PRIV }, { "pconfig", WHY_PRIV },
	{ "hreset", WHY_PRIV }, { "tdcall", WHY_PRIV }, { "seamcall", WHY_PRIV },
	{ "seamret", WHY_PRIV }, { "seamops", WHY_PRIV },
	{ "vmcall", WHY_VIRT }, { "vmlaunch", WHY_VIRT }, { "vmresume", WHY_VIRT },
	{ "vmxon", WHY_VIRT }, { "vmxoff", WHY_VIRT }, { "vmread", WHY_VIRT },
	{ "vmwrite", WHY_VIRT }, { "vmptrld", WHY_VIRT }, { "vmptrst", WHY_VIRT },
	{ "vmclear", WHY_VIRT }, { "vmfunc", WHY_VIRT }, { "vmmcall", WHY_VIRT },
	{ "vmrun", WHY_VIRT }, { "vmload", WHY_VIRT }, { "vmsave", WHY_VIRT },
	{ "vmgexit", WHY_VIRT }, { "stgi", WHY_VIRT }, { "clgi", WHY_VIRT },
	{ "skinit", WHY_VIRT }, { "invept", WHY_VIRT }, { "invvpid", WHY_VIRT },
	{ "ljmp", WHY_SEG }, { "lcall", WHY_SEG }, { "lret", WHY_SEG }, { "lretw", WHY_SEG },
	{ "lretl", WHY_SEG }, { "lretq", WHY_SEG }, { "lds", WHY_SEG }, { "les", WHY_SEG },
	{ "lfs", WHY_SEG }, { "lgs", WHY_SEG }, { "lss", WHY_SEG },
};

static const struct opcode_rule riscv_rules[] = {
	{ "ecall", WHY_SYSCALL },
	{ "sret", WHY_RET }, { "mret", WHY_RET }, { "uret", WHY_RET }, { "dret", WHY_RET },
	{ "mnret", WHY_RET },
	{ "wfi", WHY_PRIV }, { "sfence.vma", WHY_PRIV }, { "sinval.vma", WHY_PRIV },
	{ "sfence.w.inval", WHY_PRIV }, { "sfence.inval.ir", WHY_PRIV },
	{ "hfence.vvma", WHY_VIRT }, { "hfence.gvma", WHY_VIRT },
	{ "hinval.vvma", WHY_VIRT }, { "hinval.gvma", WHY_VIRT },
	{ "rdcycle", "counter CSR access" }, { "rdcycleh", "counter CSR access" },
	{ "rdtime", "counter CSR access" }, { "rdtimeh", "counter CSR access" },
	{ "rdinstret", "counter CSR access" }, { "rdinstreth", "counter CSR access" },
};

/* x86 prefixes objdump prints as separate words before the mnemonic. */
static const char *const x86_prefixes[] = {
	"lock", "rep", "repz", "repnz", "repe", "repne", "data16", "data32", "addr16",
	"addr32", "cs", "ds", "es", "fs", "gs", "ss", "notrack", "bnd", "xacquire",
	"xrelease", "{vex}", "{vex3}", "{evex}",
};

static bool opcode_in_list(const char *word, size_t len, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && !strncmp(word, list[i], len))
			return true;
	return false;
}

/* Splits insn into its mnemonic (prefixes skipped on x86) and the operand text after it. */
static void opcode_split(enum audit_arch arch, const char *insn, char *mn, size_t mn_size,
			 const char **operands)
{
	const char *p = insn;
	size_t len;

	for (;;) {
		p += strspn(p, " \t");
		len = strcspn(p, " \t");
		if (arch != AUDIT_ARCH_X86_64 || !(opcode_in_list(p, len, x86_prefixes,
			sizeof(x86_prefixes) / sizeof(x86_prefixes[0])) || !strncmp(p, "rex", 3)))
			break;
		p += len;
	}
	if (len >= mn_size)
		len = mn_size - 1;
	memcpy(mn, p, len);
	mn[len] = '\0';
	p += len;
	*operands = p + strspn(p, " \t");
}

static const char *opcode_find(const struct opcode_rule *rules, size_t n, const char *mn)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rules[i].mnemonic, mn))
			return rules[i].why;
	return NULL;
}

/* True when ops names register class cls (e.g. "%cr") followed by a digit. */
static bool opcode_has_reg(const char *ops, const char *cls)
{
	size_t n = strlen(cls);

	for (const char *p = strstr(ops, cls); p; p = strstr(p + 1, cls))
		if (p[n] >= '0' && p[n] <= '9')
			return true;
	return false;
}

/* AT&T puts the destination last: a load of a segment register ends in one. */
static bool opcode_writes_segment(const char *mn, const char *ops)
{
	static const char *const segs[] = { "%ds", "%es", "%fs", "%gs", "%ss", "%cs" };
	size_t len = strcspn(ops, " \t#<");
	const char *dst = ops;

	if (strncmp(mn, "mov", 3) && strncmp(mn, "pop", 3))
		return false;
	for (const char *p = ops; p < ops + len; p++)
		if (*p == ',')
			dst = p + 1;
	for (size_t i = 0; i < sizeof(segs) / sizeof(segs[0]); i++)
		if (ops + len - dst == 3 && !strncmp(dst, segs[i], 3))
			return true;
	return false;
}

static const char *opcode_check_x86(const char *mn, const char *ops)
{
	const char *why = opcode_find(x86_rules, sizeof(x86_rules) / sizeof(x86_rules[0]), mn);

	if (why)
		return why;
	/* wrmsr, wrfsbase/wrgsbase, wrpkru, wrss*: every wr* writes machine state. */
	if (!strncmp(mn, "wr", 2))
		return WHY_PRIV;
	if (opcode_has_reg(ops, "%cr"))
		return "control register access";
	if (opcode_has_reg(ops, "%db") || opcode_has_reg(ops, "%dr") || opcode_has_reg(ops, "%tr"))
		return "debug or test register access";
	if (opcode_writes_segment(mn, ops))
		return WHY_SEG;
	if (!strcmp(mn, "(bad)"))
		return "bytes that do not decode as an instruction";
	return NULL;
}

/* The CSRs of the unprivileged floating-point unit. */
static bool opcode_is_fp_csr(const char *ops)
{
	static const char *const fp[] = { "fflags", "frm", "fcsr" };
	size_t len;

	for (const char *p = ops; *p; p += len) {
		p += strspn(p, ", \t");
		len = strcspn(p, ", \t");
		if (!len)
			break;
		if (opcode_in_list(p, len, fp, sizeof(fp) / sizeof(fp[0])))
			return true;
	}
	return false;
}

static const char *opcode_check_riscv(const char *mn, const char *ops)
{
	static const char *const fp_pseudo[] = {
		"frflags", "fsflags", "fsflagsi", "frrm", "fsrm", "fsrmi", "frcsr", "fscsr",
	};
	const char *why = opcode_find(riscv_rules, sizeof(riscv_rules) / sizeof(riscv_rules[0]), mn);

	if (why)
		return why;
	if (!strncmp(mn, "sfence.", 7) || !strncmp(mn, "hfence.", 7) || !strncmp(mn, "hlv", 3) ||
	    !strncmp(mn, "hsv", 3))
		return WHY_PRIV;
	if (opcode_in_list(mn, strlen(mn), fp_pseudo, sizeof(fp_pseudo) / sizeof(fp_pseudo[0])))
		return NULL;
	if (!strncmp(mn, "csr", 3) && !opcode_is_fp_csr(ops))
		return "control and status register access";
	if (!strcmp(mn, "unimp") || !strcmp(mn, "c.unimp"))
		return NULL;
	if (!strcmp(mn, "(bad)") || !strcmp(mn, ".insn") || !strcmp(mn, "<unknown>"))
		return "bytes that do not decode as an instruction";
	return NULL;
}

const char *opcode_rules_check(enum audit_arch arch, const char *insn)
{
	const char *ops;
	char mn[32];

	opcode_split(arch, insn, mn, sizeof(mn), &ops);
	if (!mn[0])
		return NULL;
	if (arch == AUDIT_ARCH_RISCV64)
		return opcode_check_riscv(mn, ops);
	return opcode_check_x86(mn, ops);
}
