# src/services/net/local.mk: sockets (AF_UNIX).
SERVICES_SOURCES += src/services/net/socket.c src/services/net/addr.c \
	src/services/net/conn.c src/services/net/msg.c src/services/net/scm.c \
	src/services/net/sendrecv.c src/services/net/sockopt.c
noinst_HEADERS += src/services/include/net/socket.h src/services/include/net/unix.h \
	src/services/include/abi/socket.h src/services/include/abi/un.h
