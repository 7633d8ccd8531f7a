# src/services/debug/local.mk
