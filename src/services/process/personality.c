/* process/personality.c: personality(2). Keel runs Linux binaries only: the value is
 * kept and inherited as Linux keeps it, and of its flags ADDR_NO_RANDOMIZE takes effect
 * (the next exec lays the process out without ASLR, as `setarch -R` expects). */
#include <abi/personality.h>
#include <process/process.h>

long sys_personality(unsigned int persona)
{
	struct process *p = process_current();
	unsigned int old = p->personality;

	if (persona != PER_QUERY)
		p->personality = persona;
	return old;
}
