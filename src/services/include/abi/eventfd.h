/* abi/eventfd.h: eventfd2's flags. */
#ifndef ABI_EVENTFD_H
#define ABI_EVENTFD_H

#define EFD_SEMAPHORE 1
#define EFD_NONBLOCK  04000       /* O_NONBLOCK */
#define EFD_CLOEXEC   02000000    /* O_CLOEXEC */

#endif
