/* engine.c: chooses the engine for `keel run --engine auto|kvm|seccomp`. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "vmm.h"

/* Why the KVM engine cannot run here, or NULL when /dev/kvm opens. */
static const char *kvm_unavailable(void)
{
	int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? "no /dev/kvm on this host" : "cannot open /dev/kvm";
	close(fd);
	return "the KVM engine is not built yet (issue 4)";
}

const struct engine_ops *vmm_engine_select(const char *name, bool verbose, char *why,
					   size_t why_len)
{
	if (strcmp(name, "seccomp") == 0) {
		if (verbose)
			fprintf(stderr, "keel: engine seccomp (asked for)\n");
		return &seccomp_engine_ops;
	}
	if (strcmp(name, "kvm") == 0) {
		snprintf(why, why_len, "%s", kvm_unavailable());
		return NULL;
	}
	if (strcmp(name, "auto") == 0) {
		if (verbose)
			fprintf(stderr, "keel: engine seccomp (kvm: %s)\n", kvm_unavailable());
		return &seccomp_engine_ops;
	}
	snprintf(why, why_len, "unknown engine '%s' (use auto, kvm or seccomp)", name);
	return NULL;
}
