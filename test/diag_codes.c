/*
 * diag_codes: prints diag's table of codes, one a line with its severity, for
 * test/help-vs-man.sh; fails when a code has no name or shares another's.
 */
#include <stdio.h>
#include <string.h>

#include "lianhu/diag.h"

int main(void)
{
	static const char *const severities[] = {
		[DIAG_WARNING] = "warning", [DIAG_ERROR] = "error", [DIAG_FINDING] = "finding"
	};
	int status = 0;

	for (int c = 0; c < DIAG_CODES; c++) {
		const char *name = diag_name((enum diag_code)c);

		if (name == NULL || *name == '\0') {
			fprintf(stderr, "diag_codes: code %d has no name\n", c);
			return 1;
		}
		for (int d = 0; d < c; d++)
			if (strcmp(name, diag_name((enum diag_code)d)) == 0) {
				fprintf(stderr, "diag_codes: codes %d and %d are both '%s'\n", d, c, name);
				status = 1;
			}
		printf("%s %s\n", name, severities[diag_code_severity((enum diag_code)c)]);
	}
	return fflush(stdout) != 0 || ferror(stdout) ? 1 : status;
}
