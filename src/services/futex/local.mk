# src/services/futex/local.mk: futexes, pipes, credentials, system info.
SERVICES_SOURCES += \
	src/services/futex/futex_queue.c src/services/futex/futex_op.c \
	src/services/futex/futex_syscall.c src/services/futex/robust.c \
	src/services/fs/pipe.c src/services/process/cred.c src/services/system/sysinfo.c
noinst_HEADERS += src/services/futex/futex_queue.h
