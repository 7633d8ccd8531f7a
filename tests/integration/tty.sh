#!/bin/sh
# tty.sh: an interactive busybox sh on Keel's console terminal, typed at through tmux: a
# typo fixed with backspace runs as corrected, ^C ends a foreground `sleep 100` and the
# shell prompts again and still works, `tty` and /proc/PID/stat name the console, `exit`
# ends keel and the host terminal is back in cooked mode. Every wait polls the pane with a
# time limit.
. "$KEEL_SRCDIR/tests/lib.sh"

command -v tmux > /dev/null 2>&1 || { skip "tty" "tmux is not installed"; finish; }

sock="$KEEL_TMP/tmux.sock"
sess=keel-tty-$$
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2> /dev/null; rm -rf "$KEEL_TMP"' EXIT

# wait_for LABEL PATTERN [SECONDS]: until the pane shows a line matching PATTERN.
wait_for() {
	n=$(( ${3:-20} * 10 ))
	while [ "$n" -gt 0 ]; do
		if tm capture-pane -p -t "$sess" 2> /dev/null | grep -q -- "$2"; then
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	fail "$1" "no line matching '$2' in time; the pane shows:"
	tm capture-pane -p -t "$sess" 2> /dev/null | sed '/^$/d; s/^/#   /' | tail -10
	return 1
}

# Lines of the pane matching PATTERN.
pane_count() {
	tm capture-pane -p -t "$sess" | grep -c -- "$1"
}

# The pane runs keel and then records its status and the terminal's mode after it.
tm new-session -d -x 80 -y 24 -s "$sess" \
	"cd / && PS1='keel\$ ' '$KEEL' run --engine seccomp /bin/sh; echo \"status=\$?\"; \
	 stty -a | grep -q ' icanon' && echo cooked-again; sleep 30" || {
	fail "tty" "tmux cannot start a session"; finish; }

if wait_for "shell prompts on the console terminal" 'keel\$'; then
	pass "shell prompts on the console terminal"
fi

tm send-keys -t "$sess" 'echo fixedX' BSpace ' typo' Enter
if wait_for "backspace fixes a typo before it runs" '^fixed typo$'; then
	pass "backspace fixes a typo before it runs"
fi

prompts=$(pane_count 'keel\$')
tm send-keys -t "$sess" 'sleep 100' Enter
wait_for "sleep runs in the foreground" 'keel\$ sleep 100' && sleep 0.3
tm send-keys -t "$sess" C-c
n=100
while [ "$n" -gt 0 ] && [ "$(pane_count 'keel\$')" -le "$prompts" ]; do
	sleep 0.1
	n=$((n - 1))
done
if [ "$(pane_count 'keel\$')" -gt "$prompts" ]; then
	pass "^C ends the foreground job and the shell prompts again"
else
	fail "^C ends the foreground job and the shell prompts again"
fi

tm send-keys -t "$sess" 'echo al""ive' Enter
if wait_for "the shell still runs commands after ^C" '^alive$'; then
	pass "the shell still runs commands after ^C"
fi

# ttyname finds the console's node, and ps's TTY field (tty_nr) is the console, 5:1.
tm send-keys -t "$sess" 'echo "tty=$(tty) nr=$(cut -d" " -f7 /proc/self/stat)"' Enter
if wait_for "tty names /dev/console and /proc/PID/stat gives its number" \
	'^tty=/dev/console nr=1281$'; then
	pass "tty names /dev/console and /proc/PID/stat gives its number"
fi

tm send-keys -t "$sess" 'exit' Enter
if wait_for "exit ends keel with status 0" '^status=0$'; then
	pass "exit ends keel with status 0"
fi
if wait_for "the host terminal is cooked again after keel" '^cooked-again$' 5; then
	pass "the host terminal is cooked again after keel"
fi
finish
