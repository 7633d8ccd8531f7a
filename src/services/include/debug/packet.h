/* debug/packet.h: the GDB remote serial protocol's framing: "$payload#checksum" in, the
 * same out, hex and binary (escaped) encodings of the payload. */
#ifndef SERVICES_DEBUG_PACKET_H
#define SERVICES_DEBUG_PACKET_H

#include <ostd/types.h>

/* The largest payload gdb may send us (advertised as PacketSize). */
#define GDB_PACKET_MAX 4096
/* The largest reply payload: a full 'g' image or PacketSize bytes of memory, in hex. */
#define GDB_REPLY_MAX (2 * GDB_PACKET_MAX + 64)

enum gdb_rx_event {
	GDB_RX_NONE,       /* more bytes needed */
	GDB_RX_PACKET,     /* a whole, good packet: rx->buf[0..rx->len), NUL-terminated */
	GDB_RX_BAD,        /* a packet with a bad checksum or too long: answer '-' */
	GDB_RX_INTERRUPT,  /* ^C (0x03) outside a packet */
	GDB_RX_ACK,        /* '+' */
	GDB_RX_NAK,        /* '-': resend the last reply */
};

struct gdb_rx {
	int state;
	size_t len;
	uint8_t sum;           /* running checksum of the payload */
	uint8_t want;          /* the checksum the packet states */
	bool overflow;
	char buf[GDB_PACKET_MAX + 1];
};

/* A reply payload under construction; overflow is sticky and turns the reply into an
 * error when it is sent. */
struct gdb_reply {
	size_t len;
	bool overflow;
	char buf[GDB_REPLY_MAX];
};

void gdb_rx_init(struct gdb_rx *rx);
/* Feeds one received byte; says what it completed. Bytes outside a packet other than
 * '+', '-', '$' and 0x03 are ignored, as line noise. */
enum gdb_rx_event gdb_rx_feed(struct gdb_rx *rx, char c);

void gdb_reply_clear(struct gdb_reply *r);
void gdb_reply_str(struct gdb_reply *r, const char *s);
void gdb_reply_char(struct gdb_reply *r, char c);
/* n bytes as 2n lowercase hex digits. */
void gdb_reply_hex(struct gdb_reply *r, const void *bytes, size_t n);
/* v as hex digits, no leading zeros. */
void gdb_reply_hex_num(struct gdb_reply *r, uint64_t v);
/* n bytes escaped for a binary reply ('$', '#', '}' and '*' become '}' c^0x20). */
void gdb_reply_binary(struct gdb_reply *r, const void *bytes, size_t n);

/* Frames payload[0..n) as "$payload#xx" into out: its length, or -ENOSPC. */
ssize_t gdb_frame(const char *payload, size_t n, char *out, size_t out_len);

/* Parses hex digits from *p (not past end) into *v and advances *p: -EINVAL when there is
 * no digit or the number does not fit in 64 bits. */
int gdb_parse_hex(const char **p, const char *end, uint64_t *v);
/* Decodes 2n hex digits of s into out[0..n): -EINVAL on a bad digit. */
int gdb_decode_hex(const char *s, size_t n, uint8_t *out);
/* Undoes the '}' escapes of binary data in place: the decoded length, or -EINVAL for a
 * dangling escape. */
ssize_t gdb_unescape(char *s, size_t n);

#endif
