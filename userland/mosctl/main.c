// SPDX-License-Identifier: GPL-2.0-only
/*
 * mosctl: option parsing and the command table. Each command names its
 * synopsis and how many arguments it takes, so usage() and the argument
 * count checks come from the same place.
 */
#include <err.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mosctl.h"

bool mosctl_machine;

static const struct command commands[] = {
	{ "stay", "", "no automatic migration away from this node", 0, 0, cmd_admin_flag },
	{ "nostay", "", "allow automatic migration away from this node", 0, 0, cmd_admin_flag },
	{ "lstay", "", "local processes stay; guests may still move on", 0, 0, cmd_admin_flag },
	{ "nolstay", "", "local processes may migrate", 0, 0, cmd_admin_flag },
	{ "block", "", "refuse arriving guest processes", 0, 0, cmd_admin_flag },
	{ "noblock", "", "accept arriving guest processes", 0, 0, cmd_admin_flag },
	{ "quiet", "", "stop sending this node's load information", 0, 0, cmd_admin_flag },
	{ "noquiet", "", "send this node's load information", 0, 0, cmd_admin_flag },
	{ "mfs", "", "turn MFS on", 0, 0, cmd_admin_flag },
	{ "nomfs", "", "turn MFS off", 0, 0, cmd_admin_flag },
	{ "expel", "", "send guest processes back to their home nodes", 0, 0, cmd_admin_trigger },
	{ "bring", "", "bring this node's migrated processes home", 0, 0, cmd_admin_trigger },
	{ "getload", "[ID]", "show a node's load", 0, 1, cmd_getload },
	{ "getspeed", "[ID]", "show a node's speed", 0, 1, cmd_getspeed },
	{ "getmem", "[ID]", "show a node's memory available to the cluster", 0, 1, cmd_getmem },
	{ "getfree", "[ID]", "show a node's memory available to Linux", 0, 1, cmd_getfree },
	{ "getutil", "[ID]", "show a node's utilization", 0, 1, cmd_getutil },
	{ "status", "[ID]", "show a node's state, figures and flags", 0, 1, cmd_status },
	{ "isup", "[ID]", "print up or down; exit 0 if up, 1 if down", 0, 1, cmd_isup },
	{ "setspeed", "SPEED", "set this node's speed (1..1000000)", 1, 1, cmd_setspeed },
	{ "getyard", "", "show the yardstick (the reference speed)", 0, 0, cmd_getyard },
	{ "setyard", "ID|this", "take node ID's speed, or the yardstick's", 1, 1, cmd_setyard },
	{ "getdecay", "", "show the load decay parameters", 0, 0, cmd_getdecay },
	{ "setdecay", "INTERVAL [SLOW FAST]", "set the load decay parameters", 1, 3, cmd_setdecay },
	{ "gettune", "", "show the migration cost parameters", 0, 0, cmd_gettune },
	{ "whois", "[ID|ADDRESS|HOSTNAME]", "map between node ids and addresses", 0, 1, cmd_whois },
	{ "setkey", "[FILE]", "give the cluster key in FILE to the kernel", 0, 1, cmd_setkey },
	{ "genkey", "[FILE]", "make a new random cluster key in FILE", 0, 1, cmd_genkey },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
	size_t i;
	char syn[64];

	fprintf(f, "usage: mosctl [-m | --machine] COMMAND [ARGUMENTS]\n"
		   "       mosctl -h | --help\n\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++) {
		snprintf(syn, sizeof(syn), "%s %s", commands[i].name,
			 commands[i].args);
		fprintf(f, "  %-29s %s\n", syn, commands[i].help);
	}
	fprintf(f, "\n-m, --machine  print bare values for scripts\n"
		   "ID is a node id (1..65535); without ID, this node.\n"
		   "FILE is a cluster key file, by default /etc/openmosix/key.\n");
}

static void usage_short(void)
{
	fprintf(stderr, "Try 'mosctl --help' for the list of commands.\n");
	exit(2);
}

const struct command *mosctl_command_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

void mosctl_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = cmd ? mosctl_command_find(cmd) : NULL;
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	if (c)
		fprintf(stderr, "usage: mosctl %s%s%s\n", c->name,
			*c->args ? " " : "", c->args);
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "machine", no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command *c;
	int ch, nargs;

	opterr = 0;	/* our own message, without argv[0]'s path */
	while ((ch = getopt_long(argc, argv, "+hm", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return 0;
		case 'm':
			mosctl_machine = true;
			break;
		default:
			if (optopt)
				warnx("unknown option '-%c'", optopt);
			else
				warnx("unknown option '%s'", argv[optind - 1]);
			usage_short();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		warnx("no command given");
		usage_short();
	}
	c = mosctl_command_find(argv[0]);
	if (!c) {
		warnx("unknown command '%s'", argv[0]);
		usage_short();
	}
	nargs = argc - 1;
	if (nargs < c->min_args)
		mosctl_usage_error(c->name, "%s: missing argument", c->name);
	if (nargs > c->max_args)
		mosctl_usage_error(c->name, "%s: too many arguments", c->name);
	return c->run(argc, argv);
}
