/* abi_list.h: every ABI constant and layout that test_abi.c compares. Expanded three times:
 * against Keel's own headers (abi_ours.c), glibc's (abi_glibc.c) and the kernel's uapi
 * headers (abi_kernel.c), so each list entry has one slot in every table.
 *   ABI_C(name)                       a constant of the same name on both sides
 *   ABI_S(ours, host)                 sizeof of a type
 *   ABI_F(ours, field, host, hfield)  offsetof of a member */

/* Every errno of <ostd/errno.h>, checked against glibc's <errno.h>. */
#define ABI_LIST_ERRNO \
	ABI_C(EPERM) ABI_C(ENOENT) ABI_C(ESRCH) ABI_C(EINTR) ABI_C(EIO) ABI_C(ENXIO) \
	ABI_C(E2BIG) ABI_C(ENOEXEC) ABI_C(EBADF) ABI_C(ECHILD) ABI_C(EAGAIN) ABI_C(ENOMEM) \
	ABI_C(EACCES) ABI_C(EFAULT) ABI_C(ENOTBLK) ABI_C(EBUSY) ABI_C(EEXIST) ABI_C(EXDEV) \
	ABI_C(ENODEV) ABI_C(ENOTDIR) ABI_C(EISDIR) ABI_C(EINVAL) ABI_C(ENFILE) ABI_C(EMFILE) \
	ABI_C(ENOTTY) ABI_C(ETXTBSY) ABI_C(EFBIG) ABI_C(ENOSPC) ABI_C(ESPIPE) ABI_C(EROFS) \
	ABI_C(EMLINK) ABI_C(EPIPE) ABI_C(EDOM) ABI_C(ERANGE) ABI_C(EDEADLK) \
	ABI_C(ENAMETOOLONG) ABI_C(ENOLCK) ABI_C(ENOSYS) ABI_C(ENOTEMPTY) ABI_C(ELOOP) \
	ABI_C(EWOULDBLOCK) ABI_C(ENOMSG) ABI_C(EIDRM) ABI_C(ECHRNG) ABI_C(EL2NSYNC) \
	ABI_C(EL3HLT) ABI_C(EL3RST) ABI_C(ELNRNG) ABI_C(EUNATCH) ABI_C(ENOCSI) ABI_C(EL2HLT) \
	ABI_C(EBADE) ABI_C(EBADR) ABI_C(EXFULL) ABI_C(ENOANO) ABI_C(EBADRQC) ABI_C(EBADSLT) \
	ABI_C(EDEADLOCK) ABI_C(EBFONT) ABI_C(ENOSTR) ABI_C(ENODATA) ABI_C(ETIME) \
	ABI_C(ENOSR) ABI_C(ENONET) ABI_C(ENOPKG) ABI_C(EREMOTE) ABI_C(ENOLINK) ABI_C(EADV) \
	ABI_C(ESRMNT) ABI_C(ECOMM) ABI_C(EPROTO) ABI_C(EMULTIHOP) ABI_C(EDOTDOT) \
	ABI_C(EBADMSG) ABI_C(EOVERFLOW) ABI_C(ENOTUNIQ) ABI_C(EBADFD) ABI_C(EREMCHG) \
	ABI_C(ELIBACC) ABI_C(ELIBBAD) ABI_C(ELIBSCN) ABI_C(ELIBMAX) ABI_C(ELIBEXEC) \
	ABI_C(EILSEQ) ABI_C(ERESTART) ABI_C(ESTRPIPE) ABI_C(EUSERS) ABI_C(ENOTSOCK) \
	ABI_C(EDESTADDRREQ) ABI_C(EMSGSIZE) ABI_C(EPROTOTYPE) ABI_C(ENOPROTOOPT) \
	ABI_C(EPROTONOSUPPORT) ABI_C(ESOCKTNOSUPPORT) ABI_C(EOPNOTSUPP) ABI_C(EPFNOSUPPORT) \
	ABI_C(EAFNOSUPPORT) ABI_C(EADDRINUSE) ABI_C(EADDRNOTAVAIL) ABI_C(ENETDOWN) \
	ABI_C(ENETUNREACH) ABI_C(ENETRESET) ABI_C(ECONNABORTED) ABI_C(ECONNRESET) \
	ABI_C(ENOBUFS) ABI_C(EISCONN) ABI_C(ENOTCONN) ABI_C(ESHUTDOWN) ABI_C(ETOOMANYREFS) \
	ABI_C(ETIMEDOUT) ABI_C(ECONNREFUSED) ABI_C(EHOSTDOWN) ABI_C(EHOSTUNREACH) \
	ABI_C(EALREADY) ABI_C(EINPROGRESS) ABI_C(ESTALE) ABI_C(EUCLEAN) ABI_C(ENOTNAM) \
	ABI_C(ENAVAIL) ABI_C(EISNAM) ABI_C(EREMOTEIO) ABI_C(EDQUOT) ABI_C(ENOMEDIUM) \
	ABI_C(EMEDIUMTYPE) ABI_C(ECANCELED) ABI_C(ENOKEY) ABI_C(EKEYEXPIRED) \
	ABI_C(EKEYREVOKED) ABI_C(EKEYREJECTED) ABI_C(EOWNERDEAD) ABI_C(ENOTRECOVERABLE)

