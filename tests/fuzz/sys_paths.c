/* sys_paths.c: the paths typed string arguments name: the files sys_world.c creates, the
 * special files, and the awkward ones (empty, relative, dot-dot, too long, through a file,
 * symlink loops). */
#include "sys_world.h"

#define A10   "aaaaaaaaaa"
#define A100  A10 A10 A10 A10 A10 A10 A10 A10 A10 A10
#define A1000 A100 A100 A100 A100 A100 A100 A100 A100 A100 A100

const char *const sys_paths[] = {
	"/", "/tmp", "/tmp/f", "/tmp/d", "/tmp/d/g", "/tmp/l", "/tmp/loop", "/tmp/dangling",
	"/tmp/new", "/tmp/d/new", "/etc/passwd", "/dev/null", "/dev/zero", "/dev/tty",
	"/dev/console", "/dev/urandom", ".", "..", "f", "tmp", "", "/nonexistent/x",
	"/tmp/f/x", "/proc/self/exe", "//tmp///f/", "/tmp/d/../f", "/bin/true", "/tmp/ld",
	"/tmp/" A100 A100 A100,                  /* a name past NAME_MAX */
	"/" A1000 A1000 A1000 A1000 A100,        /* a path past PATH_MAX */
};
const unsigned int sys_paths_count = sizeof(sys_paths) / sizeof(sys_paths[0]);
