# src/hal-kvm/gdb/local.mk: the TCP transport of `keel run --gdb PORT` (the hosted
# implementation of ostd/debug_port.h). Included from src/hal-kvm/local.mk.
keel_SOURCES += src/hal-kvm/gdb/gdb_port.c src/hal-kvm/gdb/gdb_port.h
