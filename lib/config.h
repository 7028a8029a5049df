/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CONFIG_H
#define RECKON_CONFIG_H

#include <stddef.h>

#include "error.h"

/*
 * The pipeline config (design.md §3): a YAML file in git, loaded into the
 * typed structs below.  Everything the loader returns is owned by the
 * struct rk_config and freed by rk_config_free.  Every error is
 * RK_EXIT_CONFIG with file, line and column set.
 */

/* Where a YAML node starts, 1-based. */
struct rk_mark {
	long line, column;
};

/* One key → scalar pair of a mapping whose keys the user chooses. */
struct rk_kv {
	char *key;
	char *value;           /* the scalar as written (quotes removed) */
	struct rk_mark mark;   /* of the value */
};

struct rk_kvlist {
	struct rk_kv *items;
	size_t n;
};

struct rk_strlist {
	char **items;
	size_t n;
	struct rk_mark mark;   /* of the list (or of the single scalar) */
};

/* A text in the languages reckon speaks; NULL where not given. */
struct rk_i18n {
	char *en, *ru, *tg;
};

/* Where the numbers are in a file and what surrounds them. */
struct rk_layout {
	char *sheet;              /* name or 1-based index as text; NULL */
	char *range;              /* e.g. "A3:F40"; NULL = whole sheet */
	long header_rows;         /* tiers above the body; -1 = not given */
	long header_row;          /* 1-based header row; -1 = not given, 0 = none */
	struct rk_kvlist fields;  /* tidy field ← header text or column letter */
	struct rk_strlist values; /* header texts, letters or one range "B:E";
				     a single scalar gives n = 1 */
	struct rk_strlist value_headers; /* field each header tier becomes */
	char *period;             /* period template, e.g. "{quarter} {year}" */
	char *skip_rows;          /* regex on label cells */
	char *stop_at;            /* "blank" or a regex */
	struct rk_kvlist sentinels; /* cell text → number, or a status word */
	struct rk_kvlist marks;   /* a mark after a number → its status:
				     {"~": revised, "*": provisional} */
	struct rk_kvlist blank_labels; /* field → what its blank label cell
					  means: fill_down (the label above),
					  total (all of the field), or a
					  label; a field not named refuses
					  blanks */
	char *remark;             /* the remark column (header text or
				     letter): each remark kept as a note of
				     the source; NULL = none */
	struct rk_kvlist remarks; /* a remark's text → the status of its
				     row's figures: {"скрыто по просьбе
				     заявителя": suppressed} */
	char *xlsform;            /* an XLSForm (KoBoToolbox, ODK): the file
				     is its export, a row per submission
				     (case), read with the form's questions
				     and choices; resolved; NULL */
	char *decimal;            /* "," or "."; NULL = auto */
	char *encoding;           /* NULL = detect */
	char *delimiter;          /* one character or "tab"; NULL = sniff */
	struct rk_mark mark;
};

/* What a source counts for one indicator (issue 20 item 2). */
struct rk_definition {
	char *indicator;
	struct rk_i18n counts;        /* what it counts, in its own words */
	char *unit;                   /* complaint | person | case | event |
					 report; NULL */
	char *date;                   /* the date a case is counted by:
					 receipt | registration | incident |
					 decision | reporting; NULL */
	struct rk_i18n coverage, legal_basis, publication;
	struct rk_mark mark;
};

/* An earlier release of a source (editions:), in the source's layout. */
struct rk_edition {
	char *label;              /* NULL when not given */
	char *date;               /* its publication day, YYYY-MM-DD */
	struct rk_strlist files;  /* resolved, as the source's file: is */
	struct rk_mark mark;
};

/*
 * collect: a source whose files are forms filled by member organisations
 * (reckon template --organisation): who is expected to send one, and by
 * when (issue 21 item 3).
 */
struct rk_collect {
	char *due;                /* the day the forms are due, YYYY-MM-DD; a
				     form saved after its end is late; NULL */
	struct rk_strlist organisations; /* expected, as written; n = 0: not
					    given (then the codes of the
					    organisation code list, if any) */
	struct rk_mark mark;
};

