// SPDX-License-Identifier: GPL-2.0-only
/*
 * omdiscd: where events go. In the foreground (-n) one line per event on
 * the standard output, errors on the standard error, each flushed at once;
 * as a daemon, syslog (LOG_DAEMON).
 */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include "omdiscd.h"

static bool to_stdout;

void log_open(bool foreground)
{
	to_stdout = foreground;
	if (!foreground)
		openlog("omdiscd", LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

static void vlog(int prio, const char *fmt, va_list ap)
{
	FILE *f = prio == LOG_INFO ? stdout : stderr;

	if (!to_stdout) {
		vsyslog(prio, fmt, ap);
		return;
	}
	if (f == stderr)
		fputs("omdiscd: ", f);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	fflush(f);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_INFO, fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_ERR, fmt, ap);
	va_end(ap);
}
