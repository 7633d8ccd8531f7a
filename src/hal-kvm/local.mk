# src/hal-kvm/local.mk
