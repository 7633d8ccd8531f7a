/* opcodes.c: objdump -D -j SECTION for each section marked executable: -D because plain -d
 * prints data objects placed in a code section as data, and those bytes could run too. */
#include "opcodes.h"

#include <errno.h>
#include <gelf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "elf_walk.h"
#include "opcode_rules.h"
#include "report.h"
#include "strset.h"

struct opcodes_where {
	const char *path;
	bool in_archive;
	char object[512];
	char section[128];
	char symbol[256];
	unsigned long symbol_addr;
	enum audit_arch arch;
};

/* What a file holds: its machines (bit 0 x86-64, bit 1 RISC-V) and executable sections. */
struct opcodes_survey {
	unsigned int machines;
	struct strset exec_sections;
};

static int opcodes_note_sections(Elf *elf, struct strset *names)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;
	size_t shstrndx;
	int err = 0;

	if (elf_getshdrstrndx(elf, &shstrndx))
		return -ENOEXEC;
	while (!err && (scn = elf_nextscn(elf, scn)) != NULL) {
		const char *name;

		if (!gelf_getshdr(scn, &shdr) || !(shdr.sh_flags & SHF_EXECINSTR))
			continue;
		name = elf_strptr(elf, shstrndx, shdr.sh_name);
		if (!name)
			return -ENOEXEC;
		if (!strset_has(names, name))
			err = strset_add(names, name);
	}
	return err;
}

static int opcodes_survey_object(const char *name, Elf *elf, void *arg)
{
	struct opcodes_survey *sv = arg;
	GElf_Ehdr ehdr;

	if (!gelf_getehdr(elf, &ehdr))
		return -ENOEXEC;
	if (ehdr.e_machine == EM_X86_64)
		sv->machines |= 1;
	else if (ehdr.e_machine == EM_RISCV)
		sv->machines |= 2;
	else {
		fprintf(stderr, "ostd-audit: %s: unsupported machine %u\n", name, ehdr.e_machine);
		return -ENOEXEC;
	}
	return opcodes_note_sections(elf, &sv->exec_sections);
}

/* Runs objdump -D --no-show-raw-insn -j S1 -j S2 ... path; returns its stdout. */
static FILE *opcodes_spawn(const char *objdump, const char *path,
			   const struct strset *sections, pid_t *pid)
{
	size_t argc = 0;
	int fds[2];
	FILE *out;
	char **argv = calloc(2 * sections->n + 5, sizeof(*argv));

	if (!argv)
		return NULL;
	argv[argc++] = (char *)objdump;
	argv[argc++] = "-D";
	argv[argc++] = "--no-show-raw-insn";
	for (size_t i = 0; i < sections->n; i++) {
		argv[argc++] = "-j";
		argv[argc++] = sections->items[i];
	}
	argv[argc++] = (char *)path;

	if (pipe(fds))
		goto out_free_argv;
	*pid = fork();
	if (*pid < 0)
		goto out_close_pipe;
	if (*pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp(objdump, argv);
		fprintf(stderr, "ostd-audit: cannot run %s: %s\n", objdump, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	free(argv);
	out = fdopen(fds[0], "r");
	if (!out)
		close(fds[0]);
	return out;

out_close_pipe:
	close(fds[0]);
	close(fds[1]);
out_free_argv:
	free(argv);
	return NULL;
}

/* "member.o:     file format elf64-x86-64" starts each object of the listing. */
static bool opcodes_parse_object(struct opcodes_where *w, const char *line)
{
	const char *fmt = strstr(line, ":     file format ");
	const char *arch;

	if (!fmt)
		fmt = strstr(line, ":\tfile format ");
	if (!fmt)
		return false;
	arch = strstr(fmt, "file format ") + strlen("file format ");
	w->arch = strstr(arch, "riscv") ? AUDIT_ARCH_RISCV64 : AUDIT_ARCH_X86_64;
	/* GNU objdump names a member after "In archive"; llvm-objdump says "lib.a(m.o)". */
	if (w->in_archive)
		snprintf(w->object, sizeof(w->object), "%s(%.*s)", w->path, (int)(fmt - line), line);
	else
		snprintf(w->object, sizeof(w->object), "%.*s", (int)(fmt - line), line);
	w->section[0] = w->symbol[0] = '\0';
	return true;
}

static void opcodes_parse_line(struct opcodes_where *w, char *line)
{
	unsigned long addr;
	char *end, *text;
	const char *why;

	line[strcspn(line, "\n")] = '\0';
	if (!strncmp(line, "In archive ", 11)) {
		w->in_archive = true;
		return;
	}
	if (opcodes_parse_object(w, line))
		return;
	if (sscanf(line, "Disassembly of section %127[^:]:", w->section) == 1) {
		w->symbol[0] = '\0';
		return;
	}
	addr = strtoul(line, &end, 16);
	if (end != line && sscanf(end, " <%255[^>]>:", w->symbol) == 1) {
		w->symbol_addr = addr;
		return;
	}
	/* An instruction: "   1c:\tmnemonic operands". */
	addr = strtoul(line, &end, 16);
	if (end == line || *end != ':' || !(text = strchr(end, '\t')))
		return;
	why = opcode_rules_check(w->arch, text + 1);
	if (!why)
		return;
	text += 1 + strspn(text + 1, " \t");
	report_violation(w->object, "opcodes", "%s+0x%lx <%s+0x%lx>: '%s' is a %s",
			 w->section, addr, w->symbol[0] ? w->symbol : "?", addr - w->symbol_addr,
			 text, why);
}

static int opcodes_run(const char *objdump, const char *path, const struct strset *sections)
{
	struct opcodes_where w = { .path = path };
	char line[1024];
	int status;
	pid_t pid;
	FILE *out = opcodes_spawn(objdump, path, sections, &pid);

	if (!out)
		return -errno;
	while (fgets(line, sizeof(line), out))
		opcodes_parse_line(&w, line);
	fclose(out);
	if (waitpid(pid, &status, 0) < 0)
		return -errno;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "ostd-audit: %s -D %s failed\n", objdump, path);
		return -EIO;
	}
	return 0;
}

int opcodes_check(const char *path, const struct opcodes_tools *tools)
{
	struct opcodes_survey sv = { 0 };
	const char *objdump = tools->objdump_x86;
	int err = elf_walk_file(path, opcodes_survey_object, &sv);

	if (err || !sv.exec_sections.n)
		goto out_free_sections;
	err = -ENOEXEC;
	if (sv.machines == 3) {
		fprintf(stderr, "ostd-audit: %s mixes x86-64 and RISC-V objects\n", path);
		goto out_free_sections;
	}
	if (sv.machines == 2) {
		objdump = tools->objdump_riscv;
		if (!objdump) {
			fprintf(stderr, "ostd-audit: %s: no RISC-V disassembler (--objdump-riscv)\n",
				path);
			goto out_free_sections;
		}
	}
	err = opcodes_run(objdump, path, &sv.exec_sections);
out_free_sections:
	strset_free(&sv.exec_sections);
	return err;
}
