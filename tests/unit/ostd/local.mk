# tests/unit/ostd/local.mk
