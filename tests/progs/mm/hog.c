/* hog: maps 1 GiB and touches every page, for the out-of-memory test (tests/integration/
 * mm.sh): on a small guest it must get ENOMEM or be killed, never hang the kernel. */
#include <stdio.h>
#include <sys/mman.h>
#include "../errname.h"

#define SIZE (1ul << 30)

int main(void)
{
	char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long i;

	if (p == MAP_FAILED) {
		printf("hog: mmap: %s\n", errname(errno));
		return 1;
	}
	fflush(stdout);
	for (i = 0; i < SIZE; i += 4096)
		p[i] = 1;
	printf("hog: touched 1 GiB\n");
	return 0;
}
