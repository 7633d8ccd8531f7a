/* seccomp_engine.c: the seccomp engine's ops table, and its process-wide set-up: the
 * stub image memfd, the zygote and the control-page slots. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "seccomp/seccomp_engine.h"
#include "seccomp/stub_image.h"

#define SPIN_NS          (50ull * 1000)   /* the VMM spins this long before sleeping */
#define STUB_SPIN_ITERS  2000u            /* pause loops in the stub, ~ the same order */

struct seccomp_engine seccomp_engine = {
	.stub_fd = -1,
	.zygote = { .pid = 0, .sock = -1 },
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

/* Why this host cannot run the engine, or NULL. */
static const char *seccomp_host_check(const struct engine_config *cfg)
{
	unsigned int action = SECCOMP_RET_TRAP;

	if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
		return "seccomp: kernel built without seccomp";
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) < 0 && errno != EINVAL)
		return "seccomp: kernel lacks SECCOMP_RET_TRAP";
	if (cfg->memfd < 0 || !cfg->area_host || cfg->area_bytes < STUB_BLOCK_BYTES ||
	    cfg->area_offset % STUB_CTL_BYTES || cfg->ram_bytes % PAGE_SIZE ||
	    cfg->area_offset < cfg->ram_bytes)
		return "seccomp: bad engine configuration (memfd or engine area)";
	return NULL;
}

static int seccomp_init(const struct engine_config *cfg, char *why, size_t why_len)
{
	const char *no = seccomp_host_check(cfg);
	bool spin;
	int err;

	if (seccomp_engine.up) {
		snprintf(why, why_len, "seccomp: engine already started");
		return -EBUSY;
	}
	if (no) {
		snprintf(why, why_len, "%s", no);
		return -ENOSYS;
	}
	seccomp_engine.cfg = *cfg;
	seccomp_engine.stub_fd = stub_image_open();
	if (seccomp_engine.stub_fd < 0) {
		err = seccomp_engine.stub_fd;
		snprintf(why, why_len, "seccomp: cannot create the stub image memfd: %s",
			 strerror(-err));
		return err;
	}
	err = zygote_start(&seccomp_engine.zygote, cfg->memfd, seccomp_engine.stub_fd);
	if (err) {
		snprintf(why, why_len, "seccomp: cannot start the zygote: %s", strerror(-err));
		goto out_close_stub;
	}
	slots_init(&seccomp_engine.slots, (unsigned int)(cfg->area_bytes / STUB_BLOCK_BYTES));
	/* Without XSAVE the FP operations answer -EIO; guest code runs all the same. */
	if (fpstate_layout_probe(&seccomp_engine.fp) || seccomp_engine.fp.size > STUB_FP_BYTES)
		seccomp_engine.fp.size = 0;
	/* Spinning only helps when the other side has a CPU of its own. */
	spin = cfg->spin && sysconf(_SC_NPROCESSORS_ONLN) > 1;
	seccomp_engine.spin_ns = spin ? SPIN_NS : 0;
	seccomp_engine.stub_spin_iters = spin ? STUB_SPIN_ITERS : 0;
	seccomp_engine.spaces = NULL;
	seccomp_engine.last_run = NULL;
	memset(&seccomp_engine.spares, 0, sizeof(seccomp_engine.spares));
	memset(&seccomp_engine.recycled, 0, sizeof(seccomp_engine.recycled));
	seccomp_engine.reaper.n = 0;
	/* The first spares start now, while the VMM sets up the rest. */
	pthread_mutex_lock(&seccomp_engine.lock);
	spare_fill(&seccomp_engine.spares);
	pthread_mutex_unlock(&seccomp_engine.lock);
	seccomp_engine.up = true;
	return 0;

out_close_stub:
	close(seccomp_engine.stub_fd);
	seccomp_engine.stub_fd = -1;
	return err;
}

#define FINI_WAIT_MS 10000

/* Kills every stub and the spares, waits until they are gone (the zygote reaps them),
 * then ends the zygote. The spaces stay allocated (dead, unlisted): OSTD may still
 * destroy them, and release their threads. */
static void seccomp_fini(void)
{
	struct engine_space *s, *next;

	if (!seccomp_engine.up)
		return;
	pthread_mutex_lock(&seccomp_engine.lock);
	s = seccomp_engine.spaces;
	seccomp_engine.spaces = NULL;
	spare_drain(&seccomp_engine.spares);
	recycle_drain(&seccomp_engine.recycled);
	pthread_mutex_unlock(&seccomp_engine.lock);
	for (; s; s = next) {
		next = s->next;
		s->next = NULL;
		seccomp_space_bury(s);
	}
	pthread_mutex_lock(&seccomp_engine.lock);
	reaper_wait_all(&seccomp_engine.reaper, &seccomp_engine.slots, FINI_WAIT_MS);
	pthread_mutex_unlock(&seccomp_engine.lock);
	zygote_stop(&seccomp_engine.zygote);
	close(seccomp_engine.stub_fd);
	seccomp_engine.stub_fd = -1;
	seccomp_engine.up = false;
}

const struct engine_ops seccomp_engine_ops = {
	.name = "seccomp",
	.init = seccomp_init,
	.fini = seccomp_fini,
	.user_start = STUB_USER_START,
	.user_end = STUB_USER_END,
	.space_create = seccomp_space_create,
	.space_destroy = seccomp_space_destroy,
	.space_flush = seccomp_space_flush,
	.run = seccomp_run,
	.thread_release = seccomp_thread_release,
	.fpstate_size = seccomp_fpstate_size,
	.fpstate_get = seccomp_fpstate_get,
	.fpstate_set = seccomp_fpstate_set,
	.fpstate_reset = seccomp_fpstate_reset,
};
