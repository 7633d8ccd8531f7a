/* fuzz_kernel.c: the booted kernel behind fuzz_kernel_run: a host thread whose first
 * kernel task waits for jobs; a mutex and two condition variables hand each job over. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "hal_test.h"
#include "fuzz_kernel.h"

static struct {
	pthread_mutex_t lock;
	pthread_cond_t job_ready, job_done;
	bool booted, has_job, done;
	int (*job)(void *arg);
	void *arg;
	int result;
} fk = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.job_ready = PTHREAD_COND_INITIALIZER,
	.job_done = PTHREAD_COND_INITIALIZER,
};

/* The first kernel task: serves jobs for the life of the process. The host wait below
 * blocks the whole (single-CPU) kernel, which is what we want between inputs. */
static int fuzz_kernel_serve(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&fk.lock);
	for (;;) {
		while (!fk.has_job)
			pthread_cond_wait(&fk.job_ready, &fk.lock);
		fk.has_job = false;
		pthread_mutex_unlock(&fk.lock);
		fk.result = fk.job(fk.arg);
		/* Console output and the log would otherwise grow with every input. */
		hal_test_output_clear();
		pthread_mutex_lock(&fk.lock);
		fk.done = true;
		pthread_cond_signal(&fk.job_done);
	}
	return 0;
}

static void *fuzz_kernel_thread(void *unused)
{
	int status;

	(void)unused;
	hal_test_reset();
	hal_test_set_ram(FUZZ_KERNEL_RAM);
	/* A kernel panic is a finding: make it a crash the fuzzer records. */
	hal_test_set_panic_abort(true);
	/* Reads of the console see end of input instead of waiting for a keyboard. */
	hal_test_console_eof();
	status = ostd_test_boot(fuzz_kernel_serve, NULL);
	fprintf(stderr, "fuzz_kernel: the kernel stopped (status %d)\n", status);
	abort();
}

static void fuzz_kernel_boot(void)
{
	pthread_attr_t attr;
	pthread_t tid;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&tid, &attr, fuzz_kernel_thread, NULL)) {
		perror("fuzz_kernel: pthread_create");
		abort();
	}
	pthread_attr_destroy(&attr);
	fk.booted = true;
}

int fuzz_kernel_run(int (*job)(void *arg), void *arg)
{
	int result;

	pthread_mutex_lock(&fk.lock);
	if (!fk.booted)
		fuzz_kernel_boot();
	fk.job = job;
	fk.arg = arg;
	fk.done = false;
	fk.has_job = true;
	pthread_cond_signal(&fk.job_ready);
	while (!fk.done)
		pthread_cond_wait(&fk.job_done, &fk.lock);
	result = fk.result;
	pthread_mutex_unlock(&fk.lock);
	return result;
}
