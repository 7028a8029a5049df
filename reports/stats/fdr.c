/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fdr.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_sort.h>

int fdr_bh(const double *p, size_t n, double *q)
{
	size_t *order = NULL, m = 0;
	double *tested = NULL, running = 1.0;
	int rc = -1;

	tested = calloc(n ? n : 1, sizeof(*tested));
	order = malloc((n ? n : 1) * sizeof(*order));
	if (!tested || !order)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (!isnan(p[i]))
			tested[m++] = p[i];
	gsl_sort_index(order, tested, 1, m);
	/* from the largest p down: the running minimum of m p / rank */
	for (size_t k = m; k-- > 0;) {
		double v = fmin(1.0, tested[order[k]] * (double)m / (double)(k + 1));

		running = fmin(running, v);
		tested[order[k]] = running;
	}
	for (size_t i = 0, j = 0; i < n; i++)
		q[i] = isnan(p[i]) ? NAN : tested[j++];
	rc = 0;
out:
	free(tested);
	free(order);
	return rc;
}

size_t fdr_rejections(const double *q, size_t n, double alpha)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += q[i] < alpha;
	return k;
}