/* Checked against glibc's headers. */
#define ABI_LIST_GLIBC \
	ABI_C(O_ACCMODE) ABI_C(O_RDONLY) ABI_C(O_WRONLY) ABI_C(O_RDWR) ABI_C(O_CREAT) \
	ABI_C(O_EXCL) ABI_C(O_NOCTTY) ABI_C(O_TRUNC) ABI_C(O_APPEND) ABI_C(O_NONBLOCK) \
	ABI_C(O_DSYNC) ABI_C(O_ASYNC) ABI_C(O_DIRECT) ABI_C(O_DIRECTORY) \
	ABI_C(O_NOFOLLOW) ABI_C(O_NOATIME) ABI_C(O_CLOEXEC) ABI_C(O_SYNC) ABI_C(O_PATH) \
	ABI_C(O_TMPFILE) \
	ABI_C(F_DUPFD) ABI_C(F_GETFD) ABI_C(F_SETFD) ABI_C(F_GETFL) ABI_C(F_SETFL) \
	ABI_C(F_DUPFD_CLOEXEC) ABI_C(FD_CLOEXEC) \
	ABI_C(AT_FDCWD) ABI_C(AT_SYMLINK_NOFOLLOW) ABI_C(AT_EACCESS) ABI_C(AT_REMOVEDIR) \
	ABI_C(AT_SYMLINK_FOLLOW) ABI_C(AT_NO_AUTOMOUNT) ABI_C(AT_EMPTY_PATH) \
	ABI_C(F_OK) ABI_C(X_OK) ABI_C(W_OK) ABI_C(R_OK) \
	ABI_C(SEEK_SET) ABI_C(SEEK_CUR) ABI_C(SEEK_END) ABI_C(SEEK_DATA) ABI_C(SEEK_HOLE) \
	ABI_C(PATH_MAX) ABI_C(NAME_MAX) \
	ABI_C(PROT_NONE) ABI_C(PROT_READ) ABI_C(PROT_WRITE) ABI_C(PROT_EXEC) \
	ABI_C(PROT_GROWSDOWN) ABI_C(PROT_GROWSUP) \
	ABI_C(MAP_SHARED) ABI_C(MAP_PRIVATE) ABI_C(MAP_SHARED_VALIDATE) ABI_C(MAP_TYPE) \
	ABI_C(MAP_FIXED) ABI_C(MAP_ANONYMOUS) ABI_C(MAP_32BIT) ABI_C(MAP_GROWSDOWN) \
	ABI_C(MAP_DENYWRITE) ABI_C(MAP_EXECUTABLE) ABI_C(MAP_LOCKED) ABI_C(MAP_NORESERVE) \
	ABI_C(MAP_POPULATE) ABI_C(MAP_NONBLOCK) ABI_C(MAP_STACK) ABI_C(MAP_HUGETLB) \
	ABI_C(MAP_SYNC) ABI_C(MAP_FIXED_NOREPLACE) \
	ABI_C(MADV_NORMAL) ABI_C(MADV_RANDOM) ABI_C(MADV_SEQUENTIAL) ABI_C(MADV_WILLNEED) \
	ABI_C(MADV_DONTNEED) ABI_C(MADV_FREE) \
	ABI_C(S_IFMT) ABI_C(S_IFSOCK) ABI_C(S_IFLNK) ABI_C(S_IFREG) ABI_C(S_IFBLK) \
	ABI_C(S_IFDIR) ABI_C(S_IFCHR) ABI_C(S_IFIFO) ABI_C(S_ISUID) ABI_C(S_ISGID) \
	ABI_C(S_ISVTX) \
	ABI_C(POLLIN) ABI_C(POLLPRI) ABI_C(POLLOUT) ABI_C(POLLERR) ABI_C(POLLHUP) \
	ABI_C(POLLNVAL) ABI_C(POLLRDNORM) ABI_C(POLLRDBAND) ABI_C(POLLWRNORM) \
	ABI_C(POLLWRBAND) ABI_C(POLLMSG) ABI_C(POLLRDHUP) \
	ABI_S(struct pollfd, struct pollfd) \
	ABI_F(struct pollfd, events, struct pollfd, events) \
	ABI_F(struct pollfd, revents, struct pollfd, revents) \
	ABI_S(struct statfs, struct statfs) \
	ABI_F(struct statfs, f_blocks, struct statfs, f_blocks) \
	ABI_F(struct statfs, f_fsid, struct statfs, f_fsid) \
	ABI_F(struct statfs, f_namelen, struct statfs, f_namelen) \
	ABI_F(struct statfs, f_flags, struct statfs, f_flags) \
	ABI_S(struct rusage, struct rusage) \
	ABI_F(struct rusage, ru_stime_sec, struct rusage, ru_stime) \
	ABI_F(struct rusage, ru_maxrss, struct rusage, ru_maxrss) \
	ABI_F(struct rusage, ru_nivcsw, struct rusage, ru_nivcsw) \
	ABI_C(CLONE_VM) ABI_C(CLONE_FS) ABI_C(CLONE_FILES) ABI_C(CLONE_SIGHAND) \
	ABI_C(CLONE_PIDFD) ABI_C(CLONE_VFORK) ABI_C(CLONE_PARENT) ABI_C(CLONE_THREAD) \
	ABI_C(CLONE_SYSVSEM) ABI_C(CLONE_SETTLS) ABI_C(CLONE_PARENT_SETTID) \
	ABI_C(CLONE_CHILD_CLEARTID) ABI_C(CLONE_CHILD_SETTID) ABI_C(CLONE_NEWNS) \
	ABI_C(CLONE_NEWUSER) ABI_C(CLONE_NEWPID) ABI_C(CLONE_NEWNET) ABI_C(CLONE_IO) \
	ABI_S(struct stat, struct stat) \
	ABI_F(struct stat, st_dev, struct stat, st_dev) \
	ABI_F(struct stat, st_ino, struct stat, st_ino) \
	ABI_F(struct stat, st_nlink, struct stat, st_nlink) \
	ABI_F(struct stat, st_mode, struct stat, st_mode) \
	ABI_F(struct stat, st_uid, struct stat, st_uid) \
	ABI_F(struct stat, st_gid, struct stat, st_gid) \
	ABI_F(struct stat, st_rdev, struct stat, st_rdev) \
	ABI_F(struct stat, st_size, struct stat, st_size) \
	ABI_F(struct stat, st_blksize, struct stat, st_blksize) \
	ABI_F(struct stat, st_blocks, struct stat, st_blocks) \
	ABI_F(struct stat, st_atime, struct stat, st_atim.tv_sec) \
	ABI_F(struct stat, st_atime_nsec, struct stat, st_atim.tv_nsec) \
	ABI_F(struct stat, st_mtime, struct stat, st_mtim.tv_sec) \
	ABI_F(struct stat, st_mtime_nsec, struct stat, st_mtim.tv_nsec) \
	ABI_F(struct stat, st_ctime, struct stat, st_ctim.tv_sec) \
	ABI_F(struct stat, st_ctime_nsec, struct stat, st_ctim.tv_nsec) \
	ABI_C(DT_UNKNOWN) ABI_C(DT_FIFO) ABI_C(DT_CHR) ABI_C(DT_DIR) ABI_C(DT_BLK) \
	ABI_C(DT_REG) ABI_C(DT_LNK) ABI_C(DT_SOCK) \
	ABI_F(struct linux_dirent64, d_ino, struct dirent64, d_ino) \
	ABI_F(struct linux_dirent64, d_off, struct dirent64, d_off) \
	ABI_F(struct linux_dirent64, d_reclen, struct dirent64, d_reclen) \
	ABI_F(struct linux_dirent64, d_type, struct dirent64, d_type) \
	ABI_F(struct linux_dirent64, d_name, struct dirent64, d_name) \
	ABI_S(struct utsname, struct utsname) \
	ABI_F(struct utsname, nodename, struct utsname, nodename) \
	ABI_F(struct utsname, release, struct utsname, release) \
	ABI_F(struct utsname, version, struct utsname, version) \
	ABI_F(struct utsname, machine, struct utsname, machine) \
	ABI_F(struct utsname, domainname, struct utsname, domainname) \
	ABI_S(struct timespec, struct timespec) \
	ABI_F(struct timespec, tv_nsec, struct timespec, tv_nsec) \
	ABI_S(struct timeval, struct timeval) \
	ABI_F(struct timeval, tv_usec, struct timeval, tv_usec) \
	ABI_S(struct timezone, struct timezone) \
	ABI_C(CLOCK_REALTIME) ABI_C(CLOCK_MONOTONIC) ABI_C(CLOCK_PROCESS_CPUTIME_ID) \
	ABI_C(CLOCK_THREAD_CPUTIME_ID) ABI_C(CLOCK_MONOTONIC_RAW) ABI_C(CLOCK_REALTIME_COARSE) \
	ABI_C(CLOCK_MONOTONIC_COARSE) ABI_C(CLOCK_BOOTTIME) ABI_C(CLOCK_REALTIME_ALARM) \
	ABI_C(CLOCK_BOOTTIME_ALARM) ABI_C(CLOCK_TAI) ABI_C(TIMER_ABSTIME) \
	ABI_S(struct winsize, struct winsize) \
	ABI_F(struct winsize, ws_col, struct winsize, ws_col) \
	ABI_F(struct winsize, ws_ypixel, struct winsize, ws_ypixel) \
	ABI_C(TCGETS) ABI_C(TCSETS) ABI_C(TCSETSW) ABI_C(TCSETSF) ABI_C(TIOCSCTTY) \
	ABI_C(TIOCGPGRP) ABI_C(TIOCSPGRP) ABI_C(TIOCGWINSZ) ABI_C(TIOCSWINSZ) \
	ABI_C(FIONREAD) ABI_C(FIONBIO) ABI_C(FIOCLEX) ABI_C(FIONCLEX) \
	ABI_S(struct rlimit, struct rlimit) \
	ABI_F(struct rlimit, rlim_max, struct rlimit, rlim_max) \
	ABI_C(RLIM_INFINITY) ABI_C(RLIMIT_CPU) ABI_C(RLIMIT_FSIZE) ABI_C(RLIMIT_DATA) \
	ABI_C(RLIMIT_STACK) ABI_C(RLIMIT_CORE) ABI_C(RLIMIT_RSS) ABI_C(RLIMIT_NPROC) \
	ABI_C(RLIMIT_NOFILE) ABI_C(RLIMIT_MEMLOCK) ABI_C(RLIMIT_AS) ABI_C(RLIMIT_LOCKS) \
	ABI_C(RLIMIT_SIGPENDING) ABI_C(RLIMIT_MSGQUEUE) ABI_C(RLIMIT_NICE) \
	ABI_C(RLIMIT_RTPRIO) ABI_C(RLIMIT_RTTIME) ABI_C(RLIM_NLIMITS) \
	ABI_C(SIGHUP) ABI_C(SIGINT) ABI_C(SIGQUIT) ABI_C(SIGILL) ABI_C(SIGTRAP) \
	ABI_C(SIGABRT) ABI_C(SIGBUS) ABI_C(SIGFPE) ABI_C(SIGKILL) ABI_C(SIGUSR1) \
	ABI_C(SIGSEGV) ABI_C(SIGUSR2) ABI_C(SIGPIPE) ABI_C(SIGALRM) ABI_C(SIGTERM) \
	ABI_C(SIGSTKFLT) ABI_C(SIGCHLD) ABI_C(SIGCONT) ABI_C(SIGSTOP) ABI_C(SIGTSTP) \
	ABI_C(SIGTTIN) ABI_C(SIGTTOU) ABI_C(SIGURG) ABI_C(SIGXCPU) ABI_C(SIGXFSZ) \
	ABI_C(SIGVTALRM) ABI_C(SIGPROF) ABI_C(SIGWINCH) ABI_C(SIGIO) ABI_C(SIGPWR) \
	ABI_C(SIGSYS) \
	ABI_C(SA_NOCLDSTOP) ABI_C(SA_NOCLDWAIT) ABI_C(SA_SIGINFO) ABI_C(SA_ONSTACK) \
	ABI_C(SA_RESTART) ABI_C(SA_NODEFER) ABI_C(SA_RESETHAND) \
	ABI_C(SIG_BLOCK) ABI_C(SIG_UNBLOCK) ABI_C(SIG_SETMASK) ABI_C(SS_ONSTACK) \
	ABI_C(SS_DISABLE) \
	ABI_S(stack_t, stack_t) \
	ABI_F(stack_t, ss_flags, stack_t, ss_flags) \
	ABI_F(stack_t, ss_size, stack_t, ss_size) \
	ABI_S(struct iovec, struct iovec) \
	ABI_F(struct iovec, iov_len, struct iovec, iov_len) \
	ABI_C(UIO_MAXIOV) \
	ABI_C(GRND_NONBLOCK) ABI_C(GRND_RANDOM) ABI_C(GRND_INSECURE) \
	ABI_C(EI_NIDENT) ABI_C(EI_CLASS) ABI_C(EI_DATA) ABI_C(EI_VERSION) \
	ABI_C(ELFCLASS64) ABI_C(ELFDATA2LSB) ABI_C(EV_CURRENT) ABI_C(ET_EXEC) ABI_C(ET_DYN) \
	ABI_C(EM_X86_64) ABI_C(PT_NULL) ABI_C(PT_LOAD) ABI_C(PT_DYNAMIC) ABI_C(PT_INTERP) \
	ABI_C(PT_NOTE) ABI_C(PT_PHDR) ABI_C(PT_TLS) ABI_C(PT_GNU_STACK) \
	ABI_C(PF_X) ABI_C(PF_W) ABI_C(PF_R) ABI_C(SELFMAG) \
	ABI_S(Elf64_Ehdr, Elf64_Ehdr) \
	ABI_F(Elf64_Ehdr, e_type, Elf64_Ehdr, e_type) \
	ABI_F(Elf64_Ehdr, e_machine, Elf64_Ehdr, e_machine) \
	ABI_F(Elf64_Ehdr, e_version, Elf64_Ehdr, e_version) \
	ABI_F(Elf64_Ehdr, e_entry, Elf64_Ehdr, e_entry) \
	ABI_F(Elf64_Ehdr, e_phoff, Elf64_Ehdr, e_phoff) \
	ABI_F(Elf64_Ehdr, e_shoff, Elf64_Ehdr, e_shoff) \
	ABI_F(Elf64_Ehdr, e_flags, Elf64_Ehdr, e_flags) \
	ABI_F(Elf64_Ehdr, e_ehsize, Elf64_Ehdr, e_ehsize) \
	ABI_F(Elf64_Ehdr, e_phentsize, Elf64_Ehdr, e_phentsize) \
	ABI_F(Elf64_Ehdr, e_phnum, Elf64_Ehdr, e_phnum) \
	ABI_F(Elf64_Ehdr, e_shentsize, Elf64_Ehdr, e_shentsize) \
	ABI_F(Elf64_Ehdr, e_shnum, Elf64_Ehdr, e_shnum) \
	ABI_F(Elf64_Ehdr, e_shstrndx, Elf64_Ehdr, e_shstrndx) \
	ABI_S(Elf64_Phdr, Elf64_Phdr) \
	ABI_F(Elf64_Phdr, p_flags, Elf64_Phdr, p_flags) \
	ABI_F(Elf64_Phdr, p_offset, Elf64_Phdr, p_offset) \
	ABI_F(Elf64_Phdr, p_vaddr, Elf64_Phdr, p_vaddr) \
	ABI_F(Elf64_Phdr, p_paddr, Elf64_Phdr, p_paddr) \
	ABI_F(Elf64_Phdr, p_filesz, Elf64_Phdr, p_filesz) \
	ABI_F(Elf64_Phdr, p_memsz, Elf64_Phdr, p_memsz) \
	ABI_F(Elf64_Phdr, p_align, Elf64_Phdr, p_align) \
	ABI_C(SI_USER) ABI_C(SI_KERNEL) ABI_C(SI_QUEUE) ABI_C(SI_TIMER) ABI_C(SI_TKILL) \
	ABI_C(SEGV_MAPERR) ABI_C(SEGV_ACCERR) ABI_C(BUS_ADRALN) ABI_C(BUS_ADRERR) \
	ABI_C(ILL_ILLOPN) ABI_C(FPE_INTDIV) ABI_C(FPE_FLTINV) ABI_C(TRAP_BRKPT) \
	ABI_C(TRAP_TRACE) ABI_C(CLD_EXITED) ABI_C(CLD_KILLED) ABI_C(CLD_DUMPED) \
	ABI_C(CLD_TRAPPED) ABI_C(CLD_STOPPED) ABI_C(CLD_CONTINUED) \
	ABI_S(ksiginfo_t, siginfo_t) \
	ABI_F(ksiginfo_t, si_errno, siginfo_t, si_errno) \
	ABI_F(ksiginfo_t, si_code, siginfo_t, si_code) \
	ABI_F(ksiginfo_t, u.kill.pid, siginfo_t, si_pid) \
	ABI_F(ksiginfo_t, u.kill.uid, siginfo_t, si_uid) \
	ABI_F(ksiginfo_t, u.kill.value, siginfo_t, si_value) \
	ABI_F(ksiginfo_t, u.chld.status, siginfo_t, si_status) \
	ABI_F(ksiginfo_t, u.chld.utime, siginfo_t, si_utime) \
	ABI_F(ksiginfo_t, u.chld.stime, siginfo_t, si_stime) \
	ABI_F(ksiginfo_t, u.fault.addr, siginfo_t, si_addr) \
	ABI_F(ksiginfo_t, u.timer.tid, siginfo_t, si_timerid) \
	ABI_F(ksiginfo_t, u.timer.overrun, siginfo_t, si_overrun) \
	ABI_F(struct ucontext, uc_flags, ucontext_t, uc_flags) \
	ABI_F(struct ucontext, uc_link, ucontext_t, uc_link) \
	ABI_F(struct ucontext, uc_stack, ucontext_t, uc_stack) \
	ABI_F(struct ucontext, uc_mcontext, ucontext_t, uc_mcontext) \
	ABI_F(struct ucontext, uc_mcontext.r8, ucontext_t, uc_mcontext.gregs[REG_R8]) \
	ABI_F(struct ucontext, uc_mcontext.r15, ucontext_t, uc_mcontext.gregs[REG_R15]) \
	ABI_F(struct ucontext, uc_mcontext.rdi, ucontext_t, uc_mcontext.gregs[REG_RDI]) \
	ABI_F(struct ucontext, uc_mcontext.rax, ucontext_t, uc_mcontext.gregs[REG_RAX]) \
	ABI_F(struct ucontext, uc_mcontext.rsp, ucontext_t, uc_mcontext.gregs[REG_RSP]) \
	ABI_F(struct ucontext, uc_mcontext.rip, ucontext_t, uc_mcontext.gregs[REG_RIP]) \
	ABI_F(struct ucontext, uc_mcontext.eflags, ucontext_t, uc_mcontext.gregs[REG_EFL]) \
	ABI_F(struct ucontext, uc_mcontext.cs, ucontext_t, uc_mcontext.gregs[REG_CSGSFS]) \
	ABI_F(struct ucontext, uc_mcontext.err, ucontext_t, uc_mcontext.gregs[REG_ERR]) \
	ABI_F(struct ucontext, uc_mcontext.trapno, ucontext_t, uc_mcontext.gregs[REG_TRAPNO]) \
	ABI_F(struct ucontext, uc_mcontext.oldmask, ucontext_t, uc_mcontext.gregs[REG_OLDMASK]) \
	ABI_F(struct ucontext, uc_mcontext.cr2, ucontext_t, uc_mcontext.gregs[REG_CR2]) \
	ABI_F(struct ucontext, uc_mcontext.fpstate, ucontext_t, uc_mcontext.fpregs) \
	ABI_F(struct ucontext, uc_sigmask, ucontext_t, uc_sigmask) \
	ABI_C(ITIMER_REAL) ABI_C(ITIMER_VIRTUAL) ABI_C(ITIMER_PROF) \
	ABI_S(struct itimerval, struct itimerval) \
	ABI_F(struct itimerval, it_value, struct itimerval, it_value) \
	ABI_C(EPOLL_CTL_ADD) ABI_C(EPOLL_CTL_DEL) ABI_C(EPOLL_CTL_MOD) ABI_C(EPOLL_CLOEXEC) \
	ABI_C(EPOLLIN) ABI_C(EPOLLPRI) ABI_C(EPOLLOUT) ABI_C(EPOLLERR) ABI_C(EPOLLHUP) \
	ABI_C(EPOLLRDNORM) ABI_C(EPOLLRDBAND) ABI_C(EPOLLWRNORM) ABI_C(EPOLLWRBAND) \
	ABI_C(EPOLLMSG) ABI_C(EPOLLRDHUP) ABI_C(EPOLLEXCLUSIVE) ABI_C(EPOLLWAKEUP) \
	ABI_C(EPOLLONESHOT) ABI_C(EPOLLET) \
	ABI_S(struct epoll_event, struct epoll_event) \
	ABI_F(struct epoll_event, data, struct epoll_event, data) \
	ABI_C(EFD_SEMAPHORE) ABI_C(EFD_NONBLOCK) ABI_C(EFD_CLOEXEC) \
	ABI_C(TFD_TIMER_ABSTIME) ABI_C(TFD_TIMER_CANCEL_ON_SET) ABI_C(TFD_NONBLOCK) \
	ABI_C(TFD_CLOEXEC) \
	ABI_S(struct itimerspec, struct itimerspec) \
	ABI_F(struct itimerspec, it_value, struct itimerspec, it_value) \
	ABI_C(SFD_NONBLOCK) ABI_C(SFD_CLOEXEC) \
	ABI_S(struct signalfd_siginfo, struct signalfd_siginfo) \
	ABI_F(struct signalfd_siginfo, ssi_pid, struct signalfd_siginfo, ssi_pid) \
	ABI_F(struct signalfd_siginfo, ssi_int, struct signalfd_siginfo, ssi_int) \
	ABI_F(struct signalfd_siginfo, ssi_ptr, struct signalfd_siginfo, ssi_ptr) \
	ABI_F(struct signalfd_siginfo, ssi_addr, struct signalfd_siginfo, ssi_addr) \
	ABI_F(struct signalfd_siginfo, ssi_addr_lsb, struct signalfd_siginfo, ssi_addr_lsb) \
	ABI_F(struct signalfd_siginfo, ssi_syscall, struct signalfd_siginfo, ssi_syscall) \
	ABI_F(struct signalfd_siginfo, ssi_call_addr, struct signalfd_siginfo, ssi_call_addr) \
	ABI_F(struct signalfd_siginfo, ssi_arch, struct signalfd_siginfo, ssi_arch) \
	ABI_C(LOCK_SH) ABI_C(LOCK_EX) ABI_C(LOCK_NB) ABI_C(LOCK_UN) \
	ABI_C(SCHED_OTHER) ABI_C(SCHED_FIFO) ABI_C(SCHED_RR) ABI_C(SCHED_BATCH) \
	ABI_C(SCHED_IDLE) ABI_C(SCHED_RESET_ON_FORK) \
	ABI_S(struct sched_param, struct sched_param) \
	ABI_C(PRIO_PROCESS) ABI_C(PRIO_PGRP) ABI_C(PRIO_USER) \
	ABI_C(PER_LINUX) ABI_C(ADDR_NO_RANDOMIZE)

