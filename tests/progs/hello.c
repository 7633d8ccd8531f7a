/* hello: the smallest program that must behave the same on Keel as on Linux. */
#include <stdio.h>

int main(void)
{
	printf("hello, keel\n");
	return 0;
}
