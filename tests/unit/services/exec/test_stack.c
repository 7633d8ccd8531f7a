/* test_stack.c: the initial stack holds argc, argv, envp and the auxiliary vector exactly
 * where Linux puts them, read back through vmspace_copy_from. */
#include <ostd/errno.h>
#include <abi/auxv.h>
#include <exec/exec.h>
#include "../services_test.h"
#include "elf_builder.h"

static uint64_t read_word(struct process *p, uaddr_t at)
{
	uint64_t v;

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &v, at, sizeof(v)), 0);
	return v;
}

static void check_string(struct process *p, uaddr_t at, const char *want)
{
	char buf[256];

	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, buf, at, strlen(want) + 1), 0);
	ck_assert_str_eq(buf, want);
}

struct loaded {
	struct process *p;
	struct elf_image img;
	uaddr_t sp;
};

static void load_and_build(struct loaded *l, int argc, char **argv, char **envp)
{
	static struct test_elf e;

	l->p = svc_process_new();
	test_elf_build(&e);
	ck_assert_int_eq(elf_load(l->p->mm, e.bytes, sizeof(e.bytes), &l->img), 0);
	ck_assert_int_eq(stack_build(l->p->mm, &l->img, argc, argv, envp, "/bin/prog", &l->sp), 0);
}

BOOTED_TEST(stack_starts_with_argc_argv_and_envp)
{
	char *argv[] = { "prog", "first arg", "" };
	char *envp[] = { "HOME=/", "X=1", NULL };
	struct loaded l;
	uaddr_t at;

	load_and_build(&l, 3, argv, envp);
	ck_assert_uint_eq(l.sp % 16, 0);
	ck_assert(l.sp < l.p->mm->stack_top && l.sp > l.p->mm->stack_top - MM_STACK_SIZE);
	ck_assert_uint_eq(read_word(l.p, l.sp), 3);
	check_string(l.p, read_word(l.p, l.sp + 8), "prog");
	check_string(l.p, read_word(l.p, l.sp + 16), "first arg");
	check_string(l.p, read_word(l.p, l.sp + 24), "");
	ck_assert_uint_eq(read_word(l.p, l.sp + 32), 0);
	check_string(l.p, read_word(l.p, l.sp + 40), "HOME=/");
	check_string(l.p, read_word(l.p, l.sp + 48), "X=1");
	ck_assert_uint_eq(read_word(l.p, l.sp + 56), 0);
	/* Strings sit above the vectors, argv[0] lowest, below the top of the stack. */
	at = read_word(l.p, l.sp + 8);
	ck_assert(at > l.sp + 64 && at < l.p->mm->stack_top);
	ck_assert(read_word(l.p, l.sp + 40) > at);
	svc_process_free(l.p);
	return 0;
}

BOOTED_TEST(auxv_holds_every_entry_in_linux_order)
{
	static const uint64_t order[] = { AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE,
		AT_FLAGS, AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_SECURE, AT_RANDOM,
		AT_HWCAP, AT_HWCAP2, AT_CLKTCK, AT_PLATFORM, AT_EXECFN, AT_MINSIGSTKSZ, AT_NULL };
	char *argv[] = { "prog" };
	char *envp[] = { NULL };
	uint64_t val[64] = { 0 };
	struct loaded l;
	uaddr_t at;
	unsigned int k;

	load_and_build(&l, 1, argv, envp);
	at = l.sp + 8 * 4;   /* argc, argv[0], NULL, (no env) NULL */
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++, at += 16) {
		uint64_t tag = read_word(l.p, at);

		ck_assert_msg(tag == order[k], "auxv %u: tag %lu, wanted %lu", k,
			      (unsigned long)tag, (unsigned long)order[k]);
		val[tag] = read_word(l.p, at + 8);
	}
	ck_assert_uint_eq(val[AT_PHDR], l.img.phdr);
	ck_assert_uint_eq(val[AT_PHENT], sizeof(Elf64_Phdr));
	ck_assert_uint_eq(val[AT_PHNUM], ELF_PHNUM);
	ck_assert_uint_eq(val[AT_PAGESZ], 4096);
	ck_assert_uint_eq(val[AT_BASE], 0);
	ck_assert_uint_eq(val[AT_ENTRY], TEXT_VADDR + CODE_OFFSET);
	ck_assert_uint_eq(val[AT_SECURE], 0);
	ck_assert_uint_eq(val[AT_CLKTCK], 100);
	ck_assert_uint_eq(val[AT_UID] | val[AT_EUID] | val[AT_GID] | val[AT_EGID], 0);
	ck_assert_uint_ne(val[AT_MINSIGSTKSZ], 0);
	check_string(l.p, val[AT_PLATFORM], "x86_64");
	check_string(l.p, val[AT_EXECFN], "/bin/prog");
	ck_assert(val[AT_RANDOM] > l.sp && val[AT_RANDOM] + 16 <= l.p->mm->stack_top);
	svc_process_free(l.p);
	return 0;
}

