/* stub_blob.S: the stub binary (built from src/hal-kvm/stub/) embedded in the engine.
 * The binary is in the build tree; -Wa,-I$(top_builddir) lets .incbin find it. */
	.section .rodata.keel_stub_image, "a"
	.balign 16
	.globl keel_stub_image_start
keel_stub_image_start:
	.incbin "src/hal-kvm/stub/keel-stub"
	.globl keel_stub_image_end
keel_stub_image_end:
	.section .note.GNU-stack, "", @progbits
