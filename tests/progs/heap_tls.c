/* heap_tls: malloc (brk and mmap paths) and thread-local storage of the main thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __thread int tls_counter = 7;

int main(void)
{
	unsigned long sum = 0;
	char *small = malloc(100);
	char *big = malloc(4 << 20);   /* above the mmap threshold */

	if (!small || !big)
		return 1;
	memset(small, 1, 100);
	memset(big, 2, 4 << 20);
	for (int i = 0; i < (4 << 20); i += 4096)
		sum += (unsigned char)big[i];
	tls_counter += 5;
	printf("sum=%lu tls=%d\n", sum, tls_counter);
	free(big);
	free(small);
	return 0;
}
