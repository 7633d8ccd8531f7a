# tests/audit/local.mk
