# tests/unit/services/tty/local.mk
