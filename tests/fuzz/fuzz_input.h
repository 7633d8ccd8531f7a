/* fuzz_input.h: reading a fuzz input as a little-endian byte stream that never runs out:
 * past its end every read gives zero, so any input decodes to something. */
#ifndef TESTS_FUZZ_FUZZ_INPUT_H
#define TESTS_FUZZ_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct fuzz_input {
	const uint8_t *data;
	size_t size, pos;
};

static inline bool fuzz_input_is_done(const struct fuzz_input *in)
{
	return in->pos >= in->size;
}

static inline uint8_t fuzz_input_u8(struct fuzz_input *in)
{
	return in->pos < in->size ? in->data[in->pos++] : 0;
}

static inline uint16_t fuzz_input_u16(struct fuzz_input *in)
{
	uint16_t lo = fuzz_input_u8(in);

	return (uint16_t)(lo | (uint16_t)fuzz_input_u8(in) << 8);
}

static inline uint64_t fuzz_input_u64(struct fuzz_input *in)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v |= (uint64_t)fuzz_input_u8(in) << (8 * i);
	return v;
}

/* Up to max bytes of the input, as many as are left: how many, and where they start. */
static inline size_t fuzz_input_take(struct fuzz_input *in, size_t max, const uint8_t **p)
{
	size_t n = in->size - (in->pos < in->size ? in->pos : in->size);

	if (n > max)
		n = max;
	*p = in->data + (in->pos < in->size ? in->pos : in->size);
	in->pos += n;
	return n;
}

#endif
