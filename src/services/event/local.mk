# src/services/event/local.mk: epoll, eventfd, timerfd and signalfd.
SERVICES_SOURCES += src/services/event/epoll.c src/services/event/epoll_wait.c \
	src/services/event/eventfd.c src/services/event/timerfd.c \
	src/services/event/signalfd.c
noinst_HEADERS += src/services/include/event/epoll.h \
	src/services/include/event/epoll_internal.h src/services/include/event/eventfd.h \
	src/services/include/event/timerfd.h src/services/include/event/signalfd.h \
	src/services/include/abi/epoll.h src/services/include/abi/eventfd.h \
	src/services/include/abi/timerfd.h src/services/include/abi/signalfd.h
