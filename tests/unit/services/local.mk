# tests/unit/services/local.mk
