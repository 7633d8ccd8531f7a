/* tty/tty_dev.h: the terminal devices: the console as a terminal, ptys (/dev/ptmx and
 * /dev/pts/N), and /dev/tty; what fs/ calls to open them. */
#ifndef SERVICES_TTY_TTY_DEV_H
#define SERVICES_TTY_TTY_DEV_H

#include <ostd/types.h>

struct file;
struct inode;

#define PTY_MAX 64                /* ptys that may exist at once (/dev/pts/0..63) */
#define TTY_MAJOR_PTS 136

/* New ptys' slave nodes go in pts_dir: the /dev/pts of the /dev populated last (a
 * devtmpfs mounted over /dev replaces the boot's). Like the rest of the services' state,
 * the terminals live as long as the process that boots the machine once. */
void tty_pts_dir_set(struct inode *pts_dir);

/* Whether console stream 0, 1 or 2 is the console terminal: the input is a host terminal
 * (which the line discipline then cooks) and so is that stream. */
bool tty_console_claims(int stream);
/* A file over the console terminal, or NULL on ENOMEM. The first one switches the device
 * to raw mode and gives init's session the console as its controlling terminal. */
struct file *tty_console_open(unsigned int flags, int stream);
/* /dev/console: the console terminal when there is one; -ENODEV otherwise. */
int tty_console_open_dev(unsigned int flags, struct file **out);

/* /dev/ptmx: a new pty's master (its slave locked, as Linux creates it): 0, -ENOSPC when
 * all are in use, -ENOMEM. */
int pty_open_master(unsigned int flags, struct file **out);
/* /dev/pts/index: the slave; -EIO when it has no master or is locked. */
int pty_open_slave(unsigned int index, unsigned int flags, struct file **out);

/* /dev/tty: the caller's controlling terminal; -ENXIO when it has none. */
int tty_open_ctty(unsigned int flags, struct file **out);

#endif
