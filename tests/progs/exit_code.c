/* exit_code: exits with the status given as argv[1], after writing to both streams. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int code = argc > 1 ? atoi(argv[1]) : 3;

	fprintf(stdout, "to stdout\n");
	fprintf(stderr, "to stderr\n");
	return code;
}
