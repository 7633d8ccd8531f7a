/* abi/resource.h: resource limits (getrlimit, setrlimit, prlimit64). */
#ifndef ABI_RESOURCE_H
#define ABI_RESOURCE_H

#include <stdint.h>

struct rlimit {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

#define RLIM_INFINITY (~0ull)

#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6
#define RLIMIT_NOFILE     7
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

/* struct rusage: two timevals and fourteen longs, 144 bytes. */
struct rusage {
	int64_t ru_utime_sec, ru_utime_usec;
	int64_t ru_stime_sec, ru_stime_usec;
	int64_t ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	int64_t ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

#endif
