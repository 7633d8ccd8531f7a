/* stub_image.h: the embedded stub binary, and the sealed memfd it is exec'd from. */
#ifndef HAL_KVM_SECCOMP_STUB_IMAGE_H
#define HAL_KVM_SECCOMP_STUB_IMAGE_H

/* Returns an O_RDONLY, close-on-exec descriptor of a sealed memfd holding the stub, or a
 * negative errno. */
int stub_image_open(void);

#endif
