/* report.c: violation lines go to stdout so scripts can grep them; errors go to stderr. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>

static unsigned long report_violations;

void report_violation(const char *where, const char *rule, const char *fmt, ...)
{
	va_list ap;

	printf("%s: rule %s: ", where, rule);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	report_violations++;
}

unsigned long report_count(void)
{
	return report_violations;
}
