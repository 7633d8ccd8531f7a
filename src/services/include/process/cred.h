/* process/cred.h: credentials: real, effective, saved and filesystem ids, groups. */
#ifndef SERVICES_PROCESS_CRED_H
#define SERVICES_PROCESS_CRED_H

#include <ostd/types.h>

#define NGROUPS_MAX 65536
#define CRED_GROUPS_MAX 32   /* Keel keeps this many supplementary groups (EINVAL past it) */

struct cred {
	unsigned int uid, euid, suid, fsuid;
	unsigned int gid, egid, sgid, fsgid;
	unsigned int ngroups;
	unsigned int groups[CRED_GROUPS_MAX];
};

/* Root with no supplementary groups. */
void cred_init_root(struct cred *c);
/* Whether c may act as root (euid 0; Keel has no capabilities beyond that). */
bool cred_is_root(const struct cred *c);
/* Whether c's fsgid or a supplementary group is gid. */
bool cred_in_group(const struct cred *c, unsigned int gid);

long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(unsigned int uid);
long sys_setgid(unsigned int gid);
long sys_setreuid(unsigned int ruid, unsigned int euid);
long sys_setregid(unsigned int rgid, unsigned int egid);
long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid);
long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid);
long sys_getresuid(unsigned int __user *ruid, unsigned int __user *euid,
		   unsigned int __user *suid);
long sys_getresgid(unsigned int __user *rgid, unsigned int __user *egid,
		   unsigned int __user *sgid);
long sys_setfsuid(unsigned int uid);
long sys_setfsgid(unsigned int gid);
long sys_getgroups(int size, unsigned int __user *list);
long sys_setgroups(int size, const unsigned int __user *list);

#endif
