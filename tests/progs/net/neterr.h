/* neterr.h: errno names for the socket programs (errname.h and the socket errors). */
#ifndef TESTS_PROGS_NET_NETERR_H
#define TESTS_PROGS_NET_NETERR_H
#include <errno.h>
#include "../errname.h"

static inline const char *neterr(int e)
{
	switch (e) {
	case EPIPE: return "EPIPE";
	case ENOTSOCK: return "ENOTSOCK";
	case EDESTADDRREQ: return "EDESTADDRREQ";
	case EMSGSIZE: return "EMSGSIZE";
	case EPROTOTYPE: return "EPROTOTYPE";
	case ENOPROTOOPT: return "ENOPROTOOPT";
	case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
	case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EAFNOSUPPORT: return "EAFNOSUPPORT";
	case EADDRINUSE: return "EADDRINUSE";
	case ECONNRESET: return "ECONNRESET";
	case EISCONN: return "EISCONN";
	case ENOTCONN: return "ENOTCONN";
	case ECONNREFUSED: return "ECONNREFUSED";
	case ETOOMANYREFS: return "ETOOMANYREFS";
	case ESPIPE: return "ESPIPE";
	case ENXIO: return "ENXIO";
	case EDOM: return "EDOM";
	default: return errname(e);
	}
}

/* Prints "what: N" or "what: -1 ENAME". */
#define SHOW(what, expr) do { \
	long r_ = (long)(expr); \
	if (r_ < 0) \
		printf("%s: -1 %s\n", what, neterr(errno)); \
	else \
		printf("%s: %ld\n", what, r_); \
} while (0)
#endif
