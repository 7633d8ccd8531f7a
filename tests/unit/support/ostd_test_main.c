/* ostd_test_main.c: the unit tests' ostd_main: runs ostd_test_boot's body and shuts the
 * machine down with its result. Weak, and alone in its object file, so a binary that
 * links the services' real ostd_main gets that one instead. */
#include <ostd/boot.h>

int hal_test_run_body(void);

__attribute__((weak)) void ostd_main(void)
{
	ostd_shutdown(hal_test_run_body());
}
