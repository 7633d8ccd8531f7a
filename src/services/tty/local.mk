# src/services/tty/local.mk: terminals: the line discipline, terminal files and ioctls,
# job control, the console as a terminal, and ptys.
SERVICES_SOURCES += \
	src/services/tty/ldisc.c src/services/tty/tty_io.c src/services/tty/tty_ioctl.c \
	src/services/tty/job.c src/services/tty/console_tty.c src/services/tty/pty.c
noinst_HEADERS += src/services/include/tty/tty.h src/services/include/tty/tty_dev.h
