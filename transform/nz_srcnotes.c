/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sources' notes (issue 18): the lines a source printed under its
 * table, which reckon-extract writes as source_note rows (the text in the
 * indicator field).  A note that calls a period provisional («Данные за III
 * квартал 2024 г. предварительные», "2024 figures are provisional") or
 * revised marks every figure of that source in that period so; every note
 * goes to rejects.csv (check source_note, action noted) with the period it
 * names, for the brief to show the source's own words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "nz.h"

struct nz_note {
	size_t source;
	char *text, *origin;
};

/* What a note says of its period: provisional, revised, or nothing. */
static const char *kind_of(const char *text)
{
	static const char *const provisional[] = {
		"предварител", "Предварител", "ПРЕДВАРИТЕЛ", "provisional",
		"Provisional", "preliminary", "Preliminary", "муваққат",
		"Муваққат", "пешакӣ", NULL
	};
	static const char *const revised[] = {
		"уточнен", "Уточнен", "уточнён", "Уточнён", "revised",
		"Revised", "исправлен", "Исправлен", "пересмотрен", NULL
	};

	for (size_t i = 0; provisional[i]; i++)
		if (strstr(text, provisional[i]))
			return "provisional";
	for (size_t i = 0; revised[i]; i++)
		if (strstr(text, revised[i]))
			return "revised";
	return NULL;
}

static int has_year(const char *w, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if ((i == 0 || w[i - 1] < '0' || w[i - 1] > '9') &&
		    (w[i] == '1' || w[i] == '2') &&
		    w[i + 1] >= '0' && w[i + 1] <= '9' &&
		    w[i + 2] >= '0' && w[i + 2] <= '9' &&
		    w[i + 3] >= '0' && w[i + 3] <= '9' &&
		    (i + 4 == n || w[i + 4] < '0' || w[i + 4] > '9'))
			return 1;
	return 0;
}

/*
 * The period a note names: the longest run of up to five words, ending
 * in a word with a year, that reads as a period ("за III квартал 2024
 * г.", "January–September 2024").  0 when found.
 */
static int period_in(const char *text, struct rk_period *out)
{
	const char *w[64];
	size_t len[64], nw = 0;
	char cand[256], why[RK_PERIOD_REASON];

	for (const char *s = text; *s && nw < 64;) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		w[nw] = s;
		while (*s && *s != ' ')
			s++;
		len[nw] = (size_t)(s - w[nw]);
		nw++;
	}
	for (size_t e = 0; e < nw; e++) {
		size_t extra = e + 1 < nw && len[e + 1] <= 3 ? 1 : 0;

		if (!has_year(w[e], len[e]))
			continue;
		/* "2024 г." and "2024 year": the word after the year too */
		for (size_t s = e >= 4 ? e - 4 : 0; s <= e; s++)
			for (size_t x = extra + 1; x-- > 0;) {
				size_t last = e + x, n;

				n = (size_t)(w[last] + len[last] - w[s]);
				while (n && strchr(".,;:", w[s][n - 1]))
					n--;
				if (n >= sizeof(cand))
					continue;
				memcpy(cand, w[s], n);
				cand[n] = '\0';
				if (rk_period_parse(cand, n, out, why) == 0 &&
				    out->year)
					return 0;
			}
	}
	return -1;
}

int nz_note_add(struct normaliser *n, size_t source, const char *text,
		const char *origin)
{
	struct nz_note *p;

	if (rk_grow((void **)&n->notes, &n->notecap, n->nnotes + 1,
		    sizeof(*n->notes)) < 0)
		return -1;
	p = &n->notes[n->nnotes];
	p->source = source;
	p->text = strdup(text);
	p->origin = strdup(origin);
	if (!p->text || !p->origin) {
		free(p->text);
		free(p->origin);
		return -1;
	}
	n->nnotes++;
	n->sum.source_notes++;
	return 0;
}

/* Marks the source's cells within p as kind; returns how many. */
static size_t mark_cells(struct normaliser *n, size_t source,
			 const struct rk_period *p, const char *kind)
{
	long first = rk_period_first_day(p), last = rk_period_last_day(p);
	size_t marked = 0;

	for (size_t i = 0; i < cells_count(n->cells); i++) {
		struct cell *c = cells_at(n->cells, i);

		if (c->source != source ||
		    rk_period_first_day(&c->period) < first ||
		    rk_period_last_day(&c->period) > last)
			continue;
		if (!strcmp(kind, "provisional"))
			c->provisional = c->rows;
		else
			c->revised = c->rows;
		marked++;
	}
	return marked;
}

int nz_apply_source_notes(struct normaliser *n, struct rk_error *err)
{
	const char **empty = calloc(n->ndims + 1, sizeof(*empty));
	int rc = 0;

	if (!empty)
		return rk_error_oom(err);
	for (size_t d = 0; d < n->ndims; d++)
		empty[d] = "";
	for (size_t i = 0; i < n->nnotes && rc == 0; i++) {
		const struct nz_note *note = &n->notes[i];
		const char *kind = kind_of(note->text);
		char period[RK_PERIOD_TEXT] = "";
		struct rk_period p;
		struct reject x;

		if (period_in(note->text, &p) == 0) {
			rk_period_format(&p, period);
			if (kind && mark_cells(n, note->source, &p, kind))
				n->sum.source_notes_marking++;
		} else {
			kind = NULL;      /* a status needs its period */
		}
		x = (struct reject){
			n->src[note->source].id, "", period, empty, "",
			kind ? kind : "", note->origin, "source_note",
			REJECT_NOTED, note->text, 0
		};
		rc = rejects_add(n->rejects, &x, err);
	}
	free(empty);
	return rc;
}

void nz_notes_free(struct normaliser *n)
{
	for (size_t i = 0; i < n->nnotes; i++) {
		free(n->notes[i].text);
		free(n->notes[i].origin);
	}
	free(n->notes);
	n->notes = NULL;
	n->nnotes = n->notecap = 0;
}
