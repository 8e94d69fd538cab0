/* render: what the renderers share: --format names, names and phones as shown (--mask), the HTML charset, writing a file whole. */
#include <stdlib.h>
#include <string.h>

#include "lianhu/privacy.h"
#include "lianhu/render.h"
#include "lianhu/visits.h"
#include "lianhu/util.h"

static const char *const format_names[] = { "text", "csv", "json", "md", "html", "xlsx" };

const char *render_format_name(enum render_format format)
{
	return format_names[format];
}

bool render_format_parse(const char *name, enum render_format *out)
{
	for (int f = RENDER_TEXT; f <= RENDER_XLSX; f++) {
		if (strcmp(name, format_names[f]) == 0) {
			*out = (enum render_format)f;
			return true;
		}
	}
	return false;
}

const char *shown_name(const struct render_input *in, const char *name, char *buf, size_t n)
{
	return in->opts && in->opts->mask ? mask_name(name, buf, n) : name;
}

const char *shown_phone(const struct render_input *in, const char *phone, char *buf, size_t n)
{
	return in->opts && in->opts->mask ? mask_phone(phone, buf, n) : phone;
}

const char *html_charset(const struct render_input *in)
{
	return in->opts && in->opts->gb18030 ? "gb18030" : "utf-8";
}

int render_to_file(const struct renderer *how, const char *path, enum render_format format,
    const struct render_input *in, const char *mapping_path)
{
	const struct roster *r = in->r;
	const char *inputs[ROSTER_INPUTS + 3];
	size_t n = roster_inputs(r, inputs);
	struct output out;

	if (mapping_path != NULL)
		inputs[n++] = mapping_path;
	if (in->v != NULL)
		inputs[n++] = in->v->path;
	inputs[n] = NULL;
	if (output_open(&out, path, inputs) < 0)
		return -1;
	if (format == RENDER_XLSX && output_workbook_path(&out) == NULL) {
		output_abort(&out);
		return -1;
	}
	if (format != RENDER_XLSX)
		output_configure(&out, in->opts);	/* a workbook is neither CSV nor text */
	if ((format == RENDER_XLSX ? how->write_xlsx(&out, in) : how->write(&out, format, in)) < 0) {
		output_abort(&out);
		return -1;
	}
	return output_commit(&out);
}
