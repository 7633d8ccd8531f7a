/* abi/sched_policy.h: scheduling policies and priorities (sched_setscheduler,
 * getpriority), as Linux's uapi defines them. */
#ifndef ABI_SCHED_POLICY_H
#define ABI_SCHED_POLICY_H

#define SCHED_OTHER         0
#define SCHED_FIFO          1
#define SCHED_RR            2
#define SCHED_BATCH         3
#define SCHED_IDLE          5
#define SCHED_DEADLINE      6
#define SCHED_RESET_ON_FORK 0x40000000

struct sched_param {
	int sched_priority;
};

#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

#endif
