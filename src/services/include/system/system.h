/* system/system.h: syscalls about the machine itself: uname, getrandom, sysinfo, and the
 * CPU accounting of times and getrusage. */
#ifndef SERVICES_SYSTEM_SYSTEM_H
#define SERVICES_SYSTEM_SYSTEM_H

#include <ostd/types.h>
#include <abi/utsname.h>

#define UTS_SYSNAME    "Linux"
#define UTS_NODENAME   "keel"
#define UTS_RELEASE    "6.1.0-keel"
#define UTS_VERSION    "#1 SMP Keel 0.1"
#define UTS_MACHINE    "x86_64"
#define UTS_DOMAINNAME "(none)"

long sys_uname(struct utsname __user *buf);
/* Fills buf[0..count) with random bytes: count, or the bytes done before a fault, or
 * -EFAULT. */
long random_copy_to_user(void __user *buf, size_t count);
long sys_getrandom(void __user *buf, size_t count, unsigned int flags);

/* sysinfo.c: the machine's uptime, memory and process count, and the process's CPU
 * accounting (Keel keeps none yet: its CPU times and usage read as zero). */
struct linux_sysinfo;
struct linux_tms;
struct rusage;
long sys_sysinfo(struct linux_sysinfo __user *info);
long sys_times(struct linux_tms __user *buf);
long sys_getrusage(int who, struct rusage __user *usage);

#endif
