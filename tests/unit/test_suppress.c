/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/suppress.h"
#include "stats/suppress_impl.h"

#define A SUPP_ALL
#define MAXI 128

/*
 * An independent attacker for small tables: what the module was given,
 * kept here with its own notion of which cells are base and what each
 * item sums, and every table of non-negative integers that agrees with
 * what is published enumerated by brute force.
 */
struct model {
	size_t ndims, n;
	double k;
	uint32_t coord[MAXI][4];
	int is_sum[MAXI];
	size_t parts[MAXI][16], nparts[MAXI];
	double value[MAXI];
	long id[MAXI];
	/* derived */
	int base[MAXI];
	size_t memb[MAXI][MAXI], nmemb[MAXI];
	int state[MAXI];
};

static void m_init(struct model *m, size_t ndims, double k)
{
	memset(m, 0, sizeof(*m));
	m->ndims = ndims;
	m->k = k;
}

static size_t m_cell(struct model *m, const uint32_t *c, double v)
{
	size_t i = m->n++;

	memcpy(m->coord[i], c, m->ndims * sizeof(*c));
	m->value[i] = v;
	return i;
}

static size_t m_sum(struct model *m, const size_t *ids, size_t n, double v)
{
	size_t i = m->n++;

	m->is_sum[i] = 1;
	memcpy(m->parts[i], ids, n * sizeof(*ids));
	m->nparts[i] = n;
	m->value[i] = v;
	return i;
}

/* y is strictly finer than x and matches it */
static int finer(const struct model *m, size_t y, size_t x)
{
	int strict = 0;

	for (size_t d = 0; d < m->ndims; d++) {
		if (m->coord[x][d] == A) {
			strict |= m->coord[y][d] != A;
			continue;
		}
		if (m->coord[y][d] != m->coord[x][d])
			return 0;
	}
	return strict;
}

static int matches(const struct model *m, size_t y, size_t x)
{
	return y == x || finer(m, y, x);
}

static void m_derive(struct model *m)
{
	for (size_t i = 0; i < m->n; i++) {
		m->base[i] = !m->is_sum[i];
		for (size_t j = 0; j < m->n && m->base[i]; j++)
			if (!m->is_sum[j] && finer(m, j, i))
				m->base[i] = 0;
	}
	for (size_t i = 0; i < m->n; i++) {
		m->nmemb[i] = 0;
		if (m->is_sum[i])
			continue;
		for (size_t j = 0; j < m->n; j++)
			if (m->base[j] && matches(m, j, i))
				m->memb[i][m->nmemb[i]++] = j;
	}
	for (size_t i = 0; i < m->n; i++) {
		if (!m->is_sum[i])
			continue;
		for (size_t p = 0; p < m->nparts[i]; p++) {
			size_t part = m->parts[i][p];

			for (size_t q = 0; q < m->nmemb[part]; q++) {
				size_t c = m->memb[part][q], r;

				for (r = 0; r < m->nmemb[i]; r++)
					if (m->memb[i][r] == c)
						break;
				if (r == m->nmemb[i])
					m->memb[i][m->nmemb[i]++] = c;
			}
		}
	}
}

static struct supp_table *m_run(struct model *m)
{
	struct supp_table *t = supp_new(m->ndims, m->k);

	assert_non_null(t);
	for (size_t i = 0; i < m->n; i++) {
		if (m->is_sum[i]) {
			size_t ids[16];

			for (size_t p = 0; p < m->nparts[i]; p++)
				ids[p] = (size_t)m->id[m->parts[i][p]];
			m->id[i] = supp_sum(t, ids, m->nparts[i], m->value[i]);
		} else {
			m->id[i] = supp_cell(t, m->coord[i], m->value[i]);
		}
		assert_true(m->id[i] >= 0);
	}
	assert_int_equal(supp_run(t), 0);
	for (size_t i = 0; i < m->n; i++)
		m->state[i] = supp_state(t, (size_t)m->id[i]);
	m_derive(m);
	return t;
}

struct search {
	const struct model *m;
	size_t unknown[MAXI], nu;
	long lo[MAXI], hi[MAXI];     /* per unknown position */
	long last[MAXI];             /* per item: last unknown position in it */
	double x[MAXI];
	int moved[MAXI];             /* a feasible table gives item i another value */
	double min[MAXI], max[MAXI]; /* per item, over the feasible tables */
	long tables;
};

