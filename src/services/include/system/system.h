/* system/system.h: syscalls about the machine itself: uname and getrandom. */
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
long sys_getrandom(void __user *buf, size_t count, unsigned int flags);

#endif
