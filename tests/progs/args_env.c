/* args_env: argv, the environment and the auxiliary vector as the program sees them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp)
{
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	const char *keel_var = getenv("KEEL_TEST_VAR");
	const char *plat = (const char *)getauxval(AT_PLATFORM);
	int n_env = 0;

	printf("argc=%d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "null");
	for (char **e = envp; *e; e++)
		n_env++;
	printf("env has entries: %s\n", n_env > 0 ? "yes" : "no");
	printf("KEEL_TEST_VAR=%s\n", keel_var ? keel_var : "(unset)");
	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
	printf("AT_CLKTCK=%lu\n", getauxval(AT_CLKTCK));
	printf("AT_PLATFORM=%s\n", plat ? plat : "(none)");
	printf("AT_RANDOM present: %s\n", rnd ? "yes" : "no");
	printf("AT_PHDR matches: %s\n",
	       getauxval(AT_PHDR) && getauxval(AT_PHNUM) > 0 && getauxval(AT_PHENT) == 56 ? "yes" : "no");
	printf("AT_ENTRY set: %s\n", getauxval(AT_ENTRY) ? "yes" : "no");
	printf("AT_UID==getuid: %s\n", getauxval(AT_UID) == (unsigned long)getuid() ? "yes" : "no");
	printf("AT_HWCAP set: %s\n", getauxval(AT_HWCAP) ? "yes" : "no");
	printf("AT_EXECFN ends in args_env: %s\n",
	       strstr((const char *)getauxval(AT_EXECFN), "args_env") ? "yes" : "no");
	return 0;
}
