/* test_vdso.c: exec maps the embedded vDSO read+exec as a [vdso] area holding an ELF
 * shared object, and getcpu answers CPU 0 of node 0. */
#include <ostd/errno.h>
#include <abi/elf.h>
#include <abi/mman.h>
#include <exec/vdso.h>
#include "../services_test.h"

BOOTED_TEST(vdso_is_mapped_read_exec_as_an_elf_shared_object)
{
	struct process *p = svc_process_new();
	const struct mm_area *a;
	struct vm_query q;
	Elf64_Ehdr eh;
	size_t size = 0;
	uaddr_t base;

	ck_assert_ptr_nonnull(vdso_image(&size));
	ck_assert_int_eq(vdso_map(p->mm, &base), 0);
	ck_assert_uint_ne(base, 0);
	ck_assert_uint_eq(base % PAGE_SIZE, 0);
	a = mm_area_find(p->mm, base);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->flags & AREA_VDSO, AREA_VDSO);
	ck_assert_uint_eq(a->prot, PROT_READ | PROT_EXEC);
	ck_assert_uint_eq(a->end - a->start, ALIGN_UP(size, PAGE_SIZE));
	ck_assert_int_eq(vmspace_query(p->mm->vs, base, &q), 0);
	ck_assert_uint_eq(q.prot, VM_READ | VM_EXEC);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &eh, base, sizeof(eh)), 0);
	ck_assert_int_eq(memcmp(eh.e_ident, ELFMAG, SELFMAG), 0);
	ck_assert_uint_eq(eh.e_type, ET_DYN);
	ck_assert_uint_eq(eh.e_machine, EM_X86_64);
	svc_process_free(p);
	return 0;
}

/* The image's own dynamic symbols name the four entry points libcs look up. */
BOOTED_TEST(vdso_image_exports_the_linux_entry_points)
{
	static const char *const names[] = { "__vdso_clock_gettime", "__vdso_gettimeofday",
		"__vdso_time", "__vdso_getcpu", "LINUX_2.6" };
	size_t size = 0, k, n;
	const char *image = vdso_image(&size);

	ck_assert_ptr_nonnull(image);
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		bool found = false;

		n = strlen(names[k]) + 1;
		for (size_t at = 0; at + n <= size && !found; at++)
			found = memcmp(image + at, names[k], n) == 0;
		ck_assert_msg(found, "%s missing", names[k]);
	}
	return 0;
}

int main(void)
{
	Suite *s = suite_create("vdso");
	TCase *tc = tcase_create("vdso");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, vdso_is_mapped_read_exec_as_an_elf_shared_object);
	tcase_add_test(tc, vdso_image_exports_the_linux_entry_points);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
