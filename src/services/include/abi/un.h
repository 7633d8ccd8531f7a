/* abi/un.h: struct sockaddr_un, the address of AF_UNIX sockets. */
#ifndef ABI_UN_H
#define ABI_UN_H

#include <stdint.h>

#define UNIX_PATH_MAX 108

struct sockaddr_un {
	uint16_t sun_family;             /* AF_UNIX */
	char sun_path[UNIX_PATH_MAX];    /* a path, or '\0' and an abstract name */
};

/* The length of an address holding only the family (unbound, autobind's request). */
#define UNIX_ADDR_FAMILY_LEN 2

#endif
