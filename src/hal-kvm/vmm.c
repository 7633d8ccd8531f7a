/* vmm.c: sets up the hosted machine (RAM, engine), runs the kernel, tears it all down. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "hal.h"
#include "sandbox.h"
#include "vmm.h"

/* The engine's own part of the memfd (control pages, ...): sparse like RAM, so only the
 * blocks in use cost memory. 512 MiB holds about 680 stub blocks (768 KiB each): that
 * many live address spaces. */
#define ENGINE_AREA_BYTES (512ull << 20)

struct vmm vmm = { .ram = { .fd = -1 } };

int vmm_setup(const struct vmm_config *cfg)
{
	struct engine_config ec;
	char why[256] = "";
	int err;

	vmm.cfg = *cfg;
	/* A program writing to a closed pipe gets EPIPE from the console, not a dead VMM. */
	signal(SIGPIPE, SIG_IGN);
	err = ram_create(cfg->ram_bytes, ENGINE_AREA_BYTES, &vmm.ram);
	if (err) {
		fprintf(stderr, "keel: --mem: cannot create %llu bytes of guest memory: %s\n",
			(unsigned long long)cfg->ram_bytes, strerror(-err));
		return err;
	}
	ec = (struct engine_config){
		.memfd = vmm.ram.fd,
		.ram_host = vmm.ram.ram,
		.ram_bytes = vmm.ram.ram_bytes,
		.area_offset = vmm.ram.ram_bytes,
		.area_bytes = vmm.ram.area_bytes,
		.area_host = vmm.ram.area,
		.spin = cfg->spin && sysconf(_SC_NPROCESSORS_ONLN) > 1,
		.verbose = cfg->verbose,
	};
	/* The engine is chosen with the machine's memory in hand: auto runs a probe VM. */
	vmm.engine = vmm_engine_start(cfg->engine, &ec, cfg->verbose, why, sizeof(why));
	if (!vmm.engine) {
		fprintf(stderr, "keel: --engine %s: %s\n", cfg->engine, why);
		ram_destroy(&vmm.ram);
		return -ENODEV;
	}
	vmm.engine_up = true;
	hal_console_host_setup();
	/* Last: the engine's helper processes exist, and nothing below needs new host calls. */
	err = sandbox_confine(why, sizeof(why));
	if (err) {
		fprintf(stderr, "keel: %s\n", why);
		vmm_teardown();
		return err;
	}
	return 0;
}

int vmm_run(void)
{
	return ostd_run();
}

void vmm_teardown(void)
{
	if (vmm.engine_up)
		vmm.engine->fini();
	vmm.engine_up = false;
	ram_destroy(&vmm.ram);
}
