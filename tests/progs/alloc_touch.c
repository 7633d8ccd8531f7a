/* alloc_touch: allocates argv[1] MiB in 4 MiB blocks and writes every page of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	long mib = argc > 1 ? atol(argv[1]) : 8;

	for (long done = 0; done < mib; done += 4) {
		char *p = malloc(4 << 20);

		if (!p) {
			printf("malloc failed after %ld MiB\n", done);
			return 3;
		}
		memset(p, 1, 4 << 20);
	}
	printf("touched %ld MiB\n", mib);
	return 0;
}
