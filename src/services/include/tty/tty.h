/* tty/tty.h: terminals: the line discipline the console and ptys share, the terminal's
 * files, its termios and job-control ioctls, and which session it controls. */
#ifndef SERVICES_TTY_TTY_H
#define SERVICES_TTY_TTY_H

#include <ostd/sync.h>
#include <ostd/types.h>
#include <abi/termios.h>
#include <fs/poll.h>

struct file;
struct process;
struct tty;

#define TTY_BUF_SIZE   4096   /* input ready for reading, and the line being edited */
#define TTY_LINES_MAX  128    /* complete canonical lines waiting to be read */

/* The device under a terminal: where processed output goes. */
struct tty_driver {
	/* Bytes the device takes now without blocking (SIZE_MAX: no limit). */
	size_t (*write_room)(struct tty *t);
	/* Sends n <= write_room bytes: 0 or a negative errno (-EIO, -EPIPE). */
	int (*write)(struct tty *t, const char *buf, size_t n);
	/* A file over the terminal closed (optional). */
	void (*close)(struct tty *t, struct file *f);
	/* The device number fstat reports for t. */
	uint32_t (*rdev)(const struct tty *t);
};

struct tty {
	const struct tty_driver *drv;
	void *drv_data;
	struct termios termios;
	struct winsize winsize;
	int session;                         /* sid of the session it controls, 0: none */
	int pgrp;                            /* foreground process group, 0: none */

	/* Line discipline state. ready holds what reads may take; in canonical mode it
	 * is whole lines, whose lengths (a 0 is an end-of-file mark) are in lines. */
	char ready[TTY_BUF_SIZE];
	size_t ready_head, ready_len;
	uint16_t lines[TTY_LINES_MAX];
	size_t lines_head, nlines;
	char edit[TTY_BUF_SIZE];             /* the canonical line being typed */
	size_t edit_len;
	bool lnext;                          /* the next byte is literal (VLNEXT) */
	uint64_t last_input_ns;              /* VTIME's inter-byte timer */

	bool hungup;                         /* the device went away: reads end, writes fail */
	waitqueue_t read_wait;               /* readers waiting for input */
	waitqueue_t write_wait;              /* writers waiting for device room */
	struct poll_head poll;
	struct tty *next_live;               /* every terminal, for session look-ups */
};

/* --- ldisc.c: the line discipline --- */

/* Sets t up in the state Linux gives a new terminal (cooked, echoing, 38400 baud). */
void tty_init(struct tty *t, const struct tty_driver *drv, void *drv_data);
/* Linux's termios for a freshly opened terminal. */
void tty_default_termios(struct termios *tm);
/* Applies new settings; a change of ICANON turns pending input into the new mode's form. */
void tty_set_termios(struct tty *t, const struct termios *tm);
/* Input from the device: editing, echo, signals; wakes readers. */
void tty_receive(struct tty *t, const char *buf, size_t n);
/* Output through OPOST processing to the device: how many of buf's bytes went (maybe
 * 0 when the device is full), or a negative errno from the device. */
ssize_t tty_output(struct tty *t, const char *buf, size_t n);
/* Whether a read would return now: a line (canonical) or at least min bytes. */
bool tty_input_ready(const struct tty *t, size_t min);
/* Bytes a read could take (FIONREAD). */
size_t tty_input_count(const struct tty *t);
/* Takes up to n bytes of input into dst (one line at most in canonical mode): the count;
 * 0 also for an end-of-file mark, which is consumed. */
size_t tty_input_take(struct tty *t, char *dst, size_t n);
/* Drops pending input (typed and ready). */
void tty_flush_input(struct tty *t);
/* Something changed for readers or pollers: wake them. */
void tty_wake_readers(struct tty *t);

/* --- tty_io.c: terminal files --- */

/* A file over t opened with flags (O_NOCTTY keeps a session leader from acquiring t);
 * stream is the console stream it stands for (0 for other terminals). NULL on ENOMEM. */
struct file *tty_file_open(struct tty *t, unsigned int flags, int stream);
/* The terminal behind f, or NULL when f is not a terminal file. */
struct tty *tty_of_file(const struct file *f);
ssize_t tty_read(struct tty *t, struct file *f, void __user *buf, size_t n);
ssize_t tty_write(struct tty *t, struct file *f, const void __user *buf, size_t n);
unsigned int tty_poll(struct tty *t, struct file *f, struct poll_table *pt);
/* Adds / removes t from the terminals session look-ups search. */
void tty_register(struct tty *t);
void tty_unregister(struct tty *t);
/* The terminal controlling session sid, or NULL. */
struct tty *tty_find_session(int sid);

/* --- tty_ioctl.c --- */

/* The termios, window, job-control and queue ioctls of a terminal; -ENOTTY for others. */
long tty_ioctl(struct tty *t, struct file *f, unsigned int cmd, unsigned long arg);

/* --- job.c: sessions, process groups and terminal signals --- */

/* Sends sig to every live process of group pgrp (from the terminal: SI_KERNEL). */
void tty_signal_pgrp(int pgrp, int sig);
/* A session leader without a terminal that opens t (not O_NOCTTY) takes it. */
void tty_open_acquire(struct tty *t, unsigned int flags);
/* TIOCSCTTY / TIOCNOTTY for the current process. */
int tty_set_ctty(struct tty *t, unsigned long force);
int tty_drop_ctty(struct tty *t);
/* Hang-up: the session loses t; its foreground group gets SIGHUP and SIGCONT. */
void tty_hangup_session(struct tty *t);
/* Job control on reads (SIGTTIN) and, with TOSTOP, writes (SIGTTOU) from a background
 * group of t's session: 0 to go on, -ERESTARTSYS after signalling, -EIO. */
int tty_check_job_read(struct tty *t);
int tty_check_job_write(struct tty *t);

#endif
