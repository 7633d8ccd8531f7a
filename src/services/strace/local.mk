# src/services/strace/local.mk: keel run --strace, part of the services (included from
# src/services/local.mk, which builds them into libservices.a).
SERVICES_SOURCES += \
	src/services/strace/args.c src/services/strace/errno_names.c \
	src/services/strace/flags.c src/services/strace/line.c \
	src/services/strace/quote.c src/services/strace/signature.c \
	src/services/strace/strace.c

noinst_HEADERS += \
	src/services/include/strace/decode.h src/services/include/strace/line.h \
	src/services/include/strace/strace.h
