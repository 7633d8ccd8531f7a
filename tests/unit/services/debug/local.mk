# tests/unit/services/debug/local.mk
