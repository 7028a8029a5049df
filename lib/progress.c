/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "progress.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

enum { SHOWN_NONE, SHOWN_COUNT, SHOWN_STEP };

void rk_progress_init(struct rk_progress *p, const char *prog, int quiet)
{
	p->prog = prog;
	p->on = !quiet && isatty(STDERR_FILENO);
	p->shown = SHOWN_NONE;
	p->last_ms = -1000;
}

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void rk_progress_count(void *arg, long long rows)
{
	struct rk_progress *p = arg;
	long long now;

	if (!p->on || p->shown == SHOWN_STEP)
		return;
	now = now_ms();
	if (now < p->last_ms + 500)
		return;
	p->last_ms = now;
	fprintf(stderr, "\r%s: %lld rows read", p->prog, rows);
	p->shown = SHOWN_COUNT;
}

void rk_progress_step(struct rk_progress *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->on)
		return;
	rk_progress_end(p);
	fprintf(stderr, "%s: ", p->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" ...", stderr);
	p->shown = SHOWN_STEP;
}

void rk_progress_step_done(struct rk_progress *p, const char *fmt, ...)
{
	va_list ap;

	if (p->shown != SHOWN_STEP)
		return;
	fputc(' ', stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	p->shown = SHOWN_NONE;
}

void rk_progress_end(struct rk_progress *p)
{
	if (p->shown == SHOWN_COUNT)
		fputs("\r\033[K", stderr);
	else if (p->shown == SHOWN_STEP)
		fputs(" failed\n", stderr);
	p->shown = SHOWN_NONE;
}
