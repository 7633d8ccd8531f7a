/* addrs.c: prints where main, a stack variable, the heap and an anonymous mmap are, for
 * tests/integration/dynamic.sh: equal across `keel run --no-aslr` runs, different across
 * randomized ones. Not compared with the host. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(void)
{
	int local = 0;
	void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *h = malloc(16);

	printf("main %p stack %p mmap %p heap %p\n", (void *)main, (void *)&local, m, h);
	return 0;
}
