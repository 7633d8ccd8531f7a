/* abi/prctl.h: arch_prctl codes (x86-64) and the prctl options Keel answers. */
#ifndef ABI_PRCTL_H
#define ABI_PRCTL_H

#define ARCH_SET_GS      0x1001
#define ARCH_SET_FS      0x1002
#define ARCH_GET_FS      0x1003
#define ARCH_GET_GS      0x1004
#define ARCH_GET_CPUID   0x1011
#define ARCH_SET_CPUID   0x1012

#define PR_SET_NAME      15
#define PR_GET_NAME      16
#define TASK_COMM_LEN    16

#endif
