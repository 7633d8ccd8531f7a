/* run.c: `keel run [OPTIONS] [--] PROGRAM [ARG...]`. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#include "cpio_writer.h"
#include "gdb/gdb_port.h"
#include "run.h"
#include "size.h"
#include "vmm.h"

#define MEM_MIN (16ull << 20)
#define MEM_MAX (16ull << 30)
#define MEM_DEFAULT (1ull << 30)
/* A host program larger than this is refused rather than copied into guest RAM. */
#define HOST_PROGRAM_MAX (512ull << 20)

extern char **environ;
/* The embedded default root: busybox-static and its applets (tools/mkinitramfs). */
extern const unsigned char keel_initramfs_start[], keel_initramfs_end[];

struct run_options {
	char *engine, *mem, *root, *initrd, *log, *strace_file, *gdb;
	gboolean verbose, no_spin, strace, stats, no_aslr;
};

struct run_modules {
	struct boot_module mods[2];
	size_t n;
	struct boot_module host_program;
	bool has_host_program;
	GByteArray *root_cpio;
	gchar *initrd_data, *program_data, *program_name;
};

static void run_modules_free(struct run_modules *m)
{
	if (m->root_cpio)
		g_byte_array_unref(m->root_cpio);
	g_free(m->initrd_data);
	g_free(m->program_data);
	g_free(m->program_name);
}

static void run_options_free(struct run_options *o)
{
	g_free(o->engine);
	g_free(o->mem);
	g_free(o->root);
	g_free(o->initrd);
	g_free(o->log);
	g_free(o->strace_file);
	g_free(o->gdb);
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "keel: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	return KEEL_EXIT_USAGE;
}

static int parse_options(int *argc, char ***argv, struct run_options *o)
{
	GOptionEntry entries[] = {
		{ "engine", 0, 0, G_OPTION_ARG_STRING, &o->engine,
		  "Where the program runs: auto (default), kvm or seccomp", "ENGINE" },
		{ "mem", 0, 0, G_OPTION_ARG_STRING, &o->mem,
		  "Guest memory, populated on demand (default 1G)", "SIZE" },
		{ "root", 0, 0, G_OPTION_ARG_FILENAME, &o->root,
		  "Use a host directory as the guest root (copied at start)", "DIR" },
		{ "initrd", 0, 0, G_OPTION_ARG_FILENAME, &o->initrd,
		  "Use a cpio (newc) archive as the guest root", "FILE" },
		{ "log", 0, 0, G_OPTION_ARG_FILENAME, &o->log, "Write the kernel log to FILE",
		  "FILE" },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose,
		  "Write the kernel log to stderr", NULL },
		/* Two options, not one with an optional argument: GLib would take PROGRAM
		 * for the file in `--strace PROGRAM`. */
		{ "strace", 0, 0, G_OPTION_ARG_NONE, &o->strace,
		  "Print each syscall of the program on stderr, as strace does", NULL },
		{ "strace-file", 0, 0, G_OPTION_ARG_FILENAME, &o->strace_file,
		  "Write the syscall trace to FILE instead (implies --strace)", "FILE" },
		{ "stats", 0, 0, G_OPTION_ARG_NONE, &o->stats,
		  "Print the kernel's frame and heap counters on stderr when the program ends", NULL },
		{ "no-aslr", 0, 0, G_OPTION_ARG_NONE, &o->no_aslr,
		  "Fixed addresses for the stack, mmap, PIE and interpreter (as setarch -R)",
		  NULL },
		{ "no-spin", 0, 0, G_OPTION_ARG_NONE, &o->no_spin,
		  "Never spin in engine handoffs (sleep at once)", NULL },
		{ "gdb", 0, 0, G_OPTION_ARG_STRING, &o->gdb,
		  "Stop the program at its first instruction and serve gdb's remote protocol on "
		  "127.0.0.1:PORT", "PORT" },
		{ NULL }
	};
	GOptionContext *ctx = g_option_context_new("[--] PROGRAM [ARG...]");
	GError *err = NULL;
	gboolean ok;

	g_option_context_set_summary(ctx, "Run a Linux x86-64 program on the Keel kernel.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	/* Options stop at PROGRAM: what follows belongs to the program. */
	g_option_context_set_strict_posix(ctx, TRUE);
	ok = g_option_context_parse(ctx, argc, argv, &err);
	g_option_context_free(ctx);
	if (!ok) {
		usage_error("run: %s", err->message);
		g_error_free(err);
		return -EINVAL;
	}
	return 0;
}

/* PROGRAM names a host file when it has a '/' and exists there: the kernel uses it if the
 * guest root has no such path (like qemu-user). */
