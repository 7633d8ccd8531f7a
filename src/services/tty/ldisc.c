/* tty/ldisc.c: the line discipline: input editing (canonical lines, erase, kill, word
 * erase, end of file), echo, signal characters, CR/NL mapping, and OPOST output. */
#include <ostd/string.h>
#include <ostd/time.h>
#include <abi/signal.h>
#include <tty/tty.h>

#define CC(t, i) ((t)->termios.c_cc[i])
#define L(t, f)  (((t)->termios.c_lflag & (f)) != 0)
#define I(t, f)  (((t)->termios.c_iflag & (f)) != 0)

/* Whether c is the control character at index i (0 disables a control character). */
static bool ldisc_is(const struct tty *t, unsigned char c, int i)
{
	return CC(t, i) != 0 && c == CC(t, i);
}

static bool ldisc_is_ctrl(unsigned char c)
{
	return c < 32 || c == 127;
}

void tty_default_termios(struct termios *tm)
{
	/* Linux's INIT_C_CC: ^C ^\ ^? ^U ^D, VTIME 0, VMIN 1, ^Q ^S ^Z, ^R ^O ^W ^V. */
	static const uint8_t cc[] = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23,
				      22, 0 };

	memset(tm, 0, sizeof(*tm));
	tm->c_iflag = ICRNL | IXON;
	tm->c_oflag = OPOST | ONLCR;
	tm->c_cflag = B38400 | CS8 | CREAD | HUPCL;
	tm->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(tm->c_cc, cc, sizeof(cc));
}

void tty_init(struct tty *t, const struct tty_driver *drv, void *drv_data)
{
	memset(t, 0, sizeof(*t));
	t->drv = drv;
	t->drv_data = drv_data;
	tty_default_termios(&t->termios);
	waitqueue_init(&t->read_wait);
	waitqueue_init(&t->write_wait);
	poll_head_init(&t->poll);
}

void tty_wake_readers(struct tty *t)
{
	waitqueue_wake_all(&t->read_wait);
	poll_head_wake(&t->poll);
}

/* --- output --- */

/* Output processing of one byte into out (room for 2): the bytes produced. */
static size_t ldisc_post(const struct tty *t, unsigned char c, char *out)
{
	const uint32_t o = t->termios.c_oflag;

	if (!(o & OPOST)) {
		out[0] = (char)c;
		return 1;
	}
	if (c == '\n' && (o & ONLCR)) {
		out[0] = '\r';
		out[1] = '\n';
		return 2;
	}
	out[0] = (char)(c == '\r' && (o & OCRNL) ? '\n' : c);
	return 1;
}

ssize_t tty_output(struct tty *t, const char *buf, size_t n)
{
	char out[256];
	size_t done = 0;

	while (done < n) {
		size_t room = t->drv->write_room(t), len = 0, start = done;
		int err;

		if (room < 2)
			break;    /* a CR NL pair must go whole */
		room = MIN(room, sizeof(out));
		while (done < n && len + 2 <= room)
			len += ldisc_post(t, (unsigned char)buf[done++], out + len);
		err = t->drv->write(t, out, len);
		if (err)
			return start ? (ssize_t)start : err;
	}
	return (ssize_t)done;
}

/* Echo is best effort: when the device is full, it is dropped, never waited for. */
static void ldisc_echo_raw(struct tty *t, const char *s, size_t n)
{
	tty_output(t, s, n);
}

/* Echoes c as typed: control characters as ^X under ECHOCTL (not tab, newline, or the
 * flow-control pair). */
static void ldisc_echo_char(struct tty *t, unsigned char c)
{
	char s[2] = { '^', (char)(c ^ 0x40) };

	if (L(t, ECHOCTL) && ldisc_is_ctrl(c) && c != '\t' && c != '\n' &&
	    !ldisc_is(t, c, VSTART) && !ldisc_is(t, c, VSTOP)) {
		ldisc_echo_raw(t, s, 2);
		return;
	}
	ldisc_echo_raw(t, (const char *)&c, 1);
}

/* --- ready input --- */

static size_t ldisc_room(const struct tty *t)
{
	return TTY_BUF_SIZE - t->ready_len;
}

static void ldisc_ready_put(struct tty *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		t->ready[(t->ready_head + t->ready_len++) % TTY_BUF_SIZE] = s[i];
}

