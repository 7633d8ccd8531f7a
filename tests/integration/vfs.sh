#!/bin/sh
# vfs.sh: the mount table, procfs and sysfs as busybox sees them on Keel. What these show
# depends on the kernel and on privileges the host test runner may lack, so each case is
# compared with the output kept here, not with the host (issue 6's rule for mount tables).
. "$KEEL_SRCDIR/tests/lib.sh"

# expect LABEL SCRIPT EXPECTED: `busybox sh -c SCRIPT` on Keel prints exactly EXPECTED.
expect() {
	label=$1 script=$2
	printf '%s\n' "$3" > "$KEEL_TMP/want"
	keel_run "$KEEL_TMP/k" busybox sh -c "$script"
	if cmp -s "$KEEL_TMP/want" "$KEEL_TMP/k.out"; then
		pass "$label"
	else
		fail "$label" "output differs (expected, then keel)"
		diff "$KEEL_TMP/want" "$KEEL_TMP/k.out" | head -12 | sed 's/^/#   /'
		head -3 "$KEEL_TMP/k.err" | sed 's/^/#   keel stderr: /'
	fi
}

expect "boot mounts the root, /proc and /sys" 'cat /proc/mounts' \
'tmpfs / tmpfs rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0'

expect "mount tmpfs, busy umount, umount" '
	mkdir -p /mnt/t && mount -t tmpfs scratch /mnt/t && echo mounted
	grep " /mnt/t " /proc/mounts
	echo data > /mnt/t/file && cat /mnt/t/file
	cd /mnt/t && { umount /mnt/t 2>/dev/null || echo "busy while cwd inside"; }
	cd / && umount /mnt/t && echo unmounted
	ls /mnt/t | wc -l
	grep -c " /mnt/t " /proc/mounts' \
'mounted
scratch /mnt/t tmpfs rw,relatime 0 0
data
busy while cwd inside
unmounted
0
0'

expect "mount errors" '
	mount -t nosuchfs none /tmp 2>&1 | sed "s/.*: //"
	umount /tmp 2>&1 | sed "s/.*: //"
	mount -t tmpfs none /nowhere 2>&1 | sed "s/.*: //"' \
'No such device
Invalid argument
No such file or directory'

expect "a second procfs, and getcwd across mounts" '
	mkdir /p && mount -t proc proc /p && ls /p/self/exe && cd /p/sys/kernel && pwd
	cat /p/sys/kernel/ostype; cd / && umount /p && echo gone' \
'/p/self/exe
/p/sys/kernel
Linux
gone'

expect "file system types" 'stat -f -c %T / /proc /sys; grep -c nodev /proc/filesystems' \
'tmpfs
proc
sysfs
6'

expect "kernel identity in /proc" 'cat /proc/version /proc/sys/kernel/osrelease; uname -r' \
'Linux version 6.1.0-keel (keel) #1 SMP Keel 0.1
6.1.0-keel
6.1.0-keel'

expect "sysfs CPU topology" 'ls /sys/devices/system/cpu; cat /sys/devices/system/cpu/online' \
'online
possible
present
0'

expect "df and free read /proc and statfs" 'df / | tail -1 | cut -c1-5; free | head -1 | tr -s " "' \
'tmpfs
 total used free shared buff/cache available'

# Files live in host memory: together they may use half of --mem (tmpfs's default size),
# then writes fail with ENOSPC, and removing a file gives its room back.
keel_run "$KEEL_TMP/k" --mem 64M busybox sh -c '
	df / | tail -1 | tr -s " " | cut -d" " -f2
	dd if=/dev/zero of=/tmp/big bs=1M count=40 2>&1 | grep -o "No space left on device"
	rm /tmp/big && dd if=/dev/zero of=/tmp/big bs=1M count=16 2>/dev/null && echo room again'
printf '32768\nNo space left on device\nroom again\n' > "$KEEL_TMP/want"
if cmp -s "$KEEL_TMP/want" "$KEEL_TMP/k.out" && [ "$(cat "$KEEL_TMP/k.status")" = 0 ]; then
	pass "files may fill half of --mem, then ENOSPC; rm gives the room back"
else
	fail "files may fill half of --mem, then ENOSPC; rm gives the room back"
	diff "$KEEL_TMP/want" "$KEEL_TMP/k.out" | head -8 | sed 's/^/#   /'
fi

# The child may not have exec'd sleep yet when ps first looks: poll, with a limit.
expect "ps lists processes from /proc" '
	sleep 30 & i=0
	until ps -o comm | grep -q "^sleep" || [ $i -ge 100 ]; do usleep 50000; i=$((i+1)); done
	ps -o pid,comm | grep -c sleep; kill $!' '1'

finish
