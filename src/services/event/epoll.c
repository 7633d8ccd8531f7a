/* event/epoll.c: epoll instances and their registrations: epoll_create, epoll_create1
 * and epoll_ctl, the wake callback that feeds the ready list, and the instance's own
 * file operations (an epoll file is pollable, so instances nest). Waiting is in
 * epoll_wait.c; the design is in event/epoll_internal.h. */
#include <ostd/compiler.h>
#include <ostd/errno.h>
#include <ostd/heap.h>
#include <ostd/string.h>
#include <ostd/user_copy.h>
#include <abi/fcntl.h>
#include <abi/stat.h>
#include <event/epoll.h>
#include <event/epoll_internal.h>
#include <fs/file.h>
#include <fs/poll.h>
#include <fs/ramfs.h>
#include <process/process.h>

/* What EPOLLEXCLUSIVE may be combined with (Linux's EPOLLEXCLUSIVE_OK_BITS). */
#define EPOLL_EXCLUSIVE_OK (EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | \
			    EPOLLET | EPOLLEXCLUSIVE)

static const struct file_ops epoll_file_ops;

bool file_is_epoll(const struct file *f)
{
	return f->ops == &epoll_file_ops;
}

/* ---- the ready list ---- */

void epoll_ready_add(struct epoll_item *item)
{
	struct epoll *ep = item->ep;

	if (item->on_ready)
		return;
	item->on_ready = true;
	item->next_ready = NULL;
	if (ep->ready_last)
		ep->ready_last->next_ready = item;
	else
		ep->ready_first = item;
	ep->ready_last = item;
}

struct epoll_item *epoll_ready_take(struct epoll *ep)
{
	struct epoll_item *first = ep->ready_first, *i;

	for (i = first; i; i = i->next_ready)
		i->on_ready = false;
	ep->ready_first = ep->ready_last = NULL;
	return first;
}

static void epoll_ready_remove(struct epoll_item *item)
{
	struct epoll *ep = item->ep;
	struct epoll_item **link, *prev = NULL;

	if (!item->on_ready)
		return;
	for (link = &ep->ready_first; *link; prev = *link, link = &(*link)->next_ready) {
		if (*link != item)
			continue;
		*link = item->next_ready;
		if (ep->ready_last == item)
			ep->ready_last = prev;
		break;
	}
	item->on_ready = false;
}

/* ---- waking ---- */

/* Tells ep's waiters and watchers that an item may be ready. */
static void epoll_wake(struct epoll *ep)
{
	waitqueue_wake_all(&ep->wait);
	poll_head_wake(&ep->poll);
}

/* The file changed: the item goes on the ready list, unless a one-shot already fired;
 * the waiter decides from the file's poll whether anything is reported. */
static void epoll_item_wake(struct poll_table *pt)
{
	struct epoll_item *item = container_of(pt, struct epoll_item, pt);

	if (!(item->event.events & ~EPOLL_PRIVATE_BITS))
		return;
	epoll_ready_add(item);
	epoll_wake(item->ep);
}

unsigned int epoll_item_events(struct epoll_item *item)
{
	struct file *f = item->file;
	unsigned int mask = f->ops->poll ? f->ops->poll(f, NULL) : POLL_DEFAULT_MASK;

	return mask & item->event.events & ~EPOLL_PRIVATE_BITS;
}

/* ---- registrations ---- */

/* Hooks item onto the poll heads of its file; the mask ready now. The entries' file
 * references are dropped at once: the watch, not a reference, keeps the pointers good. */
static unsigned int epoll_item_register(struct epoll_item *item)
{
	struct poll_table *pt = &item->pt;
	struct file *f = item->file;
	struct poll_entry *e;
	unsigned int mask;

	memset(pt, 0, sizeof(*pt));
	waitqueue_init(&pt->own_wq);
	pt->sleep_wq = &pt->own_wq;
	pt->registering = true;
	pt->wake = epoll_item_wake;
	mask = f->ops->poll ? f->ops->poll(f, pt) : POLL_DEFAULT_MASK;
	pt->registering = false;
	for (e = pt->entries; e; e = e->next_in_table) {
		file_put(e->file);
		e->file = NULL;
	}
	/* No poll head taken (the console with input waiting, devices always ready) means
	 * no wake-up will come either. */
	item->polled = pt->lost || pt->sleep_wq != &pt->own_wq || !pt->entries;
	return mask;
}

