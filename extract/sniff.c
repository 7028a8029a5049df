/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sniff.h"

#define SNIFF_LINES 50

/* on a tie the earlier wins: ';' files often hold decimal commas */
static const unsigned char candidates[] = { ';', ',', '\t', '|' };
#define NCAND (sizeof(candidates))

/*
 * Counts, per line, the candidates outside quotes.  A quoted field may
 * hold line breaks: they do not end the line.
 */
static size_t count_lines(const char *s, size_t len,
			  size_t counts[SNIFF_LINES][NCAND])
{
	size_t line = 0;
	int quoted = 0, content = 0;

	for (size_t i = 0; i < len && line < SNIFF_LINES; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"') {
			quoted = !quoted;
		} else if (!quoted && (c == '\n' || c == '\r')) {
			line += content;
			content = 0;
			continue;
		}
		content = 1;
		for (size_t k = 0; !quoted && k < NCAND; k++)
			counts[line][k] += c == candidates[k];
	}
	return line + (content && line < SNIFF_LINES);
}

/* How many lines share the most common non-zero count of candidate k. */
static size_t consistency(size_t counts[SNIFF_LINES][NCAND], size_t lines,
			  size_t k)
{
	size_t best = 0;

	for (size_t i = 0; i < lines; i++) {
		size_t same = 0;

		if (counts[i][k] == 0)
			continue;
		for (size_t j = 0; j < lines; j++)
			same += counts[j][k] == counts[i][k];
		if (same > best)
			best = same;
	}
	return best;
}

unsigned char sniff_delimiter(const char *text, size_t len)
{
	size_t counts[SNIFF_LINES][NCAND] = { { 0 } };
	size_t lines = count_lines(text, len, counts), best = 0;
	unsigned char delim = ',';

	for (size_t k = 0; k < NCAND; k++) {
		size_t c = consistency(counts, lines, k);

		if (c > best) {
			best = c;
			delim = candidates[k];
		}
	}
	return delim;
}