struct rk_source {
	char *id;
	struct rk_i18n name;
	char *name_ru_genitive;   /* name_ru: the Russian name's case forms */
	char *name_ru_instrumental; /* (Генеральной прокуратуры, -ой); NULL */
	struct rk_i18n short_name;  /* short: a name for sheet tabs (31
				       characters with the number) */
	char *kind;               /* government | nhri | civil_society |
				     international | other; NULL */
	char *file;               /* resolved against the config's directory;
				     the first of files */
	char *file_as_written;    /* as in the config (the first) */
	struct rk_strlist files;  /* every file of the source, resolved: file:
				     a path, a glob (data/gpo_*.xlsx, sorted)
				     or a list of them */
	struct rk_kvlist file_fields;  /* field ← a pattern on the file's name,
					  its first group the value */
	struct rk_kvlist sheet_fields; /* field ← a pattern on the sheet's
					  name */
	struct rk_layout layout;
	struct rk_kvlist constants; /* fixed fields, e.g. indicator; `year`
				       (four digits) is also the year of
				       period labels that name none */
	int cumulative;           /* figures are year-to-date (cumulative:
				     true); 0 when not given */
	long fiscal_year_start;   /* the month its fiscal years begin,
				     2..12; 0: the pipeline's */
	struct rk_definition *definitions; /* per indicator; may be 0 */
	size_t ndefinitions;
	int published;            /* the source has published these figures
				     itself (published: true): they are
				     public and never withheld; 0: they are
				     protected (the default) */
	char *edition_label;      /* edition: {label, date}: the release the
				     file is (reckon-load --edition-of);
				     NULL when not given */
	char *edition_date;       /* its publication day, YYYY-MM-DD; NULL */
	struct rk_edition *editions; /* editions: its earlier releases, oldest
					first (dates ascending, each before
					edition_date, which is then given);
					what a files-only run compares the
					current one with */
	size_t neditions;
	struct rk_collect *collect; /* collect:; NULL when not given */
	struct rk_mark mark;
};

/*
 * A validation rule of reckon-normalise.  check is one of
 * parts_sum_to_total (needs over: a dimension; tolerance: a number, or a
 * percentage of the total like "5%"; default 0), non_negative, maximum
 * (needs max: a number).  severity is error (the rows are rejected) or warn
 * (they are kept and reported); "fail" is read as error.
 */
struct rk_rule {
	char *check;
	char *over;               /* NULL */
	char *severity;           /* as written; NULL = error */
	char *indicator;          /* only this indicator's rows; NULL = all */
	double max;               /* maximum: the largest value allowed */
	double tolerance;         /* parts_sum_to_total; 0 when not given */
	int tolerance_percent;    /* tolerance is a percentage of the total */
	int warn;                 /* severity is warn */
	struct rk_mark mark;
};

/* A trend over fewer periods says nothing that can be trusted. */
#define RK_MIN_PERIODS 6

struct rk_compare {
	char *indicator;
	char *reference;
	struct rk_strlist against;
	double alpha;             /* 0.05 when not given */
	long min_periods;         /* the fewest periods a trend is fitted
				     to: RK_MIN_PERIODS when not given */
	struct rk_kvlist cases;   /* record-level case lists: source → path
				     (resolved); n = 0 when none */
	char *cases_key;          /* their linkage key column ("key") */
	char *denominators;       /* populations or exposures (resolved);
				     NULL = none: no rates */
	double per;               /* rates per this many: 100000 */
	struct rk_mark mark;
};

struct rk_report {
	char *output;             /* resolved; NULL = none */
	struct rk_strlist languages;
	long suppress_below;      /* 0 = no suppression; never 2 */
	long rounding;            /* controlled rounding of protected
				     sources' counts to multiples of this
				     base (3, 5 or 10) instead of
				     suppression; 0 = none */
	struct rk_i18n organisation;  /* who releases the brief; none */
	char *contact;            /* how to reach them; NULL */
	char *version;            /* the brief's version ("1.0"); NULL */
	int no_front_estimate;    /* front_estimate: false: no
				     capture-recapture sentence on the front
				     page */
};

/* Affixes stripped from one dimension's labels before matching. */
struct rk_strip {
	char *dimension;
	struct rk_strlist affixes;
};

