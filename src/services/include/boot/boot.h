/* boot/boot.h: the steps of ostd_main, apart so tests can run them on their own. */
#ifndef SERVICES_BOOT_BOOT_H
#define SERVICES_BOOT_BOOT_H

#include <ostd/boot.h>
#include <ostd/types.h>

struct inode;

int boot_mkdir_p(struct inode *root, const char *path, uint32_t mode, struct inode **out);
struct inode *boot_build_root(const struct boot_info *bi);
/* Installs host program m at its absolute host path (parents created), mode 0755. */
int boot_install_host_program(struct inode *root, const struct boot_module *m,
			      struct inode **out);
struct process;
/* init ended: kill and reap every process, free the root, stop the machine. */
void boot_machine_end(struct process *init);
int boot_find_program(struct inode *root, const char *name, struct inode **out,
		      char **resolved);

#endif
