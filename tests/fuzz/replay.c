// SPDX-License-Identifier: GPL-2.0-only
/*
 * Replay inputs through a fuzz target without libFuzzer, so that the corpus
 * runs on every `make test` with nothing but gcc and its sanitizers.
 *
 *	replay FILE|DIR...
 *
 * Each file (or each file in a directory) is one input. A failed check in
 * the target abort()s; the handler names the input first (run with
 * ASAN_OPTIONS=abort_on_error=1 so sanitizer reports end the same way).
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *current;
static unsigned long replayed;

static void on_abort(int sig)
{
	static const char msg[] = "replay: crashed on input ";

	if (write(2, msg, sizeof(msg) - 1) < 0 ||
	    write(2, current, strlen(current)) < 0 || write(2, "\n", 1) < 0)
		_exit(128 + sig);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0, n;

	if (!f) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (size == cap) {
			cap = cap ? 2 * cap : 4096;
			data = realloc(data, cap);
			if (!data) {
				perror("realloc");
				exit(2);
			}
		}
		n = fread(data + size, 1, cap - size, f);
		if (!n)
			break;
		size += n;
	}
	if (ferror(f)) {
		perror(path);
		fclose(f);
		free(data);
		return -1;
	}
	fclose(f);
	current = path;
	LLVMFuzzerTestOneInput(data, size);
	replayed++;
	free(data);
	return 0;
}

static int replay_path(const char *path)
{
	struct dirent *de;
	struct stat st;
	char sub[4096];
	int bad = 0;
	DIR *d;

	if (stat(path, &st)) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	d = opendir(path);
	if (!d) {
		perror(path);
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		if (replay_path(sub))
			bad = -1;
	}
	closedir(d);
	return bad;
}

int main(int argc, char **argv)
{
	int i, bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	signal(SIGABRT, on_abort);
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i]))
			bad = 1;
	printf("replayed %lu inputs\n", replayed);
	return bad;
}
