/* fpu_state: floating-point and SSE registers survive syscalls made in the middle of use. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	volatile double acc = 1.0;
	double x = 1.0;

	for (int i = 1; i <= 20; i++) {
		x = x * 1.5 + acc / i;
		getppid();   /* a trap to the kernel between uses of the same registers */
		acc += x / 3.0;
	}
	printf("x=%.6f acc=%.6f\n", x, acc);
	return 0;
}
