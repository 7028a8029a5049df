/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "yamldoc.h"

static void load(yaml_document_t *d, const char *text)
{
	yaml_parser_t p;

	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)text,
				     strlen(text));
	assert_true(yaml_parser_load(&p, d));
	yaml_parser_delete(&p);
}

static void test_walk(void **state)
{
	yaml_document_t d;
	yaml_node_t *root, *list;

	(void)state;
	load(&d, "{\"a\": \"x\", \"list\": [1, 2, [3]], \"m\": {\"k\": null}}");
	root = yaml_document_get_root_node(&d);
	assert_string_equal(yamldoc_scalar(yamldoc_node(&d,
				yamldoc_get(&d, root, "a"))), "x");
	assert_int_equal(yamldoc_get(&d, root, "none"), 0);
	assert_int_equal(yamldoc_get(&d, NULL, "a"), 0);
	list = yamldoc_node(&d, yamldoc_get(&d, root, "list"));
	assert_int_equal(yamldoc_count(list), 3);
	assert_string_equal(yamldoc_scalar(yamldoc_node(&d,
				yamldoc_item(list, 1))), "2");
	assert_int_equal(yamldoc_item(list, 3), 0);
	assert_null(yamldoc_scalar(yamldoc_node(&d, yamldoc_item(list, 2))));
	assert_int_equal(yamldoc_count(root), 0);     /* not a sequence */
	assert_null(yamldoc_node(&d, 0));
	assert_int_equal(yamldoc_get(&d, list, "a"), 0); /* not a mapping */
	yaml_document_delete(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
