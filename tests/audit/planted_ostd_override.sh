#!/bin/sh
# planted_ostd_override.sh: a service defining a function OSTD defines (copy_from_user)
# fails rule symbols: at link time it would replace OSTD's checked copy.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/ostd_override.c
expect_pass "service defining its own helper passes" "$src"
expect_rule "service defining copy_from_user fails rule symbols" symbols "'copy_from_user', which OSTD defines" \
	"$src" -DPLANT
finish
