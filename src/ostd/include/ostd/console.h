/* console.h: the machine's console: the host terminal when hosted, the serial port on metal. */
#ifndef OSTD_CONSOLE_H
#define OSTD_CONSOLE_H

#include <ostd/types.h>

struct waitqueue;

enum console_stream { CONSOLE_OUT = 1, CONSOLE_ERR = 2 };

/* Writes all of buf (blocking); returns n or a negative errno (-EIO, -EPIPE). */
ssize_t console_write(enum console_stream s, const void *buf, size_t n);
/* Reads what is available, at most n bytes: 0 at end of input, -EAGAIN when nothing is
 * there yet (wait on console_input_waitqueue() and try again). */
ssize_t console_read(void *buf, size_t n);
struct waitqueue *console_input_waitqueue(void);
/* True when the console stream is a terminal (for TCGETS). */
bool console_is_tty(int stream);
/* Window size of the terminal, or -ENOTTY. */
int console_winsize(unsigned short *rows, unsigned short *cols);
/* Raw mode on (true) or off: the terminal under the console stops cooking and echoing
 * input and turning keys into signals (^C arrives as byte 3), and stops processing
 * output, so the services' line discipline does all of it. 0, or -ENOTTY when the input
 * is not a terminal. The hosted machine puts the host terminal back as it exits. */
int console_set_raw(bool raw);

#endif
