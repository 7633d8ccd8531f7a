/* system/random.c: getrandom. */
#include <ostd/boot.h>
#include <ostd/errno.h>
#include <ostd/user_copy.h>
#include <abi/random.h>
#include <system/system.h>

#define RANDOM_CHUNK 256
/* Linux returns at most this much per call (and never blocks once seeded). */
#define RANDOM_MAX   (32u << 20)

long random_copy_to_user(void __user *ubuf, size_t count)
{
	uint8_t chunk[RANDOM_CHUNK];
	uint8_t __user *at = ubuf;
	size_t done = 0;

	while (done < count) {
		size_t k = MIN(count - done, sizeof(chunk));

		ostd_random_bytes(chunk, k);
		/* Advance only past bytes copied: ubuf may be NULL, and NULL + 0 is already
		 * undefined behaviour in C (the fuzzer's UBSan reports it). */
		if (copy_to_user(at, chunk, k))
			return done ? (long)done : -EFAULT;
		at += k;
		done += k;
	}
	return (long)done;
}

long sys_getrandom(void __user *ubuf, size_t count, unsigned int flags)
{
	if (flags & ~(unsigned int)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE))
		return -EINVAL;
	return random_copy_to_user(ubuf, MIN(count, (size_t)RANDOM_MAX));
}
