/* sys_table.c: the syscall table's numbers and arities, read from the same X-macro file
 * the dispatcher is built from, so the fuzzer follows the table as it grows. */
#include "sys_program.h"

struct sys_table_entry {
	unsigned short nr;
	unsigned char nargs;
};

static const struct sys_table_entry sys_table[] = {
#define SYSCALL(nr, name, nargs) { nr, nargs },
#include "../../src/services/syscall/table_x86_64.h"
#undef SYSCALL
};

unsigned int sys_table_count(void)
{
	return sizeof(sys_table) / sizeof(sys_table[0]);
}

unsigned int sys_table_nr(unsigned int i)
{
	return sys_table[i].nr;
}

unsigned int sys_table_nargs(unsigned int i)
{
	return sys_table[i].nargs;
}

int sys_table_find(unsigned int nr)
{
	for (unsigned int i = 0; i < sys_table_count(); i++)
		if (sys_table[i].nr == nr)
			return (int)i;
	return -1;
}
