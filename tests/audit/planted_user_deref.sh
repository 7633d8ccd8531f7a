#!/bin/sh
# planted_user_deref.sh: a service dereferencing a __user pointer fails rule types (sparse).
. "$KEEL_SRCDIR/tests/audit/audit_lib.sh"
src=$FIXTURES/user_deref.c
expect_pass "service copying through copy_from_user passes" "$src"
expect_rule "service dereferencing a __user pointer fails rule types" types 'noderef' "$src" -DPLANT
finish
