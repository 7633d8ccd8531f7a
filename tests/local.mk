# tests/local.mk: every test folder adds its own part.
include tests/unit/ostd/local.mk
include tests/unit/services/local.mk
include tests/unit/hal-kvm/local.mk
include tests/unit/hal-kvm/cli/local.mk
include tests/audit/local.mk
include tests/progs/local.mk
include tests/integration/local.mk
include tests/tools/local.mk