static int in_range(const struct model *m, size_t i, double v)
{
	if (m->state[i] == SUPP_SHOWN)
		return v == m->value[i];
	if (m->state[i] == SUPP_PRIMARY)
		return v >= 1 && v <= m->k - 1;
	if (m->state[i] == SUPP_MASKED)
		return v >= 1;
	return v >= m->k;
}

static double sum_of(const struct search *s, size_t i)
{
	double sum = 0;

	for (size_t q = 0; q < s->m->nmemb[i]; q++)
		sum += s->x[s->m->memb[i][q]];
	return sum;
}

/* Assigns unknown u onwards; items are checked once their last part is set. */
static void visit(struct search *s, size_t u)
{
	const struct model *m = s->m;

	if (u == s->nu) {
		s->tables++;
		for (size_t i = 0; i < m->n; i++) {
			double v = sum_of(s, i);

			if (v != m->value[i])
				s->moved[i] = 1;
			if (s->tables == 1 || v < s->min[i])
				s->min[i] = v;
			if (s->tables == 1 || v > s->max[i])
				s->max[i] = v;
		}
		return;
	}
	for (long v = s->lo[u]; v <= s->hi[u]; v++) {
		int ok = 1;

		s->x[s->unknown[u]] = (double)v;
		for (size_t i = 0; i < m->n && ok; i++)
			if (s->last[i] == (long)u)
				ok = in_range(m, i, sum_of(s, i));
		if (ok)
			visit(s, u + 1);
	}
}

static struct search brute;   /* the last search pinned() ran */

/* Withheld items whose value every consistent table agrees on. */
static size_t pinned(const struct model *m)
{
	size_t bad = 0;
	long top = 0;

	memset(&brute, 0, sizeof(brute));
	brute.m = m;
	for (size_t i = 0; i < m->n; i++)
		if (2 * m->value[i] + 2 * m->k > top)
			top = (long)(2 * m->value[i] + 2 * m->k);
	for (size_t i = 0; i < m->n; i++) {
		if (!m->base[i])
			continue;
		if (m->state[i] == SUPP_SHOWN) {
			brute.x[i] = m->value[i];
			continue;
		}
		/* what a reader can bound it by: its mark, and any shown total */
		/* an attacker has no upper bound; values beyond twice the
		 * largest plus 2k add nothing to what this search finds */
		brute.lo[brute.nu] = m->state[i] == SUPP_SECONDARY ? (long)m->k : 1;
		brute.hi[brute.nu] = m->state[i] == SUPP_PRIMARY ? (long)m->k - 1
							 : top;
		for (size_t j = 0; j < m->n; j++)
			for (size_t q = 0; q < m->nmemb[j]; q++)
				if (m->memb[j][q] == i && m->state[j] == SUPP_SHOWN &&
				    m->value[j] < brute.hi[brute.nu])
					brute.hi[brute.nu] = (long)m->value[j];
		brute.unknown[brute.nu++] = i;
	}
	for (size_t i = 0; i < m->n; i++) {
		brute.last[i] = -1;
		for (size_t u = 0; u < brute.nu; u++)
			for (size_t q = 0; q < m->nmemb[i]; q++)
				if (m->memb[i][q] == brute.unknown[u])
					brute.last[i] = (long)u;
		if (brute.last[i] < 0)     /* nothing withheld under it */
			assert_true(in_range(m, i, sum_of(&brute, i)));
	}
	visit(&brute, 0);
	assert_true(brute.tables >= 1);          /* the true table at least */
	for (size_t i = 0; i < m->n; i++)
		if (m->state[i] != SUPP_SHOWN && !brute.moved[i]) {
			print_message("pinned: item %zu value %g\n", i,
				      m->value[i]);
			bad++;
		}
	return bad;
}

/* A rows x cols table with row, column and grand totals. */
static void table2(struct model *m, size_t rows, size_t cols,
		   const double *v, size_t *cell)
{
	double rs[8] = { 0 }, cs[8] = { 0 }, g = 0;

	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < cols; c++) {
			uint32_t k[2] = { (uint32_t)r, (uint32_t)c };
			double x = v[r * cols + c];
			size_t id = m_cell(m, k, x);

			if (cell)
				cell[r * cols + c] = id;
			rs[r] += x;
			cs[c] += x;
			g += x;
		}
	for (size_t r = 0; r < rows; r++) {
		uint32_t k[2] = { (uint32_t)r, A };

		m_cell(m, k, rs[r]);
	}
	for (size_t c = 0; c < cols; c++) {
		uint32_t k[2] = { A, (uint32_t)c };

		m_cell(m, k, cs[c]);
	}
	{
		uint32_t k[2] = { A, A };

		m_cell(m, k, g);
	}
}