static int read_host_program(const char *prog, struct run_modules *m)
{
	struct stat st;
	GError *err = NULL;
	char *abs;

	if (!strchr(prog, '/') || stat(prog, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	if ((uint64_t)st.st_size > HOST_PROGRAM_MAX) {
		fprintf(stderr, "keel: %s: program too large (over 512 MiB)\n", prog);
		return -EFBIG;
	}
	if (!g_file_get_contents(prog, &m->program_data, NULL, &err)) {
		fprintf(stderr, "keel: %s: %s\n", prog, g_strerror(errno));
		g_error_free(err);
		return -EACCES;
	}
	abs = realpath(prog, NULL);
	m->program_name = abs ? g_strdup(abs) : g_strdup(prog);
	free(abs);
	m->host_program = (struct boot_module){ .name = m->program_name,
						.data = m->program_data,
						.size = (size_t)st.st_size };
	m->has_host_program = true;
	return 0;
}

static int load_roots(const struct run_options *o, struct run_modules *m)
{
	GError *err = NULL;
	gsize size;

	if (o->initrd) {
		if (!g_file_get_contents(o->initrd, &m->initrd_data, &size, &err)) {
			fprintf(stderr, "keel: --initrd %s: %s\n", o->initrd, err->message);
			g_error_free(err);
			return -ENOENT;
		}
		/* cppcheck-suppress comparePointers ; the linker's start and end of one blob */
		m->mods[m->n++] = (struct boot_module){ "initrd", m->initrd_data, size };
	}
	if (o->root) {
		m->root_cpio = cpio_from_dir(o->root, &err);
		if (!m->root_cpio) {
			fprintf(stderr, "keel: --root %s: %s\n", o->root, err->message);
			g_error_free(err);
			return -ENOENT;
		}
		/* cppcheck-suppress comparePointers ; the linker's start and end of one blob */
		m->mods[m->n++] = (struct boot_module){ "root", m->root_cpio->data,
							m->root_cpio->len };
	}
	if (m->n == 0)
		m->mods[m->n++] = (struct boot_module){
			"initramfs", keel_initramfs_start,
			/* cppcheck-suppress comparePointers ; the linker's bounds of one blob */
			(size_t)(keel_initramfs_end - keel_initramfs_start) };
	return 0;
}

static int build_config(struct run_options *o, int argc, char **argv, struct run_modules *m,
			struct vmm_config *cfg)
{
	int err;

	*cfg = (struct vmm_config){ .ram_bytes = MEM_DEFAULT, .spin = !o->no_spin,
				    .verbose = o->verbose,
				    .engine = o->engine ? o->engine : "auto" };
	if (o->mem && (size_parse(o->mem, &cfg->ram_bytes) || cfg->ram_bytes < MEM_MIN ||
		       cfg->ram_bytes > MEM_MAX))
		return usage_error("--mem %s: not a size between 16M and 16G (e.g. 64M, 1G)", o->mem),
		       -EINVAL;
	cfg->ram_bytes = ALIGN_UP(cfg->ram_bytes, 1ull << 20);
	if (argc < 1)
		return usage_error("run: %s", "no PROGRAM given (keel run [OPTIONS] PROGRAM [ARG...])"),
		       -EINVAL;
	if (o->log) {
		cfg->log = fopen(o->log, "we");
		if (!cfg->log)
			return usage_error("--log %s: cannot open for writing", o->log), -EINVAL;
	} else if (o->verbose) {
		cfg->log = stderr;
	}
	if (o->strace_file) {
		cfg->trace = fopen(o->strace_file, "we");
		if (!cfg->trace)
			return usage_error("--strace-file %s: cannot open for writing",
					   o->strace_file), -EINVAL;
	} else if (o->strace) {
		cfg->trace = stderr;
	}
	err = load_roots(o, m);
	if (!err)
		err = read_host_program(argv[0], m);
	if (err)
		return err;
	cfg->boot = (struct boot_info){
		.argc = argc, .argv = argv, .envp = environ,
		.initramfs = m->mods, .n_initramfs = m->n,
		.host_program = m->has_host_program ? &m->host_program : NULL,
		.ram_bytes = cfg->ram_bytes, .verbose = o->verbose,
		.strace = cfg->trace != NULL, .stats = o->stats, .no_aslr = o->no_aslr,
	};
	return 0;
}

int cli_run(int argc, char **argv)
{
	struct run_options o = { 0 };
	struct run_modules m = { 0 };
	struct vmm_config cfg = { 0 };
	unsigned int gdb_port = 0;
	int err, status;

	if (parse_options(&argc, &argv, &o)) {
		run_options_free(&o);
		return KEEL_EXIT_USAGE;
	}
	/* argv[0] is "run"; a leading "--" ends the options. */
	argc--, argv++;
	if (argc > 0 && strcmp(argv[0], "--") == 0)
		argc--, argv++;
	if (o.gdb && gdb_port_parse(o.gdb, &gdb_port)) {
		status = usage_error("--gdb %s: not a TCP port (1-65535)", o.gdb);
		goto out;
	}
	err = build_config(&o, argc, argv, &m, &cfg);
	if (err) {
		status = err == -EINVAL || err == -ENOENT ? KEEL_EXIT_USAGE : KEEL_EXIT_CANNOT_RUN;
		goto out;
	}
	/* Before vmm_setup: the VMM may not accept connections once it is confined. */
	if (gdb_port && gdb_port_accept(gdb_port)) {
		status = KEEL_EXIT_USAGE;
		goto out;
	}
	if (vmm_setup(&cfg)) {
		status = KEEL_EXIT_USAGE;
		goto out;
	}
	status = vmm_run();
	vmm_teardown();
out:
	gdb_port_close();
	if (cfg.log && cfg.log != stderr)
		fclose(cfg.log);
	if (cfg.trace && cfg.trace != stderr)
		fclose(cfg.trace);
	run_modules_free(&m);
	run_options_free(&o);
	return status;
}
