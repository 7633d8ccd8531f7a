#!/bin/sh
# planted_libc_include.sh: a service including <stdio.h> cannot compile, and one including
# a private OSTD header by relative path is caught by the header scan (rule headers).
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/libc_include.c
expect_pass "service using only OSTD headers passes" "$src"
expect_rule "service including <stdio.h> fails rule headers" headers 'stdio\.h' "$src" -DPLANT
expect_rule "service including src/ostd/hal.h fails rule headers" headers 'ostd/hal\.h' "$src" \
	-DPLANT_HAL
finish
