/* static_pie.c: built with -static-pie: it relocates itself, so it runs wherever exec
 * put it (above the classic 0x400000 link address, page aligned), uses its heap, and has
 * no interpreter (AT_BASE 0). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

static const char *greeting = "static-pie says hello";

int main(void)
{
	char *copy = malloc(64);

	if (!copy)
		return 1;
	strcpy(copy, greeting);
	puts(copy);
	printf("relocated above 0x400000 %d\n", (uintptr_t)main > 0x400000);
	printf("AT_BASE %lu\n", getauxval(AT_BASE));
	printf("entry page aligned base %d\n", (getauxval(AT_PHDR) & 0xfff) == 0x40);
	free(copy);
	return 0;
}
