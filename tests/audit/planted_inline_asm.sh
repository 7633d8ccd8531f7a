#!/bin/sh
# planted_inline_asm.sh: even a harmless __asm__("nop") in a service fails rule asm.
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/inline_asm.c
expect_pass "service without asm passes" "$src"
expect_rule "service with __asm__(\"nop\") fails rule asm" asm "'__asm__'" "$src" -DPLANT
finish
