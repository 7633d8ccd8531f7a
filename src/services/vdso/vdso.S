/* vdso.S: the vDSO's code: guest code, built as a tiny shared object (see local.mk), never
 * part of the services. Each function makes the real syscall: simple, correct on every
 * engine and HAL, and no kernel data page to keep in step. The Linux x86-64 ABI passes
 * the first three arguments in the registers the syscall takes them in, and syscall
 * clobbers only rcx and r11, which callers do not expect to keep. */
#define VDSO_SYSCALL(name, nr)		\
	.globl __vdso_##name;		\
	.type __vdso_##name, @function;	\
__vdso_##name:				\
	.cfi_startproc;			\
	mov $nr, %eax;			\
	syscall;			\
	ret;				\
	.cfi_endproc;			\
	.size __vdso_##name, . - __vdso_##name; \
	.weak name;			\
	.set name, __vdso_##name

	.text
VDSO_SYSCALL(clock_gettime, 228)
VDSO_SYSCALL(clock_getres, 229)
VDSO_SYSCALL(gettimeofday, 96)
VDSO_SYSCALL(time, 201)
VDSO_SYSCALL(getcpu, 309)

	.section .note.GNU-stack, "", @progbits
