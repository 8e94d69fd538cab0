/* privacy: --mask, for lists and reports that leave the office: 138****1234, 王*, 欧阳**. */
#ifndef LIANHU_PRIVACY_H
#define LIANHU_PRIVACY_H

#include <stddef.h>

/* Masks a phone number into out (size n): the first 3 and last 4 characters stay when there are 8 or more, else the last 2. */
const char *mask_phone(const char *phone, char *out, size_t n);

/* Masks a person's name into out (size n): the surname stays (two characters for 欧阳, 司马 ...), each other character becomes '*'. */
const char *mask_name(const char *name, char *out, size_t n);

/*
 * s with every phone-like run masked as mask_phone masks a phone (a mobile,
 * 1[3-9] and 9 digits, or a landline with its area code, separators allowed);
 * NULL when it holds none. The caller frees the copy.
 */
char *mask_phones_in(const char *s);

struct roster;

/*
 * --mask: masks the phone numbers written into free-text columns (building
 * names, units, rooms, heads, tags, member names, branches, groups).
 */
void mask_roster_text(struct roster *r);

/*
 * diff --mask: masks in place the names and phones of members and household
 * heads, for a command whose roster only names people (every format then
 * shows them masked).
 */
void mask_roster_people(struct roster *r);

#endif