/* Checked against the kernel's uapi headers (where glibc differs or says nothing). */
#define ABI_LIST_KERNEL \
	ABI_C(FUTEX_WAIT) ABI_C(FUTEX_WAKE) ABI_C(FUTEX_FD) ABI_C(FUTEX_REQUEUE) \
	ABI_C(FUTEX_CMP_REQUEUE) ABI_C(FUTEX_WAKE_OP) ABI_C(FUTEX_LOCK_PI) \
	ABI_C(FUTEX_UNLOCK_PI) ABI_C(FUTEX_TRYLOCK_PI) ABI_C(FUTEX_WAIT_BITSET) \
	ABI_C(FUTEX_WAKE_BITSET) ABI_C(FUTEX_PRIVATE_FLAG) ABI_C(FUTEX_CLOCK_REALTIME) \
	ABI_C(FUTEX_BITSET_MATCH_ANY) ABI_C(FUTEX_OP_SET) ABI_C(FUTEX_OP_ADD) \
	ABI_C(FUTEX_OP_OR) ABI_C(FUTEX_OP_ANDN) ABI_C(FUTEX_OP_XOR) \
	ABI_C(FUTEX_OP_OPARG_SHIFT) ABI_C(FUTEX_OP_CMP_EQ) ABI_C(FUTEX_OP_CMP_NE) \
	ABI_C(FUTEX_OP_CMP_LT) ABI_C(FUTEX_OP_CMP_LE) ABI_C(FUTEX_OP_CMP_GT) \
	ABI_C(FUTEX_OP_CMP_GE) ABI_C(FUTEX_WAITERS) ABI_C(FUTEX_OWNER_DIED) \
	ABI_C(FUTEX_TID_MASK) \
	ABI_C(MEMBARRIER_CMD_QUERY) ABI_C(MEMBARRIER_CMD_GLOBAL) \
	ABI_C(MEMBARRIER_CMD_GLOBAL_EXPEDITED) ABI_C(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED) \
	ABI_C(MEMBARRIER_CMD_PRIVATE_EXPEDITED) \
	ABI_C(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) \
	ABI_C(AT_NULL) ABI_C(AT_IGNORE) ABI_C(AT_EXECFD) ABI_C(AT_PHDR) ABI_C(AT_PHENT) \
	ABI_C(AT_PHNUM) ABI_C(AT_PAGESZ) ABI_C(AT_BASE) ABI_C(AT_FLAGS) ABI_C(AT_ENTRY) \
	ABI_C(AT_NOTELF) ABI_C(AT_UID) ABI_C(AT_EUID) ABI_C(AT_GID) ABI_C(AT_EGID) \
	ABI_C(AT_PLATFORM) ABI_C(AT_HWCAP) ABI_C(AT_CLKTCK) ABI_C(AT_SECURE) \
	ABI_C(AT_BASE_PLATFORM) ABI_C(AT_RANDOM) ABI_C(AT_HWCAP2) ABI_C(AT_EXECFN) \
	ABI_C(AT_SYSINFO_EHDR) ABI_C(AT_MINSIGSTKSZ) \
	ABI_S(struct termios, struct termios) \
	ABI_F(struct termios, c_oflag, struct termios, c_oflag) \
	ABI_F(struct termios, c_cflag, struct termios, c_cflag) \
	ABI_F(struct termios, c_lflag, struct termios, c_lflag) \
	ABI_F(struct termios, c_line, struct termios, c_line) \
	ABI_F(struct termios, c_cc, struct termios, c_cc) \
	ABI_C(VINTR) ABI_C(VQUIT) ABI_C(VERASE) ABI_C(VKILL) ABI_C(VEOF) ABI_C(VTIME) \
	ABI_C(VMIN) ABI_C(ICRNL) ABI_C(IXON) ABI_C(OPOST) ABI_C(ONLCR) ABI_C(B38400) \
	ABI_C(CS8) ABI_C(CREAD) ABI_C(ISIG) ABI_C(ICANON) ABI_C(ECHO) ABI_C(ECHOE) \
	ABI_C(ECHOK) ABI_C(IEXTEN) \
	ABI_S(struct sigaction, struct sigaction) \
	ABI_F(struct sigaction, sa_flags, struct sigaction, sa_flags) \
	ABI_F(struct sigaction, sa_restorer, struct sigaction, sa_restorer) \
	ABI_F(struct sigaction, sa_mask, struct sigaction, sa_mask) \
	ABI_C(SA_RESTORER) ABI_C(MINSIGSTKSZ) ABI_C(SIGSTKSZ) ABI_C(SIGRTMIN) \
	ABI_C(ARCH_SET_GS) ABI_C(ARCH_SET_FS) ABI_C(ARCH_GET_FS) ABI_C(ARCH_GET_GS) \
	ABI_C(ARCH_GET_CPUID) ABI_C(ARCH_SET_CPUID) \
	ABI_C(O_LARGEFILE) ABI_C(PR_SET_NAME) ABI_C(PR_GET_NAME) \
	ABI_S(struct sigcontext, struct sigcontext) \
	ABI_F(struct sigcontext, rip, struct sigcontext, rip) \
	ABI_F(struct sigcontext, eflags, struct sigcontext, eflags) \
	ABI_F(struct sigcontext, cs, struct sigcontext, cs) \
	ABI_F(struct sigcontext, ss, struct sigcontext, ss) \
	ABI_F(struct sigcontext, err, struct sigcontext, err) \
	ABI_F(struct sigcontext, oldmask, struct sigcontext, oldmask) \
	ABI_F(struct sigcontext, cr2, struct sigcontext, cr2) \
	ABI_F(struct sigcontext, fpstate, struct sigcontext, fpstate) \
	ABI_F(struct sigcontext, reserved1, struct sigcontext, reserved1) \
	ABI_S(struct ucontext, struct ucontext) \
	ABI_F(struct ucontext, uc_stack, struct ucontext, uc_stack) \
	ABI_F(struct ucontext, uc_mcontext, struct ucontext, uc_mcontext) \
	ABI_F(struct ucontext, uc_sigmask, struct ucontext, uc_sigmask) \
	ABI_C(UC_FP_XSTATE) ABI_C(UC_SIGCONTEXT_SS) ABI_C(UC_STRICT_RESTORE_SS) \
	ABI_C(FP_XSTATE_MAGIC1) ABI_C(FP_XSTATE_MAGIC2) ABI_C(SS_AUTODISARM)