/* Makes the edit buffer (n bytes of it) a complete line that reads can take. */
static void ldisc_commit_line(struct tty *t)
{
	size_t n = t->edit_len;

	t->edit_len = 0;
	if (t->nlines == TTY_LINES_MAX || n > ldisc_room(t))
		return;    /* no room: the line is lost, as Linux drops input on overflow */
	ldisc_ready_put(t, t->edit, n);
	t->lines[(t->lines_head + t->nlines++) % TTY_LINES_MAX] = (uint16_t)n;
	tty_wake_readers(t);
}

bool tty_input_ready(const struct tty *t, size_t min)
{
	if (L(t, ICANON))
		return t->nlines > 0;
	return t->ready_len > 0 && t->ready_len >= min;
}

size_t tty_input_count(const struct tty *t)
{
	return t->ready_len;
}

size_t tty_input_take(struct tty *t, char *dst, size_t n)
{
	size_t k = MIN(n, t->ready_len);

	if (L(t, ICANON) && t->nlines) {
		uint16_t *len = &t->lines[t->lines_head];

		k = MIN(n, (size_t)*len);
		*len = (uint16_t)(*len - k);
		if (*len == 0) {
			t->lines_head = (t->lines_head + 1) % TTY_LINES_MAX;
			t->nlines--;
		}
	}
	for (size_t i = 0; i < k; i++)
		dst[i] = t->ready[(t->ready_head + i) % TTY_BUF_SIZE];
	t->ready_head = (t->ready_head + k) % TTY_BUF_SIZE;
	t->ready_len -= k;
	if (k)
		waitqueue_wake_all(&t->write_wait);   /* a pty master may write again */
	return k;
}

void tty_flush_input(struct tty *t)
{
	t->ready_head = t->ready_len = 0;
	t->lines_head = t->nlines = 0;
	t->edit_len = 0;
	t->lnext = false;
}

void tty_set_termios(struct tty *t, const struct termios *tm)
{
	bool was_canon = L(t, ICANON);

	t->termios = *tm;
	if (was_canon && !L(t, ICANON)) {
		/* Lines and the half-typed one all become plain bytes. */
		t->nlines = t->lines_head = 0;
		if (t->edit_len <= ldisc_room(t))
			ldisc_ready_put(t, t->edit, t->edit_len);
		t->edit_len = 0;
	} else if (!was_canon && L(t, ICANON) && t->ready_len) {
		/* Bytes already typed stay readable, as one line. */
		t->lines_head = 0;
		t->nlines = 1;
		t->lines[0] = (uint16_t)t->ready_len;
	}
	tty_wake_readers(t);
}

/* --- editing --- */

/* Removes the last character of the edit buffer (a whole UTF-8 sequence under IUTF8)
 * and rubs it out on the screen. */
static void ldisc_erase_one(struct tty *t)
{
	unsigned char c;

	if (!t->edit_len)
		return;
	c = (unsigned char)t->edit[--t->edit_len];
	if (I(t, IUTF8))
		while (t->edit_len && (c & 0xc0) == 0x80)
			c = (unsigned char)t->edit[--t->edit_len];
	if (!L(t, ECHO))
		return;
	if (!L(t, ECHOE)) {
		ldisc_echo_char(t, CC(t, VERASE));
		return;
	}
	ldisc_echo_raw(t, "\b \b", 3);
	if (L(t, ECHOCTL) && ldisc_is_ctrl(c) && c != '\t')
		ldisc_echo_raw(t, "\b \b", 3);   /* it was echoed as two columns, ^X */
}

/* VKILL: the whole line goes; shown by rubbing out (ECHOKE) or by the kill character
 * and a newline (ECHOK), as Linux does. */
static void ldisc_kill_line(struct tty *t, unsigned char c)
{
	if (!L(t, ECHO)) {
		t->edit_len = 0;
		return;
	}
	if (!L(t, ECHOK) || !L(t, ECHOKE) || !L(t, ECHOE)) {
		t->edit_len = 0;
		ldisc_echo_char(t, c);
		if (L(t, ECHOK))
			ldisc_echo_raw(t, "\n", 1);
		return;
	}
	while (t->edit_len)
		ldisc_erase_one(t);
}

/* VWERASE: the blanks before the cursor, then the word before them. */
static void ldisc_erase_word(struct tty *t)
{
	while (t->edit_len && (t->edit[t->edit_len - 1] == ' ' ||
			       t->edit[t->edit_len - 1] == '\t'))
		ldisc_erase_one(t);
	while (t->edit_len && t->edit[t->edit_len - 1] != ' ' &&
	       t->edit[t->edit_len - 1] != '\t')
		ldisc_erase_one(t);
}

