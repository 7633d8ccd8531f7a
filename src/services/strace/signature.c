/* strace/signature.c: how each syscall Keel answers is printed: its arguments' kinds and
 * its result's. Numbers follow syscall/table_x86_64.h; a syscall missing here prints its
 * arguments raw, in hex. */
#include <strace/decode.h>

#define SIG(nr, ret, ...) \
	[nr] = { sizeof((uint8_t[]){ __VA_ARGS__ }), ret, { __VA_ARGS__ } }
#define SIG0(nr, ret) [nr] = { 0, ret, { 0 } }

static const struct strace_signature signatures[] = {
	SIG(0,   SK_INT, SK_FD, SK_RBUF, SK_ULONG),             /* read */
	SIG(1,   SK_INT, SK_FD, SK_WBUF, SK_ULONG),             /* write */
	SIG(2,   SK_INT, SK_STR, SK_OPEN_FLAGS, SK_OPEN_MODE),  /* open */
	SIG(3,   SK_INT, SK_FD),                                /* close */
	SIG(4,   SK_INT, SK_STR, SK_PTR),                       /* stat */
	SIG(5,   SK_INT, SK_FD, SK_PTR),                        /* fstat */
	SIG(6,   SK_INT, SK_STR, SK_PTR),                       /* lstat */
	SIG(7,   SK_INT, SK_PTR, SK_UINT, SK_INT),              /* poll */
	SIG(8,   SK_INT, SK_FD, SK_LONG, SK_WHENCE),            /* lseek */
	SIG(9,   SK_HEX, SK_PTR, SK_ULONG, SK_PROT, SK_MAP_FLAGS, SK_FD, SK_HEX), /* mmap */
	SIG(10,  SK_INT, SK_PTR, SK_ULONG, SK_PROT),            /* mprotect */
	SIG(11,  SK_INT, SK_PTR, SK_ULONG),                     /* munmap */
	SIG(12,  SK_HEX, SK_PTR),                               /* brk */
	SIG(13,  SK_INT, SK_SIGNAL, SK_PTR, SK_PTR, SK_ULONG),  /* rt_sigaction */
	SIG(14,  SK_INT, SK_SIGHOW, SK_PTR, SK_PTR, SK_ULONG),  /* rt_sigprocmask */
	SIG0(15, SK_INT),                                       /* rt_sigreturn */
	SIG(16,  SK_INT, SK_FD, SK_IOCTL, SK_PTR),              /* ioctl */
	SIG(17,  SK_INT, SK_FD, SK_RBUF, SK_ULONG, SK_LONG),    /* pread64 */
	SIG(18,  SK_INT, SK_FD, SK_WBUF, SK_ULONG, SK_LONG),    /* pwrite64 */
	SIG(19,  SK_INT, SK_FD, SK_PTR, SK_INT),                /* readv */
	SIG(20,  SK_INT, SK_FD, SK_PTR, SK_INT),                /* writev */
	SIG(21,  SK_INT, SK_STR, SK_ACCESS_MODE),               /* access */
	SIG(22,  SK_INT, SK_PTR),                               /* pipe */
	SIG(23,  SK_INT, SK_INT, SK_PTR, SK_PTR, SK_PTR, SK_PTR), /* select */
	SIG0(24, SK_INT),                                       /* sched_yield */
	SIG(25,  SK_HEX, SK_PTR, SK_ULONG, SK_ULONG, SK_HEX, SK_PTR), /* mremap */
	SIG(26,  SK_INT, SK_PTR, SK_ULONG, SK_HEX),             /* msync */
	SIG(27,  SK_INT, SK_PTR, SK_ULONG, SK_PTR),             /* mincore */
	SIG(28,  SK_INT, SK_PTR, SK_ULONG, SK_MADVISE),         /* madvise */
	SIG(32,  SK_INT, SK_FD),                                /* dup */
	SIG(33,  SK_INT, SK_FD, SK_FD),                         /* dup2 */
	SIG0(34, SK_INT),                                       /* pause */
	SIG(35,  SK_INT, SK_PTR, SK_PTR),                       /* nanosleep */
	SIG(36,  SK_INT, SK_INT, SK_PTR),                       /* getitimer */
	SIG(37,  SK_UINT, SK_UINT),                             /* alarm */
	SIG(38,  SK_INT, SK_INT, SK_PTR, SK_PTR),               /* setitimer */
	SIG0(39, SK_INT),                                       /* getpid */
	SIG(40,  SK_INT, SK_FD, SK_FD, SK_PTR, SK_ULONG),        /* sendfile */
	SIG(41,  SK_INT, SK_INT, SK_HEX, SK_INT),                 /* socket */
	SIG(42,  SK_INT, SK_FD, SK_PTR, SK_INT),                  /* connect */
	SIG(43,  SK_INT, SK_FD, SK_PTR, SK_PTR),                  /* accept */
	SIG(44,  SK_INT, SK_FD, SK_WBUF, SK_ULONG, SK_HEX, SK_PTR, SK_INT), /* sendto */
	SIG(45,  SK_INT, SK_FD, SK_RBUF, SK_ULONG, SK_HEX, SK_PTR, SK_PTR), /* recvfrom */
	SIG(46,  SK_INT, SK_FD, SK_PTR, SK_HEX),                  /* sendmsg */
	SIG(47,  SK_INT, SK_FD, SK_PTR, SK_HEX),                  /* recvmsg */
	SIG(48,  SK_INT, SK_FD, SK_INT),                          /* shutdown */
	SIG(49,  SK_INT, SK_FD, SK_PTR, SK_INT),                  /* bind */
	SIG(50,  SK_INT, SK_FD, SK_INT),                          /* listen */
	SIG(51,  SK_INT, SK_FD, SK_PTR, SK_PTR),                  /* getsockname */
	SIG(52,  SK_INT, SK_FD, SK_PTR, SK_PTR),                  /* getpeername */
	SIG(53,  SK_INT, SK_INT, SK_HEX, SK_INT, SK_PTR),         /* socketpair */
	SIG(54,  SK_INT, SK_FD, SK_INT, SK_INT, SK_PTR, SK_INT),  /* setsockopt */
	SIG(55,  SK_INT, SK_FD, SK_INT, SK_INT, SK_PTR, SK_PTR),  /* getsockopt */
	SIG(56,  SK_INT, SK_CLONE_FLAGS, SK_PTR, SK_PTR, SK_PTR, SK_HEX), /* clone */
	SIG0(57, SK_INT),                                       /* fork */
	SIG0(58, SK_INT),                                       /* vfork */
	SIG(59,  SK_INT, SK_STR, SK_PTR, SK_PTR),               /* execve */
	SIG(60,  SK_NONE, SK_INT),                              /* exit */
	SIG(61,  SK_INT, SK_INT, SK_PTR, SK_WAIT_OPTIONS, SK_PTR), /* wait4 */
	SIG(62,  SK_INT, SK_INT, SK_SIGNAL),                    /* kill */
	SIG(63,  SK_INT, SK_PTR),                               /* uname */
	SIG(72,  SK_INT, SK_FD, SK_FCNTL_CMD, SK_HEX),          /* fcntl */
	SIG(73,  SK_INT, SK_FD, SK_INT),                        /* flock */
	SIG(74,  SK_INT, SK_FD),                                /* fsync */
	SIG(75,  SK_INT, SK_FD),                                /* fdatasync */
	SIG(76,  SK_INT, SK_STR, SK_LONG),                      /* truncate */
	SIG(77,  SK_INT, SK_FD, SK_LONG),                       /* ftruncate */
	SIG(79,  SK_INT, SK_RSTR, SK_ULONG),                    /* getcwd */
	SIG(80,  SK_INT, SK_STR),                               /* chdir */
	SIG(81,  SK_INT, SK_FD),                                /* fchdir */
	SIG(82,  SK_INT, SK_STR, SK_STR),                       /* rename */
	SIG(83,  SK_INT, SK_STR, SK_OCT),                       /* mkdir */
	SIG(84,  SK_INT, SK_STR),                               /* rmdir */
	SIG(85,  SK_INT, SK_STR, SK_OCT),                       /* creat */
	SIG(86,  SK_INT, SK_STR, SK_STR),                       /* link */
	SIG(87,  SK_INT, SK_STR),                               /* unlink */
	SIG(88,  SK_INT, SK_STR, SK_STR),                       /* symlink */
	SIG(89,  SK_INT, SK_STR, SK_RBUF, SK_ULONG),            /* readlink */
	SIG(90,  SK_INT, SK_STR, SK_OCT),                       /* chmod */
	SIG(91,  SK_INT, SK_FD, SK_OCT),                        /* fchmod */
	SIG(92,  SK_INT, SK_STR, SK_INT, SK_INT),               /* chown */
	SIG(93,  SK_INT, SK_FD, SK_INT, SK_INT),                /* fchown */
	SIG(94,  SK_INT, SK_STR, SK_INT, SK_INT),               /* lchown */
	SIG(95,  SK_OCT, SK_OCT),                               /* umask */
	SIG(96,  SK_INT, SK_PTR, SK_PTR),                       /* gettimeofday */
	SIG(97,  SK_INT, SK_RLIMIT, SK_PTR),                    /* getrlimit */
	SIG(98,  SK_INT, SK_INT, SK_PTR),                       /* getrusage */
	SIG(99,  SK_INT, SK_PTR),                               /* sysinfo */
	SIG(100, SK_LONG, SK_PTR),                              /* times */
	SIG0(102, SK_INT),                                      /* getuid */
	SIG0(104, SK_INT),                                      /* getgid */
	SIG(105, SK_INT, SK_UINT),                              /* setuid */
	SIG(106, SK_INT, SK_UINT),                              /* setgid */
	SIG0(107, SK_INT),                                      /* geteuid */
	SIG0(108, SK_INT),                                      /* getegid */
	SIG(109, SK_INT, SK_INT, SK_INT),                       /* setpgid */
	SIG0(110, SK_INT),                                      /* getppid */
	SIG0(111, SK_INT),                                      /* getpgrp */
	SIG0(112, SK_INT),                                      /* setsid */
	SIG(113, SK_INT, SK_INT, SK_INT),                       /* setreuid */
	SIG(114, SK_INT, SK_INT, SK_INT),                       /* setregid */
	SIG(115, SK_INT, SK_INT, SK_PTR),                       /* getgroups */
	SIG(116, SK_INT, SK_INT, SK_PTR),                       /* setgroups */
	SIG(117, SK_INT, SK_INT, SK_INT, SK_INT),               /* setresuid */
	SIG(118, SK_INT, SK_PTR, SK_PTR, SK_PTR),               /* getresuid */
	SIG(119, SK_INT, SK_INT, SK_INT, SK_INT),               /* setresgid */
	SIG(120, SK_INT, SK_PTR, SK_PTR, SK_PTR),               /* getresgid */
	SIG(121, SK_INT, SK_INT),                               /* getpgid */
	SIG(122, SK_INT, SK_UINT),                              /* setfsuid */
	SIG(123, SK_INT, SK_UINT),                              /* setfsgid */
	SIG(124, SK_INT, SK_INT),                               /* getsid */
	SIG(127, SK_INT, SK_PTR, SK_ULONG),                     /* rt_sigpending */
	SIG(128, SK_INT, SK_PTR, SK_PTR, SK_PTR, SK_ULONG),     /* rt_sigtimedwait */
	SIG(129, SK_INT, SK_INT, SK_SIGNAL, SK_PTR),            /* rt_sigqueueinfo */
	SIG(130, SK_INT, SK_PTR, SK_ULONG),                     /* rt_sigsuspend */
	SIG(131, SK_INT, SK_PTR, SK_PTR),                       /* sigaltstack */
	SIG(133, SK_INT, SK_STR, SK_OCT, SK_HEX),               /* mknod */
	SIG(135, SK_HEX, SK_HEX),                               /* personality */
	SIG(137, SK_INT, SK_STR, SK_PTR),                       /* statfs */
	SIG(138, SK_INT, SK_FD, SK_PTR),                        /* fstatfs */
	SIG(140, SK_INT, SK_INT, SK_INT),                       /* getpriority */
	SIG(141, SK_INT, SK_INT, SK_INT, SK_INT),               /* setpriority */
	SIG(142, SK_INT, SK_INT, SK_PTR),                       /* sched_setparam */
	SIG(143, SK_INT, SK_INT, SK_PTR),                       /* sched_getparam */
	SIG(144, SK_INT, SK_INT, SK_INT, SK_PTR),               /* sched_setscheduler */
	SIG(145, SK_INT, SK_INT),                               /* sched_getscheduler */
	SIG(146, SK_INT, SK_INT),                               /* sched_get_priority_max */
	SIG(147, SK_INT, SK_INT),                               /* sched_get_priority_min */
	SIG(149, SK_INT, SK_PTR, SK_ULONG),                     /* mlock */
	SIG(150, SK_INT, SK_PTR, SK_ULONG),                     /* munlock */
	SIG(151, SK_INT, SK_HEX),                               /* mlockall */
	SIG(152, SK_INT),                                       /* munlockall */
	SIG(157, SK_INT, SK_INT, SK_HEX, SK_HEX, SK_HEX, SK_HEX), /* prctl */
	SIG(158, SK_INT, SK_ARCH_PRCTL, SK_HEX),                /* arch_prctl */
	SIG(160, SK_INT, SK_RLIMIT, SK_PTR),                    /* setrlimit */
	SIG(161, SK_INT, SK_STR),                               /* chroot */
	SIG0(162, SK_INT),                                      /* sync */
	SIG(165, SK_INT, SK_STR, SK_STR, SK_STR, SK_HEX, SK_PTR), /* mount */
	SIG(166, SK_INT, SK_STR, SK_HEX),                       /* umount2 */
	SIG0(186, SK_INT),                                      /* gettid */
	SIG(200, SK_INT, SK_INT, SK_SIGNAL),                    /* tkill */
	SIG(201, SK_LONG, SK_PTR),                              /* time */
	SIG(202, SK_INT, SK_PTR, SK_INT, SK_UINT, SK_PTR, SK_PTR, SK_UINT), /* futex */
	SIG(204, SK_INT, SK_INT, SK_UINT, SK_PTR),              /* sched_getaffinity */
	SIG(213, SK_INT, SK_INT),                               /* epoll_create */
	SIG(217, SK_INT, SK_FD, SK_PTR, SK_ULONG),              /* getdents64 */
	SIG(218, SK_INT, SK_PTR),                               /* set_tid_address */
	SIG0(219, SK_INT),                                      /* restart_syscall */
	SIG(222, SK_INT, SK_CLOCK, SK_PTR, SK_PTR),             /* timer_create */
	SIG(223, SK_INT, SK_INT, SK_INT, SK_PTR, SK_PTR),       /* timer_settime */
	SIG(224, SK_INT, SK_INT, SK_PTR),                       /* timer_gettime */
	SIG(225, SK_INT, SK_INT),                               /* timer_getoverrun */
	SIG(226, SK_INT, SK_INT),                               /* timer_delete */
	SIG(228, SK_INT, SK_CLOCK, SK_PTR),                     /* clock_gettime */
	SIG(229, SK_INT, SK_CLOCK, SK_PTR),                     /* clock_getres */
	SIG(230, SK_INT, SK_CLOCK, SK_INT, SK_PTR, SK_PTR),     /* clock_nanosleep */
	SIG(231, SK_NONE, SK_INT),                              /* exit_group */
	SIG(232, SK_INT, SK_FD, SK_PTR, SK_INT, SK_INT),        /* epoll_wait */
	SIG(233, SK_INT, SK_FD, SK_INT, SK_FD, SK_PTR),         /* epoll_ctl */
	SIG(234, SK_INT, SK_INT, SK_INT, SK_SIGNAL),            /* tgkill */
	SIG(247, SK_INT, SK_INT, SK_INT, SK_PTR, SK_WAIT_OPTIONS, SK_PTR), /* waitid */
	SIG(257, SK_INT, SK_FD, SK_STR, SK_OPEN_FLAGS, SK_OPEN_MODE), /* openat */
	SIG(258, SK_INT, SK_FD, SK_STR, SK_OCT),                /* mkdirat */
	SIG(259, SK_INT, SK_FD, SK_STR, SK_OCT, SK_HEX),        /* mknodat */
	SIG(260, SK_INT, SK_FD, SK_STR, SK_INT, SK_INT, SK_AT_FLAGS), /* fchownat */
	SIG(262, SK_INT, SK_FD, SK_STR, SK_PTR, SK_AT_FLAGS),   /* newfstatat */
	SIG(263, SK_INT, SK_FD, SK_STR, SK_AT_FLAGS),           /* unlinkat */
	SIG(264, SK_INT, SK_FD, SK_STR, SK_FD, SK_STR),         /* renameat */
	SIG(265, SK_INT, SK_FD, SK_STR, SK_FD, SK_STR, SK_AT_FLAGS), /* linkat */
	SIG(266, SK_INT, SK_STR, SK_FD, SK_STR),                /* symlinkat */
	SIG(267, SK_INT, SK_FD, SK_STR, SK_RBUF, SK_ULONG),     /* readlinkat */
	SIG(268, SK_INT, SK_FD, SK_STR, SK_OCT),                /* fchmodat */
	SIG(269, SK_INT, SK_FD, SK_STR, SK_ACCESS_MODE),        /* faccessat */
	SIG(270, SK_INT, SK_INT, SK_PTR, SK_PTR, SK_PTR, SK_PTR, SK_PTR), /* pselect6 */
	SIG(271, SK_INT, SK_PTR, SK_UINT, SK_PTR, SK_PTR, SK_ULONG), /* ppoll */
	SIG(273, SK_INT, SK_PTR, SK_ULONG),                     /* set_robust_list */
	SIG(274, SK_INT, SK_INT, SK_PTR, SK_PTR),               /* get_robust_list */
	SIG(280, SK_INT, SK_FD, SK_STR, SK_PTR, SK_AT_FLAGS),   /* utimensat */
	SIG(281, SK_INT, SK_FD, SK_PTR, SK_INT, SK_INT, SK_PTR, SK_ULONG), /* epoll_pwait */
	SIG(282, SK_INT, SK_FD, SK_PTR, SK_ULONG),              /* signalfd */
	SIG(283, SK_INT, SK_CLOCK, SK_HEX),                     /* timerfd_create */
	SIG(284, SK_INT, SK_UINT),                              /* eventfd */
	SIG(285, SK_INT, SK_FD, SK_INT, SK_LONG, SK_LONG),      /* fallocate */
	SIG(286, SK_INT, SK_FD, SK_HEX, SK_PTR, SK_PTR),        /* timerfd_settime */
	SIG(287, SK_INT, SK_FD, SK_PTR),                        /* timerfd_gettime */
	SIG(288, SK_INT, SK_FD, SK_PTR, SK_PTR, SK_HEX),          /* accept4 */
	SIG(289, SK_INT, SK_FD, SK_PTR, SK_ULONG, SK_HEX),      /* signalfd4 */
	SIG(290, SK_INT, SK_UINT, SK_HEX),                      /* eventfd2 */
	SIG(291, SK_INT, SK_HEX),                               /* epoll_create1 */
	SIG(292, SK_INT, SK_FD, SK_FD, SK_OPEN_FLAGS),          /* dup3 */
	SIG(293, SK_INT, SK_PTR, SK_HEX),                       /* pipe2 */
	SIG(295, SK_INT, SK_FD, SK_PTR, SK_INT, SK_LONG, SK_LONG), /* preadv */
	SIG(296, SK_INT, SK_FD, SK_PTR, SK_INT, SK_LONG, SK_LONG), /* pwritev */
	SIG(302, SK_INT, SK_INT, SK_RLIMIT, SK_PTR, SK_PTR),    /* prlimit64 */
	SIG(306, SK_INT, SK_FD),                                /* syncfs */
	SIG(309, SK_INT, SK_PTR, SK_PTR, SK_PTR),               /* getcpu */
	SIG(316, SK_INT, SK_FD, SK_STR, SK_FD, SK_STR, SK_HEX), /* renameat2 */
	SIG(318, SK_INT, SK_RBUF, SK_ULONG, SK_GRND_FLAGS),     /* getrandom */
	SIG(319, SK_FD, SK_STR, SK_HEX),                        /* memfd_create */
	SIG(322, SK_INT, SK_FD, SK_STR, SK_PTR, SK_PTR, SK_AT_FLAGS), /* execveat */
	SIG(332, SK_INT, SK_FD, SK_STR, SK_AT_FLAGS, SK_HEX, SK_PTR), /* statx */
	SIG(324, SK_INT, SK_INT, SK_HEX, SK_INT),               /* membarrier */
	SIG(325, SK_INT, SK_PTR, SK_ULONG, SK_HEX),             /* mlock2 */
	SIG(326, SK_INT, SK_FD, SK_PTR, SK_FD, SK_PTR, SK_ULONG, SK_HEX), /* copy_file_range */
	SIG(327, SK_INT, SK_FD, SK_PTR, SK_INT, SK_LONG, SK_LONG, SK_HEX), /* preadv2 */
	SIG(328, SK_INT, SK_FD, SK_PTR, SK_INT, SK_LONG, SK_LONG, SK_HEX), /* pwritev2 */
	SIG(334, SK_INT, SK_PTR, SK_UINT, SK_INT, SK_HEX),      /* rseq */
	SIG(435, SK_INT, SK_PTR, SK_ULONG),                     /* clone3 */
	SIG(436, SK_INT, SK_UINT, SK_UINT, SK_HEX),              /* close_range */
	SIG(439, SK_INT, SK_FD, SK_STR, SK_ACCESS_MODE, SK_AT_FLAGS), /* faccessat2 */
	SIG(441, SK_INT, SK_FD, SK_PTR, SK_INT, SK_PTR, SK_PTR, SK_ULONG), /* epoll_pwait2 */
};

const struct strace_signature *strace_signature_of(uint64_t nr)
{
	/* An empty slot has ret 0, which no kind uses. */
	if (nr >= ARRAY_SIZE(signatures) || !signatures[nr].ret)
		return NULL;
	return &signatures[nr];
}