static size_t hidden(const struct model *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n; i++)
		n += m->state[i] != SUPP_SHOWN;
	return n;
}

static void test_nothing_small(void **state)
{
	struct model m;
	const double v[] = { 10, 20, 30, 40, 0, 7 };
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 3, 2, v, NULL);
	t = m_run(&m);
	assert_int_equal(hidden(&m), 0);        /* zeros are published */
	assert_int_equal(supp_primary(t), 0);
	assert_int_equal(supp_check(t), 0);
	supp_free(t);
}

static void test_threshold_off(void **state)
{
	struct model m;
	const double v[] = { 1, 2, 3, 4 };
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 0);
	table2(&m, 2, 2, v, NULL);
	t = m_run(&m);
	assert_int_equal(hidden(&m), 0);
	supp_free(t);
}

/* One small cell in a table with every margin: a 2 x 2 box hides four. */
static void test_one_small_cell(void **state)
{
	struct model m;
	const double v[] = { 3, 12, 20, 9, 15, 30, 11, 8, 25 };
	size_t cell[9];
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 3, 3, v, cell);
	t = m_run(&m);
	assert_int_equal(m.state[cell[0]], SUPP_PRIMARY);
	assert_int_equal(supp_primary(t), 1);
	assert_int_equal(supp_secondary(t), 3);
	/* its row and its column each hold a second withheld cell */
	assert_true(m.state[cell[1]] || m.state[cell[2]]);
	assert_true(m.state[cell[3]] || m.state[cell[6]]);
	/* the totals stay published */
	for (size_t i = 9; i < m.n; i++)
		assert_int_equal(m.state[i], SUPP_SHOWN);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* The cheapest complements: small values, not the big ones. */
static void test_cheapest_complement(void **state)
{
	struct model m;
	const double v[] = { 2, 90, 6, 80, 95, 85, 7, 70, 9 };
	size_t cell[9];
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 3, 3, v, cell);
	t = m_run(&m);
	assert_int_equal(m.state[cell[2]], SUPP_SECONDARY);   /* 6 */
	assert_int_equal(m.state[cell[6]], SUPP_SECONDARY);   /* 7 */
	assert_int_equal(m.state[cell[8]], SUPP_SECONDARY);   /* 9 */
	assert_int_equal(m.state[cell[1]], SUPP_SHOWN);       /* 90 */
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* Two ones in a row: pairing them would pin both (1 + 1 = residual 2). */
static void test_two_ones_in_a_row(void **state)
{
	struct model m;
	const double v[] = { 1, 1, 20, 14, 16, 18, 12, 13, 17 };
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 3, 3, v, NULL);
	t = m_run(&m);
	assert_int_equal(supp_primary(t), 2);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* A zero is never a complement: it would give the small cell away. */
static void test_zero_not_complement(void **state)
{
	struct model m;
	const double v[] = { 3, 0, 10, 0, 12, 14 };
	size_t cell[6];
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 2, 3, v, cell);
	t = m_run(&m);
	assert_int_equal(m.state[cell[1]], SUPP_SHOWN);
	assert_int_equal(m.state[cell[3]], SUPP_SHOWN);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* A small total: its parts are small too, and nothing gives it away. */
static void test_small_total(void **state)
{
	struct model m;
	const double v[] = { 1, 2, 0, 15, 11, 9, 20, 13, 8 };
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 3, 3, v, NULL);
	t = m_run(&m);
	/* row 0 total 3 is primary, and so are its 1 and 2 */
	assert_int_equal(supp_primary(t), 3);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/*
 * A bridge: the two boxes that rows/columns >= 2 would accept can leave a
 * cell derivable through a chain of totals; the boxes never do.
 */
