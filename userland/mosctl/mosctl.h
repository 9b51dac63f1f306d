/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * mosctl: read and change this node's openMosix settings and look at the
 * other nodes. main.c parses the options and dispatches through a table of
 * commands; each group of commands has its own file; util.c holds the
 * helpers they share. All kernel access goes through libhpc.
 */
#ifndef MOSCTL_H
#define MOSCTL_H

#include <stdbool.h>
#include <stddef.h>

#include "hpc.h"

/* Speed of the reference CPU (a 1 GHz Pentium III): the yardstick. */
#define MOSCTL_YARDSTICK	10000
#define MOSCTL_SPEED_MAX	1000000

struct command {
	const char *name;
	const char *args;	/* synopsis of the arguments, "" for none */
	const char *help;	/* one line for usage() */
	int min_args;
	int max_args;
	int (*run)(int argc, char **argv);	/* argv[0] is the command name */
};

/* -m / --machine: print bare values for scripts. */
extern bool mosctl_machine;

/* main.c */
const struct command *mosctl_command_find(const char *name);
void mosctl_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* util.c */
const char *mosctl_path(const char *rel);
void mosctl_fail(const char *rel) __attribute__((noreturn));
void mosctl_require_hpc(void);
void mosctl_read_line(const char *rel, char *buf, size_t size);
long long mosctl_read_number(const char *rel);
void mosctl_write_number(const char *rel, long long val);
bool mosctl_parse_number(const char *s, long long min, long long max,
			 long long *val);
long long mosctl_arg_number(const char *what, const char *s, long long min,
			    long long max);
unsigned int mosctl_arg_node(const char *s);
bool mosctl_node_known(unsigned int id);
unsigned int mosctl_this_node(void);
unsigned int mosctl_node_select(int argc, char **argv, bool need_cluster);
void mosctl_node_label(char *buf, size_t size, unsigned int id);
const char *mosctl_node_file(unsigned int id, const char *file);
long long mosctl_read_node_number(unsigned int id, const char *file);
void mosctl_format_bytes(char *buf, size_t size, long long bytes);

/* admin.c: stay, nostay, lstay, nolstay, block, noblock, quiet, noquiet,
 * mfs, nomfs, expel, bring */
int cmd_admin_flag(int argc, char **argv);
int cmd_admin_trigger(int argc, char **argv);

/* node.c */
int cmd_getspeed(int argc, char **argv);
int cmd_getload(int argc, char **argv);
int cmd_getmem(int argc, char **argv);
int cmd_getfree(int argc, char **argv);
int cmd_getutil(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_isup(int argc, char **argv);

/* speed.c */
int cmd_setspeed(int argc, char **argv);
int cmd_getyard(int argc, char **argv);
int cmd_setyard(int argc, char **argv);

/* decay.c */
int cmd_getdecay(int argc, char **argv);
int cmd_setdecay(int argc, char **argv);

/* tune.c */
int cmd_gettune(int argc, char **argv);

/* whois.c */
int cmd_whois(int argc, char **argv);

/* key.c: setkey, genkey */
int cmd_setkey(int argc, char **argv);
int cmd_genkey(int argc, char **argv);

#endif /* MOSCTL_H */