static void epoll_item_unregister(struct epoll_item *item)
{
	struct poll_entry *e, *next;

	for (e = item->pt.entries; e; e = next) {
		next = e->next_in_table;
		poll_entry_unhook(e);
		kfree(e);
	}
	item->pt.entries = NULL;
}

static void epoll_watch_unhook(struct epoll_item *item)
{
	struct file_watch **link;

	for (link = &item->file->watches; *link; link = &(*link)->next) {
		if (*link == &item->watch) {
			*link = item->watch.next;
			return;
		}
	}
}

/* Drops item from its instance and frees it; its watch is already off the file. */
static void epoll_item_free(struct epoll_item *item)
{
	struct epoll *ep = item->ep;
	struct epoll_item **link;

	epoll_item_unregister(item);
	epoll_ready_remove(item);
	for (link = &ep->items; *link; link = &(*link)->next) {
		if (*link == item) {
			*link = item->next;
			break;
		}
	}
	kfree(item);
}

/* The watched file's last reference is going: the registration goes with it. */
static void epoll_item_forget(struct file_watch *w, struct file *f)
{
	epoll_item_free(container_of(w, struct epoll_item, watch));
}

static void epoll_item_remove(struct epoll_item *item)
{
	epoll_watch_unhook(item);
	epoll_item_free(item);
}

static struct epoll_item *epoll_item_find(struct epoll *ep, struct file *f, int fd)
{
	struct epoll_item *item;

	for (item = ep->items; item; item = item->next)
		if (item->file == f && item->fd == fd)
			return item;
	return NULL;
}

/* Checks the file's state now, as Linux's ep_insert and ep_modify do: a ready file wakes
 * the instance without waiting for a change. */
static void epoll_item_check(struct epoll_item *item, unsigned int mask)
{
	if (mask & item->event.events & ~EPOLL_PRIVATE_BITS) {
		epoll_ready_add(item);
		epoll_wake(item->ep);
	} else if (item->polled) {
		epoll_ready_add(item);
	}
}

static int epoll_item_add(struct epoll *ep, struct file *f, int fd,
			  const struct epoll_event *ev)
{
	struct epoll_item *item = kzalloc(sizeof(*item));
	unsigned int mask;

	if (!item)
		return -ENOMEM;
	item->ep = ep;
	item->file = f;
	item->fd = fd;
	item->event = *ev;
	item->event.events |= EPOLLERR | EPOLLHUP;
	item->watch.forget = epoll_item_forget;
	item->watch.next = f->watches;
	f->watches = &item->watch;
	item->next = ep->items;
	ep->items = item;
	mask = epoll_item_register(item);
	epoll_item_check(item, mask);
	return 0;
}

static void epoll_item_modify(struct epoll_item *item, const struct epoll_event *ev)
{
	item->event = *ev;
	item->event.events |= EPOLLERR | EPOLLHUP;
	item->last_mask = 0;
	epoll_item_check(item, epoll_item_events(item));
}

/* Whether adding the instance `inner` to ep would close a loop or nest too deep. */
static bool epoll_would_loop(struct epoll *inner, struct epoll *ep, int depth)
{
	struct epoll_item *item;

	if (inner == ep || depth > EPOLL_MAX_NESTS)
		return true;
	for (item = inner->items; item; item = item->next)
		if (file_is_epoll(item->file) &&
		    epoll_would_loop(epoll_of(item->file), ep, depth + 1))
			return true;
	return false;
}

/* ---- the instance's file ---- */

/* Readable when an item has something to report (Linux's ep_eventpoll_poll). Nesting is
 * bounded by epoll_ctl's loop check, so the recursion through inner instances is too. */
