/* mm/mm.h: a process's memory areas (the Linux VMAs) over its vmspace, and demand paging. */
#ifndef SERVICES_MM_MM_H
#define SERVICES_MM_MM_H

#include <ostd/types.h>

struct file;
struct inode;
struct vmspace;

/* What an area is for; only the stack and heap are treated specially. */
#define AREA_ANON   0x1u
#define AREA_IMAGE  0x2u   /* a segment of the executable */
#define AREA_HEAP   0x4u
#define AREA_STACK  0x8u
#define AREA_SHARED 0x10u  /* MAP_SHARED: fork shares the pages instead of copying them */
#define AREA_GROWSDOWN 0x20u  /* MAP_GROWSDOWN: a fault just below extends it downwards */
#define AREA_VDSO   0x80u  /* the vDSO exec maps ([vdso] in /proc/PID/maps) */

/* [start, end) page aligned; prot holds PROT_* bits. Kept sorted, never overlapping.
 * A file mapping holds a reference on its file; off is the file offset of start. */
struct mm_area {
	uaddr_t start, end;
	unsigned int prot;
	unsigned int flags;
	struct file *file;
	uint64_t off;
	struct mm_area *next;
};

#define MM_STACK_SIZE   (8ull << 20)
#define MM_HEAP_MAX     (1ull << 30)   /* how far brk may grow past its start */

struct mm {
	int refs;                  /* processes using it (vfork and CLONE_VM share one) */
	struct vmspace *vs;
	struct mm_area *areas;
	uaddr_t brk_start, brk;    /* the heap area is [brk_start, ALIGN_UP(brk)) */
	uaddr_t stack_top;         /* one past the stack's highest byte */
	uaddr_t mmap_top;          /* top-down placement starts below this */
	uaddr_t arg_start, arg_end;  /* the argument strings exec put on the stack */
	uaddr_t env_start, env_end;  /* and the environment strings */
};

/* A new mm with its own empty vmspace and the stack area; NULL when out of memory. */
struct mm *mm_create(void);
void mm_get(struct mm *mm);
/* Drops a reference; the last one frees the areas and destroys the vmspace. */
void mm_put(struct mm *mm);
/* fork: a new mm with src's areas, break and layout, whose pages share src's frames
 * copy-on-write (AREA_SHARED areas share them writable). NULL when out of memory. */
struct mm *mm_fork(struct mm *src);
/* Right after mm_fork: gives the child its own copy of va's page now, and the parent its
 * write access back, when the page is private, writable and shared by this fork alone.
 * For the forking thread's stack top, which both sides write at once: each such
 * copy-on-write fault is an engine round trip, far dearer than the copy. */
void mm_fork_unshare(struct mm *child, struct mm *parent, uaddr_t va);

/* Sets up an empty mm over vs and makes mm_fault_touch vs's fault handler. The stack area
 * (MM_STACK_SIZE below stack_top) and the mmap region are placed from vmspace_user_end(). */
int mm_init(struct mm *mm, struct vmspace *vs);
/* Forgets every area (the vmspace itself is the caller's to destroy). */
void mm_release(struct mm *mm);

/* The area holding addr, or NULL. */
struct mm_area *mm_area_find(const struct mm *mm, uaddr_t addr);
/* True when some area meets [start, end). */
bool mm_range_is_used(const struct mm *mm, uaddr_t start, uaddr_t end);
/* Adds an area over [start, end) (page aligned); -EEXIST if it meets another, -ENOMEM. */
int mm_area_insert(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot,
		   unsigned int flags);
/* The same for a mapping of file (a new reference is taken) from offset off. */
int mm_area_insert_file(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot,
			unsigned int flags, struct file *file, uint64_t off);
/* True when areas cover every byte of [start, end). */
bool mm_range_is_covered(const struct mm *mm, uaddr_t start, uaddr_t end);
/* Frees one area record, dropping its file reference. */
void mm_area_free(struct mm_area *a);
/* Removes [start, end) from the areas, splitting those that straddle its ends, and unmaps it.
 * Only -ENOMEM (a split needs memory); nothing changed then. */
int mm_area_remove(struct mm *mm, uaddr_t start, uaddr_t end);
/* Changes the protection of [start, end), splitting areas; -ENOMEM when part of the range
 * is not in an area (as Linux's mprotect), nothing changed then. */
