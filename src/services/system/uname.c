/* system/uname.c: uname. */
#include <ostd/errno.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <system/system.h>

long sys_uname(struct utsname __user *ubuf)
{
	struct utsname u;

	memset(&u, 0, sizeof(u));
	kstrlcpy(u.sysname, UTS_SYSNAME, sizeof(u.sysname));
	kstrlcpy(u.nodename, UTS_NODENAME, sizeof(u.nodename));
	kstrlcpy(u.release, UTS_RELEASE, sizeof(u.release));
	kstrlcpy(u.version, UTS_VERSION, sizeof(u.version));
	kstrlcpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	kstrlcpy(u.domainname, UTS_DOMAINNAME, sizeof(u.domainname));
	return copy_to_user(ubuf, &u, sizeof(u)) ? -EFAULT : 0;
}