struct rk_config {
	char *path;               /* as given to rk_config_load */
	char *dir;                /* directory of path; relative paths resolve here */
	char *pipeline;
	struct rk_i18n title;
	char *period_from, *period_to, *period_grain; /* NULL when not given */
	long fiscal_year_start;   /* period.fiscal_year_start, 2..12; 0 */
	char *period_map;         /* period.map, resolved; NULL */
	struct rk_strlist dimensions;
	char *codelists_dir;      /* resolved; NULL */
	struct rk_kvlist unmapped;        /* dimension (or indicator) →
					     fail | warn | keep */
	struct rk_strip *strip;   /* per-dimension (or indicator) affixes */
	size_t nstrip;
	struct rk_source *sources;
	size_t nsources;
	struct rk_rule *rules;
	size_t nrules;
	struct rk_compare *compares;
	size_t ncompares;
	struct rk_report report;
};

/*
 * Loads and checks the config at path.  Returns NULL with err set on
 * failure: the file cannot be read (RK_EXIT_NOINPUT), or it is not valid
 * YAML, has an unknown key, a wrong type, a missing required key, a
 * malformed integer (`80abc`, octal `010`), a duplicate source id, a layout
 * or constants field that is neither indicator, period nor a dimension
 * (constants may also give `year`, four digits), `cumulative` other than
 * true or false, a rule with an unknown check or severity, without the key
 * its check needs (over, max) or with one it does not take, or with a
 * negative or malformed max or tolerance, or report.suppress_below 2
 * ('<2' would reveal 1) (RK_EXIT_CONFIG, with file:line:column); out of
 * memory is
 * RK_EXIT_SOFTWARE.  Relative paths in the config (source files,
 * codelists.dir, report.output) are joined to the directory of path, which
 * is "." (paths then stay as written) when path has no '/'.  err may be
 * NULL; it is left alone on success.
 */
struct rk_config *rk_config_load(const char *path, struct rk_error *err);

/*
 * rk_config_load with flags: RK_CONFIG_FILES_TO_COME keeps a source's
 * file pattern that matches no file yet as it is (reckon template makes
 * the forms that will match it).
 */
#define RK_CONFIG_FILES_TO_COME 1u
struct rk_config *rk_config_load_opts(const char *path, unsigned flags,
				      struct rk_error *err);

/* Loads from a buffer; name is used in errors and to resolve paths. */
struct rk_config *rk_config_load_data(const char *data, size_t len,
				      const char *name, struct rk_error *err);

/* The source with that id, or NULL. */
const struct rk_source *rk_config_source(const struct rk_config *c,
					 const char *id);

/*
 * A source's editions by position: 0 .. neditions - 1 its earlier
 * releases (editions:), RK_EDITION_LATEST the one its file: is, and
 * RK_EDITION_NONE none.
 */
#define RK_EDITION_LATEST (-1L)
#define RK_EDITION_NONE (-2L)

/*
 * The editions of s that a files-only run reads on day (YYYY-MM-DD; NULL
 * for the latest): *cur, the last dated on or before day (a source whose
 * edition: has no date is read as it is whatever the day), and *prev, the
 * one before *cur (RK_EDITION_NONE when there is none).
 */
void rk_source_editions_on(const struct rk_source *s, const char *day,
			   long *cur, long *prev);

/* Edition e's files (the source's own for RK_EDITION_LATEST). */
const struct rk_strlist *rk_source_edition_files(const struct rk_source *s,
						 long e);

/*
 * Edition e's name: its label, else its date; NULL when it has neither
 * (only RK_EDITION_LATEST can have neither).  Borrowed from s.
 */
const char *rk_source_edition_name(const struct rk_source *s, long e);

/*
 * The edition of s named name (its label, else its date), or
 * RK_EDITION_NONE.
 */
long rk_source_edition(const struct rk_source *s, const char *name);

/* The source's definition of indicator, or NULL (also for s NULL). */
const struct rk_definition *rk_source_definition(const struct rk_source *s,
						 const char *indicator);

/* Frees the config; accepts NULL and half-built configs. */
void rk_config_free(struct rk_config *c);

#endif
