/* symbols.c: reads symbol tables with libelf; only global and weak bindings link. */
#include "symbols.h"

#include <gelf.h>
#include <stdbool.h>

#include "elf_walk.h"
#include "report.h"

struct symbols_ctx {
	struct strset *allow, *defined, *ostd_defined;
};

typedef int (*symbols_fn)(const char *obj, const char *sym, bool undef, void *arg);

static bool symbols_is_linked(const GElf_Sym *sym)
{
	int bind = GELF_ST_BIND(sym->st_info);

	return bind == STB_GLOBAL || bind == STB_WEAK || bind == STB_GNU_UNIQUE;
}

static int symbols_each(const char *obj, Elf *elf, symbols_fn fn, void *arg)
{
	Elf_Scn *scn;
	Elf_Data *data;
	size_t strndx;
	GElf_Sym sym;
	int err = 0;

	if (elf_walk_symtab(elf, &scn, &strndx))
		return 0;   /* an object without symbols links nothing */
	data = elf_getdata(scn, NULL);
	for (int i = 1; data && !err && gelf_getsym(data, i, &sym); i++) {
		const char *name = elf_strptr(elf, strndx, sym.st_name);

		if (!name || !*name || !symbols_is_linked(&sym))
			continue;
		err = fn(obj, name, sym.st_shndx == SHN_UNDEF, arg);
	}
	return err;
}

static int symbols_add_defined(const char *obj, const char *sym, bool undef, void *arg)
{
	return undef ? 0 : strset_add(arg, sym);
}

static int symbols_visit_collect(const char *name, Elf *elf, void *arg)
{
	return symbols_each(name, elf, symbols_add_defined, arg);
}

int symbols_collect_defined(const char *path, struct strset *set)
{
	return elf_walk_file(path, symbols_visit_collect, set);
}

static int symbols_judge(const char *obj, const char *sym, bool undef, void *arg)
{
	struct symbols_ctx *ctx = arg;

	if (!undef) {
		if (ctx->ostd_defined && strset_has(ctx->ostd_defined, sym))
			report_violation(obj, "symbols",
					 "defines '%s', which OSTD defines: it would replace OSTD's at link time",
					 sym);
		return 0;
	}
	if (strset_has(ctx->allow, sym) || strset_has(ctx->defined, sym))
		return 0;
	report_violation(obj, "symbols",
			 "undefined symbol '%s' is neither OSTD public API nor defined by services",
			 sym);
	return 0;
}

static int symbols_visit_check(const char *name, Elf *elf, void *arg)
{
	return symbols_each(name, elf, symbols_judge, arg);
}

int symbols_check(const char *path, struct strset *allow, struct strset *defined,
		  struct strset *ostd_defined)
{
	struct symbols_ctx ctx = { allow, defined, ostd_defined };

	return elf_walk_file(path, symbols_visit_check, &ctx);
}
