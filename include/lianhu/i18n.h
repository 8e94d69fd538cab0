/* i18n: the language of messages, summaries and labels (GNU gettext, domain "lianhu"). */
#ifndef LIANHU_I18N_H
#define LIANHU_I18N_H

#include <libintl.h>
#include <stdbool.h>

/* Text for people: _() translates now, N_() marks a string of a static table for _() later. */
#define _(msgid) gettext(msgid)
#define N_(msgid) msgid

/*
 * Chooses the language before anything is printed: --lang zh|en anywhere in
 * argv, else Chinese when LC_ALL, LC_MESSAGES or LANG (the first one set)
 * starts with "zh", else English; and binds the catalog (LIANHU_LOCALEDIR,
 * else the one installed under PREFIX, else one beside the program).
 */
void i18n_init(char **argv);

/*
 * When args[0] is --lang (or a prefix such as --la) returns how many
 * arguments it takes (1 for --lang=X, 2 for --lang X) and sets *value; else 0.
 */
int i18n_lang_option(char **args, const char **value);

/* True for the values --lang takes: "zh" and "en". */
bool i18n_lang_valid(const char *value);

#endif
