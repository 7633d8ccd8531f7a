/* abi_glibc.c: the ABI values as glibc's headers define them. */
#define _GNU_SOURCE
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <poll.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/personality.h>
#include <sys/statfs.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include "abi_list.h"
#include "abi_table.h"

#define ABI_S(o, h)          ABI_S_OF("sizeof(" #o ")", h)
#define ABI_F(o, f, h, hf)   ABI_F_OF("offsetof(" #o ", " #f ")", h, hf)

ABI_TABLE(abi_host_errno, ABI_LIST_ERRNO)
ABI_TABLE(abi_host_glibc, ABI_LIST_GLIBC)