/* A signal character: the foreground group gets sig, pending input goes (unless
 * NOFLSH), and the character is echoed (^C). */
static void ldisc_signal(struct tty *t, int sig, unsigned char c)
{
	if (!L(t, NOFLSH))
		tty_flush_input(t);
	if (L(t, ECHO))
		ldisc_echo_char(t, c);
	if (t->pgrp > 0)
		tty_signal_pgrp(t->pgrp, sig);
	tty_wake_readers(t);
}

/* An ordinary byte of a canonical line; the last slot is kept for the line's end. */
static void ldisc_canon_add(struct tty *t, unsigned char c)
{
	if (t->edit_len >= TTY_BUF_SIZE - 1)
		return;
	t->edit[t->edit_len++] = (char)c;
	if (L(t, ECHO))
		ldisc_echo_char(t, c);
}

/* A byte that ends a line: newline, VEOL, VEOL2 (kept in the line) or VEOF (not). */
static void ldisc_canon_end(struct tty *t, unsigned char c, bool eof)
{
	if (!eof) {
		t->edit[t->edit_len++] = (char)c;
		if (L(t, ECHO) || (c == '\n' && L(t, ECHONL)))
			ldisc_echo_char(t, c);
	}
	ldisc_commit_line(t);
}

static void ldisc_canon(struct tty *t, unsigned char c)
{
	if (ldisc_is(t, c, VERASE))
		ldisc_erase_one(t);
	else if (ldisc_is(t, c, VKILL))
		ldisc_kill_line(t, c);
	else if (L(t, IEXTEN) && ldisc_is(t, c, VWERASE))
		ldisc_erase_word(t);
	else if (ldisc_is(t, c, VEOF))
		ldisc_canon_end(t, c, true);
	else if (c == '\n' || ldisc_is(t, c, VEOL) || ldisc_is(t, c, VEOL2))
		ldisc_canon_end(t, c, false);
	else
		ldisc_canon_add(t, c);
}

static void ldisc_raw(struct tty *t, unsigned char c)
{
	if (!ldisc_room(t))
		return;
	ldisc_ready_put(t, (const char *)&c, 1);
	if (L(t, ECHO) || (c == '\n' && L(t, ECHONL)))
		ldisc_echo_char(t, c);
	tty_wake_readers(t);
}

/* The signal a character raises under ISIG, or 0. */
static int ldisc_signal_of(const struct tty *t, unsigned char c)
{
	if (ldisc_is(t, c, VINTR))
		return SIGINT;
	if (ldisc_is(t, c, VQUIT))
		return SIGQUIT;
	if (ldisc_is(t, c, VSUSP))
		return SIGTSTP;
	return 0;
}

static void ldisc_receive_byte(struct tty *t, unsigned char c)
{
	int sig;

	if (I(t, ISTRIP))
		c &= 0x7f;
	if (t->lnext) {
		t->lnext = false;
		if (L(t, ICANON)) {
			if (L(t, ECHO) && L(t, ECHOCTL))
				ldisc_echo_raw(t, "\b\b", 2);   /* over the ^ shown for VLNEXT */
			ldisc_canon_add(t, c);
		} else {
			ldisc_raw(t, c);
		}
		return;
	}
	/* Flow control is accepted and consumed; output is never actually stopped. */
	if (I(t, IXON) && (ldisc_is(t, c, VSTART) || ldisc_is(t, c, VSTOP)))
		return;
	if (L(t, ISIG) && (sig = ldisc_signal_of(t, c))) {
		ldisc_signal(t, sig, c);
		return;
	}
	if (c == '\r') {
		if (I(t, IGNCR))
			return;
		if (I(t, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(t, INLCR)) {
		c = '\r';
	}
	if (L(t, ICANON) && L(t, IEXTEN) && ldisc_is(t, c, VLNEXT)) {
		t->lnext = true;
		if (L(t, ECHO) && L(t, ECHOCTL))
			ldisc_echo_raw(t, "^\b", 2);
		return;
	}
	if (L(t, ICANON))
		ldisc_canon(t, c);
	else
		ldisc_raw(t, c);
}

void tty_receive(struct tty *t, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ldisc_receive_byte(t, (unsigned char)buf[i]);
	t->last_input_ns = clock_monotonic_ns();
	if (n)
		tty_wake_readers(t);
}
