/*
 * cards: what a member's contact card (联系卡) says — its title, header
 * fields, household marks and table headings — which render_lists.c
 * (Markdown, and the CSV and xlsx lists) and cards_html.c write.
 */
#ifndef LIANHU_CARDS_H
#define LIANHU_CARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lianhu/render.h"
#include "lianhu/roster.h"

#define CARD_FIELD_MAX 512	/* room for a masked name or phone */

/* Buffers for the masked fields of one row. */
struct card_masked {
	char member_name[CARD_FIELD_MAX], member_phone[CARD_FIELD_MAX], head[CARD_FIELD_MAX],
	    phone[CARD_FIELD_MAX];
};

/* One line of a card's header: a label and its value. */
struct card_field {
	const char *label;	/* translated */
	char *value;		/* owned */
};

#define CARD_FIELDS_MAX 8

/* The headings (marked with N_) of a card's household table, after its "#". */
#define CARD_HOUSEHOLD_HEADS 7
extern const char *const card_household_heads[CARD_HOUSEHOLD_HEADS];

/* The headings (marked with N_) of the blank visit record: date, household (its #), way, what was said, need, signature. */
#define CARD_VISIT_HEADS 6
extern const char *const card_visit_heads[CARD_VISIT_HEADS];

/* Building b's name (its ID when it has none), as a walker reads it. */
const char *card_building_label(const struct building *b);

/*
 * The buildings member m is responsible for (SPEC 5.6), joined with "、": their
 * IDs, or as a walker reads them (name, else ID). The caller frees the text.
 */
char *card_responsible_buildings(const struct render_input *in, int m, bool ids);

/* The card's title: --title, else the member's township and community before "contact card"; the caller frees it. */
char *card_title(const struct render_input *in, const struct member *m);

/*
 * The header fields of member i's card (i indexes in->l), in the order printed:
 * who, phone, branch, Party group, grid, households, the buildings it is
 * responsible for (the Party group and the buildings of SPEC 5.6 only when
 * it has them). Fills f (CARD_FIELDS_MAX); returns how many; release with
 * card_fields_release.
 */
size_t card_fields(const struct render_input *in, size_t i, struct card_field *f);

/* Frees the values of n fields. */
void card_fields_release(struct card_field *f, size_t n);

/* Household h's k-th mark: 商户 for a shop, then its priority tag; NULL past the last. */
const char *card_household_mark(const struct household *h, size_t k);

/* Writes the contact cards as one HTML page, an A4 page a member, to print. */
void cards_write_html(FILE *fp, const struct render_input *in);

#endif
