/* auxv.c: a static program reads its own auxiliary vector: no interpreter (AT_BASE 0),
 * a vDSO that is an ELF image, Linux's page size and header sizes, AT_ENTRY inside the
 * program, 16 AT_RANDOM bytes, AT_EXECFN naming argv[0]. Only facts, no addresses. */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

extern char _start[];

int main(int argc, char **argv)
{
	const unsigned char *vdso = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const char *platform = (const char *)getauxval(AT_PLATFORM);

	printf("AT_BASE %lu\n", getauxval(AT_BASE));
	printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHENT %lu\n", getauxval(AT_PHENT));
	printf("AT_PHDR set %d\n", getauxval(AT_PHDR) != 0);
	printf("AT_PHNUM set %d\n", getauxval(AT_PHNUM) != 0);
	printf("AT_ENTRY is _start %d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
	printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
	printf("AT_CLKTCK %lu\n", getauxval(AT_CLKTCK));
	printf("AT_RANDOM set %d\n", getauxval(AT_RANDOM) != 0);
	printf("AT_PLATFORM %s\n", platform ? platform : "(none)");
	printf("AT_EXECFN is argv[0] %d\n", execfn && argc > 0 && strcmp(execfn, argv[0]) == 0);
	printf("AT_SYSINFO_EHDR is an ELF %d\n", vdso && memcmp(vdso, ELFMAG, SELFMAG) == 0);
	printf("vDSO is a shared object %d\n", vdso && ((const Elf64_Ehdr *)vdso)->e_type == ET_DYN);
	return 0;
}
