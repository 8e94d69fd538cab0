/*
 * output: files written whole or not at all, never over an input. A regular
 * file is written in a private folder beside it, then renamed into place,
 * keeping the old file's mode; a special file is written in place.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lianhu/i18n.h"
#include "lianhu/output.h"
#include "lianhu/util.h"

#include <stdbool.h>

/* The private folder's name in the output's folder, and the file inside it: short, so any legal name fits. */
#define PRIVATE_DIR ".lianhu-XXXXXX"
#define PART "part"
#define MAX_PENDING 8

/*
 * The temporary files of this run, for the signal handler: a fixed table
 * that it may read without taking a lock or calling malloc.
 */
struct pending {
	volatile sig_atomic_t live;
	int parent, dir;		/* the output's folder, the private folder in it */
	char name[sizeof(PRIVATE_DIR)];	/* the private folder's name in parent */
};

static struct pending pending[MAX_PENDING];

static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };

/* Removes every temporary file, then dies by sig as if never caught. */
static void on_signal(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++) {
		if (!pending[i].live)
			continue;
		unlinkat(pending[i].dir, PART, 0);
		unlinkat(pending[i].parent, pending[i].name, AT_REMOVEDIR);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Blocks (or unblocks) the cleanup signals while the table changes. */
static void block_signals(bool block, sigset_t *saved)
{
	sigset_t set;

	if (!block) {
		sigprocmask(SIG_SETMASK, saved, NULL);
		return;
	}
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, saved);
}

/* Catches the cleanup signals once; one ignored (nohup) stays ignored. */
static void catch_signals(void)
{
	static bool caught;
	struct sigaction sa, old;

	if (caught)
		return;
	caught = true;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	for (size_t i = 0; i < sizeof(cleanup_signals) / sizeof(cleanup_signals[0]); i++)
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &sa, NULL);
}

/* Enters a private folder in the table, the cleanup signals blocked by the caller. */
static struct pending *pending_add(int parent, int dir, const char *name)
{
	struct pending *p = NULL;

	for (int i = 0; i < MAX_PENDING && p == NULL; i++)
		if (!pending[i].live)
			p = &pending[i];
	if (p == NULL)
		abort();
	p->parent = parent;
	p->dir = dir;
	strcpy(p->name, name);
	p->live = 1;
	return p;
}

/* Removes the private folder (and the part when still there), and its entry. */
static void pending_drop(struct pending *p)
{
	sigset_t saved;

	block_signals(true, &saved);
	unlinkat(p->dir, PART, 0);
	unlinkat(p->parent, p->name, AT_REMOVEDIR);
	close(p->dir);
	close(p->parent);
	p->live = 0;
	block_signals(false, &saved);
}

/* "-", "/dev/stdout" and no name at all mean standard output. */
static bool names_stdout(const char *path)
{
	return path == NULL || strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* True when st is the file open on descriptor fd. */
static bool is_fd(const struct stat *st, int fd)
{
	struct stat open;

	return fstat(fd, &open) == 0 && same_file(st, &open);
}

static mode_t current_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

/* True when st is one of inputs ("-": standard input). */
static bool clashes(const struct stat *out, const char *const *inputs)
{
	struct stat in;

	for (; inputs && *inputs; inputs++) {
		if (strcmp(*inputs, "-") == 0 ? is_fd(out, 0) :
		    stat(*inputs, &in) == 0 && same_file(&in, out))
			return true;
	}
	return false;
}

/*
 * Output in large writes: stdio's own buffer is a page (st_blksize) for files,
 * pipes and /dev/null, and glibc takes no size without a buffer. A terminal
 * keeps its own.
 */
#define OUTPUT_BUFFER (1 << 18)

static void buffer_large(struct output *o)
{
	if (isatty(fileno(o->fp)))
		return;
	o->buffer = xmalloc(OUTPUT_BUFFER);
	setvbuf(o->fp, o->buffer, _IOFBF, OUTPUT_BUFFER);
}

/*
 * Standard output as an output: buffered large once, before anything is
 * written to it (only outputs do), unless a terminal or stdbuf(1) chose its
 * buffering (stdbuf -oL keeps lines interleaved with standard error).
 */
static FILE *stdout_output(void)
{
	static char buffer[OUTPUT_BUFFER];
	static bool buffered;

	if (!buffered && !isatty(1) && getenv("_STDBUF_O") == NULL)
		setvbuf(stdout, buffer, _IOFBF, OUTPUT_BUFFER);
	buffered = true;
	return stdout;
}

/* A device, FIFO or terminal: opened and written where it is, never replaced. */
static int open_in_place(struct output *o)
{
	int fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

	if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	buffer_large(o);
	return 0;
}

/* The new file takes the replaced one's owner, group (where the process may) and mode. */
static void keep_mode(int fd, const struct stat *old)
{
	if (old == NULL) {
		fchmod(fd, 0666 & ~current_umask());
		return;
	}
	if (fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
		(void)0;	/* another owner or group is for root only: the mode still holds */
	fchmod(fd, old->st_mode & 07777);
}

/* Splits path (a copy of which it takes) into its folder, returned, and its last name in *base. */
static char *split_path(const char *path, char **base)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash == NULL) {
		*base = xstrdup(path);
		free(dir);
		return xstrdup(".");
	}
	*base = xstrdup(slash + 1);
	slash[slash == dir] = '\0';	/* "/x" lies in "/" */
	return dir;
}

