/* test_commands.c: the GDB protocol commands of a stopped program: registers, memory,
 * breakpoints, resume requests, queries, and malformed packets answered with errors. */
#include <stdio.h>
#include <ostd/errno.h>
#include <ostd/frame.h>
#include <debug/session.h>
#include <process/thread.h>
#include "../services_test.h"

static struct debug_session *sess;

/* A session stopped at the current (attached, never started) thread of p. */
static struct debug_session *session_on(struct process *p)
{
	sess = &debug_session;
	debug_session_reset(sess);
	sess->started = sess->attached = true;
	sess->pid = p->pid;
	sess->stopped = thread_current();
	sess->stop_signal = 5;
	return sess;
}

static enum debug_resume cmd(const char *pkt)
{
	static char buf[GDB_PACKET_MAX + 1];
	size_t n = strlen(pkt);

	ck_assert_uint_le(n, GDB_PACKET_MAX);
	memcpy(buf, pkt, n + 1);
	return debug_command(sess, buf, n);
}

/* The reply, NUL-terminated. */
static const char *reply(void)
{
	static char buf[GDB_REPLY_MAX + 1];

	memcpy(buf, sess->reply.buf, sess->reply.len);
	buf[sess->reply.len] = '\0';
	return buf;
}

#define ck_reply(pkt, want)                                     \
	do {                                                    \
		ck_assert_int_eq(cmd(pkt), DEBUG_STAY);         \
		ck_assert_str_eq(reply(), want);                \
	} while (0)