int mm_area_protect(struct mm *mm, uaddr_t start, uaddr_t end, unsigned int prot);
/* A free, page-aligned range of len bytes: hint when it is free and in range, else the
 * highest free one below mm->mmap_top. 0 when there is none. */
uaddr_t mm_find_free(const struct mm *mm, size_t len, uaddr_t hint);

/* Demand paging: maps a zeroed frame at va when va lies in an area whose protection allows
 * access (VM_READ or VM_WRITE, VM_EXEC), and breaks copy-on-write sharing on a write to a
 * page fork left read-only; file areas map the file's cached page. -ENOMEM when RAM (or
 * page-table memory) ran out, -EIO for a file page past the file's end (SIGBUS), -EFAULT
 * otherwise. */
int mm_fault(struct mm *mm, uaddr_t va, unsigned int access);
/* mm_fault for the program's own touch (its page fault, or a syscall writing its buffer):
 * a first touch that follows the page below also maps the next absent anonymous pages
 * (sequential fault-ahead, see fault.c). mlock and the debugger use mm_fault: exactly the
 * pages asked for. */
int mm_fault_touch(struct mm *mm, uaddr_t va, unsigned int access);

/* Pages of a file area: maps the page at page (not mapped yet) for access; -EIO past the
 * file's end (SIGBUS), -ENOMEM. */
int mm_fault_file(struct mm *mm, const struct mm_area *a, uaddr_t page, unsigned int access);
/* A MAP_GROWSDOWN area just above va that may grow down to it: grows it and returns it,
 * else NULL. */
struct mm_area *mm_grow_down(struct mm *mm, uaddr_t va);

/* VM_* bits for PROT_* bits. */
unsigned int mm_prot_to_vm(unsigned int prot);

/* The syscalls' workers, on an explicit mm (the sys_* wrappers use the current process). */
long mm_brk(struct mm *mm, uaddr_t addr);
long mm_mmap(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot, unsigned long flags,
	     int fd, uint64_t off);
long mm_munmap(struct mm *mm, uaddr_t addr, size_t len);
long mm_mprotect(struct mm *mm, uaddr_t addr, size_t len, unsigned long prot);
long mm_mremap(struct mm *mm, uaddr_t old, size_t old_len, size_t new_len,
	       unsigned long flags, uaddr_t new_addr);
long mm_madvise(struct mm *mm, uaddr_t addr, size_t len, int advice);
long mm_msync(struct mm *mm, uaddr_t addr, size_t len, int flags);
long mm_mincore(struct mm *mm, uaddr_t addr, size_t len, unsigned char __user *vec);
long mm_mlock(struct mm *mm, uaddr_t addr, size_t len, unsigned int flags);
/* A file mapping: checks file against prot and the mapping type, then adds the area at
 * place (already chosen and cleared). -EACCES, -ENODEV, -EINVAL, -ENOMEM. */
long mm_mmap_file(struct mm *mm, uaddr_t place, size_t len, unsigned long prot,
		  unsigned long flags, struct file *file, uint64_t off);
/* Checks a file for mapping with prot and flags: 0, -EACCES, -ENODEV. */
int mm_mmap_check_file(const struct file *file, unsigned long prot, unsigned long flags);
/* An anonymous file for MAP_SHARED|MAP_ANONYMOUS and memfd_create: an unlinked ramfs
 * file of size bytes, opened read-write, shown as path in /proc maps. NULL when out of
 * memory. */
struct file *mm_anon_file_create(const char *path, uint64_t size);
/* A mapped file shrank to size bytes: unmaps its pages past the end from every process. */
void mm_file_truncated(const struct inode *i, uint64_t size);
/* len rounded up to pages; 0 when it is 0 or larger than the user range. */
size_t mm_len_to_pages(size_t len);
/* True when [addr, addr + len) lies inside the user range. */
bool mm_range_is_user(uaddr_t addr, size_t len);

long sys_brk(unsigned long addr);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long addr, size_t len, unsigned long prot);
long sys_madvise(unsigned long addr, size_t len, int advice);
long sys_mremap(unsigned long old, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_msync(unsigned long addr, size_t len, int flags);
long sys_mincore(unsigned long addr, size_t len, unsigned char __user *vec);
long sys_mlock(unsigned long addr, size_t len);
long sys_munlock(unsigned long addr, size_t len);
long sys_mlock2(unsigned long addr, size_t len, unsigned int flags);
long sys_mlockall(int flags);
long sys_munlockall(void);
long sys_memfd_create(const char __user *name, unsigned int flags);

#endif
