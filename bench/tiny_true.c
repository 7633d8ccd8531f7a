/* tiny_true: the smallest static program that exits 0: no libc, one page of code, so the
 * exec benchmark measures the kernel's exec and not libc start-up. */
void _start(void)
{
	__asm__ volatile("mov $60, %eax\n\txor %edi, %edi\n\tsyscall");
	__builtin_unreachable();
}
