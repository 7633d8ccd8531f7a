/* debug_port.h: the byte channel to a remote debugger (hosted: the TCP connection that
 * `keel run --gdb PORT` accepted before the machine started). Implemented by the HAL. */
#ifndef OSTD_DEBUG_PORT_H
#define OSTD_DEBUG_PORT_H

#include <ostd/types.h>

/* True while a debugger is connected. */
bool debug_port_is_open(void);
/* Reads up to n bytes (n > 0). With wait, blocks the CPU until some arrive (every task
 * stops: the machine is the debugger's); without, -EAGAIN when none are there. 0 when the
 * debugger hung up (the port is closed then), -EIO on a broken channel. */
ssize_t debug_port_read(void *buf, size_t n, bool wait);
/* Writes all of buf: n, or -EPIPE / -EIO (the port is closed then). */
ssize_t debug_port_write(const void *buf, size_t n);
/* Ends the connection (detach, kill, the program's end); later reads return 0. */
void debug_port_close(void);

#endif
