# src/services/local.mk
