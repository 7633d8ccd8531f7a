/* abi/termios.h: the kernel's struct termios (36 bytes, not glibc's), winsize, tty ioctls. */
#ifndef ABI_TERMIOS_H
#define ABI_TERMIOS_H

#include <stdint.h>

#define KERNEL_NCCS 19

struct termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t  c_line;
	uint8_t  c_cc[KERNEL_NCCS];
};

struct winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};

#define TCGETS      0x5401
#define TCSETS      0x5402
#define TCSETSW     0x5403
#define TCSETSF     0x5404
#define TIOCSCTTY   0x540E
#define TIOCGPGRP   0x540F
#define TIOCSPGRP   0x5410
#define TIOCGWINSZ  0x5413
#define TIOCSWINSZ  0x5414
#define FIONREAD    0x541B
#define FIONBIO     0x5421
#define FIOCLEX     0x5451
#define FIONCLEX    0x5450

/* c_cc indices and the flag bits of a freshly opened terminal. */
#define VINTR  0
#define VQUIT  1
#define VERASE 2
#define VKILL  3
#define VEOF   4
#define VTIME  5
#define VMIN   6
#define ICRNL  0000400
#define IXON   0002000
#define OPOST  0000001
#define ONLCR  0000004
#define B38400 0000017
#define CS8    0000060
#define CREAD  0000200
#define ISIG   0000001
#define ICANON 0000002
#define ECHO   0000010
#define ECHOE  0000020
#define ECHOK  0000040
#define IEXTEN 0100000

#endif
