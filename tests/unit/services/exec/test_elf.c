/* test_elf.c: the ELF loader maps a valid executable, records a well-formed PT_INTERP,
 * places ET_DYN images where it is told, and rejects every malformed one with -ENOEXEC
 * before touching the address space. */
#include <stdio.h>
#include <stdlib.h>
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <abi/mman.h>
#include <exec/exec.h>
#include "../services_test.h"
#include "elf_builder.h"

static unsigned int area_count(const struct mm *mm)
{
	const struct mm_area *a;
	unsigned int n = 0;

	for (a = mm->areas; a; a = a->next)
		n++;
	return n;
}

BOOTED_TEST(valid_static_elf_maps_segments_with_their_permissions)
{
	struct process *p = svc_process_new();
	static struct test_elf e;
	struct elf_image img;
	unsigned char data[DATA_FILESZ + 8];
	struct vm_query q;
	unsigned int k;

	test_elf_build(&e);
	ck_assert_int_eq(elf_load(p->mm, e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_uint_eq(img.entry, TEXT_VADDR + CODE_OFFSET);
	ck_assert_uint_eq(img.phdr, TEXT_VADDR + sizeof(Elf64_Ehdr));
	ck_assert_uint_eq(img.phnum, ELF_PHNUM);
	ck_assert_uint_eq(img.brk_start, DATA_VADDR + DATA_MEMSZ);
	ck_assert_uint_eq(p->mm->brk, DATA_VADDR + DATA_MEMSZ);
	ck_assert_int_eq(vmspace_query(p->mm->vs, TEXT_VADDR, &q), 0);
	ck_assert_uint_eq(q.prot, VM_READ | VM_EXEC);
	ck_assert_int_eq(vmspace_query(p->mm->vs, DATA_VADDR, &q), 0);
	ck_assert_uint_eq(q.prot, VM_READ | VM_WRITE);
	ck_assert_uint_eq(mm_area_find(p->mm, DATA_VADDR + DATA_MEMSZ - 1)->prot,
			  PROT_READ | PROT_WRITE);
	/* File bytes, then zeroes for the rest of the page and for bss pages. */
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, data, DATA_VADDR, sizeof(data)), 0);
	for (k = 0; k < DATA_FILESZ; k++)
		ck_assert_uint_eq(data[k], 0xa0 + k);
	for (; k < sizeof(data); k++)
		ck_assert_uint_eq(data[k], 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, data, DATA_VADDR + 0x2000, 8), 0);
	ck_assert_uint_eq(data[0] | data[7], 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, data, TEXT_VADDR + CODE_OFFSET, 2), 0);
	ck_assert_uint_eq(data[0], 0xeb);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(static_pie_is_loaded_at_the_fixed_base)
{
	struct process *p = svc_process_new();
	static struct test_elf e;
	struct elf_image img;
	struct vm_query q;

	test_elf_build(&e);
	e.eh.e_type = ET_DYN;
	e.eh.e_entry -= TEXT_VADDR;
	test_elf_phdr(&e, 0)->p_vaddr -= TEXT_VADDR;
	test_elf_phdr(&e, 1)->p_vaddr -= TEXT_VADDR;
	test_elf_phdr(&e, 2)->p_vaddr -= TEXT_VADDR;
	ck_assert_int_eq(elf_load(p->mm, e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_uint_eq(img.entry, ELF_PIE_BASE + CODE_OFFSET);
	ck_assert_int_eq(vmspace_query(p->mm->vs, ELF_PIE_BASE, &q), 0);
	svc_process_free(p);
	return 0;
}

/* Each case breaks one thing in a valid image. */
typedef void (*elf_breaker)(struct test_elf *e, size_t *size);

static void trunc_header(struct test_elf *e, size_t *size) { *size = sizeof(Elf64_Ehdr) - 1; }
static void trunc_phdrs(struct test_elf *e, size_t *size) { *size = sizeof(Elf64_Ehdr) + 60; }
static void zero_phnum(struct test_elf *e, size_t *size) { e->eh.e_phnum = 0; }
static void huge_phnum(struct test_elf *e, size_t *size) { e->eh.e_phnum = 0xffff; }
static void bad_phentsize(struct test_elf *e, size_t *size) { e->eh.e_phentsize = 32; }
static void bad_magic(struct test_elf *e, size_t *size) { e->eh.e_ident[1] = 'X'; }
static void bad_class(struct test_elf *e, size_t *size) { e->eh.e_ident[EI_CLASS] = 1; }
static void bad_data(struct test_elf *e, size_t *size) { e->eh.e_ident[EI_DATA] = 2; }
static void bad_version(struct test_elf *e, size_t *size) { e->eh.e_version = 2; }
static void bad_machine(struct test_elf *e, size_t *size) { e->eh.e_machine = 183; }
static void bad_type(struct test_elf *e, size_t *size) { e->eh.e_type = 4; }
static void phoff_beyond(struct test_elf *e, size_t *size) { e->eh.e_phoff = ~0ull - 8; }
static void filesz_over_memsz(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_filesz = DATA_MEMSZ + 1;
}
static void huge_filesz(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_filesz = test_elf_phdr(e, 2)->p_memsz = ~0ull - 0x100;
}
static void offset_beyond_file(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_offset = 0x10000;
	test_elf_phdr(e, 2)->p_vaddr = DATA_VADDR + 0xf000;
}
static void misaligned(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_vaddr = DATA_VADDR + 8;
}
static void overlapping(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_vaddr = TEXT_VADDR + 0x100;
	test_elf_phdr(e, 2)->p_offset = 0x100;
}
static void entry_outside(struct test_elf *e, size_t *size) { e->eh.e_entry = DATA_VADDR; }
static void above_user_range(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_vaddr = (vmspace_user_end() & ~0xfffull) - 0x1000;
}
static void wraps_around(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_vaddr = ~0ull & ~0xfffull;
}
static void below_user_range(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 1)->p_vaddr = 0;
	e->eh.e_entry = CODE_OFFSET;
}
#define INTERP_OFFSET 0x300ull   /* zero bytes after the text, inside the file */
static const char interp_path[] = "/lib64/ld-linux-x86-64.so.2";

/* Turns the PT_PHDR entry into a PT_INTERP of len bytes at off, the path written there. */
static void set_interp(struct test_elf *e, uint64_t off, uint64_t len)
{
	Elf64_Phdr *ph = test_elf_phdr(e, 0);

	ph->p_type = PT_INTERP;
	ph->p_offset = off;
	ph->p_filesz = ph->p_memsz = len;
	if (off + sizeof(interp_path) <= sizeof(e->bytes))
		memcpy(e->bytes + off, interp_path, sizeof(interp_path));
}
static void interp_unterminated(struct test_elf *e, size_t *size)
{
	set_interp(e, INTERP_OFFSET, sizeof(interp_path) - 1);
}
static void interp_too_short(struct test_elf *e, size_t *size)
{
	set_interp(e, INTERP_OFFSET, 1);
}
static void interp_too_long(struct test_elf *e, size_t *size)
{
	set_interp(e, INTERP_OFFSET, ELF_INTERP_MAX + 1);
}
static void interp_beyond_file(struct test_elf *e, size_t *size)
{
	set_interp(e, INTERP_OFFSET, sizeof(interp_path));
	test_elf_phdr(e, 0)->p_offset = ~0ull - 4;
}
static void interp_runs_past_file(struct test_elf *e, size_t *size)
{
	set_interp(e, sizeof(e->bytes) - 4, 0x100);
}
static void huge_memsz(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_memsz = 1ull << 62;
}
static void overlaps_stack(struct test_elf *e, size_t *size)
{
	test_elf_phdr(e, 2)->p_vaddr = (vmspace_user_end() & ~0xfffull) - 0x10000;
}

static const elf_breaker breakers[] = {
	trunc_header, trunc_phdrs, zero_phnum, huge_phnum, bad_phentsize, bad_magic, bad_class,
	bad_data, bad_version, bad_machine, bad_type, phoff_beyond, filesz_over_memsz,
	huge_filesz, offset_beyond_file, misaligned, overlapping, entry_outside,
	above_user_range, wraps_around, below_user_range, overlaps_stack, interp_unterminated,
	interp_too_short, interp_too_long, interp_beyond_file, interp_runs_past_file, huge_memsz,
};

BOOTED_TEST(malformed_elf_is_enoexec_and_leaves_the_vmspace_unchanged)
{
	static struct test_elf e;
	struct elf_image img;
	struct vm_query q;
	unsigned int k;

	for (k = 0; k < sizeof(breakers) / sizeof(breakers[0]); k++) {
		struct process *p = svc_process_new();
		size_t size = sizeof(e.bytes);
		int err;

		test_elf_build(&e);
		breakers[k](&e, &size);
		err = elf_load(p->mm, e.bytes, size, &img);
		ck_assert_msg(err == -ENOEXEC, "case %u: got %d", k, err);
		ck_assert_msg(vmspace_query(p->mm->vs, TEXT_VADDR, &q) == -ENOENT, "case %u", k);
		ck_assert_msg(vmspace_query(p->mm->vs, DATA_VADDR, &q) == -ENOENT, "case %u", k);
		ck_assert_msg(area_count(p->mm) == 1, "case %u: areas left behind", k);
		svc_process_free(p);
	}
	return 0;
}

BOOTED_TEST(pt_interp_path_is_recorded_for_exec_to_load)
{
	static struct test_elf e;
	struct elf_image img;

	test_elf_build(&e);
	set_interp(&e, INTERP_OFFSET, sizeof(interp_path));
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_str_eq(elf_interp_path(e.bytes, &img), interp_path);
	test_elf_build(&e);
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_ptr_null(elf_interp_path(e.bytes, &img));
	return 0;
}

/* The builder's image as an ET_DYN linked at 0. */
static void make_dyn(struct test_elf *e)
{
	test_elf_build(e);
	e->eh.e_type = ET_DYN;
	e->eh.e_entry -= TEXT_VADDR;
	test_elf_phdr(e, 0)->p_vaddr -= TEXT_VADDR;
	test_elf_phdr(e, 1)->p_vaddr -= TEXT_VADDR;
	test_elf_phdr(e, 2)->p_vaddr -= TEXT_VADDR;
}

BOOTED_TEST(et_dyn_rebase_moves_every_address_and_refuses_bad_bases)
{
	static struct test_elf e;
	struct elf_image img;
	uaddr_t base = 0x7f0000000000ull & (vmspace_user_end() - 1) & ~0xfffffull;

	make_dyn(&e);
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert(img.dyn);
	ck_assert_uint_eq(img.span, DATA_VADDR + DATA_MEMSZ - TEXT_VADDR);
	ck_assert_int_eq(elf_rebase(&img, base), 0);
	ck_assert_uint_eq(img.bias, base);
	ck_assert_uint_eq(img.entry, base + CODE_OFFSET);
	ck_assert_uint_eq(img.phdr, base + sizeof(Elf64_Ehdr));
	ck_assert_uint_eq(img.segs[1].vaddr, base + DATA_VADDR - TEXT_VADDR);
	ck_assert_uint_eq(img.brk_start, base + DATA_VADDR + DATA_MEMSZ - TEXT_VADDR);
	/* Refused bases leave the image where it was. */
	ck_assert_int_eq(elf_rebase(&img, base + 8), -ENOEXEC);
	ck_assert_int_eq(elf_rebase(&img, 0), -ENOEXEC);
	ck_assert_int_eq(elf_rebase(&img, ALIGN_DOWN(vmspace_user_end(), PAGE_SIZE) - PAGE_SIZE),
			 -ENOEXEC);
	ck_assert_int_eq(elf_rebase(&img, ~0xfffull), -ENOEXEC);
	ck_assert_uint_eq(img.entry, base + CODE_OFFSET);
	return 0;
}

BOOTED_TEST(large_p_align_is_honoured_and_absurd_ones_ignored)
{
	static struct test_elf e;
	struct elf_image img;

	make_dyn(&e);
	test_elf_phdr(&e, 1)->p_align = 0x200000;
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_uint_eq(img.align, 0x200000);
	ck_assert_uint_eq(img.bias % 0x200000, 0);
	make_dyn(&e);
	test_elf_phdr(&e, 1)->p_align = 0x3000;          /* not a power of two */
	test_elf_phdr(&e, 2)->p_align = 1ull << 40;      /* beyond ELF_ALIGN_MAX */
	ck_assert_int_eq(elf_parse(e.bytes, sizeof(e.bytes), &img), 0);
	ck_assert_uint_eq(img.align, PAGE_SIZE);
	return 0;
}

static uint32_t rng_next(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

/* Random damage to the headers: each image is either loaded or refused with nothing left
 * behind, never a crash (ASan and UBSan watch). */
BOOTED_TEST(randomly_corrupted_headers_are_loaded_or_refused_cleanly)
{
	static struct test_elf e;
	struct elf_image img;
	uint32_t seed = 777;
	int round, k;

	for (round = 0; round < 400; round++) {
		struct process *p = svc_process_new();
		int flips = 1 + (int)(rng_next(&seed) % 3), err;

		test_elf_build(&e);
		for (k = 0; k < flips; k++)
			e.bytes[rng_next(&seed) % (sizeof(Elf64_Ehdr) + ELF_PHNUM * sizeof(Elf64_Phdr))] =
				(unsigned char)rng_next(&seed);
		err = elf_load(p->mm, e.bytes, sizeof(e.bytes), &img);
		ck_assert_msg(err == 0 || err == -ENOEXEC, "round %d: %d", round, err);
		if (err)
			ck_assert_msg(area_count(p->mm) == 1, "round %d: areas left behind", round);
		svc_process_free(p);
	}
	return 0;
}

/* A real static program from tests/progs, when the build has made it. */
struct host_file {
	unsigned char *data;
	size_t size;
};

static int load_real_program_body(void *arg)
{
	struct host_file *f = arg;
	struct process *p = svc_process_new();
	struct elf_image img;
	unsigned char word[4];

	ck_assert_int_eq(elf_load(p->mm, f->data, f->size, &img), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, word, img.phdr, sizeof(word)), 0);
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, word, img.entry, sizeof(word)), 0);
	svc_process_free(p);
	return 0;
}

