/* abi_kernel.c: the ABI values as the kernel's uapi headers define them (kept apart from
 * glibc's, whose termios, sigaction and O_LARGEFILE differ from the kernel's). */
#include <stddef.h>
#include <linux/auxvec.h>
#include <asm/termbits.h>
#include <asm/signal.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <linux/signal.h>
#include <asm/prctl.h>
#include <asm/fcntl.h>
#include <linux/prctl.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include "abi_list.h"
#include "abi_table.h"

#define ABI_S(o, h)          ABI_S_OF("sizeof(" #o ")", h)
#define ABI_F(o, f, h, hf)   ABI_F_OF("offsetof(" #o ", " #f ")", h, hf)

ABI_TABLE(abi_host_kernel, ABI_LIST_KERNEL)
