/* test_pagetable.c: the page-table walker (src/ostd/pagetable.c, arch/x86_64/pte.c)
 * against entries a guest forged in RAM: they read as absent and are never followed. */
#include <check.h>

#include <ostd/errno.h>
#include <ostd/frame.h>
#include <ostd/vmspace.h>

#include "frame_internal.h"
#include "hal.h"
#include "ostd_check.h"
#include "vmspace_internal.h"

#define VA 0x400000ull
#define RW (VM_READ | VM_WRITE)
#define PTE_P_RW_US 0x7ull
#define PTE_PS 0x80ull

static struct frame *map_new(struct vmspace *vs, uaddr_t va, unsigned int prot)
{
	struct frame *f = frame_alloc(FRAME_USER);

	ck_assert_int_eq(vmspace_map(vs, va, f, prot), 0);
	frame_put(f);
	return f;
}

/* Overwrites the root table's entry for va, as a guest with RAM access could. */
static void forge_root_entry(struct vmspace *vs, uaddr_t va, uint64_t pte)
{
	ck_assert_int_eq(frame_write(vs->pt.root, pte_index(va, PT_LEVELS - 1) * sizeof(pte),
				     &pte, sizeof(pte)), 0);
}

static void forge_leaf(struct vmspace *vs, uaddr_t va, uint64_t pte)
{
	pte_t *slot = pagetable_slot(&vs->pt, va, false, NULL);

	ck_assert_ptr_nonnull(slot);
	*slot = pte;
}

static void assert_absent(struct vmspace *vs, uaddr_t va)
{
	struct vm_query q;
	unsigned int prot;
	paddr_t pa;

	ck_assert_int_eq(vmspace_query(vs, va, &q), -ENOENT);
	ck_assert_int_eq(ostd_vmspace_translate(vs, va, &pa, &prot), -ENOENT);
}

BOOTED_TEST(pte_encodes_x86_bits_with_user_always_set)
{
	unsigned int prot;
	paddr_t pa;
	pte_t pte = pte_make_leaf(0x5000, VM_READ);

	ck_assert_uint_eq(pte & 0x7, 0x5);                 /* P, US, no RW */
	ck_assert_uint_eq(pte >> 63, 1);                   /* NX */
	ck_assert(pte_decode_leaf(pte, &pa, &prot));
	ck_assert_uint_eq(pa, 0x5000);
	ck_assert_uint_eq(prot, VM_READ);
	pte = pte_make_leaf(0x6000, VM_READ | VM_WRITE | VM_EXEC);
	ck_assert_uint_eq(pte & 0x7, 0x7);
	ck_assert_uint_eq(pte >> 63, 0);
	pte = pte_make_leaf(0x7000, 0);
	ck_assert_uint_eq(pte & 0x1, 0);                   /* PROT_NONE: not present */
	ck_assert(pte_decode_leaf(pte, &pa, &prot));
	ck_assert_uint_eq(prot, 0);
	ck_assert(!pte_decode_leaf(0, &pa, &prot));
	ck_assert(!pte_decode_leaf(0x5000 | 0x3, &pa, &prot));   /* present without US */
	ck_assert(!pte_decode_table(pte_make_table(0x8000) | PTE_PS, &pa));
	ck_assert(pte_decode_table(pte_make_table(0x8000), &pa));
	ck_assert_uint_eq(pa, 0x8000);
	return 0;
}

