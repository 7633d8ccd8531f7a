/* abi/socket.h: the socket ABI of x86-64 Linux: families, types, message flags, socket
 * options, struct msghdr and struct cmsghdr as user memory lays them out. */
#ifndef ABI_SOCKET_H
#define ABI_SOCKET_H

#include <stdint.h>

#define AF_UNSPEC   0
#define AF_UNIX     1
#define AF_INET     2
#define AF_INET6    10
#define AF_NETLINK  16
#define AF_MAX      46
#define PF_UNIX     AF_UNIX

#define SOCK_STREAM    1
#define SOCK_DGRAM     2
#define SOCK_RAW       3
#define SOCK_RDM       4
#define SOCK_SEQPACKET 5
#define SOCK_TYPE_MASK 0xf
/* Flags or'ed into socket()'s type: O_NONBLOCK and O_CLOEXEC's values. */
#define SOCK_NONBLOCK  00004000
#define SOCK_CLOEXEC   02000000

#define SHUT_RD   0
#define SHUT_WR   1
#define SHUT_RDWR 2

#define MSG_OOB          0x1
#define MSG_PEEK         0x2
#define MSG_DONTROUTE    0x4
#define MSG_CTRUNC       0x8
#define MSG_TRUNC        0x20
#define MSG_DONTWAIT     0x40
#define MSG_EOR          0x80
#define MSG_WAITALL      0x100
#define MSG_NOSIGNAL     0x4000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SOL_SOCKET 1

#define SO_DEBUG       1
#define SO_REUSEADDR   2
#define SO_TYPE        3
#define SO_ERROR       4
#define SO_KEEPALIVE   9
#define SO_SNDBUF      7
#define SO_RCVBUF      8
#define SO_PASSCRED    16
#define SO_RCVTIMEO    20     /* struct timeval (SO_RCVTIMEO_OLD, what x86-64 libcs use) */
#define SO_SNDTIMEO    21
#define SO_PEERCRED    17
#define SO_ACCEPTCONN  30
#define SO_PROTOCOL    38
#define SO_DOMAIN      39

#define SCM_RIGHTS      1
#define SCM_CREDENTIALS 2
#define SCM_MAX_FD      253   /* file descriptors in one SCM_RIGHTS message */

#define SOMAXCONN 4096        /* /proc/sys/net/core/somaxconn: listen's backlog cap */

/* struct msghdr as x86-64 user memory holds it (56 bytes); pointers are user addresses. */
struct user_msghdr {
	uint64_t msg_name;
	int32_t msg_namelen;
	uint32_t pad0;
	uint64_t msg_iov;
	uint64_t msg_iovlen;
	uint64_t msg_control;
	uint64_t msg_controllen;
	int32_t msg_flags;
	uint32_t pad1;
};

/* struct mmsghdr of sendmmsg/recvmmsg. */
struct user_mmsghdr {
	struct user_msghdr msg_hdr;
	uint32_t msg_len;
	uint32_t pad;
};

/* A control message header; its data follows at CMSG_ALIGN(sizeof(struct cmsghdr)). */
struct cmsghdr {
	uint64_t cmsg_len;    /* header and data, without the trailing padding */
	int32_t cmsg_level;
	int32_t cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(uint64_t) - 1) & ~(uint64_t)(sizeof(uint64_t) - 1))
#define CMSG_LEN(len)   (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))

/* SCM_CREDENTIALS and SO_PEERCRED. */
struct ucred {
	int32_t pid;
	uint32_t uid;
	uint32_t gid;
};

#endif
