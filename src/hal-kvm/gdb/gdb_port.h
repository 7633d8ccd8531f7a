/* gdb_port.h: `keel run --gdb PORT`: the TCP connection to gdb, accepted before the VMM
 * confines itself, that the kernel's debug port (ostd/debug_port.h) reads and writes. */
#ifndef HAL_KVM_GDB_GDB_PORT_H
#define HAL_KVM_GDB_GDB_PORT_H

/* PORT as a TCP port number 1-65535: 0 and *port, or -EINVAL. */
int gdb_port_parse(const char *s, unsigned int *port);
/* Listens on 127.0.0.1:port, says so on stderr and waits for gdb to connect. Returns 0,
 * or a negative errno after one line on stderr naming the cause. */
int gdb_port_accept(unsigned int port);
/* Closes the connection if it is still open. */
void gdb_port_close(void);

#endif
