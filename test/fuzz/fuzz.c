/* fuzz: the harnesses' scratch directory (one per process, paths reused), control byte and re-encoding. */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <sanitizer/common_interface_defs.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#define MAX_FILES 32

/* Per process: libFuzzer calls the harness many times, and -fork/-jobs start several processes. */
static struct {
	char dir[64];
	char *paths[MAX_FILES];
	const char *names[MAX_FILES];
	size_t count;
} scratch;

/*
 * The harness found an impossible state: print why and abort, so that libFuzzer keeps the input.
 * The message goes where the sanitizers report, which -close_fd_mask=2 keeps open.
 */
void fuzz_fail(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	memcpy(msg, "fuzz: ", 7);
	vsnprintf(msg + 6, sizeof(msg) - 6, fmt, ap);
	va_end(ap);
	__sanitizer_report_error_summary(msg);
	abort();
}

static void remove_scratch(void)
{
	for (size_t i = 0; i < scratch.count; i++) {
		unlink(scratch.paths[i]);
		free(scratch.paths[i]);
	}
	if (scratch.dir[0] != '\0')
		rmdir(scratch.dir);
}

/* The path of name in this process's scratch directory; lives until exit. */
const char *fuzz_path(const char *name)
{
	const char *tmp = getenv("TMPDIR");

	for (size_t i = 0; i < scratch.count; i++)
		if (strcmp(scratch.names[i], name) == 0)
			return scratch.paths[i];
	if (scratch.dir[0] == '\0') {
		if (tmp == NULL || *tmp == '\0' || strlen(tmp) > sizeof(scratch.dir) - 20)
			tmp = "/tmp";
		snprintf(scratch.dir, sizeof(scratch.dir), "%s/lianhu-fuzz.XXXXXX", tmp);
		if (mkdtemp(scratch.dir) == NULL)
			fuzz_fail("cannot make a scratch directory in '%s': %s", tmp, strerror(errno));
		atexit(remove_scratch);
	}
	if (scratch.count == MAX_FILES)
		fuzz_fail("more than %d scratch files", MAX_FILES);
	scratch.names[scratch.count] = name;
	if (asprintf(&scratch.paths[scratch.count], "%s/%s", scratch.dir, name) < 0)
		fuzz_fail("out of memory");
	return scratch.paths[scratch.count++];
}

/* Replaces the file at path by len bytes of data; aborts when it cannot. */
void fuzz_write(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	const char *p = data;

	if (fd < 0)
		fuzz_fail("cannot open '%s': %s", path, strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fuzz_fail("cannot write '%s': %s", path, strerror(errno));
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) != 0)
		fuzz_fail("cannot close '%s': %s", path, strerror(errno));
}

/* Puts the data in a pipe, read through /dev/fd/N; -1 and the file name when it does not fit. */
int fuzz_pipe(const void *data, size_t len, const char *name, char *path, size_t n)
{
	const char *p = data;
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) != 0)
		fuzz_fail("cannot make a pipe: %s", strerror(errno));
	if (len >= 65536 && (len >= INT_MAX || fcntl(fds[1], F_SETPIPE_SZ, (int)len + 1) < 0)) {
		close(fds[0]);
		close(fds[1]);
		fuzz_write(fuzz_path(name), data, len);
		snprintf(path, n, "%s", fuzz_path(name));
		return -1;
	}
	while (len > 0) {
		ssize_t w = write(fds[1], p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fuzz_fail("cannot write a pipe: %s", strerror(errno));
		p += w;
		len -= (size_t)w;
	}
	close(fds[1]);
	snprintf(path, n, "/dev/fd/%d", fds[0]);
	return fds[0];
}

/* Writes the UTF-8 text to path in enc (UTF-16 as little-endian with a BOM). */
void fuzz_write_encoded(const char *path, const char *utf8, enum encoding enc)
{
	const char *charset = enc == ENC_GB18030 ? "GB18030" : "UTF-16LE";
	size_t bom = enc == ENC_UTF16 ? 2 : 0;
	size_t left = strlen(utf8), room = left * 4 + 4;
	char *out, *src = (char *)utf8, *dst;
	iconv_t cd;

	if (enc != ENC_GB18030 && enc != ENC_UTF16) {
		fuzz_write(path, utf8, left);
		return;
	}
	if ((cd = iconv_open(charset, "UTF-8")) == (iconv_t)-1)
		fuzz_fail("cannot convert to %s: %s", charset, strerror(errno));
	out = malloc(room + bom);
	if (out == NULL)
		fuzz_fail("out of memory");
	memcpy(out, "\xff\xfe", bom);
	dst = out + bom;
	if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1)
		fuzz_fail("cannot convert a fixed roster to %s: %s", charset, strerror(errno));
	iconv_close(cd);
	fuzz_write(path, out, (size_t)(dst - out));
	free(out);
}

/* Where a harness prints what it reads: /dev/null, or stderr when LIANHU_FUZZ_VERBOSE is set. */
FILE *fuzz_sink(void)
{
	FILE *fp;

	if (getenv("LIANHU_FUZZ_VERBOSE") != NULL)
		return stderr;
	if ((fp = fopen("/dev/null", "w")) == NULL)
		fuzz_fail("cannot open /dev/null: %s", strerror(errno));
	return fp;
}

/* The reading options of a control byte. */
struct read_opts fuzz_read_opts(uint8_t control)
{
	static const enum encoding encodings[] = { ENC_AUTO, ENC_UTF8, ENC_GB18030, ENC_UTF16 };
	static const char delimiters[] = { 0, ',', '\t', ';' };

	return (struct read_opts){
		.encoding = encodings[control & 3],
		.delimiter = delimiters[(control >> 2) & 3],
	};
}
