# src/services/local.mk: the de-privileged kernel, compiled freestanding against OSTD's
# public API only, as libservices.a and its sanitizer twin for the unit tests.
SERVICES_SOURCES = \
	src/services/boot.c src/services/boot_end.c src/services/boot_root.c \
	src/services/exec/args.c src/services/exec/elf.c src/services/exec/execve.c \
	src/services/exec/load.c src/services/exec/stack.c \
	src/services/fs/at.c src/services/fs/chardev.c src/services/fs/console_file.c src/services/fs/cpio.c \
	src/services/fs/dir.c src/services/fs/fdtable_share.c src/services/fs/file.c \
	src/services/fs/open.c src/services/fs/permission.c src/services/fs/remove.c \
	src/services/fs/path.c src/services/fs/poll.c src/services/fs/ramfs.c \
	src/services/fs/ramfs_file.c \
	src/services/fs/read_write.c src/services/fs/stat.c \
	src/services/fs/ramfs_rename.c src/services/fs/rename.c src/services/fs/link.c \
	src/services/fs/attr.c src/services/fs/utimes.c src/services/fs/truncate.c \
	src/services/fs/sync.c src/services/fs/statfs.c \
	src/services/fs/inode.c src/services/fs/mount.c src/services/fs/mknod.c \
	src/services/fs/sendfile.c \
	src/services/fs/procfs/node.c src/services/fs/procfs/root.c \
	src/services/fs/procfs/system.c src/services/fs/procfs/pid.c \
	src/services/fs/procfs/fd.c src/services/fs/procfs/sys.c \
	src/services/mm/area.c src/services/mm/brk.c src/services/mm/fault.c src/services/mm/fork.c \
	src/services/mm/mmap.c src/services/mm/mmap_file.c src/services/mm/pagecache.c \
	src/services/mm/growsdown.c src/services/mm/madvise.c src/services/mm/memfd.c \
	src/services/mm/mincore.c src/services/mm/mlock.c src/services/mm/mremap.c \
	src/services/mm/msync.c src/services/mm/truncate.c \
	src/services/process/fork.c src/services/process/pgrp.c src/services/process/pid.c \
	src/services/process/process.c src/services/process/rlimit.c \
	src/services/process/sched_policy.c src/services/process/personality.c \
	src/services/process/membarrier.c src/services/fs/flock.c \
	src/services/process/run.c src/services/process/thread.c \
	src/services/process/thread_settings.c src/services/process/wait.c \
	src/services/syscall/dispatch.c src/services/syscall/table_x86_64.h \
	src/services/system/random.c src/services/system/uname.c \
	src/services/time/clock.c src/services/time/sleep.c \
	src/services/time/timespec.c
include src/services/time/local.mk
include src/services/strace/local.mk
include src/services/exec/local.mk
include src/services/vdso/local.mk
include src/services/signal/local.mk
include src/services/futex/local.mk
include src/services/event/local.mk
include src/services/tty/local.mk
include src/services/debug/local.mk

noinst_LIBRARIES += libservices.a
libservices_a_SOURCES = $(SERVICES_SOURCES)
libservices_a_CPPFLAGS = $(SERVICES_CPPFLAGS)
libservices_a_CFLAGS = $(SERVICES_CFLAGS)

# Same sources, instrumented: the unit tests link this one.
noinst_LIBRARIES += libservices_san.a
libservices_san_a_SOURCES = $(SERVICES_SOURCES)
libservices_san_a_CPPFLAGS = $(SERVICES_CPPFLAGS)
libservices_san_a_CFLAGS = $(SERVICES_CFLAGS) $(UNIT_SAN)

noinst_HEADERS += \
	src/services/include/abi/auxv.h src/services/include/abi/dirent.h \
	src/services/include/abi/elf.h src/services/include/abi/fcntl.h \
	src/services/include/abi/mman.h src/services/include/abi/prctl.h \
	src/services/include/abi/random.h src/services/include/abi/resource.h \
	src/services/include/abi/signal.h src/services/include/abi/stat.h \
	src/services/include/abi/termios.h src/services/include/abi/time.h \
	src/services/include/abi/uio.h src/services/include/abi/utsname.h \
	src/services/include/boot/boot.h src/services/include/exec/exec.h \
	src/services/include/fs/cpio.h src/services/include/fs/file.h \
	src/services/include/fs/fs_syscalls.h src/services/include/fs/path.h \
	src/services/include/fs/ramfs.h src/services/include/mm/mm.h \
	src/services/include/mm/pagecache.h \
	src/services/include/process/process.h src/services/include/signal/signal.h \
	src/services/include/syscall/syscall.h src/services/include/system/system.h \
	src/services/include/time/clock.h \
	src/services/include/process/thread.h src/services/include/process/cred.h \
	src/services/include/abi/siginfo.h src/services/include/signal/sigqueue.h \
	src/services/include/futex/futex.h src/services/include/fs/pipe.h \
	src/services/include/abi/sched.h src/services/include/fs/chardev.h \
	src/services/include/abi/poll.h \
	src/services/include/fs/poll.h \
	src/services/include/fs/ramfs_dentry.h src/services/include/abi/statfs.h \
	src/services/include/abi/falloc.h \
	src/services/include/abi/sched_policy.h src/services/include/abi/personality.h \
	src/services/include/abi/membarrier.h src/services/include/fs/flock.h \
	src/services/include/fs/inode.h src/services/include/fs/mount.h \
	src/services/include/fs/procfs.h src/services/include/fs/procfs_node.h \
	src/services/include/abi/mount.h src/services/include/util/hex.h \
	src/services/include/abi/statx.h
include src/services/net/local.mk
