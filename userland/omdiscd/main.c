// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: options, the checks made before anything is sent (an openMosix
 * kernel, a usable interface), then the daemon: detach unless -n, and run
 * the discovery loop (run.c) until SIGTERM or SIGINT.
 */
#include <err.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "hpc.h"
#include "map.h"
#include "omdiscd.h"

#define TIMEOUT_MAX	3600

static const char usage_text[] =
	"usage: omdiscd [-n] [-i IFACE] [-t SECONDS]\n"
	"       omdiscd -h|--help\n";

static const char help_text[] =
	"\n"
	"  -i IFACE    discover nodes on IFACE (default: the interface of the default route)\n"
	"  -n          stay in the foreground and log to the standard output\n"
	"  -t SECONDS  a node not heard for SECONDS (1-3600, default 10) leaves the table\n"
	"\n"
	"Forms the openMosix cluster without a map: announces this node to 239.77.0.1\n"
	"port 4661 every second and writes the nodes heard, with the host part of\n"
	"their address as node id, to /proc/hpc/admin/config. See omdiscd(8).\n";

static void __attribute__((noreturn)) usage_error(const char *fmt, const char *arg)
{
	fputs("omdiscd: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage_text);
	exit(2);
}

static unsigned int parse_timeout(const char *s)
{
	unsigned long v = 0;
	const char *c;

	for (c = s; *c >= '0' && *c <= '9'; c++)
		if (v <= TIMEOUT_MAX)
			v = v * 10 + (*c - '0');
	if (c == s || *c || v < 1 || v > TIMEOUT_MAX)
		usage_error("-t: '%.32s' is not a number of seconds from 1 to 3600", s);
	return v;
}

/* fork, setsid, chdir /, and the standard descriptors on /dev/null. */
static void daemonise(void)
{
	pid_t pid;
	int fd;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		err(1, "fork");
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		err(1, "setsid");
	if (chdir("/") < 0)
		err(1, "chdir /");
	fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		err(1, "/dev/null");
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char defname[IF_NAME_MAX], msg[4200];
	const char *ifname = NULL;
	unsigned int timeout = 10;
	struct disc_iface ifc;
	bool foreground = false;
	int opt, fd;

	while ((opt = getopt_long(argc, argv, "+:hi:nt:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		case 'i':
			ifname = optarg;
			break;
		case 'n':
			foreground = true;
			break;
		case 't':
			timeout = parse_timeout(optarg);
			break;
		case ':':
			usage_error("option -%s needs an argument",
				    (char[]){ optopt, 0 });
		default:
			if (optopt)
				usage_error("unknown option -%s", (char[]){ optopt, 0 });
			usage_error("unknown option %s", argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%.32s'", argv[optind]);

	if (hpc_map_kernel_present(msg, sizeof(msg)) < 0)
		errx(1, "%s", msg);
	if (!ifname) {
		iface_default(defname, sizeof(defname));
		ifname = defname;
	}
	iface_get(ifname, &ifc);
	fd = net_open(&ifc);
	if (!foreground)
		daemonise();
	log_open(foreground);
	return run(fd, &ifc, timeout);
}
