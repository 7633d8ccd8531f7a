# src/services/event/local.mk