static unsigned int epoll_file_poll(struct file *f, struct poll_table *pt)
{
	struct epoll *ep = epoll_of(f);
	struct epoll_item *item;

	poll_wait_head(pt, f, &ep->poll);
	for (item = ep->ready_first; item; item = item->next_ready)
		if (epoll_item_events(item))
			return POLLIN | POLLRDNORM;
	return 0;
}

static void epoll_file_release(struct file *f)
{
	struct epoll *ep = epoll_of(f);

	while (ep->items)
		epoll_item_remove(ep->items);
}

/* An anonymous inode's view, as Linux's anon_inode files show. */
static int epoll_file_fstat(struct file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static const struct file_ops epoll_file_ops = {
	.poll    = epoll_file_poll,
	.fstat   = epoll_file_fstat,
	.release = epoll_file_release,
};

/* ---- syscalls ---- */

long sys_epoll_create1(int flags)
{
	struct epoll *ep;
	long fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	ep->file.ops = &epoll_file_ops;
	ep->file.flags = O_RDWR;
	ep->file.refs = 1;
	waitqueue_init(&ep->wait);
	poll_head_init(&ep->poll);
	fd = fdtable_install(process_current()->fdt, &ep->file, 0, flags & EPOLL_CLOEXEC);
	if (fd < 0)
		file_put(&ep->file);
	return fd;
}

long sys_epoll_create(int size)
{
	if (size <= 0)
		return -EINVAL;
	return sys_epoll_create1(0);
}

/* Linux's file_can_poll: regular files and directories have no poll of their own. */
static bool epoll_file_can_poll(const struct file *f)
{
	if (!f->ops->poll)
		return false;
	return !f->inode || !(S_ISREG(f->inode->mode) || S_ISDIR(f->inode->mode));
}

/* Linux's checks, in its order, before anything changes. */
static int epoll_ctl_check(struct file *epf, struct file *tf, int op,
			   const struct epoll_event *ev)
{
	if (!epoll_file_can_poll(tf))
		return -EPERM;
	if (epf == tf || !file_is_epoll(epf))
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && (ev->events & EPOLLEXCLUSIVE)) {
		if (op == EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == EPOLL_CTL_ADD &&
		    (file_is_epoll(tf) || (ev->events & ~EPOLL_EXCLUSIVE_OK)))
			return -EINVAL;
	}
	if (op == EPOLL_CTL_ADD && file_is_epoll(tf) &&
	    epoll_would_loop(epoll_of(tf), epoll_of(epf), 1))
		return -ELOOP;
	return 0;
}

static long epoll_ctl_apply(struct epoll *ep, struct file *tf, int fd, int op,
			    const struct epoll_event *ev)
{
	struct epoll_item *item = epoll_item_find(ep, tf, fd);

	switch (op) {
	case EPOLL_CTL_ADD:
		return item ? -EEXIST : epoll_item_add(ep, tf, fd, ev);
	case EPOLL_CTL_DEL:
		if (!item)
			return -ENOENT;
		epoll_item_remove(item);
		return 0;
	case EPOLL_CTL_MOD:
		if (!item)
			return -ENOENT;
		if (item->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		epoll_item_modify(item, ev);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event __user *event)
{
	struct fdtable *fdt = process_current()->fdt;
	struct epoll_event ev = { 0, 0 };
	struct file *epf, *tf;
	long err;

	if (op != EPOLL_CTL_DEL && copy_from_user(&ev, event, sizeof(ev)))
		return -EFAULT;
	epf = fdtable_get(fdt, epfd);
	tf = fdtable_get(fdt, fd);
	/* O_PATH files count as not open, as Linux's fdget skips them. */
	if (!epf || !tf || (epf->flags & O_PATH) || (tf->flags & O_PATH))
		return -EBADF;
	/* Without CAP_BLOCK_SUSPEND Linux drops EPOLLWAKEUP silently; Keel never suspends. */
	ev.events &= ~EPOLLWAKEUP;
	err = epoll_ctl_check(epf, tf, op, &ev);
	if (err)
		return err;
	return epoll_ctl_apply(epoll_of(epf), tf, fd, op, &ev);
}
