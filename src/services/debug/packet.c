/* debug/packet.c: framing and encodings of the GDB remote serial protocol. Every byte comes
 * from the debugger's side of a socket: lengths are bounded, digits checked. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <debug/packet.h>
#include <util/hex.h>

enum { RX_IDLE, RX_PAYLOAD, RX_SUM_HIGH, RX_SUM_LOW };

static const char gdb_hex_chars[] = "0123456789abcdef";

void gdb_rx_init(struct gdb_rx *rx)
{
	rx->state = RX_IDLE;
	rx->len = 0;
	rx->sum = 0;
	rx->want = 0;
	rx->overflow = false;
}

static enum gdb_rx_event rx_idle(struct gdb_rx *rx, char c)
{
	switch (c) {
	case '$':
		rx->state = RX_PAYLOAD;
		rx->len = 0;
		rx->sum = 0;
		rx->overflow = false;
		return GDB_RX_NONE;
	case '+':
		return GDB_RX_ACK;
	case '-':
		return GDB_RX_NAK;
	case 0x03:
		return GDB_RX_INTERRUPT;
	default:
		return GDB_RX_NONE;
	}
}

/* The second checksum digit: the packet is complete, good or not. */
static enum gdb_rx_event rx_finish(struct gdb_rx *rx, char c)
{
	int d = hex_digit_value(c);

	rx->state = RX_IDLE;
	if (d < 0 || rx->overflow || (uint8_t)(rx->want | d) != rx->sum)
		return GDB_RX_BAD;
	rx->buf[rx->len] = '\0';
	return GDB_RX_PACKET;
}

enum gdb_rx_event gdb_rx_feed(struct gdb_rx *rx, char c)
{
	int d;

	switch (rx->state) {
	case RX_IDLE:
		return rx_idle(rx, c);
	case RX_PAYLOAD:
		if (c == '#') {
			rx->state = RX_SUM_HIGH;
			return GDB_RX_NONE;
		}
		rx->sum = (uint8_t)(rx->sum + (uint8_t)c);
		/* Too long: keep counting to the '#' so the stream stays in step. */
		if (rx->len < GDB_PACKET_MAX)
			rx->buf[rx->len++] = c;
		else
			rx->overflow = true;
		return GDB_RX_NONE;
	case RX_SUM_HIGH:
		d = hex_digit_value(c);
		rx->want = (uint8_t)((d < 0 ? 0 : d) << 4);
		if (d < 0)
			rx->overflow = true;   /* a bad digit makes the packet bad */
		rx->state = RX_SUM_LOW;
		return GDB_RX_NONE;
	default:
		return rx_finish(rx, c);
	}
}

void gdb_reply_clear(struct gdb_reply *r)
{
	r->len = 0;
	r->overflow = false;
}

void gdb_reply_char(struct gdb_reply *r, char c)
{
	if (r->len >= sizeof(r->buf)) {
		r->overflow = true;
		return;
	}
	r->buf[r->len++] = c;
}

void gdb_reply_str(struct gdb_reply *r, const char *s)
{
	while (*s)
		gdb_reply_char(r, *s++);
}

void gdb_reply_hex(struct gdb_reply *r, const void *bytes, size_t n)
{
	const uint8_t *b = bytes;

	for (size_t i = 0; i < n; i++) {
		gdb_reply_char(r, gdb_hex_chars[b[i] >> 4]);
		gdb_reply_char(r, gdb_hex_chars[b[i] & 0xf]);
	}
}

void gdb_reply_hex_num(struct gdb_reply *r, uint64_t v)
{
	char tmp[16];
	int n = 0;

	do {
		tmp[n++] = gdb_hex_chars[v & 0xf];
		v >>= 4;
	} while (v);
	while (n)
		gdb_reply_char(r, tmp[--n]);
}

static bool gdb_needs_escape(char c)
{
	return c == '$' || c == '#' || c == '}' || c == '*';
}

void gdb_reply_binary(struct gdb_reply *r, const void *bytes, size_t n)
{
	const char *b = bytes;

	for (size_t i = 0; i < n; i++) {
		if (gdb_needs_escape(b[i])) {
			gdb_reply_char(r, '}');
			gdb_reply_char(r, (char)(b[i] ^ 0x20));
		} else {
			gdb_reply_char(r, b[i]);
		}
	}
}

ssize_t gdb_frame(const char *payload, size_t n, char *out, size_t out_len)
{
	uint8_t sum = 0;

	if (out_len < 4 || n > out_len - 4)
		return -ENOSPC;
	out[0] = '$';
	for (size_t i = 0; i < n; i++) {
		out[1 + i] = payload[i];
		sum = (uint8_t)(sum + (uint8_t)payload[i]);
	}
	out[1 + n] = '#';
	out[2 + n] = gdb_hex_chars[sum >> 4];
	out[3 + n] = gdb_hex_chars[sum & 0xf];
	return (ssize_t)(n + 4);
}

int gdb_parse_hex(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;
	uint64_t x = 0;
	int d;

	if (s >= end || hex_digit_value(*s) < 0)
		return -EINVAL;
	for (; s < end && (d = hex_digit_value(*s)) >= 0; s++) {
		if (x >> 60)
			return -EINVAL;
		x = x << 4 | (uint64_t)d;
	}
	*v = x;
	*p = s;
	return 0;
}

int gdb_decode_hex(const char *s, size_t n, uint8_t *out)
{
	for (size_t i = 0; i < n; i++) {
		int hi = hex_digit_value(s[2 * i]), lo = hex_digit_value(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

ssize_t gdb_unescape(char *s, size_t n)
{
	size_t in, out = 0;

	for (in = 0; in < n; in++) {
		if (s[in] == '}') {
			if (++in >= n)
				return -EINVAL;
			s[out++] = (char)(s[in] ^ 0x20);
		} else {
			s[out++] = s[in];
		}
	}
	return (ssize_t)out;
}
