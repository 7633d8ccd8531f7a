# src/services/debug/local.mk: the GDB remote protocol engine (keel run --gdb), in services:
# it uses only OSTD's API (registers, user memory, the debug port). Included from
# src/services/local.mk.
SERVICES_SOURCES += \
	src/services/debug/packet.c src/services/debug/regs.c \
	src/services/debug/memory.c src/services/debug/breakpoint.c \
	src/services/debug/commands.c src/services/debug/command_access.c \
	src/services/debug/command_query.c src/services/debug/session.c
noinst_HEADERS += \
	src/services/include/debug/debug.h src/services/include/debug/packet.h \
	src/services/include/debug/session.h src/services/include/debug/command.h \
	src/ostd/include/ostd/debug_port.h
