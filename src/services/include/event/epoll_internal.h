/* event/epoll_internal.h: an epoll instance and its registrations, shared by the control
 * side (event/epoll.c) and the waiting side (event/epoll_wait.c).
 *
 * Each registration (epoll_item) watches its file through a poll_table of its own that
 * outlives any call: its wake callback puts the item on the instance's ready list, and
 * the waiter then asks the file's poll operation what is ready, as Linux's ep_poll_callback
 * and ep_send_events do. The registration holds no reference on the file; a file_watch
 * removes it when the file's last reference goes (Linux's eventpoll_release). */
#ifndef SERVICES_EVENT_EPOLL_INTERNAL_H
#define SERVICES_EVENT_EPOLL_INTERNAL_H

#include <ostd/sync.h>
#include <ostd/types.h>
#include <abi/epoll.h>
#include <fs/file.h>
#include <fs/poll.h>

/* Bits that steer epoll rather than name events: a disarmed EPOLLONESHOT item keeps
 * only these. */
#define EPOLL_PRIVATE_BITS (EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
/* Linux's EP_MAX_NESTS: how deep epoll instances may watch each other. */
#define EPOLL_MAX_NESTS 4

struct epoll;

struct epoll_item {
	struct epoll_item *next;          /* in ep->items */
	struct epoll_item *next_ready;    /* in ep's ready list, while on_ready */
	bool on_ready;
	struct epoll *ep;
	struct file *file;                /* not referenced: watch drops the item first */
	int fd;
	struct epoll_event event;         /* what ADD or MOD asked for, with ERR and HUP */
	struct poll_table pt;             /* the lasting registration on the file */
	struct file_watch watch;
	/* The file cannot wake the item (its events come through an OSTD queue, or a
	 * registration failed): it stays on the ready list and waits poll with a nap. */
	bool polled;
	unsigned int last_mask;           /* polled items: what the last check saw */
};

struct epoll {
	struct file file;                 /* first: file_put frees the instance */
	struct epoll_item *items;
	struct epoll_item *ready_first, *ready_last;
	waitqueue_t wait;                 /* epoll_wait callers */
	struct poll_head poll;            /* poll calls and epolls watching this one */
};

static inline struct epoll *epoll_of(struct file *f)
{
	return (struct epoll *)f;
}

/* Appends item to its instance's ready list (nothing if it is there). */
void epoll_ready_add(struct epoll_item *item);
/* Takes the whole ready list off ep, for a scan to walk; NULL when empty. */
struct epoll_item *epoll_ready_take(struct epoll *ep);
/* The events of item's file that it asked for and that are ready now. */
unsigned int epoll_item_events(struct epoll_item *item);

#endif
