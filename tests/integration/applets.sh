#!/bin/sh
# applets.sh: the busybox applets people use on files give the same output on Keel as the
# host's busybox (the same binary as Keel's embedded root) natively. Each case works in a
# fresh directory on a tmpfs (/dev/shm, else /tmp) named with the shell's pid, and prints
# nothing that differs between machines (no dates, inode numbers or owners).
. "$KEEL_SRCDIR/tests/lib.sh"

require_host_busybox applets

# Every case starts in its own directory holding a small tree, and removes it.
setup='b=/dev/shm; [ -d $b ] && [ -w $b ] || b=/tmp; d=$b/applets.$$
	rm -rf $d; mkdir -p $d/tree/sub/deep && cd $d || exit 9
	printf "alpha\nbeta\ngamma\nbeta\n" > tree/words
	printf "3 pear\n1 apple\n2 fig\n1 apple\n" > tree/sub/fruit
	seq 1 500 > tree/sub/deep/numbers
	trap "cd /; rm -rf $d" EXIT
'

battery() {
	sh_case "$1" "$setup$2"
}

battery "ls" 'ls tree; ls -1 tree/sub; ls -R tree | head -20; ls -d tree/*/'
battery "cat and wc" 'cat tree/words tree/sub/fruit | wc -l; wc -c tree/sub/deep/numbers; wc tree/words'
battery "cp and cp -r" 'cp tree/words w2 && cat w2; cp -r tree copy && ls -R copy; cp tree/none x 2>/dev/null; echo "status $?"'
battery "mv" 'mv tree/words tree/w && ls tree; mv tree/sub tree/moved && ls tree/moved; mv tree/nothing y 2>/dev/null; echo "status $?"'
battery "rm -r and rmdir" 'rm -r tree/sub && ls tree; mkdir e && rmdir e && ls; rm tree 2>/dev/null; echo "status $?"'
battery "ln -s and readlink" 'ln -s tree/words link && cat link && readlink link; ln -s link2 link2; cat link2 2>/dev/null; echo "status $?"; ln tree/words hard && stat -c "%h" hard'
battery "find" 'find tree | sort; find tree -type f -name "*r*" | sort; find tree -type d | wc -l; find . -newer tree/words -name nope'
battery "grep" 'grep beta tree/words; grep -c a tree/words; grep -rn apple tree | sort; grep -v a tree/words; grep zzz tree/words; echo "status $?"'
battery "sed" 'sed "s/beta/BETA/" tree/words; sed -n 2p tree/words; sed -i "s/a/A/g" tree/words && cat tree/words'
battery "awk" 'awk "{ s += \$1 } END { print s }" tree/sub/fruit; awk -F" " "\$1 > 1 { print \$2 }" tree/sub/fruit; awk "NR % 100 == 0" tree/sub/deep/numbers'
battery "sort and uniq" 'sort tree/words; sort -n -r tree/sub/fruit; sort tree/words | uniq -c; sort -u tree/sub/fruit'
battery "head and tail" 'head -3 tree/sub/deep/numbers; tail -2 tree/sub/deep/numbers; tail -c 8 tree/words; head -c 5 tree/words; echo'
battery "tar" 'tar cf t.tar tree && tar tf t.tar | sort; mkdir out && tar xf t.tar -C out && cmp out/tree/words tree/words && echo same; tar czf t.tgz tree && tar tzf t.tgz | wc -l'
battery "gzip and gunzip" 'cp tree/sub/deep/numbers n && gzip n && ls && gunzip n.gz && cmp n tree/sub/deep/numbers && echo same; gzip -c tree/words | gzip -dc'
battery "md5sum and sha256sum" 'md5sum tree/words tree/sub/fruit; sha256sum tree/sub/deep/numbers; md5sum tree/words > sums && md5sum -c sums'
battery "stat" 'stat -c "%n %s %a %F %h" tree/words tree/sub; chmod 640 tree/words; stat -c "%a %A" tree/words'
battery "chmod" 'chmod 700 tree/sub && stat -c %a tree/sub; chmod -R go-rwx tree && stat -c %a tree/words tree/sub/fruit; chmod u+x tree/words && stat -c %A tree/words'
battery "du" 'du -s tree | cut -f1; du -a tree | sort -k2 | cut -f1 | tr "\n" " "; echo; du -sh tree/sub/deep/numbers | cut -f1'
battery "mkfifo" 'mkfifo p && stat -c %F p; (echo through > p &); cat p; rm p'
battery "xargs" 'find tree -type f | sort | xargs wc -l; echo a b c d | xargs -n 2 echo; ls tree | xargs -I{} echo "<{}>"'
battery "touch, truncate and dd" 'touch t && stat -c %s t; truncate -s 100 t && stat -c %s t; dd if=/dev/zero of=z bs=512 count=4 2>/dev/null && stat -c %s z'
battery "cut, tr, paste, od" 'cut -c1-3 tree/words; tr a-z A-Z < tree/words; paste tree/words tree/sub/fruit; od -c tree/words | head -2'

finish
