/* old_hash: the string map's hash before it was keyed (FNV-1a, then murmur3's finaliser), public and so
 * attackable: what check_util and the bench's colliding_ids craft colliding IDs against. */
#ifndef LIANHU_TEST_OLD_HASH_H
#define LIANHU_TEST_OLD_HASH_H

#include <stdint.h>

static inline uint64_t old_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

#endif