BOOTED_TEST(at_phdr_points_at_the_program_headers_in_memory)
{
	char *argv[] = { "prog" };
	Elf64_Phdr ph;
	struct loaded l;

	load_and_build(&l, 1, argv, NULL);
	ck_assert_int_eq(vmspace_copy_from(l.p->mm->vs, &ph, l.img.phdr + sizeof(ph), sizeof(ph)), 0);
	ck_assert_uint_eq(ph.p_type, PT_LOAD);
	ck_assert_uint_eq(ph.p_vaddr, TEXT_VADDR);
	svc_process_free(l.p);
	return 0;
}

BOOTED_TEST(at_phdr_without_pt_phdr_comes_from_the_segment_holding_them)
{
	static struct test_elf e;
	struct elf_image img;
	struct process *p = svc_process_new();

	test_elf_build(&e);
	test_elf_phdr(&e, 0)->p_type = PT_NOTE;
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_uint_eq(img.phdr, TEXT_VADDR + sizeof(Elf64_Ehdr));
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(exec_aux_gives_sysinfo_ehdr_first_then_base_and_credentials)
{
	static struct test_elf e;
	const struct exec_aux aux = { .base = 0x7f0000000000ull, .vdso = 0x7f0000100000ull,
				      .uid = 1000, .euid = 0, .gid = 100, .egid = 100,
				      .secure = true };
	char *argv[] = { "prog" };
	struct process *p = svc_process_new();
	struct elf_image img;
	uint64_t val[64] = { 0 };
	uaddr_t sp, at;

	test_elf_build(&e);
	ck_assert_int_eq(elf_load(p->mm, e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_int_eq(stack_build_aux(p->mm, &img, &aux, 1, argv, NULL, "/p", &sp), 0);
	/* argc, argv[0], NULL, envp's NULL, then the vector. */
	at = sp + 4 * 8;
	ck_assert_uint_eq(read_word(p, at), AT_SYSINFO_EHDR);
	for (;; at += 16) {
		uint64_t tag = read_word(p, at);

		if (tag == AT_NULL)
			break;
		ck_assert_uint_lt(tag, 64);
		val[tag] = read_word(p, at + 8);
	}
	ck_assert_uint_eq(val[AT_SYSINFO_EHDR], aux.vdso);
	ck_assert_uint_eq(val[AT_BASE], aux.base);
	ck_assert_uint_eq(val[AT_UID], 1000);
	ck_assert_uint_eq(val[AT_EUID], 0);
	ck_assert_uint_eq(val[AT_GID], 100);
	ck_assert_uint_eq(val[AT_SECURE], 1);
	ck_assert_uint_eq(val[AT_ENTRY], TEXT_VADDR + CODE_OFFSET);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(oversized_arguments_are_e2big)
{
	static struct test_elf e;
	static char big[(2u << 20) + 1];
	char *argv[] = { big };
	struct elf_image img;
	struct process *p = svc_process_new();
	uaddr_t sp;

	memset(big, 'a', sizeof(big) - 1);
	test_elf_build(&e);
	ck_assert_int_eq(elf_load(p->mm, e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_int_eq(stack_build(p->mm, &img, 1, argv, NULL, "/x", &sp), -E2BIG);
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("stack");
	TCase *tc = tcase_create("stack");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, stack_starts_with_argc_argv_and_envp);
	tcase_add_test(tc, auxv_holds_every_entry_in_linux_order);
	tcase_add_test(tc, at_phdr_points_at_the_program_headers_in_memory);
	tcase_add_test(tc, at_phdr_without_pt_phdr_comes_from_the_segment_holding_them);
	tcase_add_test(tc, oversized_arguments_are_e2big);
	tcase_add_test(tc, exec_aux_gives_sysinfo_ehdr_first_then_base_and_credentials);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
