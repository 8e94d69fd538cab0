/* diag_codes: prints diag's table of codes, one a line with its severity, for test/help-vs-man.sh. */
#include <stdio.h>

#include "lianhu/diag.h"

int main(void)
{
	static const char *const severities[] = {
		[DIAG_WARNING] = "warning", [DIAG_ERROR] = "error", [DIAG_FINDING] = "finding"
	};

	for (int c = 0; c < DIAG_CODES; c++)
		printf("%s %s\n", diag_name((enum diag_code)c),
		    severities[diag_code_severity((enum diag_code)c)]);
	return fflush(stdout) != 0 || ferror(stdout);
}
