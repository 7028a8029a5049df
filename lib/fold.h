/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_FOLD_H
#define RECKON_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/*
 * Label folding (design.md §3, issue 4): the key under which two spellings
 * of one label meet.  In order:
 *
 *   1. Unicode NFKC (NBSP becomes a space, full-width and superscript
 *      forms become plain ones, combining sequences compose);
 *   2. look-alikes: in a word (a run of letters) written in Cyrillic with
 *      some Latin letters that look the same (A B C E H K M O P T X Y a c
 *      e k o p x y), those become Cyrillic, and the reverse in a Latin
 *      word; a word of look-alikes only goes to the script most of its
 *      letters are in (Latin on a tie); a word with letters of both
 *      scripts that look like nothing in the other is left alone;
 *   3. Unicode case folding;
 *   4. ё → е (and ѐ → е, ѝ → и); the Tajik letters to their Russian
 *      neighbours: ғ → г, ӣ → и, ӯ → у, ҳ → х, қ → к, ҷ → ч, and the
 *      stand-ins typed for them on other keyboards: ѓ → г, ќ ҡ → к,
 *      ў → у, ҹ → ч, һ → х;
 *   5. combining marks (stress accents) dropped; every run of characters
 *      that are neither letters nor digits (spaces, NBSP, punctuation,
 *      symbols) becomes one space, and none is left at either end;
 *   6. affixes (per code list: "г.", "обл.", "вилояти", "region" ...),
 *      folded the same way, stripped as whole words from the start and the
 *      end, repeatedly, but never down to nothing.
 *
 * "ш.Душанбе", "г. Душанбе", " DUSHANBE " (with strip г., ш.) give
 * "душанбе", "душанбе", "dushanbe".  Keys are UTF-8.
 */
struct rk_fold;

/* Affixes to strip, folded; built by rk_fold_affixes_init. */
struct rk_fold_affixes {
	char **key;   /* longest first */
	size_t n;
};

/* A folder (ICU objects and buffers), or NULL with err set. */
struct rk_fold *rk_fold_new(struct rk_error *err);

/*
 * Folds s[0..len), which must be UTF-8, and strips the affixes in strip
 * (NULL: none).  Returns the key, NUL-terminated, owned by f and valid
 * until the next call on f; or NULL with err set: RK_EXIT_DATAERR for
 * text that is not UTF-8, RK_EXIT_SOFTWARE for an ICU failure.  The key is
 * "" for a label of punctuation and spaces only.
 */
const char *rk_fold_key(struct rk_fold *f, const char *s, size_t len,
			const struct rk_fold_affixes *strip,
			struct rk_error *err);

/*
 * A Latin transliteration of a folded key, for similarity scores only
 * (Russian letters after the usual romanisation: ж zh, х kh, ц ts, ч ch,
 * ш sh, щ shch, ю yu, я ya, й y, ы y, ъ ь dropped; the rest unchanged).
 * Returns a string owned by f, valid until the next call on f, or NULL
 * when out of memory.
 */
const char *rk_fold_latin(struct rk_fold *f, const char *key);

/*
 * Folds each of items[0..n) into a->key (empty results are left out);
 * a must be zeroed or released.  Returns 0, or -1 with err set.
 */
int rk_fold_affixes_init(struct rk_fold *f, char *const *items, size_t n,
			 struct rk_fold_affixes *a, struct rk_error *err);

/* Frees what rk_fold_affixes_init made; accepts a zeroed struct. */
void rk_fold_affixes_release(struct rk_fold_affixes *a);

/* Frees the folder; accepts NULL. */
/*
 * A lower-case letter folded as keys fold it (ё, ѐ to е; ғ, ѓ to г; ӣ, ѝ
 * to и; қ, ќ, ҡ to к; ӯ, ў to у; ҳ, һ to х; ҷ, ҹ to ч); any other code
 * point unchanged.
 */
uint32_t rk_fold_letter(uint32_t c);

void rk_fold_free(struct rk_fold *f);

#endif
