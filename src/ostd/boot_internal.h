/* boot_internal.h: per-boot set-up and tear-down of OSTD's subsystems, run by ostd_run so
 * that the machine can boot again in the same process (the unit tests do). */
#ifndef OSTD_BOOT_INTERNAL_H
#define OSTD_BOOT_INTERNAL_H

void console_system_init(void);
void timer_system_init(void);
void timer_system_fini(void);

#endif
