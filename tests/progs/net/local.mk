# tests/progs/net/local.mk: socket programs compared with the host.
PROGS_NAMES += net/pair net/server net/churn
EXTRA_DIST += tests/progs/net/runs tests/progs/net/pair.c tests/progs/net/server.c tests/progs/net/churn.c \
	tests/progs/net/neterr.h