/* Makes the private folder (mode 0700, ours) in dir; its descriptor, or -1 with errno set. */
static int private_dir(const char *dir, char *name)
{
	char *tmpl = xmalloc(strlen(dir) + sizeof("/" PRIVATE_DIR));
	struct stat st;
	int fd = -1;

	sprintf(tmpl, "%s/%s", dir, PRIVATE_DIR);
	if (mkdtemp(tmpl) != NULL) {
		strcpy(name, tmpl + strlen(dir) + 1);
		fd = open(tmpl, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		/* Someone who swapped the folder in the instant since mkdtemp gets nothing written. */
		if (fd >= 0 && (fstat(fd, &st) != 0 || st.st_uid != geteuid() ||
		    (st.st_mode & 0777) != 0700)) {
			close(fd);
			fd = -1;
			errno = EPERM;
		}
		if (fd < 0)
			rmdir(tmpl);
	}
	free(tmpl);
	return fd;
}

/* A regular file (or none yet): written as PART in a private folder beside it, renamed at commit. */
static int open_beside(struct output *o, const struct stat *old)
{
	struct stat link;
	char *dest, *dir, name[sizeof(PRIVATE_DIR)];
	int parent = -1, priv = -1, fd = -1, err;
	sigset_t saved;

	/* A symbolic link to a file: the file is rewritten, the link stays. */
	dest = old && lstat(o->path, &link) == 0 && S_ISLNK(link.st_mode) ? realpath(o->path, NULL) : NULL;
	dir = split_path(dest ? dest : o->path, &o->target);
	free(dest);
	if ((parent = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		goto fail;
	catch_signals();
	block_signals(true, &saved);	/* no instant when the folder exists but the handler does not know it */
	if ((priv = private_dir(dir, name)) >= 0) {
		o->tmp = pending_add(parent, priv, name);
		parent = priv = -1;
	}
	err = errno;
	block_signals(false, &saved);
	errno = err;
	if (o->tmp == NULL)
		goto fail;
	if ((fd = openat(o->tmp->dir, PART, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		goto fail;
	keep_mode(fd, old);
	if ((o->fp = fdopen(fd, "w")) == NULL)
		goto fail;
	buffer_large(o);
	free(dir);
	return 0;
fail:
	err = errno;
	fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path, strerror(err));
	if (fd >= 0)
		close(fd);
	if (priv >= 0)
		close(priv);
	if (parent >= 0)
		close(parent);
	if (o->tmp)
		pending_drop(o->tmp);
	o->tmp = NULL;
	free(o->target);
	o->target = NULL;
	free(dir);
	return -1;
}

/*
 * A symbolic link that another user may have planted: owned by neither us nor
 * the owner of its folder (the rule of Linux's fs.protected_symlinks, for
 * every folder, sticky or not).
 */
static bool foreign_link(const char *path)
{
	struct stat link, folder;
	char *name, *dir;
	bool foreign;

	if (lstat(path, &link) != 0 || !S_ISLNK(link.st_mode) || link.st_uid == geteuid())
		return false;
	dir = split_path(path, &name);
	foreign = stat(dir, &folder) != 0 || folder.st_uid != link.st_uid;
	free(dir);
	free(name);
	return foreign;
}

bool output_is_stdout(const char *path)
{
	struct stat st;

	return names_stdout(path) || (stat(path, &st) == 0 && is_fd(&st, 1));
}

int output_open(struct output *o, const char *path, const char *const *inputs)
{
	struct stat st;
	bool exists;

	memset(o, 0, sizeof(*o));
	o->path = path;
	if (names_stdout(path)) {
		o->fp = stdout_output();
		return 0;
	}
	if (foreign_link(path)) {
		fprintf(stderr, _("lianhu: refusing to write '%s': it is a symbolic link of another user "
		    "in a folder not theirs\n"), path);
		return -1;
	}
	exists = stat(path, &st) == 0;
	if (exists && clashes(&st, inputs)) {
		fprintf(stderr, _("lianhu: refusing to write '%s': it is an input of this run\n"), path);
		return -1;
	}
	if (exists && is_fd(&st, 1)) {	/* /dev/fd/1, or the file the shell sent stdout to */
		o->fp = stdout_output();
		return 0;
	}
	if (exists && !S_ISREG(st.st_mode))
		return open_in_place(o);
	return open_beside(o, exists ? &st : NULL);
}

/* What makes two outputs one file: the same inode, or the same name in the same folder when absent. */
struct file_id {
	struct stat st;
	char *name;	/* NULL when the file exists */
};

static bool identify(const char *path, struct file_id *id)
{
	char *dir;
	bool ok;

	id->name = NULL;
	if (names_stdout(path))
		return fstat(1, &id->st) == 0;
	if (stat(path, &id->st) == 0)
		return true;
	dir = split_path(path, &id->name);
	ok = stat(dir, &id->st) == 0;
	free(dir);
	if (!ok) {
		free(id->name);
		id->name = NULL;
	}
	return ok;
}

/* Says that two outputs are one file; NULL is the output that goes to standard output without -o. */
static void one_file(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		fprintf(stderr, _("lianhu: '%s' is standard output, where the output goes without -o: "
		    "give it -o FILE\n"), a ? a : b);
	else
		fprintf(stderr, _("lianhu: '%s' and '%s' are one file: give each output its own\n"), a,
		    b);
}

int output_check_distinct(const char *const *paths, size_t n)
{
	struct file_id a, b;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!identify(paths[i], &a))
			continue;	/* output_open tells why it cannot be written */
		for (size_t j = i + 1; j < n && rc == 0; j++) {
			if (!identify(paths[j], &b))
				continue;
			if (same_file(&a.st, &b.st) && (a.name == NULL) == (b.name == NULL) &&
			    (a.name == NULL || strcmp(a.name, b.name) == 0)) {
				one_file(paths[i], paths[j]);
				rc = -1;
			}
			free(b.name);
		}
		free(a.name);
	}
	return rc;
}

const char *output_workbook_path(struct output *o)
{
	int fd;

	if (o->tmp == NULL && o->stage == NULL) {
		/* A special file: the workbook is staged in an unnamed file, copied in at commit. */
		const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";

		if ((fd = open(tmpdir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) < 0 ||
		    (o->stage = fdopen(fd, "w+")) == NULL) {
			fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path, strerror(errno));
			if (fd >= 0)
				close(fd);
			return NULL;
		}
	}
	/* The file by its descriptor: a name nobody else can swap for a link. */
	snprintf(o->book, sizeof(o->book), "/proc/self/fd/%d", fileno(o->stage ? o->stage : o->fp));
	if (access(o->book, W_OK) != 0) {
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path,
		    _("a workbook needs /proc mounted"));
		return NULL;
	}
	return o->book;
}

void output_configure(struct output *o, const struct out_opts *opts)
{
	o->excel = opts->excel;
	o->bom_pending = opts->excel && !opts->gb18030;
	if (opts->gb18030) {
		o->dest = o->fp;
		o->fp = open_memstream(&o->mem, &o->memlen);
		if (o->fp == NULL) {
			fprintf(stderr, _("lianhu: out of memory\n"));
			exit(2);
		}
	}
}

/* True when a spreadsheet would take the cell for a formula (OWASP's CSV-injection rule). */
static bool formula_like(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

void csv_field(struct output *o, const char *s)
{
	bool quote, neutralise = o->excel && formula_like(s);
	size_t len = strlen(s);

	if (o->bom_pending)
		fputs_unlocked("\xef\xbb\xbf", o->fp);
	o->bom_pending = false;
	if (o->row_started)
		putc_unlocked(',', o->fp);
	o->row_started = true;
	quote = strcspn(s, ",\"\n\r") < len || (len > 0 && (s[0] == ' ' || s[len - 1] == ' '));
	if (neutralise)
		o->neutralised++;
	if (!quote && !neutralise) {
		fwrite_unlocked(s, 1, len, o->fp);
		return;
	}
	if (quote)
		putc_unlocked('"', o->fp);
	if (neutralise)
		putc_unlocked('\'', o->fp);
	for (; *s; s++) {
		if (*s == '"')
			putc_unlocked('"', o->fp);
		putc_unlocked(*s, o->fp);
	}
	if (quote)
		putc_unlocked('"', o->fp);
}

bool csv_is_plain(const char *s, size_t len)
{
	return !formula_like(s) && strcspn(s, ",\"\n\r") == len &&
	    (len == 0 || (s[0] != ' ' && s[len - 1] != ' '));
}

void csv_field_plain(struct output *o, const char *s, size_t len)
{
	if (o->bom_pending) {
		csv_field(o, s);
		return;
	}
	if (o->row_started)
		putc_unlocked(',', o->fp);
	o->row_started = true;
	fwrite_unlocked(s, 1, len, o->fp);
}

void csv_row_end(struct output *o)
{
	if (o->excel)
		putc_unlocked('\r', o->fp);
	putc_unlocked('\n', o->fp);
	o->row_started = false;
}

/*
 * Converts the UTF-8 text gathered under --output-encoding into GB18030 on
 * its destination: 0, -1 when the text would not convert, -2 when writing failed (errno set).
 */
static int convert_out(struct output *o)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char buf[65536], *in = o->mem;
	size_t left = o->memlen;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	while (left > 0 && rc == 0) {
		char *out = buf;
		size_t room = sizeof(buf);

		if (iconv(cd, &in, &left, &out, &room) == (size_t)-1 && errno != E2BIG)
			rc = -1;	/* GB18030 covers Unicode: only bad UTF-8 gets here */
		if (fwrite(buf, 1, sizeof(buf) - room, o->fp) != sizeof(buf) - room)
			rc = -2;
	}
	iconv_close(cd);
	return rc;
}

/* Copies the staged workbook into the special file it is for. */
static int copy_stage(struct output *o)
{
	char buf[65536];
	size_t n;

	rewind(o->stage);
	while ((n = fread(buf, 1, sizeof(buf), o->stage)) > 0)
		if (fwrite(buf, 1, n, o->fp) != n)
			return -1;
	return ferror(o->stage) ? -1 : 0;
}

/* Under --output-encoding: the text converted onto the real destination; -1 after a message. */
static int finish_conversion(struct output *o)
{
	int failed = fclose(o->fp) != 0, rc;

	o->fp = o->dest;
	o->dest = NULL;
	rc = failed ? -1 : convert_out(o);
	free(o->mem);
	o->mem = NULL;
	if (rc == -2)
		return 0;	/* a write error: ferror tells, with its errno, below */
	if (rc < 0) {
		fprintf(stderr, _("lianhu: cannot convert the output to GB18030\n"));
		return -1;
	}
	return 0;
}

int output_commit(struct output *o)
{
	bool failed;

	if (o->neutralised > 0)
		fprintf(stderr, ngettext("lianhu: %ld cell that a spreadsheet would take for a formula "
		    "got a leading '\n", "lianhu: %ld cells that a spreadsheet would take for a formula "
		    "got a leading '\n", (unsigned long)o->neutralised), o->neutralised);
	if (o->dest && finish_conversion(o) < 0) {
		output_abort(o);
		return -1;
	}
	if (o->fp == stdout) {	/* a workbook comes from its stage; errno kept from a failed write */
		failed = (o->stage && copy_stage(o) < 0) || fflush(stdout) != 0 || ferror(stdout);
		o->fp = NULL;
		if (failed)
			fprintf(stderr, _("lianhu: cannot write standard output: %s\n"),
			    strerror(errno ? errno : EIO));
		output_abort(o);
		return failed ? -1 : 0;
	}
	errno = 0;
	failed = (o->stage && copy_stage(o) < 0) || fflush(o->fp) != 0 || ferror(o->fp) ||
	    (o->tmp && fsync(fileno(o->fp)) != 0);
	failed = (fclose(o->fp) != 0) | failed;
	o->fp = NULL;
	if (failed || (o->tmp && renameat(o->tmp->dir, PART, o->tmp->parent, o->target) != 0)) {
		fprintf(stderr, _("lianhu: cannot write '%s': %s\n"), o->path,
		    strerror(errno ? errno : EIO));
		output_abort(o);
		return -1;
	}
	output_abort(o);	/* the private folder, now empty, and the stage */
	return 0;
}

void output_abort(struct output *o)
{
	if (o->dest) {	/* the memory stream of --output-encoding */
		fclose(o->fp);
		free(o->mem);
		o->mem = NULL;
		o->fp = o->dest;
		o->dest = NULL;
	}
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	free(o->buffer);
	o->buffer = NULL;
	if (o->stage)
		fclose(o->stage);
	o->stage = NULL;
	if (o->tmp)
		pending_drop(o->tmp);
	o->tmp = NULL;
	free(o->target);
	o->target = NULL;
}

void json_write(FILE *fp, cJSON *root)
{
	char *text = cJSON_Print(root);

	cJSON_Delete(root);
	if (text == NULL) {
		fprintf(stderr, _("lianhu: out of memory\n"));
		exit(2);
	}
	fprintf(fp, "%s\n", text);
	free(text);
}
