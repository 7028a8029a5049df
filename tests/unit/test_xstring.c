/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "book/xstring.h"

static void decodes_to(const char *in, const char *want, size_t want_len)
{
	char buf[128];
	size_t n = strlen(in);

	memcpy(buf, in, n + 1);
	n = xstring_decode(buf, n);
	assert_int_equal(n, want_len);
	assert_memory_equal(buf, want, want_len);
}

static void test_escapes(void **state)
{
	(void)state;
	decodes_to("ABC_x000D__x000A_DEF", "ABC\r\nDEF", 8);
	decodes_to("_x0000_", "\0", 1);
	decodes_to("_x005F_x0041_", "_x0041_", 7);     /* left to right, no overlap */
	decodes_to("_x041F_", "П", 2);
	decodes_to("_xd83d__xDE00_", "\xF0\x9F\x98\x80", 4);
	decodes_to("no escapes_x12_", "no escapes_x12_", 15);
	decodes_to("_xZZZZ_", "_xZZZZ_", 7);
	/* a lone surrogate keeps every surrogate escape as written */
	decodes_to("_xD83D_ and _xD83D__xDE00_ _x0041_",
		   "_xD83D_ and _xD83D__xDE00_ A", 28);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