static void test_many_small(void **state)
{
	struct model m;
	const double v[] = {
		2, 3, 9, 12,
		4, 1, 10, 8,
		7, 11, 2, 3,
		6, 9, 4, 1,
	};
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 4, 4, v, NULL);
	t = m_run(&m);
	assert_int_equal(supp_primary(t), 8);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/*
 * Published totals over a selection (the cells both sources report) next
 * to the full margins: their difference is the rest of the row.
 */
static void test_selection_totals(void **state)
{
	struct model m;
	const double v[] = { 3, 12, 20, 9, 15, 30 };
	size_t cell[6];
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 2, 3, v, cell);
	{
		size_t sel[] = { cell[0], cell[1] };   /* row 0, two columns */

		m_sum(&m, sel, 2, 15);
	}
	{
		size_t sel[] = { cell[3], cell[4] };

		m_sum(&m, sel, 2, 24);
	}
	t = m_run(&m);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/*
 * A source that publishes its own totals and a finer breakdown for only
 * part of the table (region 1 not split by sex).
 */
static void test_uneven_breakdown(void **state)
{
	struct model m;
	struct supp_table *t;

	(void)state;
	m_init(&m, 2, 5);
	{
		uint32_t c[][2] = { { 0, 0 }, { 0, 1 }, { 0, A }, { 1, A },
				    { 2, 0 }, { 2, 1 }, { 2, A }, { A, A },
				    { A, 0 }, { A, 1 } };
		double v[] = { 2, 11, 13, 25, 9, 14, 23, 61, 11, 25 };

		for (size_t i = 0; i < 10; i++)
			m_cell(&m, c[i], v[i]);
	}
	t = m_run(&m);
	assert_true(hidden(&m) >= 2);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* One cell and its total, both small: nothing to hide them among. */
static void test_lonely_cell(void **state)
{
	struct model m;
	struct supp_table *t;

	(void)state;
	m_init(&m, 1, 5);
	{
		uint32_t c0[1] = { 0 }, ca[1] = { A };

		m_cell(&m, c0, 3);
		m_cell(&m, ca, 3);
	}
	t = m_run(&m);
	assert_int_equal(hidden(&m), 2);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* A small cell among shown totals with no room: the table is withheld. */
static void test_withhold_all(void **state)
{
	struct model m;
	struct supp_table *t;

	(void)state;
	m_init(&m, 1, 5);
	{
		uint32_t c0[1] = { 0 }, c1[1] = { 1 }, ca[1] = { A };

		m_cell(&m, c0, 3);
		m_cell(&m, c1, 0);
		m_cell(&m, ca, 3);
	}
	t = m_run(&m);
	/* the 0 stays, the 3 and its total 3 are both primary anyway */
	assert_int_equal(m.state[1], SUPP_SHOWN);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/*
 * Four counts of 1 under a total of 4 with k = 5: the "<5" marks alone
 * give them away (four parts of at least 1 make at least 4), whatever else
 * is withheld.  Some are masked: shown as withheld, size unsaid.
 */
static void test_marks_give_it_away(void **state)
{
	struct model m;
	struct supp_table *t;

	(void)state;
	m_init(&m, 1, 5);
	{
		uint32_t c[5][1] = { { 0 }, { 1 }, { 2 }, { 3 }, { A } };
		double v[5] = { 1, 1, 1, 1, 4 };

		for (size_t i = 0; i < 5; i++)
			m_cell(&m, c[i], v[i]);
	}
	t = m_run(&m);
	assert_true(supp_masked(t) > 0);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* A source's total over parts that are all 0: nothing gives it away. */
static void test_total_over_zeros(void **state)
{
	struct model m;
	struct supp_table *t;

	(void)state;
	m_init(&m, 1, 5);
	{
		uint32_t c0[1] = { 0 }, c1[1] = { 1 }, ca[1] = { A };

		m_cell(&m, c0, 0);
		m_cell(&m, c1, 0);
		m_cell(&m, ca, 3);
	}
	t = m_run(&m);
	assert_int_equal(m.state[2], SUPP_PRIMARY);
	assert_int_equal(supp_check(t), 0);
	supp_free(t);
}

/* Three dimensions (period, region, sex) with every margin. */
static void test_cube(void **state)
{
	static struct model m;
	struct supp_table *t;
	double v[2][3][2] = {
		{ { 1, 14 }, { 22, 9 }, { 12, 15 } },
		{ { 11, 16 }, { 3, 18 }, { 13, 10 } },
	};

	(void)state;
	m_init(&m, 3, 5);
	for (uint32_t mask = 0; mask < 8; mask++)
		for (uint32_t p = 0; p < 2; p++)
			for (uint32_t r = 0; r < 3; r++)
				for (uint32_t s = 0; s < 2; s++) {
					uint32_t c[3] = { p, r, s };
					double sum = 0;

					if (((mask & 1) && p) || ((mask & 2) && r) ||
					    ((mask & 4) && s))
						continue;
					if (mask & 1)
						c[0] = A;
					if (mask & 2)
						c[1] = A;
					if (mask & 4)
						c[2] = A;
					for (uint32_t pp = 0; pp < 2; pp++)
						for (uint32_t rr = 0; rr < 3; rr++)
							for (uint32_t ss = 0; ss < 2; ss++)
								if ((c[0] == A || c[0] == pp) &&
								    (c[1] == A || c[1] == rr) &&
								    (c[2] == A || c[2] == ss))
									sum += v[pp][rr][ss];
					m_cell(&m, c, sum);
				}
	t = m_run(&m);
	assert_int_equal(supp_primary(t), 2);
	assert_int_equal(supp_check(t), 0);
	assert_int_equal(pinned(&m), 0);
	supp_free(t);
}

/* Random tables: every box checks, and the attacker finds nothing. */
static void test_random(void **state)
{
	static struct model m;
	unsigned seed = 12345;
	int checked = 0;

	(void)state;
	for (int round = 0; round < 60; round++) {
		size_t rows = 2 + round % 3, cols = 2 + (round / 3) % 3;
		double v[16];
		struct supp_table *t;

		for (size_t i = 0; i < rows * cols; i++) {
			seed = seed * 1103515245u + 12345u;
			v[i] = (seed >> 16) % 4 == 0 ? (seed >> 8) % 5
						     : 5 + (seed >> 8) % 20;
		}
		m_init(&m, 2, 4);
		table2(&m, rows, cols, v, NULL);
		t = m_run(&m);
		assert_int_equal(supp_check(t), 0);
		if (hidden(&m) <= 9) {
			assert_int_equal(pinned(&m), 0);
			checked++;
		}
		supp_free(t);
	}
	assert_true(checked >= 40);
}

/*
 * The audit by integer programming (supp_audit) finds, for every withheld
 * item, the least and largest value the brute-force attacker finds over
 * every consistent table; an item the search caps (no published total
 * bounds it) is unbounded for the audit.
 */
static void test_audit_matches_brute_force(void **state)
{
	static struct model m;
	unsigned seed = 777;
	int checked = 0, wide = 0;

	(void)state;
	for (int round = 0; round < 60; round++) {
		size_t rows = 2 + round % 3, cols = 2 + (round / 3) % 3;
		double v[16], lo[MAXI], hi[MAXI];
		struct supp_table *t;

		for (size_t i = 0; i < rows * cols; i++) {
			seed = seed * 1103515245u + 12345u;
			v[i] = (seed >> 16) % 3 == 0 ? (seed >> 8) % 5
						     : 5 + (seed >> 8) % 15;
		}
		m_init(&m, 2, 5);
		table2(&m, rows, cols, v, NULL);
		t = m_run(&m);
		if (hidden(&m) > 8) {
			supp_free(t);
			continue;
		}
		assert_int_equal(pinned(&m), 0);
		assert_int_equal(supp_audit(t, lo, hi), 0);
		for (size_t i = 0; i < m.n; i++) {
			size_t id = (size_t)m.id[i];

			if (m.state[i] == SUPP_SHOWN) {
				assert_true(lo[id] != lo[id]);   /* NaN */
				continue;
			}
			assert_true(lo[id] == brute.min[i]);
			if (hi[id] == INFINITY)
				assert_true(brute.max[i] >= 2 * m.k);
			else
				assert_true(hi[id] == brute.max[i]);
			wide += supp_audit_wide_enough(t, id, lo[id], hi[id]);
		}
		checked++;
		supp_free(t);
	}
	assert_true(checked >= 30);
	assert_true(wide > 0);
}

/* 2 x 2 with one small count: after the audit, it could be any of 1..4. */
static void test_audit_primary_whole_range(void **state)
{
	static struct model m;
	static const double v[] = { 2, 30, 40, 50 };
	double lo[MAXI], hi[MAXI];
	size_t cell[4];
	struct supp_table *t;
	unsigned char failing[MAXI] = { 0 };

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 2, 2, v, cell);
	t = m_run(&m);
	assert_int_equal(supp_state(t, (size_t)m.id[cell[0]]), SUPP_PRIMARY);
	assert_int_equal(supp_audit(t, lo, hi), 0);
	for (size_t i = 0; i < supp_items(t); i++)
		failing[i] = supp_state(t, i) != SUPP_SHOWN &&
			     !supp_audit_wide_enough(t, i, lo[i], hi[i]);
	assert_true(supp_widen(t, failing) >= 0);
	assert_int_equal(supp_audit(t, lo, hi), 0);
	assert_true(lo[m.id[cell[0]]] == 1);
	assert_true(hi[m.id[cell[0]]] == 4);
	for (size_t i = 0; i < supp_items(t); i++)
		if (supp_state(t, i) != SUPP_SHOWN)
			assert_true(supp_audit_wide_enough(t, i, lo[i], hi[i]));
	supp_free(t);
}

/*
 * A cube with every margin (period x region x sex, as the brief's tables):
 * one value of base cell (p, r, s) into seed-made values.
 */
static struct supp_table *cube(size_t np, size_t nr, unsigned seed)
{
	struct supp_table *t = supp_new(3, 5);
	double v[12][10][2];
	size_t dims[3] = { np, nr, 2 };

	assert_non_null(t);
	for (size_t p = 0; p < np; p++)
		for (size_t r = 0; r < nr; r++)
			for (size_t s = 0; s < 2; s++) {
				seed = seed * 1103515245u + 12345u;
				v[p][r][s] = (seed >> 16) % 5 == 0
					? (seed >> 8) % 5 : 5 + (seed >> 8) % 30;
			}
	for (uint32_t mask = 0; mask < 8; mask++) {
		uint32_t c[3] = { 0, 0, 0 };

		for (;;) {
			uint32_t x[3];
			double sum = 0;
			size_t d;

			for (d = 0; d < 3; d++)
				x[d] = mask & (1u << d) ? A : c[d];
			for (size_t p = 0; p < np; p++)
				for (size_t r = 0; r < nr; r++)
					for (size_t s = 0; s < 2; s++)
						if ((x[0] == A || x[0] == p) &&
						    (x[1] == A || x[1] == r) &&
						    (x[2] == A || x[2] == s))
							sum += v[p][r][s];
			assert_true(supp_cell(t, x, sum) >= 0);
			for (d = 0; d < 3; d++) {
				if (mask & (1u << d))
					continue;
				if (++c[d] < dims[d])
					break;
				c[d] = 0;
			}
			if (d == 3)
				break;
		}
	}
	assert_int_equal(supp_run(t), 0);
	return t;
}

/*
 * The brief's audit (supp_audit_protects) decides as the exact one does:
 * on cubes with every margin, each withheld item is wide enough for one
 * exactly when it is for the other, and every bound it reports lies within
 * the exact interval (it is reached by a consistent table); with the search
 * near each item and without it (the part's relaxation, witness tables and
 * branching), and the same on a second run.
 */
static void test_audit_protects_agrees(void **state)
{
	static double lo[4096], hi[4096], plo[4096], phi[4096], qlo[4096],
		qhi[4096];
	int wide = 0, narrow = 0;

	(void)state;
	for (unsigned seed = 1; seed <= 6; seed++) {
		struct supp_table *t = cube(4 + seed % 3 * 4, 4 + seed % 2 * 6,
					    seed * 7919u);
		size_t n = supp_items(t);

		assert_true(n <= 4096);
		assert_int_equal(supp_audit(t, lo, hi), 0);
		for (int local = 0; local <= 1; local++) {
			assert_int_equal(supp_audit_goals(t, plo, phi, local),
					 0);
			for (size_t i = 0; i < n; i++) {
				int ew, pw;

				if (supp_state(t, i) == SUPP_SHOWN)
					continue;
				ew = supp_audit_wide_enough(t, i, lo[i], hi[i]);
				pw = supp_audit_wide_enough(t, i, plo[i],
							    phi[i]);
				assert_int_equal(ew, pw);
				assert_true(plo[i] >= lo[i] && phi[i] <= hi[i]);
				if (local) {
					wide += ew;
					narrow += !ew;
				}
			}
		}
		assert_int_equal(supp_audit_protects(t, qlo, qhi), 0);
		assert_int_equal(supp_audit_protects(t, plo, phi), 0);
		assert_memory_equal(qlo, plo, n * sizeof(*plo));
		assert_memory_equal(qhi, phi, n * sizeof(*phi));
		supp_free(t);
	}
	assert_true(wide > 50);
	print_message("audit on cubes: %d wide enough, %d too narrow\n", wide,
		      narrow);
}

/* Larger tables: the boxes check, and the same input gives the same result. */
static void test_large_deterministic(void **state)
{
	struct supp_table *t[2];
	size_t n;

	(void)state;
	for (int run = 0; run < 2; run++) {
		unsigned seed = 7;

		t[run] = supp_new(3, 5);
		for (uint32_t p = 0; p < 12; p++)
			for (uint32_t r = 0; r < 40; r++)
				for (uint32_t s = 0; s < 3; s++) {
					uint32_t c[3] = { p, r, s };

					seed = seed * 1103515245u + 12345u;
					assert_true(supp_cell(t[run], c,
						(seed >> 16) % 10 == 0 ? 1 + (seed >> 8) % 4
						: 5 + (seed >> 8) % 50) >= 0);
				}
		for (uint32_t p = 0; p < 12; p++)
			for (uint32_t r = 0; r < 40; r++) {
				uint32_t c[3] = { p, r, A };

				assert_true(supp_cell(t[run], c, 100) >= 0);
			}
		assert_int_equal(supp_run(t[run]), 0);
		assert_int_equal(supp_check(t[run]), 0);
		assert_false(supp_withheld_all(t[run]));
	}
	n = supp_items(t[0]);
	assert_int_equal(n, supp_items(t[1]));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(supp_state(t[0], i), supp_state(t[1], i));
	assert_true(supp_secondary(t[0]) > 0);
	supp_free(t[0]);
	supp_free(t[1]);
}

/* The attacker is not blind: a pair in one row is given away by a column. */
static void test_attacker_sees_naive(void **state)
{
	struct model m;
	const double v[] = { 3, 12, 20, 9 };
	size_t cell[4];

	(void)state;
	m_init(&m, 2, 5);
	table2(&m, 2, 2, v, cell);
	m_derive(&m);
	m.state[cell[0]] = SUPP_PRIMARY;
	m.state[cell[1]] = SUPP_SECONDARY;      /* the row alone */
	assert_int_equal(pinned(&m), 2);
	m.state[cell[2]] = SUPP_SECONDARY;      /* 1 + 1 in a row: pinned by range */
	m.state[cell[3]] = SUPP_SECONDARY;
	assert_int_equal(pinned(&m), 0);
}

static void test_bad_arguments(void **state)
{
	struct supp_table *t;
	size_t bogus = 7;

	(void)state;
	assert_null(supp_new(0, 5));
	assert_null(supp_new(SUPP_MAX_DIMS + 1, 5));
	t = supp_new(1, 5);
	assert_int_equal(supp_sum(t, &bogus, 1, 3), -1);
	assert_int_equal(supp_state(t, 99), SUPP_SHOWN);
	assert_int_equal(supp_run(t), 0);      /* empty */
	assert_int_equal(supp_check(t), 0);
	supp_free(t);
	supp_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_small),
		cmocka_unit_test(test_threshold_off),
		cmocka_unit_test(test_one_small_cell),
		cmocka_unit_test(test_cheapest_complement),
		cmocka_unit_test(test_two_ones_in_a_row),
		cmocka_unit_test(test_zero_not_complement),
		cmocka_unit_test(test_small_total),
		cmocka_unit_test(test_many_small),
		cmocka_unit_test(test_selection_totals),
		cmocka_unit_test(test_uneven_breakdown),
		cmocka_unit_test(test_lonely_cell),
		cmocka_unit_test(test_withhold_all),
		cmocka_unit_test(test_marks_give_it_away),
		cmocka_unit_test(test_total_over_zeros),
		cmocka_unit_test(test_cube),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_large_deterministic),
		cmocka_unit_test(test_attacker_sees_naive),
		cmocka_unit_test(test_audit_matches_brute_force),
		cmocka_unit_test(test_audit_primary_whole_range),
		cmocka_unit_test(test_audit_protects_agrees),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
