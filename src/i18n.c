/* i18n: chooses the language (--lang, else the locale) and binds the message catalog. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lianhu/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "lianhu"
#define CATALOG "/zh_CN/LC_MESSAGES/" DOMAIN ".mo"

int i18n_lang_option(char **args, const char **value)
{
	const char *a = args[0], *eq;
	size_t len;

	if (strncmp(a, "--", 2) != 0)
		return 0;
	a += 2;
	eq = strchr(a, '=');
	len = eq ? (size_t)(eq - a) : strlen(a);
	/* getopt_long takes any unique prefix, and no other option starts with "l". */
	if (len == 0 || len > 4 || strncmp(a, "lang", len) != 0)
		return 0;
	if (eq) {
		*value = eq + 1;
		return 1;
	}
	if (args[1] == NULL)
		return 0;
	*value = args[1];
	return 2;
}

bool i18n_lang_valid(const char *value)
{
	return strcmp(value, "zh") == 0 || strcmp(value, "en") == 0;
}

/* The language --lang names on the command line (the last one, as getopt keeps it), or NULL. */
static const char *lang_on_command_line(char **argv)
{
	const char *lang = NULL, *value;
	int n;

	for (int i = 1; argv[i] != NULL; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if ((n = i18n_lang_option(argv + i, &value)) > 0) {
			lang = value;
			i += n - 1;
		}
	}
	return lang && i18n_lang_valid(lang) ? lang : NULL;
}

/* True when the locale's messages are Chinese: the first of LC_ALL, LC_MESSAGES, LANG set says so. */
static bool chinese_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strncmp(v, "zh", 2) == 0;
	}
	return false;
}

static bool has_catalog(const char *dir)
{
	char path[PATH_MAX];

	return (size_t)snprintf(path, sizeof(path), "%s%s", dir, CATALOG) < sizeof(path) &&
	    access(path, R_OK) == 0;
}

/*
 * Puts into buf (of size n) the folder that holds the catalog: LIANHU_LOCALEDIR;
 * else LOCALEDIR, the one `make install` fills; else, from the program's own
 * folder, ../share/locale (an installed tree that was moved, or DESTDIR) or
 * build/locale (the source tree after `make`). LOCALEDIR when none has it.
 */
static const char *catalog_dir(char *buf, size_t n)
{
	static const char *const beside[] = { "/../share/locale", "/build/locale" };
	const char *env = getenv("LIANHU_LOCALEDIR");
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;

	if (env != NULL && *env != '\0')
		return env;
	if (has_catalog(LOCALEDIR))
		return LOCALEDIR;
	if ((len = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return LOCALEDIR;
	exe[len] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return LOCALEDIR;
	*slash = '\0';
	for (size_t i = 0; i < sizeof(beside) / sizeof(beside[0]); i++)
		if ((size_t)snprintf(buf, n, "%s%s", exe, beside[i]) < n && has_catalog(buf))
			return buf;
	return LOCALEDIR;
}

void i18n_init(char **argv)
{
	const char *lang = lang_on_command_line(argv);
	bool zh = lang ? strcmp(lang, "zh") == 0 : chinese_locale();
	char buf[PATH_MAX];

	/*
	 * Numbers, collation and the rest stay in the C locale whatever the user's
	 * (a report prints 87.5, never 87,5); LC_CTYPE becomes C.UTF-8, which
	 * classes bytes as C does but lets the C library's own messages (strerror)
	 * come out in UTF-8 rather than as "???". Chinese does not need a zh_CN
	 * locale (seldom generated on a fresh Debian): glibc reads LANGUAGE whenever
	 * LC_MESSAGES is not exactly "C", so C.UTF-8 plus LANGUAGE=zh_CN finds the
	 * zh_CN catalog. English sets LC_MESSAGES to "C", where glibc ignores
	 * LANGUAGE, so no catalog is ever used.
	 */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.utf8");
	if (zh && (setlocale(LC_MESSAGES, "C.UTF-8") != NULL ||
	    setlocale(LC_MESSAGES, "C.utf8") != NULL ||
	    setlocale(LC_MESSAGES, "zh_CN.UTF-8") != NULL)) {
		setenv("LANGUAGE", "zh_CN", 1);
	} else {
		setlocale(LC_MESSAGES, "C");
		unsetenv("LANGUAGE");
	}
	bindtextdomain(DOMAIN, catalog_dir(buf, sizeof(buf)));
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}
