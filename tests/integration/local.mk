# tests/integration/local.mk: end-to-end runs of the keel command.
TESTS += tests/integration/cli.sh tests/integration/busybox.sh tests/integration/faults.sh \
	tests/integration/kvm.sh
EXTRA_DIST += tests/lib.sh tests/integration/cli.sh tests/integration/busybox.sh \
	tests/integration/faults.sh tests/integration/kvm.sh
TESTS += tests/integration/sandbox.sh
EXTRA_DIST += tests/integration/sandbox.sh
TESTS += tests/integration/strace.sh
EXTRA_DIST += tests/integration/strace.sh
TESTS += tests/integration/process.sh tests/integration/shell.sh
EXTRA_DIST += tests/integration/process.sh tests/integration/shell.sh
TESTS += tests/integration/vfs.sh
EXTRA_DIST += tests/integration/vfs.sh
TESTS += tests/integration/applets.sh
EXTRA_DIST += tests/integration/applets.sh
TESTS += tests/integration/net.sh
EXTRA_DIST += tests/integration/net.sh
