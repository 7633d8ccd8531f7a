# tests/progs/local.mk
