/* signal/sigqueue.c: pending-signal queues (one per thread, one shared per process). */
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <signal/sigqueue.h>

struct sigqueue_entry {
	struct sigqueue_entry *next;
	ksiginfo_t info;
};

void sigqueue_init(struct sigqueue *q)
{
	q->set = 0;
	q->head = q->tail = NULL;
	q->rt_count = 0;
}

void sigqueue_clear(struct sigqueue *q)
{
	struct sigqueue_entry *e, *next;

	for (e = q->head; e; e = next) {
		next = e->next;
		kfree(e);
	}
	sigqueue_init(q);
}

int sigqueue_add(struct sigqueue *q, const ksiginfo_t *info)
{
	int sig = info->si_signo;
	struct sigqueue_entry *e;
	bool rt = sig >= SIGRTMIN;

	if (sig < 1 || sig > KERNEL_NSIG)
		return -EINVAL;
	if (!rt && (q->set & SIG_BIT(sig)))
		return 0;
	if (rt && q->rt_count >= SIGQUEUE_RT_DEPTH)
		return -EAGAIN;
	e = kmalloc(sizeof(*e));
	if (!e)
		return -EAGAIN;
	e->next = NULL;
	e->info = *info;
	if (q->tail)
		q->tail->next = e;
	else
		q->head = e;
	q->tail = e;
	q->set |= SIG_BIT(sig);
	if (rt)
		q->rt_count++;
	return 0;
}

/* Unlinks e, whose predecessor is prev (NULL: e is the head), and frees it. */
static void sigqueue_unlink(struct sigqueue *q, struct sigqueue_entry *prev,
			    struct sigqueue_entry *e)
{
	if (prev)
		prev->next = e->next;
	else
		q->head = e->next;
	if (q->tail == e)
		q->tail = prev;
	if (e->info.si_signo >= SIGRTMIN)
		q->rt_count--;
	kfree(e);
}

static bool sigqueue_has_instance(const struct sigqueue *q, int sig)
{
	const struct sigqueue_entry *e;

	for (e = q->head; e; e = e->next)
		if (e->info.si_signo == sig)
			return true;
	return false;
}

int sigqueue_take(struct sigqueue *q, int sig, ksiginfo_t *info)
{
	struct sigqueue_entry *e, *prev = NULL;

	if (sig < 1 || sig > KERNEL_NSIG || !(q->set & SIG_BIT(sig)))
		return -ENOENT;
	for (e = q->head; e; prev = e, e = e->next)
		if (e->info.si_signo == sig)
			break;
	if (!e)
		return -ENOENT;
	*info = e->info;
	sigqueue_unlink(q, prev, e);
	/* A real-time signal stays pending while later instances remain. */
	if (!sigqueue_has_instance(q, sig))
		q->set &= ~SIG_BIT(sig);
	return 0;
}

void sigqueue_flush(struct sigqueue *q, kernel_sigset_t set)
{
	struct sigqueue_entry *e, *prev = NULL, *next;

	if (!(q->set & set))
		return;
	for (e = q->head; e; e = next) {
		next = e->next;
		if (SIG_BIT(e->info.si_signo) & set)
			sigqueue_unlink(q, prev, e);
		else
			prev = e;
	}
	q->set &= ~set;
}
