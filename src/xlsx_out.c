/* xlsx_out: workbooks through libxlsxwriter: frozen header rows, autofilters, IDs stored as text. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "lianhu/i18n.h"
#include "lianhu/xlsx_out.h"
#include "lianhu/util.h"

struct xlsx_book {
	char *label;			/* the file as the user named it */
	lxw_workbook *wb;
	lxw_worksheet *ws;			/* the current sheet */
	lxw_format *header, *kinds[XLSX_DECIMAL + 1];
	lxw_error error;			/* the first failed write */
	char *where;				/* and its sheet */
};

/*
 * libxlsxwriter prints its own "[ERROR]" lines on stderr, with no way to turn
 * them off: stderr goes to /dev/null around the calls that may fail, and
 * lianhu says what went wrong in its own words. Returns the saved stderr.
 */
static int mute_stderr(void)
{
	int saved, null;

	fflush(stderr);
	if ((saved = fcntl(2, F_DUPFD_CLOEXEC, 3)) < 0)
		return -1;
	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) >= 0) {
		dup2(null, 2);
		close(null);
	}
	return saved;
}

static void unmute_stderr(int saved)
{
	if (saved < 0)
		return;
	dup2(saved, 2);
	close(saved);
}

struct xlsx_book *xlsx_open(const char *path, const char *label)
{
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE };
	struct xlsx_book *b = xcalloc(1, sizeof(*b));
	static const char *const num_formats[] = { "@", "0", "0.0%", "0.0" };

	if ((b->wb = workbook_new_opt(path, &opts)) == NULL) {
		fprintf(stderr, _("lianhu: cannot write '%s': cannot start the workbook\n"), label);
		free(b);
		return NULL;
	}
	b->label = xstrdup(label);
	b->header = workbook_add_format(b->wb);
	format_set_bold(b->header);
	format_set_bottom(b->header, LXW_BORDER_THIN);
	format_set_bg_color(b->header, 0xE8E8E8);
	for (int k = XLSX_TEXT; k <= XLSX_DECIMAL; k++) {
		b->kinds[k] = workbook_add_format(b->wb);
		format_set_num_format(b->kinds[k], num_formats[k]);
	}
	return b;
}

static void note(struct xlsx_book *b, lxw_error e)
{
	if (e == LXW_NO_ERROR || b->error != LXW_NO_ERROR)
		return;
	b->error = e;
	b->where = xstrdup(b->ws ? b->ws->name : "");
}

void xlsx_sheet(struct xlsx_book *b, const char *name, const struct xlsx_col *cols, size_t ncols,
    size_t nrows)
{
	int saved = mute_stderr();	/* a sheet's temporary file may fail */

	b->ws = workbook_add_worksheet(b->wb, name);
	unmute_stderr(saved);
	if (b->ws == NULL) {
		note(b, LXW_ERROR_PARAMETER_VALIDATION);
		return;
	}
	for (size_t c = 0; c < ncols; c++)
		note(b, worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width,
		    b->kinds[cols[c].kind]));
	for (size_t c = 0; c < ncols; c++)
		note(b, worksheet_write_string(b->ws, 0, (lxw_col_t)c, _(cols[c].header), b->header));
	worksheet_freeze_panes(b->ws, 1, 0);
	note(b, worksheet_autofilter(b->ws, 0, 0, (lxw_row_t)nrows, (lxw_col_t)(ncols - 1)));
	note(b, worksheet_ignore_errors(b->ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, "A1:XFD1048576"));
}

void xlsx_text(struct xlsx_book *b, size_t row, size_t col, const char *s)
{
	if (b->ws == NULL || *s == '\0')
		return;
	note(b, worksheet_write_string(b->ws, (lxw_row_t)(row + 1), (lxw_col_t)col, s,
	    b->kinds[XLSX_TEXT]));
}

void xlsx_number(struct xlsx_book *b, size_t row, size_t col, double v, enum xlsx_kind kind)
{
	if (b->ws == NULL || isnan(v))
		return;
	note(b, worksheet_write_number(b->ws, (lxw_row_t)(row + 1), (lxw_col_t)col, v,
	    b->kinds[kind]));
}

void xlsx_choices(struct xlsx_book *b, size_t col, const char *const *choices)
{
	lxw_data_validation v = {
		.validate = LXW_VALIDATION_TYPE_LIST, .value_list = (char **)choices,
		.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING,
	};

	if (b->ws == NULL)
		return;
	note(b, worksheet_data_validation_range(b->ws, 1, (lxw_col_t)col, LXW_ROW_MAX - 1,
	    (lxw_col_t)col, &v));
}

int xlsx_close(struct xlsx_book *b)
{
	int saved = mute_stderr(), err;
	lxw_error e;
	int rc = 0;

	errno = 0;
	e = workbook_close(b->wb);
	err = errno;
	unmute_stderr(saved);

	if (b->error != LXW_NO_ERROR) {
		fprintf(stderr, _("lianhu: cannot write '%s': sheet '%s': %s\n"), b->label, b->where,
		    lxw_strerror(b->error));
		rc = -1;
	} else if (e != LXW_NO_ERROR) {
		/* A full disk is the system's error, not the zip library's. */
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), b->label,
		    err && e >= LXW_ERROR_CREATING_XLSX_FILE && e <= LXW_ERROR_ZIP_CLOSE ?
		    strerror(err) : lxw_strerror(e));
		rc = -1;
	}
	free(b->where);
	free(b->label);
	free(b);
	return rc;
}
