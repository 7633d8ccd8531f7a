#!/bin/sh
# shell.sh: busybox sh scripts that fork, exec, pipe, wait and signal give the same stdout and
# exit status on Keel as the host's busybox (the same binary as Keel's embedded root) gives
# natively: pipelines, subshells, command substitution, background jobs and wait, a killed
# job's 143, fork-heavy loops, exec, redirections to /tmp files and here-documents.
. "$KEEL_SRCDIR/tests/lib.sh"

require_host_busybox shell

sh_case "pipeline echo | tr | wc" 'echo "hello pipe world" | tr a-z A-Z | wc -c'
sh_case "four-stage pipeline" 'printf "b\na\nc\na\n" | sort | uniq -c | sort -rn | head -1'
sh_case "pipeline status is the last command's" '
	true | false; echo "after false: $?"
	false | true; echo "after true: $?"'
sh_case "subshell keeps its variables" '
	x=1; (x=2; echo "inner $x"); echo "outer $x"
	(exit 3); echo "subshell status $?"'
sh_case "command substitution" '
	n=$(echo one two three | wc -w); echo "words $n"
	echo "nested $(echo $(echo deep))"'
sh_case "background job and wait" '
	(exit 5) & wait $!; echo "job status $?"
	echo later & wait; echo "all waited"'
sh_case "background jobs finish in any order, wait collects all" '
	f=/tmp/keel-shell-$$
	for i in 1 2 3 4; do echo $i > $f.$i & done
	wait; cat $f.1 $f.2 $f.3 $f.4; rm -f $f.*'
sh_case "killed background sleep reports 143" '
	sleep 30 & pid=$!; kill $pid; wait $pid; echo "status $?"'
sh_case "SIGKILL of a background job reports 137" '
	sleep 30 & kill -9 $!; wait $!; echo "status $?"'
sh_case "a shell that kills itself with TERM" '
	busybox sh -c "kill -TERM \$\$"; echo "status $?"'
sh_case "for loop of fork-heavy commands" '
	for i in 1 2 3 4 5 6 7 8 9 10; do echo $i | cat | cat; done | wc -l'
sh_case "while loop with command substitution" '
	i=0; while [ $i -lt 25 ]; do i=$(expr $i + 1); done; echo "counted $i"'
sh_case "exec replaces the shell" 'echo before; exec echo replaced; echo not reached'
sh_case "exec with redirections only" '
	f=/tmp/keel-shell-$$
	exec 3> $f; echo "via fd 3" >&3; exec 3>&-; cat $f; rm -f $f'
sh_case "redirections to files in /tmp" '
	f=/tmp/keel-shell-$$
	echo one > $f; echo two >> $f; cat < $f; wc -l < $f
	ls /no/such 2> $f.err; echo "ls status $?"
	[ -s $f.err ] && echo "stderr captured"; rm -f $f $f.err'
sh_case "stdout and stderr into one file" '
	f=/tmp/keel-shell-$$
	{ echo out; echo err >&2; } > $f 2>&1; sort $f; rm -f $f'
sh_case "here-document with expansion" 'x=world; cat <<EOF
hello $x
sum $((1 + 2))
EOF'
sh_case "quoted here-document and read loop" 'while read a b; do echo "$b $a"; done <<"EOF"
first 1
second 2
EOF'
sh_case "exit status of the script" 'echo leaving; exit 7'
sh_case "trap on EXIT runs" 'trap "echo trapped" EXIT; echo body; exit 2'
sh_case "missing command is 127" 'no_such_command_here 2>/dev/null; echo "status $?"'
finish
