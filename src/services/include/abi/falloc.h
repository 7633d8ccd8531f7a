/* abi/falloc.h: the mode bits of fallocate. */
#ifndef ABI_FALLOC_H
#define ABI_FALLOC_H

#define FALLOC_FL_KEEP_SIZE      0x01
#define FALLOC_FL_PUNCH_HOLE     0x02
#define FALLOC_FL_COLLAPSE_RANGE 0x08
#define FALLOC_FL_ZERO_RANGE     0x10
#define FALLOC_FL_INSERT_RANGE   0x20
#define FALLOC_FL_UNSHARE_RANGE  0x40
#define FALLOC_FL_WRITE_ZEROES   0x80

/* Every bit Linux knows, and those that choose the operation (all but KEEP_SIZE). */
#define FALLOC_FL_SUPPORTED_MASK 0xfb
#define FALLOC_FL_MODE_MASK      0xfa

#endif
