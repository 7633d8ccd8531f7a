# src/hal-kvm/gdb/local.mk
