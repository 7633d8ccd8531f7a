# src/services/tty/local.mk
