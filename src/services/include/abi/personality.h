/* abi/personality.h: personality(2)'s execution domains and flags. */
#ifndef ABI_PERSONALITY_H
#define ABI_PERSONALITY_H

#define PER_LINUX          0x0000
#define ADDR_NO_RANDOMIZE  0x0040000
#define PER_QUERY          0xffffffffu    /* personality(0xffffffff): read, change nothing */

#endif
