/* threads: 8 POSIX threads start together after a condition-variable handshake, each adds
 * 100000 to a mutex-protected counter, keeps its own __thread value, and reports its kernel
 * thread id. Prints the total, the sum of thread-local values, and how many distinct thread
 * ids there were (never the ids themselves). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NTHREADS 8
#define ADDS 100000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready, go;
static long counter;
static long tids[NTHREADS + 1];
static int same_pid[NTHREADS];

static __thread long tls_value = 1000;

static void *worker(void *arg)
{
	long idx = (long)arg;

	tls_value = idx + 1;   /* each thread starts from the initial image's 1000 */
	tids[idx] = syscall(SYS_gettid);
	same_pid[idx] = getpid() == (pid_t)tids[NTHREADS];
	pthread_mutex_lock(&lock);
	ready++;
	pthread_cond_broadcast(&cond);
	while (!go)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < ADDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(tls_value * 10);
}

static int count_distinct(const long *v, int n)
{
	int distinct = 0;

	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int j = 0; j < i; j++)
			seen |= v[j] == v[i];
		distinct += !seen;
	}
	return distinct;
}

int main(void)
{
	pthread_t th[NTHREADS];
	long joined_sum = 0;
	int err, pid_ok = 1;

	tids[NTHREADS] = syscall(SYS_gettid);
	printf("main thread id is the pid: %s\n", tids[NTHREADS] == getpid() ? "yes" : "no");
	tls_value = 5;
	for (long i = 0; i < NTHREADS; i++) {
		err = pthread_create(&th[i], NULL, worker, (void *)i);
		if (err) {
			printf("pthread_create %ld failed: %d\n", i, err);
			return 1;
		}
	}
	/* Handshake: every worker is up before any starts counting. */
	pthread_mutex_lock(&lock);
	while (ready < NTHREADS)
		pthread_cond_wait(&cond, &lock);
	printf("handshake: %d threads ready, counter still %ld\n", ready, counter);
	go = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < NTHREADS; i++) {
		void *ret;
		err = pthread_join(th[i], &ret);
		if (err) {
			printf("pthread_join %d failed: %d\n", i, err);
			return 1;
		}
		joined_sum += (long)ret;
		pid_ok &= same_pid[i];
	}
	printf("counter=%ld (want %d)\n", counter, NTHREADS * ADDS);
	printf("tls: sum of thread values=%ld (want %d), main's own=%ld\n", joined_sum / 10,
	       NTHREADS * (NTHREADS + 1) / 2, tls_value);
	printf("distinct thread ids=%d of %d\n", count_distinct(tids, NTHREADS + 1), NTHREADS + 1);
	printf("getpid same in every thread: %s\n", pid_ok ? "yes" : "no");
	return counter == NTHREADS * ADDS && joined_sum / 10 == NTHREADS * (NTHREADS + 1) / 2 &&
	       count_distinct(tids, NTHREADS + 1) == NTHREADS + 1 && pid_ok ? 0 : 1;
}
