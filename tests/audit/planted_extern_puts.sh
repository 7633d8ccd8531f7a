#!/bin/sh
# planted_extern_puts.sh: a service calling a libc function it declared itself fails the
# symbol rule (puts is not OSTD API and no service defines it).
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/extern_puts.c
expect_pass "service logging through OSTD passes" "$src"
expect_rule "service calling an extern puts fails rule symbols" symbols "'puts'" "$src" -DPLANT
finish
