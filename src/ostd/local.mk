# src/ostd/local.mk
