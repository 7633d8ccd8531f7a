# tests/progs/tty/local.mk: terminal programs, run natively and on Keel.
PROGS_NAMES += tty/pty_echo
EXTRA_DIST += tests/progs/tty/runs tests/progs/tty/pty_echo.c
