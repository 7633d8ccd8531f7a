/* abi_ours.c: the ABI values as Keel's own headers define them (no host header here). */
#include <ostd/errno.h>
#include <abi/auxv.h>
#include <abi/dirent.h>
#include <abi/elf.h>
#include <abi/fcntl.h>
#include <abi/itimer.h>
#include <abi/mman.h>
#include <abi/prctl.h>
#include <abi/random.h>
#include <abi/resource.h>
#include <abi/sigframe.h>
#include <abi/siginfo.h>
#include <abi/signal.h>
#include <abi/stat.h>
#include <abi/termios.h>
#include <abi/time.h>
#include <abi/uio.h>
#include <abi/utsname.h>
#include <abi/poll.h>
#include <abi/sched.h>
#include <abi/sched_policy.h>
#include <abi/personality.h>
#include <abi/membarrier.h>
#include <abi/statfs.h>
#include <abi/epoll.h>
#include <abi/eventfd.h>
#include <abi/signalfd.h>
#include <abi/timerfd.h>
#include <futex/futex.h>
#include "abi_list.h"
#include "abi_table.h"

#define ABI_S(o, h)          ABI_S_OF("sizeof(" #o ")", o)
#define ABI_F(o, f, h, hf)   ABI_F_OF("offsetof(" #o ", " #f ")", o, f)

ABI_TABLE(abi_ours_errno, ABI_LIST_ERRNO)
ABI_TABLE(abi_ours_glibc, ABI_LIST_GLIBC)
ABI_TABLE(abi_ours_kernel, ABI_LIST_KERNEL)
