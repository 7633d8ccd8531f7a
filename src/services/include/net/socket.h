/* net/socket.h: the socket syscalls, and what other subsystems ask of a socket file. */
#ifndef SERVICES_NET_SOCKET_H
#define SERVICES_NET_SOCKET_H

#include <ostd/types.h>

struct file;
struct user_msghdr;
struct user_mmsghdr;

bool file_is_socket(const struct file *f);
/* readv/writev on a socket: one send or receive over all the iovecs (a datagram or
 * record stays whole). Bytes moved, or a negative errno. */
long socket_file_vector(struct file *f, const void __user *uiov, int iovcnt, bool write);

long sys_socket(int family, int type, int protocol);
long sys_socketpair(int family, int type, int protocol, int __user *sv);
long sys_bind(int fd, const void __user *addr, int addrlen);
long sys_connect(int fd, const void __user *addr, int addrlen);
long sys_listen(int fd, int backlog);
long sys_accept(int fd, void __user *addr, int __user *addrlen);
long sys_accept4(int fd, void __user *addr, int __user *addrlen, int flags);
long sys_getsockname(int fd, void __user *addr, int __user *addrlen);
long sys_getpeername(int fd, void __user *addr, int __user *addrlen);
long sys_shutdown(int fd, int how);
long sys_sendto(int fd, const void __user *buf, size_t len, unsigned int flags,
		const void __user *addr, int addrlen);
long sys_recvfrom(int fd, void __user *buf, size_t len, unsigned int flags,
		  void __user *addr, int __user *addrlen);
long sys_sendmsg(int fd, const struct user_msghdr __user *msg, unsigned int flags);
long sys_recvmsg(int fd, struct user_msghdr __user *msg, unsigned int flags);
long sys_setsockopt(int fd, int level, int optname, const void __user *optval, int optlen);
long sys_getsockopt(int fd, int level, int optname, void __user *optval,
		    int __user *optlen);

#endif
