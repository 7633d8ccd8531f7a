# tests/unit/hal-kvm/local.mk