BOOTED_TEST(stop_reason_and_thread_queries_name_the_stopped_thread)
{
	struct process *p = svc_process_new();

	session_on(p);
	ck_reply("?", "T05thread:1;");
	ck_reply("qC", "QC1");
	ck_reply("qfThreadInfo", "m1");
	ck_reply("qsThreadInfo", "l");
	ck_reply("qAttached", "1");
	ck_reply("T1", "OK");
	ck_reply("T2", "E03");
	ck_reply("Hg0", "OK");
	ck_reply("Hc-1", "OK");
	ck_reply("Hgzz", "E16");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(qsupported_offers_packet_size_and_target_description)
{
	struct process *p = svc_process_new();

	session_on(p);
	ck_reply("qSupported:multiprocess+;swbreak+", "PacketSize=1000;qXfer:features:read+;"
		 "vContSupported+");
	ck_assert_int_eq(cmd("qXfer:features:read:target.xml:0,7ff"), DEBUG_STAY);
	ck_assert(reply()[0] == 'm' || reply()[0] == 'l');
	ck_assert_ptr_nonnull(strstr(reply(), "<architecture>i386:x86-64</architecture>"));
	ck_assert_ptr_nonnull(strstr(reply(), "org.gnu.gdb.i386.core"));
	ck_reply("qXfer:features:read:target.xml:100000,10", "l");
	ck_reply("qXfer:features:read:target.xml:zz", "E16");
	ck_reply("vMustReplyEmpty", "");
	ck_reply("qTStatus", "");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(target_xml_lists_every_register_of_the_g_packet)
{
	size_t len, total = 0;
	const char *xml = debug_target_xml(&len);
	const char *r = xml;
	int regs = 0;

	ck_assert_uint_gt(len, 0);
	while ((r = strstr(r, "<reg ")) != NULL) {
		regs++;
		r++;
	}
	ck_assert_int_eq(regs, DEBUG_REGS_COUNT);
	for (unsigned int i = 0; i < DEBUG_REGS_COUNT; i++)
		total += debug_reg_size(i);
	ck_assert_uint_le(total, DEBUG_REGS_IMAGE_MAX);
	ck_assert_ptr_nonnull(strstr(xml, "name=\"rip\" bitsize=\"64\""));
	ck_assert_ptr_nonnull(strstr(xml, "name=\"fs_base\""));
	return 0;
}

BOOTED_TEST(g_reads_registers_in_gdb_order_and_p_P_one_register)
{
	struct process *p = svc_process_new();
	struct thread *t = thread_current();

	session_on(p);
	t->ctx.regs.rax = 0x1122334455667788ull;
	t->ctx.regs.rip = 0x401000;
	t->ctx.regs.rflags = 0x246;
	ck_assert_int_eq(cmd("g"), DEBUG_STAY);
	ck_assert_int_eq(strncmp(reply(), "8877665544332211", 16), 0);
	/* rip is register 16, after sixteen 8-byte registers; eflags (4 bytes) follows. */
	ck_assert_int_eq(strncmp(reply() + 16 * 16, "0010400000000000" "46020000", 24), 0);
	ck_reply("p10", "0010400000000000");
	ck_reply("p12", "33000000");   /* cs */
	ck_reply("P10=0020400000000000", "OK");
	ck_assert_uint_eq(t->ctx.regs.rip, 0x402000);
	ck_reply("P3=0100000000000000", "OK");
	ck_assert_uint_eq(t->ctx.regs.rdx, 1);
	ck_reply("P10=00", "E16");      /* wrong size */
	ck_reply("P99=00", "E16");      /* no such register */
	ck_reply("P10", "E16");
	ck_reply("p99", "");            /* unknown: unavailable */
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(G_writes_whole_registers_and_refuses_bad_hex)
{
	struct process *p = svc_process_new();
	struct thread *t = thread_current();
	char pkt[1 + 2 * 8 * 2 + 1] = "G";

	session_on(p);
	/* rax then rbx: a short image sets only the registers it holds. */
	strcat(pkt, "0100000000000000" "0200000000000000");
	ck_reply(pkt, "OK");
	ck_assert_uint_eq(t->ctx.regs.rax, 1);
	ck_assert_uint_eq(t->ctx.regs.rbx, 2);
	ck_reply("G0x", "E16");
	ck_reply("G0", "E16");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(m_M_X_read_and_write_memory_and_fail_cleanly_outside_it)
{
	struct process *p = svc_process_new();
	uaddr_t a = svc_user_alloc(p, PAGE_SIZE);
	char pkt[64], want[64];
	uint8_t b[4];

	session_on(p);
	snprintf(pkt, sizeof(pkt), "M%llx,3:616263", (unsigned long long)a);
	ck_reply(pkt, "OK");
	snprintf(pkt, sizeof(pkt), "m%llx,3", (unsigned long long)a);
	ck_reply(pkt, "616263");
	/* X: binary, '$' arrives escaped. */
	snprintf(pkt, sizeof(pkt), "X%llx,2:}\x04z", (unsigned long long)a + 3);
	ck_reply(pkt, "OK");
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, b, a, 4), 0);
	ck_assert_int_eq(memcmp(b, "abc$", 4), 0);
	/* A read running off the end of the mapping returns the part that exists. */
	snprintf(pkt, sizeof(pkt), "m%llx,8", (unsigned long long)(a + PAGE_SIZE - 2));
	ck_assert_int_eq(cmd(pkt), DEBUG_STAY);
	ck_assert_uint_eq(strlen(reply()), 4);
	ck_reply("m0,4", "E0e");
	ck_reply("M0,1:00", "E0e");
	ck_reply("mffffffffffffffff,10", "E0e");
	snprintf(pkt, sizeof(pkt), "M%llx,2:00", (unsigned long long)a);
	ck_reply(pkt, "E16");          /* fewer digits than the length says */
	ck_reply("m12", "E16");
	ck_reply("Mzz,1:00", "E16");
	snprintf(want, sizeof(want), "X%llx,1:}", (unsigned long long)a);
	ck_reply(want, "E16");         /* dangling escape */
	svc_process_free(p);
	return 0;
}

/* An executable page the program may only read, holding code bytes. */
static uaddr_t text_page(struct process *p, const void *code, size_t n)
{
	long a = mm_mmap(p->mm, 0, PAGE_SIZE, PROT_READ | PROT_EXEC,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ck_assert_int_gt(a, 0);
	ck_assert_int_eq(debug_mem_poke(p, (uaddr_t)a, code, n), 0);
	return (uaddr_t)a;
}

BOOTED_TEST(Z0_puts_int3_in_read_only_text_and_z0_puts_the_byte_back)
{
	struct process *p = svc_process_new();
	uaddr_t a = text_page(p, "\x90\x55\xc3", 3);
	char pkt[64];
	uint8_t raw;

	session_on(p);
	ck_assert_int_ne(vmspace_copy_to(p->mm->vs, a, "x", 1), 0);
	snprintf(pkt, sizeof(pkt), "Z0,%llx,1", (unsigned long long)a + 1);
	ck_reply(pkt, "OK");
	ck_reply(pkt, "OK");           /* twice is fine */
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &raw, a + 1, 1), 0);
	ck_assert_uint_eq(raw, 0xcc);
	/* gdb reads the program's byte, not ours. */
	snprintf(pkt, sizeof(pkt), "m%llx,3", (unsigned long long)a);
	ck_reply(pkt, "9055c3");
	/* The page stays read-only for the program. */
	ck_assert_int_ne(vmspace_copy_to(p->mm->vs, a, "x", 1), 0);
	snprintf(pkt, sizeof(pkt), "z0,%llx,1", (unsigned long long)a + 1);
	ck_reply(pkt, "OK");
	ck_assert_int_eq(vmspace_copy_from(p->mm->vs, &raw, a + 1, 1), 0);
	ck_assert_uint_eq(raw, 0x55);
	ck_reply("Z0,0,1", "E0e");
	ck_reply("Z1,1000,1", "");     /* hardware breakpoints: not supported */
	ck_reply("Z0,zz", "E16");
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(breakpoint_in_a_shared_frame_copies_the_page_first)
{
	struct process *p = svc_process_new();
	uaddr_t a = text_page(p, "\x90\x90", 2);
	struct vm_query q;
	struct frame *shared;
	uint8_t raw;

	session_on(p);
	ck_assert_int_eq(vmspace_query(p->mm->vs, a, &q), 0);
	shared = q.frame;
	frame_get(shared);   /* someone else (a page cache) holds it too */
	ck_assert_int_eq(debug_bp_insert(sess, p, a), 0);
	ck_assert_int_eq(vmspace_query(p->mm->vs, a, &q), 0);
	ck_assert_ptr_ne(q.frame, shared);
	ck_assert_int_eq(frame_read(shared, 0, &raw, 1), 0);
	ck_assert_uint_eq(raw, 0x90);
	ck_assert_uint_eq(q.prot & VM_WRITE, 0);
	frame_put(shared);
	svc_process_free(p);
	return 0;
}

BOOTED_TEST(resume_requests_step_continue_detach_and_kill)
{
	struct process *p = svc_process_new();
	struct thread *t = thread_current();

	session_on(p);
	ck_reply("vCont?", "vCont;c;C;s;S");
	ck_assert_int_eq(cmd("c"), DEBUG_CONTINUE);
	ck_assert_int_eq(cmd("s"), DEBUG_STEP);
	ck_assert_int_eq(cmd("c401000"), DEBUG_CONTINUE);
	ck_assert_uint_eq(t->ctx.regs.rip, 0x401000);
	ck_assert_int_eq(cmd("vCont;s:1;c"), DEBUG_STEP);
	ck_assert_int_eq(cmd("vCont;c"), DEBUG_CONTINUE);
	ck_assert_int_eq(cmd("vCont;C05:1"), DEBUG_CONTINUE);
	ck_reply("vCont;x", "E16");
	ck_reply("vCont;s:zz", "E16");
	ck_reply("cxyz", "E16");
	ck_assert_int_eq(cmd("D"), DEBUG_DETACH);
	ck_assert_str_eq(reply(), "OK");
	ck_assert_int_eq(cmd("k"), DEBUG_KILL);
	ck_reply("", "");
	ck_reply("!", "");
	svc_process_free(p);
	return 0;
}

/* Random packets built from the protocol's own letters: answered, never a crash (ASan and
 * UBSan watch every access). */
BOOTED_TEST(random_packets_get_replies_and_never_crash)
{
	static const char alphabet[] = "0123456789abcdefABCDEF,:;=-}#$*?gGpPmMXZzcsHTqv";
	static const char *const prefixes[] = { "", "m", "M", "X", "Z0,", "z0,", "p", "P",
						"G", "vCont;", "qXfer:features:read:target.xml:",
						"H", "T", "c", "s" };
	struct process *p = svc_process_new();
	uaddr_t a = svc_user_alloc(p, PAGE_SIZE);
	uint64_t rng = 0x2545f4914f6cdd1dull;
	char pkt[128];

	session_on(p);
	for (int i = 0; i < 20000; i++) {
		size_t n, len;

		rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
		n = (size_t)snprintf(pkt, sizeof(pkt), "%s",
				     prefixes[rng % (sizeof(prefixes) / sizeof(prefixes[0]))]);
		if (rng & 0x100)
			n += (size_t)snprintf(pkt + n, sizeof(pkt) - n, "%llx,",
					      (unsigned long long)(a + (rng >> 20) % 64));
		len = (rng >> 9) % 48;
		for (size_t j = 0; j < len && n < sizeof(pkt) - 1; j++) {
			rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
			pkt[n++] = alphabet[rng % (sizeof(alphabet) - 1)];
		}
		pkt[n] = '\0';
		cmd(pkt);
		ck_assert(!sess->reply.overflow);
	}
	svc_process_free(p);
	return 0;
}

int main(void)
{
	Suite *s = suite_create("debug_commands");
	TCase *tc = tcase_create("commands");

	tcase_add_checked_fixture(tc, hal_test_reset, NULL);
	tcase_add_test(tc, stop_reason_and_thread_queries_name_the_stopped_thread);
	tcase_add_test(tc, qsupported_offers_packet_size_and_target_description);
	tcase_add_test(tc, target_xml_lists_every_register_of_the_g_packet);
	tcase_add_test(tc, g_reads_registers_in_gdb_order_and_p_P_one_register);
	tcase_add_test(tc, G_writes_whole_registers_and_refuses_bad_hex);
	tcase_add_test(tc, m_M_X_read_and_write_memory_and_fail_cleanly_outside_it);
	tcase_add_test(tc, Z0_puts_int3_in_read_only_text_and_z0_puts_the_byte_back);
	tcase_add_test(tc, breakpoint_in_a_shared_frame_copies_the_page_first);
	tcase_add_test(tc, resume_requests_step_continue_detach_and_kill);
	tcase_add_test(tc, random_packets_get_replies_and_never_crash);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
