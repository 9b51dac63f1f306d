// SPDX-License-Identifier: GPL-2.0-only
/*
 * setpe: the options and the helpers the operations share.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hpc.h"
#include "map.h"
#include "setpe.h"

static const char usage_text[] =
	"usage: setpe -w [-f MAP] [-k KEYFILE]\n"
	"       setpe -c [-f MAP] [-k KEYFILE]\n"
	"       setpe -r [-f FILE]\n"
	"       setpe -off\n"
	"       setpe -h|--help\n";

static const char help_text[] =
	"\n"
	"  -w        check MAP and load it into the kernel as the node table\n"
	"  -c        only check MAP, change nothing\n"
	"  -r        write the kernel's node table to FILE (default: standard output)\n"
	"  -f FILE   the map to read or the file to write; \"-\" is standard input/output\n"
	"  -k KEYFILE\n"
	"            with -w, give the cluster key in KEYFILE (e.g. /etc/openmosix/key)\n"
	"            to the kernel before the map; with -c, only check it\n"
	"  -off      leave the cluster: empty the node table\n"
	"\n"
	"Without -f, -w and -c read the first of /etc/openmosix.map, /etc/hpc.map\n"
	"and /etc/mosix.map that exists. See setpe(8) and openmosix.map(5).\n";

static void usage_error(const char *fmt, const char *arg)
	__attribute__((noreturn));

static void usage_error(const char *fmt, const char *arg)
{
	if (fmt) {
		fputs("setpe: ", stderr);
		fprintf(stderr, fmt, arg);
		fputc('\n', stderr);
	}
	fputs(usage_text, stderr);
	exit(2);
}

/* The option getopt() stopped at, for messages. */
static const char *bad_option(char **argv)
{
	static char opt[3] = "-";

	if (!optopt)
		return argv[optind - 1];
	opt[1] = optopt;
	return opt;
}

const char *setpe_path(const char *rel)
{
	static char buf[4096];

	if (hpc_path(buf, sizeof(buf), rel) < 0)
		snprintf(buf, sizeof(buf), "%s", rel);
	return buf;
}

void setpe_require_kernel(void)
{
	char msg[4200];

	if (hpc_map_kernel_present(msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool w = false, c = false, r = false;
	const char *file = NULL, *keyfile = NULL;
	int i, opt;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "-k") == 0) {
			i++;	/* a file name, even one spelt "-off" */
			continue;
		}
		if (strcmp(argv[i], "-off") != 0)
			continue;
		if (argc != 2)
			usage_error("-off takes no other arguments", NULL);
		return setpe_off();
	}
	while ((opt = getopt_long(argc, argv, "+:cf:hk:rw", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			c = true;
			break;
		case 'f':
			file = optarg;
			break;
		case 'k':
			keyfile = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		case 'r':
			r = true;
			break;
		case 'w':
			w = true;
			break;
		case ':':
			usage_error("option %s needs an argument",
				    bad_option(argv));
		default:
			usage_error("unknown option %s", bad_option(argv));
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
	if (r && (w || c))
		usage_error("-r cannot be combined with -w or -c", NULL);
	if (keyfile && !(w || c))
		usage_error("-k goes with -w or -c", NULL);
	if (r)
		return setpe_read(file);
	if (w || c)
		return setpe_load(file, keyfile, !c);
	usage_error("say what to do: -w, -c, -r or -off", NULL);
}
