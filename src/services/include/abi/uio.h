/* abi/uio.h: struct iovec of readv/writev, and their vector limit. */
#ifndef ABI_UIO_H
#define ABI_UIO_H

#include <stdint.h>

struct iovec {
	uint64_t iov_base;   /* a user address */
	uint64_t iov_len;
};

#define UIO_MAXIOV 1024

#endif
