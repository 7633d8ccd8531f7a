/* abi/sched.h: clone flags and clone3's struct clone_args. */
#ifndef ABI_SCHED_H
#define ABI_SCHED_H

#include <stdint.h>

#define CSIGNAL              0x000000ffull
#define CLONE_VM             0x00000100ull
#define CLONE_FS             0x00000200ull
#define CLONE_FILES          0x00000400ull
#define CLONE_SIGHAND        0x00000800ull
#define CLONE_PIDFD          0x00001000ull
#define CLONE_PTRACE         0x00002000ull
#define CLONE_VFORK          0x00004000ull
#define CLONE_PARENT         0x00008000ull
#define CLONE_THREAD         0x00010000ull
#define CLONE_NEWNS          0x00020000ull
#define CLONE_SYSVSEM        0x00040000ull
#define CLONE_SETTLS         0x00080000ull
#define CLONE_PARENT_SETTID  0x00100000ull
#define CLONE_CHILD_CLEARTID 0x00200000ull
#define CLONE_DETACHED       0x00400000ull
#define CLONE_UNTRACED       0x00800000ull
#define CLONE_CHILD_SETTID   0x01000000ull
#define CLONE_NEWCGROUP      0x02000000ull
#define CLONE_NEWUTS         0x04000000ull
#define CLONE_NEWIPC         0x08000000ull
#define CLONE_NEWUSER        0x10000000ull
#define CLONE_NEWPID         0x20000000ull
#define CLONE_NEWNET         0x40000000ull
#define CLONE_IO             0x80000000ull
#define CLONE_CLEAR_SIGHAND  0x100000000ull
#define CLONE_INTO_CGROUP    0x200000000ull
#define CLONE_NEWTIME        0x00000080ull

struct clone_args {
	uint64_t flags;
	uint64_t pidfd;
	uint64_t child_tid;
	uint64_t parent_tid;
	uint64_t exit_signal;
	uint64_t stack;
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;
	uint64_t set_tid_size;
	uint64_t cgroup;
};

#define CLONE_ARGS_SIZE_VER0 64
#define CLONE_ARGS_SIZE_VER2 88

#endif