BOOTED_TEST(pagetable_leaf_pointing_outside_ram_reads_as_not_present)
{
	struct vmspace *vs = vmspace_create();

	map_new(vs, VA, RW);
	forge_leaf(vs, VA, (hal_ram_bytes() + 16 * PAGE_SIZE) | PTE_P_RW_US);
	assert_absent(vs, VA);
	forge_leaf(vs, VA, 0x000ffffffffff000ull | PTE_P_RW_US);
	assert_absent(vs, VA);
	ck_assert_int_eq(vmspace_unmap(vs, VA, PAGE_SIZE), 0);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(pagetable_leaf_pointing_at_free_or_table_frame_reads_as_not_present)
{
	struct vmspace *vs = vmspace_create();
	struct frame *f;
	paddr_t free_pa;

	map_new(vs, VA, RW);
	f = frame_alloc(FRAME_USER);
	free_pa = frame_paddr(f);
	frame_put(f);
	forge_leaf(vs, VA, free_pa | PTE_P_RW_US);
	assert_absent(vs, VA);
	forge_leaf(vs, VA, frame_paddr(vs->pt.root) | PTE_P_RW_US);
	assert_absent(vs, VA);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(pagetable_table_entry_outside_ram_is_not_followed_and_map_recovers)
{
	struct frame_stats before, after;
	struct vmspace *vs;
	struct vm_query q;
	struct frame *f;

	frame_stats_get(&before);
	vs = vmspace_create();
	map_new(vs, VA, RW);
	forge_root_entry(vs, VA, (hal_ram_bytes() * 4) | PTE_P_RW_US);
	assert_absent(vs, VA);
	ck_assert_int_eq(vmspace_unmap(vs, VA, 16 * PAGE_SIZE), 0);
	ck_assert_int_eq(vmspace_protect(vs, VA, 16 * PAGE_SIZE, VM_READ), 0);
	f = map_new(vs, VA, VM_READ);
	ck_assert_int_eq(vmspace_query(vs, VA, &q), 0);
	ck_assert_ptr_eq(q.frame, f);
	/* The orphaned tables and the page they mapped are still released on destroy. */
	vmspace_destroy(vs);
	frame_stats_get(&after);
	ck_assert_uint_eq(after.free, before.free);
	ck_assert_uint_eq(after.in_use[FRAME_PAGETABLE], before.in_use[FRAME_PAGETABLE]);
	return 0;
}

BOOTED_TEST(pagetable_table_entry_pointing_into_another_space_is_not_followed)
{
	struct vmspace *victim = vmspace_create(), *vs = vmspace_create();
	pte_t *victim_leaf;
	paddr_t victim_table;

	map_new(victim, VA, RW);
	map_new(vs, VA, RW);
	victim_leaf = pagetable_slot(&victim->pt, VA, false, NULL);
	/* The victim's root entry for VA names its level-2 table: borrow it. */
	ck_assert_int_eq(frame_read(victim->pt.root, pte_index(VA, PT_LEVELS - 1) * 8,
				    &victim_table, 8), 0);
	forge_root_entry(vs, VA, victim_table);
	assert_absent(vs, VA);
	ck_assert_int_eq(vmspace_unmap(vs, VA, PAGE_SIZE), 0);
	ck_assert_ptr_eq(pagetable_slot(&victim->pt, VA, false, NULL), victim_leaf);
	ck_assert_uint_ne(*victim_leaf, 0);
	vmspace_destroy(vs);
	vmspace_destroy(victim);
	return 0;
}

BOOTED_TEST(pagetable_table_entry_to_own_table_at_wrong_place_is_not_followed)
{
	struct vmspace *vs = vmspace_create();
	uaddr_t other = VA + (1ull << 39);   /* another root slot */
	uint64_t pte;

	map_new(vs, VA, RW);
	ck_assert_int_eq(frame_read(vs->pt.root, pte_index(VA, PT_LEVELS - 1) * 8, &pte, 8), 0);
	forge_root_entry(vs, other, pte);
	assert_absent(vs, other);
	/* A large-page bit is never followed either. */
	forge_root_entry(vs, VA, pte | PTE_PS);
	assert_absent(vs, VA);
	vmspace_destroy(vs);
	return 0;
}

BOOTED_TEST(pagetable_root_full_of_garbage_reads_as_empty_and_destroys_cleanly)
{
	struct frame_stats before, after;
	struct vmspace *vs;

	frame_stats_get(&before);
	vs = vmspace_create();
	map_new(vs, VA, RW);
	ck_assert_int_eq(frame_fill(vs->pt.root, 0, 0xff, PAGE_SIZE), 0);
	assert_absent(vs, VA);
	assert_absent(vs, HAL_TEST_USER_END - PAGE_SIZE);
	ck_assert_int_eq(vmspace_unmap(vs, HAL_TEST_USER_START,
				       HAL_TEST_USER_END - HAL_TEST_USER_START), 0);
	vmspace_destroy(vs);
	frame_stats_get(&after);
	ck_assert_uint_eq(after.free, before.free);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("ostd_pagetable");
	TCase *tc = tcase_create("pagetable");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, pte_encodes_x86_bits_with_user_always_set);
	tcase_add_test(tc, pagetable_leaf_pointing_outside_ram_reads_as_not_present);
	tcase_add_test(tc, pagetable_leaf_pointing_at_free_or_table_frame_reads_as_not_present);
	tcase_add_test(tc, pagetable_table_entry_outside_ram_is_not_followed_and_map_recovers);
	tcase_add_test(tc, pagetable_table_entry_pointing_into_another_space_is_not_followed);
	tcase_add_test(tc, pagetable_table_entry_to_own_table_at_wrong_place_is_not_followed);
	tcase_add_test(tc, pagetable_root_full_of_garbage_reads_as_empty_and_destroys_cleanly);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
