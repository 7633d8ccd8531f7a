# tests/tools/local.mk: host-side helpers for the shell tests.
check_PROGRAMS += tests/tools/subreaper
tests_tools_subreaper_SOURCES = tests/tools/subreaper.c
tests_tools_subreaper_CFLAGS = $(KEEL_WARN) -g
