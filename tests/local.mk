# tests/local.mk: every test folder adds its own part.
include tests/unit/ostd/local.mk
include tests/unit/services/local.mk
include tests/unit/hal-kvm/local.mk
include tests/unit/hal-kvm/cli/local.mk
include tests/audit/local.mk
include tests/progs/local.mk
include tests/progs/event/local.mk
include tests/progs/dyn/local.mk
include tests/progs/tty/local.mk
include tests/progs/mm/local.mk
include tests/progs/net/local.mk
include tests/unit/services/event/local.mk
include tests/unit/services/tty/local.mk
include tests/unit/services/debug/local.mk
include tests/fuzz/local.mk
include tests/integration/local.mk
include tests/tools/local.mk
