/* test_packet.c: the GDB remote protocol's framing and encodings, fed hostile bytes. */
#include <stdio.h>
#include <string.h>
#include <ostd/errno.h>
#include <debug/packet.h>

#include "ostd_check.h"

static enum gdb_rx_event feed(struct gdb_rx *rx, const char *s)
{
	enum gdb_rx_event ev = GDB_RX_NONE;

	while (*s)
		ev = gdb_rx_feed(rx, *s++);
	return ev;
}

START_TEST(good_packet_is_delivered_with_its_payload)
{
	static struct gdb_rx rx;

	gdb_rx_init(&rx);
	ck_assert_int_eq(feed(&rx, "$g#67"), GDB_RX_PACKET);
	ck_assert_uint_eq(rx.len, 1);
	ck_assert_str_eq(rx.buf, "g");
	ck_assert_int_eq(feed(&rx, "$qSupported:multiprocess+#c6"), GDB_RX_PACKET);
	ck_assert_str_eq(rx.buf, "qSupported:multiprocess+");
}
END_TEST

START_TEST(bad_checksum_or_bad_digit_is_rejected)
{
	static struct gdb_rx rx;

	gdb_rx_init(&rx);
	ck_assert_int_eq(feed(&rx, "$g#68"), GDB_RX_BAD);
	ck_assert_int_eq(feed(&rx, "$g#6z"), GDB_RX_BAD);
	ck_assert_int_eq(feed(&rx, "$g#z7"), GDB_RX_BAD);
	/* The stream stays in step: the next packet is good. */
	ck_assert_int_eq(feed(&rx, "$g#67"), GDB_RX_PACKET);
}
END_TEST

START_TEST(acks_interrupt_and_noise_outside_packets)
{
	static struct gdb_rx rx;

	gdb_rx_init(&rx);
	ck_assert_int_eq(gdb_rx_feed(&rx, '+'), GDB_RX_ACK);
	ck_assert_int_eq(gdb_rx_feed(&rx, '-'), GDB_RX_NAK);
	ck_assert_int_eq(gdb_rx_feed(&rx, 0x03), GDB_RX_INTERRUPT);
	ck_assert_int_eq(feed(&rx, "xyz\n"), GDB_RX_NONE);
	ck_assert_int_eq(feed(&rx, "$?#3f"), GDB_RX_PACKET);
}
END_TEST

START_TEST(packet_longer_than_packet_size_is_rejected_whole)
{
	static struct gdb_rx rx;
	uint8_t sum = 0;
	char tail[8];

	gdb_rx_init(&rx);
	gdb_rx_feed(&rx, '$');
	for (int i = 0; i < GDB_PACKET_MAX + 100; i++) {
		gdb_rx_feed(&rx, 'a');
		sum = (uint8_t)(sum + 'a');
	}
	snprintf(tail, sizeof(tail), "#%02x", sum);
	ck_assert_int_eq(feed(&rx, tail), GDB_RX_BAD);
	ck_assert_int_eq(feed(&rx, "$g#67"), GDB_RX_PACKET);
}
END_TEST

START_TEST(frame_adds_dollar_hash_and_checksum)
{
	char out[16];

	ck_assert_int_eq(gdb_frame("OK", 2, out, sizeof(out)), 6);
	ck_assert_int_eq(memcmp(out, "$OK#9a", 6), 0);
	ck_assert_int_eq(gdb_frame("", 0, out, sizeof(out)), 4);
	ck_assert_int_eq(memcmp(out, "$#00", 4), 0);
	ck_assert_int_eq(gdb_frame("0123456789abc", 13, out, sizeof(out)), -ENOSPC);
}
END_TEST

START_TEST(reply_encodings_hex_number_and_escaped_binary)
{
	static struct gdb_reply r;
	const uint8_t bytes[] = { 0x00, 0xab, 0xff };

	gdb_reply_clear(&r);
	gdb_reply_hex(&r, bytes, sizeof(bytes));
	gdb_reply_char(&r, ' ');
	gdb_reply_hex_num(&r, 0x1000);
	gdb_reply_char(&r, ' ');
	gdb_reply_hex_num(&r, 0);
	gdb_reply_char(&r, ' ');
	gdb_reply_binary(&r, "a$#}*b", 6);
	ck_assert_int_eq(r.overflow, false);
	ck_assert_int_eq(memcmp(r.buf, "00abff 1000 0 a}\x04}\x03}]}\nb", r.len), 0);
}
END_TEST

START_TEST(reply_overflow_is_sticky_not_a_buffer_overrun)
{
	static struct gdb_reply r;

	gdb_reply_clear(&r);
	for (int i = 0; i < GDB_REPLY_MAX + 10; i++)
		gdb_reply_char(&r, 'x');
	ck_assert_uint_eq(r.len, GDB_REPLY_MAX);
	ck_assert(r.overflow);
}
END_TEST

START_TEST(hex_parsing_rejects_empty_bad_and_overflowing_numbers)
{
	const char *s = "1f,", *p = s;
	const char *big = "11112222333344445", *e = "";
	uint8_t out[2];
	uint64_t v;

	ck_assert_int_eq(gdb_parse_hex(&p, s + 3, &v), 0);
	ck_assert_uint_eq(v, 0x1f);
	ck_assert_ptr_eq(p, s + 2);
	ck_assert_int_eq(gdb_parse_hex(&p, s + 3, &v), -EINVAL);
	p = big;
	ck_assert_int_eq(gdb_parse_hex(&p, big + strlen(big), &v), -EINVAL);
	p = e;
	ck_assert_int_eq(gdb_parse_hex(&p, e, &v), -EINVAL);
	ck_assert_int_eq(gdb_decode_hex("cafe", 2, out), 0);
	ck_assert_uint_eq(out[0], 0xca);
	ck_assert_uint_eq(out[1], 0xfe);
	ck_assert_int_eq(gdb_decode_hex("cg", 1, out), -EINVAL);
}
END_TEST

START_TEST(unescape_decodes_and_refuses_a_dangling_escape)
{
	char ok[] = "a}\x04}]b", bad[] = "ab}";

	ck_assert_int_eq(gdb_unescape(ok, strlen(ok)), 4);
	ck_assert_int_eq(memcmp(ok, "a$}b", 4), 0);
	ck_assert_int_eq(gdb_unescape(bad, strlen(bad)), -EINVAL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("debug_packet");
	TCase *tc = tcase_create("packet");

	tcase_add_test(tc, good_packet_is_delivered_with_its_payload);
	tcase_add_test(tc, bad_checksum_or_bad_digit_is_rejected);
	tcase_add_test(tc, acks_interrupt_and_noise_outside_packets);
	tcase_add_test(tc, packet_longer_than_packet_size_is_rejected_whole);
	tcase_add_test(tc, frame_adds_dollar_hash_and_checksum);
	tcase_add_test(tc, reply_encodings_hex_number_and_escaped_binary);
	tcase_add_test(tc, reply_overflow_is_sticky_not_a_buffer_overrun);
	tcase_add_test(tc, hex_parsing_rejects_empty_bad_and_overflowing_numbers);
	tcase_add_test(tc, unescape_decodes_and_refuses_a_dangling_escape);
	suite_add_tcase(s, tc);
	return check_run_suite(s);
}
