/* event/eventfd.h: eventfd counters and their syscalls. */
#ifndef SERVICES_EVENT_EVENTFD_H
#define SERVICES_EVENT_EVENTFD_H

#include <ostd/types.h>
#include <abi/eventfd.h>

/* The largest count a counter holds; a write that would pass it waits. */
#define EVENTFD_COUNT_MAX 0xfffffffffffffffeull

long sys_eventfd(unsigned int count);
long sys_eventfd2(unsigned int count, int flags);

#endif
