/* initramfs.S: the default guest root (built by tools/mkinitramfs), embedded in keel. */
	.section .rodata.keel_initramfs, "a"
	.balign 16
	.globl keel_initramfs_start
keel_initramfs_start:
	.incbin "initramfs.cpio"
	.globl keel_initramfs_end
keel_initramfs_end:
	.section .note.GNU-stack, "", @progbits
