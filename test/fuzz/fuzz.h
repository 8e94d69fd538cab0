/* fuzz: what the libFuzzer harnesses share: a private scratch directory, the control byte, re-encoding. */
#ifndef LIANHU_FUZZ_H
#define LIANHU_FUZZ_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "lianhu/table.h"

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The path of name in this process's scratch directory, made on first use and
 * removed at exit. The string lives until exit; do not free it.
 */
const char *fuzz_path(const char *name);

/* Replaces the file at path by len bytes of data; aborts when it cannot. */
void fuzz_write(const char *path, const void *data, size_t len);

/*
 * Puts len bytes of data in a pipe and gives its path (/dev/fd/N) in path
 * (of size n): the reader then takes its read(2) path, not mmap(2), and
 * AddressSanitizer sees its buffers. Returns the pipe's fd, to close after
 * reading; falls back to the regular file name (returning -1) when the data
 * does not fit in a pipe.
 */
int fuzz_pipe(const void *data, size_t len, const char *name, char *path, size_t n);

/*
 * Writes the UTF-8 text to path in enc: UTF-8 for ENC_AUTO and ENC_UTF8,
 * GB18030, or UTF-16LE with a BOM; aborts when it cannot.
 */
void fuzz_write_encoded(const char *path, const char *utf8, enum encoding enc);

/*
 * The reading options of a control byte (the input's first byte):
 * bits 0-1 the encoding (auto, UTF-8, GB18030, UTF-16),
 * bits 2-3 the delimiter (detect, comma, tab, semicolon).
 */
struct read_opts fuzz_read_opts(uint8_t control);

/* Where a harness prints what it reads: /dev/null, or stderr when LIANHU_FUZZ_VERBOSE is set (to triage). */
FILE *fuzz_sink(void);

/* The harness found an impossible state: print why and abort, so that libFuzzer keeps the input. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
