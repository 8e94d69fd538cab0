/*
 * colliding_ids: a households.csv of N IDs whose hashes under the string
 * map's old unkeyed hash (FNV-1a, murmur3's finaliser) share their low BITS
 * bits: the hash-flooding shape of issue 10, for bench.sh to time against
 * ordinary IDs. usage: colliding_ids N BITS BUILDING_ID
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../unit/old_hash.h"

int main(int argc, char **argv)
{
	char id[] = "H000000000";
	long n, found = 0;
	uint64_t mask;

	if (argc != 4)
		return fprintf(stderr, "usage: colliding_ids N BITS BUILDING_ID\n"), 2;
	n = atol(argv[1]);
	mask = (1ull << atoi(argv[2])) - 1;
	printf("household_id,building_id\n");
	while (found < n) {
		for (int d = 9; d > 0 && ++id[d] > '9'; d--)
			id[d] = '0';
		if ((old_hash(id) & mask) == 0) {
			printf("%s,%s\n", id, argv[3]);
			found++;
		}
	}
	return 0;
}
