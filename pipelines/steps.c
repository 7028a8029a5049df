/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steps.h"

#include <stdio.h>

static void show(const struct manifest_stage *s, size_t step, size_t nsteps,
		 double seconds, void *ctx)
{
	struct rk_progress *p = ctx;

	if (seconds < 0)
		rk_progress_step(p, "[%zu/%zu] %s%s%s", step + 1, nsteps,
				 s->name, s->source ? " " : "",
				 s->source ? s->source : "");
	else if (s->rows >= 0)
		rk_progress_step_done(p, "%ld rows, %.1f s", s->rows, seconds);
	else
		rk_progress_step_done(p, "%.1f s", seconds);
}

void steps_attach(struct run_options *o, struct rk_progress *p)
{
	o->progress = p->on ? show : NULL;
	o->ctx = p;
}

int steps_fail(struct rk_progress *p, const struct rk_error *err,
	       const char *messages)
{
	rk_progress_end(p);
	if (messages)
		fputs(messages, stderr);
	rk_error_print(stderr, "reckon", err);
	return err->code ? err->code : RK_EXIT_SOFTWARE;
}
