# tests/progs/event/local.mk: epoll, eventfd, timerfd and signalfd, compared with the host.
PROGS_NAMES += event/epoll_pipe event/eventfd event/timerfd event/signalfd
EXTRA_DIST += tests/progs/event/runs tests/progs/event/epoll_pipe.c \
	tests/progs/event/eventfd.c tests/progs/event/timerfd.c tests/progs/event/signalfd.c