START_TEST(real_static_program_from_tests_progs_loads)
{
	const char *dir = getenv("KEEL_BUILDDIR");
	char path[4096];
	struct host_file f = { 0 };
	FILE *fp;
	long n;

	snprintf(path, sizeof(path), "%s/tests/progs/hello.gcc", dir ? dir : ".");
	fp = fopen(path, "rb");
	if (!fp) {
		fprintf(stderr, "test_elf: %s not built, real-program case skipped\n", path);
		return;
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	f.data = malloc((size_t)n);
	ck_assert_ptr_nonnull(f.data);
	f.size = fread(f.data, 1, (size_t)n, fp);
	fclose(fp);
	hal_test_set_ram(64ull << 20);
	ck_assert_int_eq(ostd_test_boot(load_real_program_body, &f), 0);
	free(f.data);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("elf");
	TCase *tc = tcase_create("elf");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, valid_static_elf_maps_segments_with_their_permissions);
	tcase_add_test(tc, static_pie_is_loaded_at_the_fixed_base);
	tcase_add_test(tc, malformed_elf_is_enoexec_and_leaves_the_vmspace_unchanged);
	tcase_add_test(tc, randomly_corrupted_headers_are_loaded_or_refused_cleanly);
	tcase_add_test(tc, pt_interp_path_is_recorded_for_exec_to_load);
	tcase_add_test(tc, et_dyn_rebase_moves_every_address_and_refuses_bad_bases);
	tcase_add_test(tc, large_p_align_is_honoured_and_absurd_ones_ignored);
	tcase_add_test(tc, real_static_program_from_tests_progs_loads);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
