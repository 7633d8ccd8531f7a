/* uname_time: uname's fixed fields and clocks that move forward. */
#include <stdio.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>

int main(void)
{
	struct utsname u;
	struct timespec a, b;
	struct timeval tv;

	if (uname(&u))
		return 1;
	printf("sysname=%s machine=%s\n", u.sysname, u.machine);
	clock_gettime(CLOCK_MONOTONIC, &a);
	clock_gettime(CLOCK_MONOTONIC, &b);
	gettimeofday(&tv, NULL);
	printf("monotonic forward: %s\n",
	       (b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec)) ? "yes" : "no");
	printf("realtime after 2020: %s\n", tv.tv_sec > 1577836800 ? "yes" : "no");
	return 0;
}
