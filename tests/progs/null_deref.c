/* null_deref: writes through a NULL pointer and dies of SIGSEGV (shell status 139). */
#include <stdio.h>

int main(void)
{
	volatile int *p = NULL;

	printf("about to fault\n");
	fflush(stdout);
	*p = 42;
	printf("not reached\n");
	return 0;
}
