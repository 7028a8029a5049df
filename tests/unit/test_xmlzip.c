/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "bookfix.h"
#include "book/xmlzip.h"

/* Reads the part to its end in small chunks; returns a malloc'd copy. */
static char *read_all(struct xmlzip_part *p, size_t *len)
{
	char *all = NULL, buf[100];
	long n;

	*len = 0;
	while ((n = xmlzip_part_read(p, buf, sizeof(buf), NULL)) > 0) {
		all = realloc(all, *len + (size_t)n + 1);
		memcpy(all + *len, buf, (size_t)n);
		*len += (size_t)n;
	}
	assert_int_equal(n, 0);
	return all;
}

/* A part long enough to span many reads, different at every offset. */
static char *make_text(size_t *len)
{
	size_t cap = 200000, o = 0;
	char *s = malloc(cap);

	for (long i = 0; o + 32 < cap; i++)
		o += (size_t)snprintf(s + o, cap - o, "<c r=\"A%ld\"/>", i);
	*len = o;
	return s;
}

static void read_twice(int spool)
{
	size_t len, n1, n2;
	char *text = make_text(&len);
	struct part p[] = { { "xl/worksheets/sheet1.xml", text, len } };
	struct rk_error err = { 0 };
	struct xmlzip *z = xmlzip_open(write_zip(p, 1), "z", &err);
	struct xmlzip_part *part = z ? xmlzip_part_open(z, 0, &err) : NULL;
	char *first, *second;

	assert_non_null(part);
	if (spool)
		assert_int_equal(xmlzip_part_spool(part), 0);
	first = read_all(part, &n1);
	assert_int_equal(xmlzip_part_rewind(part, &err), 0);
	second = read_all(part, &n2);
	assert_int_equal(n1, len);
	assert_int_equal(n2, len);
	assert_memory_equal(first, text, len);
	assert_memory_equal(second, text, len);
	/* a spool cannot start after the first byte has been read */
	assert_int_equal(xmlzip_part_spool(part), -1);
	free(first);
	free(second);
	xmlzip_part_close(part);
	xmlzip_close(z);
	free(text);
}

/* The rewind reads the spool back, or inflates the entry again. */
static void test_rewind_from_spool(void **state)
{
	(void)state;
	read_twice(1);
}

static void test_rewind_by_reopening(void **state)
{
	(void)state;
	read_twice(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rewind_from_spool),
		cmocka_unit_test(test_rewind_by_reopening),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
