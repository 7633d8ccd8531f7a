/* fs/procfs/sys.c: the few tunables programs read from /proc/sys, and the minimal sysfs:
 * the CPU topology that sysconf and nproc look at. */
#include <ostd/string.h>
#include <abi/stat.h>
#include <fs/procfs_node.h>
#include <system/system.h>

static void show_ostype(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%s\n", UTS_SYSNAME);
}

static void show_osrelease(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%s\n", UTS_RELEASE);
}

static void show_version(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%s\n", UTS_VERSION);
}

static void show_hostname(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%s\n", UTS_NODENAME);
}

static void show_pid_max(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%d\n", 4194304);
}

static void show_ngroups_max(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "%d\n", 65536);
}

static void show_overcommit(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "0\n");
}

static const struct procfs_entry kernel_entries[] = {
	{ "ostype", S_IFREG | 0444, .show = show_ostype },
	{ "osrelease", S_IFREG | 0444, .show = show_osrelease },
	{ "version", S_IFREG | 0444, .show = show_version },
	{ "hostname", S_IFREG | 0444, .show = show_hostname },
	{ "pid_max", S_IFREG | 0444, .show = show_pid_max },
	{ "ngroups_max", S_IFREG | 0444, .show = show_ngroups_max },
};
static const struct procfs_dir kernel_dir = { kernel_entries, ARRAY_SIZE(kernel_entries) };

static const struct procfs_entry vm_entries[] = {
	{ "overcommit_memory", S_IFREG | 0444, .show = show_overcommit },
};
static const struct procfs_dir vm_dir = { vm_entries, ARRAY_SIZE(vm_entries) };

static const struct procfs_entry sys_entries[] = {
	{ "kernel", S_IFDIR | 0555, .dir = &kernel_dir },
	{ "vm", S_IFDIR | 0555, .dir = &vm_dir },
};
const struct procfs_dir procfs_sys_dir = { sys_entries, ARRAY_SIZE(sys_entries) };

/* One CPU, numbered 0, as sched_getaffinity and /proc/cpuinfo say. */
static void show_cpu_range(struct text *t, struct process *p, struct process *r)
{
	text_printf(t, "0\n");
}

static const struct procfs_entry cpu_entries[] = {
	{ "online", S_IFREG | 0444, .show = show_cpu_range },
	{ "possible", S_IFREG | 0444, .show = show_cpu_range },
	{ "present", S_IFREG | 0444, .show = show_cpu_range },
};
static const struct procfs_dir cpu_dir = { cpu_entries, ARRAY_SIZE(cpu_entries) };

static const struct procfs_entry system_entries[] = {
	{ "cpu", S_IFDIR | 0755, .dir = &cpu_dir },
};
static const struct procfs_dir system_dir = { system_entries, ARRAY_SIZE(system_entries) };

static const struct procfs_entry devices_entries[] = {
	{ "system", S_IFDIR | 0755, .dir = &system_dir },
};
static const struct procfs_dir devices_dir = { devices_entries, ARRAY_SIZE(devices_entries) };

static const struct procfs_entry sysfs_entries[] = {
	{ "devices", S_IFDIR | 0755, .dir = &devices_dir },
};
const struct procfs_dir sysfs_root_dir = { sysfs_entries, ARRAY_SIZE(sysfs_entries) };
