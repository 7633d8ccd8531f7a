# src/hal-kvm/seccomp/local.mk
