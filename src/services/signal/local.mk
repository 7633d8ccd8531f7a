# src/services/signal/local.mk: signals (owned by the signal work).
SERVICES_SOURCES += src/services/signal/altstack.c src/services/signal/deliver.c \
	src/services/signal/frame.c src/services/signal/itimer.c src/services/signal/kill.c \
	src/services/signal/policy.c src/services/signal/restart.c src/services/signal/send.c \
	src/services/signal/sigpipe.c \
	src/services/signal/sigaction.c src/services/signal/sigqueue.c \
	src/services/signal/wait.c
noinst_HEADERS += src/services/include/signal/frame.h \
	src/services/include/signal/internal.h src/services/include/signal/policy.h \
	src/services/include/signal/restart.h \
	src/services/include/abi/sigframe.h src/services/include/abi/itimer.h
