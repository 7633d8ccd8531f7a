/* abi/signalfd.h: signalfd4's flags and the 128-byte record a read returns per signal. */
#ifndef ABI_SIGNALFD_H
#define ABI_SIGNALFD_H

#include <stdint.h>

#define SFD_NONBLOCK 04000       /* O_NONBLOCK */
#define SFD_CLOEXEC  02000000    /* O_CLOEXEC */

struct signalfd_siginfo {
	uint32_t ssi_signo;
	int32_t  ssi_errno;
	int32_t  ssi_code;
	uint32_t ssi_pid;
	uint32_t ssi_uid;
	int32_t  ssi_fd;
	uint32_t ssi_tid;
	uint32_t ssi_band;
	uint32_t ssi_overrun;
	uint32_t ssi_trapno;
	int32_t  ssi_status;
	int32_t  ssi_int;
	uint64_t ssi_ptr;
	uint64_t ssi_utime;
	uint64_t ssi_stime;
	uint64_t ssi_addr;
	uint16_t ssi_addr_lsb;
	uint16_t __pad2;
	int32_t  ssi_syscall;
	uint64_t ssi_call_addr;
	uint32_t ssi_arch;
	uint8_t  __pad[28];
};

_Static_assert(sizeof(struct signalfd_siginfo) == 128, "signalfd_siginfo is 128 bytes");

#endif
