/* engine.c: chooses and starts the engine for `keel run --engine auto|kvm|seccomp`. */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "kvm/kvm_engine.h"
#include "vmm.h"

const struct engine_ops *vmm_engine_start(const char *name, const struct engine_config *cfg,
					  bool verbose, char *why, size_t why_len)
{
	char kvm_why[256] = "";

	if (strcmp(name, "seccomp") == 0) {
		if (seccomp_engine_ops.init(cfg, why, why_len))
			return NULL;
		if (verbose)
			fprintf(stderr, "keel: engine seccomp (asked for)\n");
		return &seccomp_engine_ops;
	}
	if (strcmp(name, "kvm") == 0) {
		if (kvm_engine_ops.init(cfg, why, why_len))
			return NULL;
		if (verbose)
			fprintf(stderr, "keel: engine kvm (asked for)\n");
		return &kvm_engine_ops;
	}
	if (strcmp(name, "auto") == 0) {
		/* KVM when /dev/kvm opens and the probe VM runs, else seccomp. */
		if (kvm_engine_ops.init(cfg, kvm_why, sizeof(kvm_why)) == 0) {
			if (verbose)
				fprintf(stderr, "keel: engine kvm\n");
			return &kvm_engine_ops;
		}
		if (seccomp_engine_ops.init(cfg, why, why_len))
			return NULL;
		if (verbose)
			fprintf(stderr, "keel: engine seccomp (kvm: %s)\n", kvm_why);
		return &seccomp_engine_ops;
	}
	snprintf(why, why_len, "unknown engine '%s' (use auto, kvm or seccomp)", name);
	return NULL;
}
