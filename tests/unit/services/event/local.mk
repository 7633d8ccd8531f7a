# tests/unit/services/event/local.mk
