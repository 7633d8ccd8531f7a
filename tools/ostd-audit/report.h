/* report.h: how the audit reports a broken rule: one line naming the place and the rule. */
#ifndef OSTD_AUDIT_REPORT_H
#define OSTD_AUDIT_REPORT_H

/* Prints "WHERE: rule RULE: MESSAGE" on stdout and counts it. */
void report_violation(const char *where, const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Violations reported so far. */
unsigned long report_count(void);

#endif
