//! Scoring one term against one haystack with fuzzy-matcher's skim
//! algorithm: the matcher call itself ([`fuzzy`]) and the part of the
//! haystack it needs ([`window`]), both bounded so that any pattern against
//! any text costs at most a fixed amount of work and memory.
//!
//! The skim algorithm fills a table of pattern × text cells, so a 10,000
//! character pattern or a 200 MB title would cost gigabytes. Three bounds
//! keep every call small: search text is at most [`MAX_PATTERN_CHARS`]
//! characters (the view parser and the app refuse more; [`super::Query`]
//! drops the rest), a long text is scored on the [`MAX_WINDOW_BYTES`]
//! around its best-placed match ([`bounded_window`]), and when pattern ×
//! window would exceed [`MAX_CELLS`] cells the matcher's own linear greedy
//! scoring is used instead of its table (as fzf falls back to its v1
//! algorithm). Texts and patterns of ordinary size are scored exactly as
//! before.

use fuzzy_matcher::skim::SkimMatcherV2;

/// The most characters of search text a query holds: the finder's `/`
/// text, or the free-text words of a view together.
pub const MAX_PATTERN_CHARS: usize = 256;

/// The most bytes of one text scored with the matcher's table; a longer
/// text is scored on this much around its best-placed match.
pub const MAX_WINDOW_BYTES: usize = 4096;

/// The most table cells (pattern × window) one matcher call may fill; past
/// it, the matcher scores its greedy match in linear time.
pub const MAX_CELLS: usize = 1 << 17;

/// The skim score of `pattern` in `choice` (both lowercased; matching
/// respects case), with the matched character indices (into `choice`) when
/// `with_pos`. Work and memory are bounded whatever the sizes: `choice` is
/// cut to [`bounded_window`], and the table to [`MAX_CELLS`] cells.
///
/// Scores without positions reuse one matcher per thread, reset before
/// each call (see `reused`); scores with positions (the few rows a screen
/// highlights) take a fresh one.
pub fn fuzzy(choice: &str, pattern: &str, with_pos: bool) -> Option<(i64, Vec<usize>)> {
    if choice.len() <= MAX_WINDOW_BYTES {
        return table(choice, pattern, with_pos);
    }
    let w = bounded_window(choice, pattern);
    let (score, mut pos) = table(w, pattern, with_pos)?;
    if with_pos {
        let offset = w.as_ptr() as usize - choice.as_ptr() as usize;
        let skipped = choice[..offset].chars().count();
        pos.iter_mut().for_each(|p| *p += skipped);
    }
    Some((score, pos))
}

/// One matcher call, its table bounded by [`MAX_CELLS`].
fn table(choice: &str, pattern: &str, with_pos: bool) -> Option<(i64, Vec<usize>)> {
    if with_pos {
        return fresh(MAX_CELLS).fuzzy(choice, pattern, true);
    }
    let rows = pattern.chars().count().max(1);
    // Without positions the matcher keeps two rows of `choice` + 1 columns
    // and gives up its table when they exceed its limit.
    let limit = (2 * MAX_CELLS / rows).max(2);
    let fits = |chars: usize| 2 * (chars + 1) <= limit;
    // (bytes are at least the characters: most texts need no count)
    if !fits(choice.len()) && !fits(choice.chars().count()) {
        return fresh(limit).fuzzy(choice, pattern, false);
    }
    REUSED.with(|m| reused(m, choice, pattern))
}

/// A new matcher that respects case (the texts are lowercased) and scores
/// past `limit` cells without its table.
fn fresh(limit: usize) -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case().element_limit(limit)
}

thread_local! {
    /// This thread's matcher for scores without positions, with no cell
    /// limit ([`table`] decides when the table is too big).
    static REUSED: SkimMatcherV2 = SkimMatcherV2::default().respect_case();
}

/// The score of `pattern` in `choice` from a reused matcher, exactly as a
/// fresh one scores it.
///
/// A fresh matcher per call costs a dozen allocations (its three per-thread
/// caches and their growth), about a tenth of a call; a reused one does
/// not, but fuzzy-matcher 0.3.7 keeps its score matrix between calls and
/// reads a cell it has not written in this call (the `bonus` of the
/// previous matched cell, in the second row), so a reused matcher's score
/// could depend on the calls before it. Scoring `a` in `a` first cuts the
/// cached matrix to four cells; the call that follows extends it with new
/// cells, as a fresh matcher has them. The four kept are cells it never
/// reads before writing: the first row, which it resets whole, and of the
/// second (for a text of one or two characters) only columns before its
/// first match, which it never reads, or the one at that match, which it
/// resets. A test holds the two equal on generated sequences of calls,
/// texts of every length from empty on.
fn reused(m: &SkimMatcherV2, choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
    let _ = m.fuzzy("a", "a", false);
    m.fuzzy(choice, pattern, false)
}

/// `window`, cut to at most [`MAX_WINDOW_BYTES`]: from the character
/// before the shortest match that ends where the leftmost greedy match ends
/// (the best-placed short match in linear time). When even that match is
/// longer, the cut keeps its start, and the matcher finds no match there
/// (the record still matches; it ranks last).
pub fn bounded_window<'a>(hay: &'a str, term: &str) -> &'a str {
    let w = window(hay, term);
    if w.len() <= MAX_WINDOW_BYTES {
        return w;
    }
    // From the character before the match (its word-boundary bonus); what
    // follows it, up to the bound, may hold a better-scoring alignment.
    let start = shortest_match_start(w, term)
        .and_then(|i| w[..i].char_indices().next_back())
        .map_or(0, |(j, _)| j);
    floor(&w[start..], MAX_WINDOW_BYTES)
}

/// `s` cut to at most `max` bytes, on a character boundary.
fn floor(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Where the shortest occurrence of `term` as a subsequence of `hay` that
/// ends where the leftmost greedy one does starts (linear time).
fn shortest_match_start(hay: &str, term: &str) -> Option<usize> {
    let mut it = hay.char_indices();
    let mut end = 0;
    for c in term.chars() {
        let (i, _) = it.by_ref().find(|&(_, x)| x == c)?;
        end = i + c.len_utf8();
    }
    let mut back = hay[..end].char_indices().rev();
    let mut start = end;
    for c in term.chars().rev() {
        let (i, _) = back.by_ref().find(|&(_, x)| x == c)?;
        start = i;
    }
    Some(start)
}

/// The part of `hay` the matcher needs to score `term`, which it scores
/// exactly as the whole:
///
/// - cut after the last occurrence of the term's last character: the score
///   is the best alignment *ending* on that character, and the matcher's
///   table at a column depends only on the columns before it;
/// - cut before the character preceding the first occurrence of the term's
///   first character: no alignment starts earlier, and the one character
///   kept gives the first match its word-boundary bonus. The characters
///   cut never match, so their own bonuses never count.
///
/// Scoring a window rather than a whole title and summary is most of what
/// keeps `sdgmap query` fast.
pub(super) fn window<'a>(hay: &'a str, term: &str) -> &'a str {
    let hay = trim_after_last(hay, term);
    let first = match term.chars().next() {
        Some(c) if c.is_ascii() => memchr::memchr(c as u8, hay.as_bytes()),
        Some(c) => hay.find(c),
        None => None,
    };
    let start = first
        .and_then(|i| hay[..i].char_indices().next_back())
        .map_or(0, |(j, _)| j);
    &hay[start..]
}

/// `hay` cut after the last occurrence of `term`'s last character.
fn trim_after_last<'a>(hay: &'a str, term: &str) -> &'a str {
    let cut = match term.as_bytes().last() {
        Some(&b) if b.is_ascii() => memchr::memrchr(b, hay.as_bytes()).map(|i| i + 1),
        _ => term
            .chars()
            .next_back()
            .and_then(|c| hay.rfind(c).map(|i| i + c.len_utf8())),
    };
    cut.and_then(|i| hay.get(..i)).unwrap_or(hay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring_a_window_never_changes_a_score() {
        let hays = [
            "digital health initiative\na programme helps health workers.\nwho",
            "open data lab\nhealth for all; digital hub — ça va\nitu\nunicef",
            "dh\nhh\ndd",
            "é digital é\nhéalth",
        ];
        for hay in hays {
            for term in ["dh", "health", "digital", "a", "lth", "al", "é", "hé", "ça"] {
                let full = fuzzy(hay, term, false).map(|x| x.0);
                let cut = fuzzy(window(hay, term), term, false).map(|x| x.0);
                assert_eq!(full, cut, "{term:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn a_score_does_not_depend_on_earlier_scores() {
        // A reused SkimMatcherV2 scores the second haystack 74 after the
        // first (stale cells of its cached matrix), 71 on its own.
        let (long, short, term) = ("0_é_\n _0ÉÉé.éa(0aÉ\n0", "_é_\n _0ÉÉé.é", "éé.é");
        let alone = fuzzy(short, term, false).map(|x| x.0);
        let _ = fuzzy(long, term, false);
        assert_eq!(fuzzy(short, term, false).map(|x| x.0), alone);
        assert_eq!(alone, Some(71));
        // The matcher itself, reused without the reset, still scores 74:
        // when it no longer does, `reused` can go.
        let m = SkimMatcherV2::default().respect_case();
        let _ = m.fuzzy(long, term, false);
        assert_eq!(m.fuzzy(short, term, false).map(|x| x.0), Some(74));
        let _ = m.fuzzy(long, term, false);
        assert_eq!(reused(&m, short, term).map(|x| x.0), Some(71));
    }

    #[test]
    fn past_the_cell_limit_the_matcher_scores_greedily_as_before() {
        // 128 pattern rows allow 1024 columns; this text (within one
        // window) has more, and its greedy match (the first `a`, far from
        // the rest) scores less than the table's best alignment would
        let pattern = "ab".repeat(64);
        let choice = format!("a{} {}", "x".repeat(1500), "ab ".repeat(100));
        let limited = fresh((2 * MAX_CELLS / 128).max(2)).fuzzy(&choice, &pattern, false);
        let table = SkimMatcherV2::default()
            .respect_case()
            .fuzzy(&choice, &pattern, false);
        assert_ne!(limited.as_ref().map(|x| x.0), table.map(|x| x.0));
        assert_eq!(
            fuzzy(&choice, &pattern, false).map(|x| x.0),
            limited.map(|x| x.0)
        );
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(2000))]
        #[test]
        fn a_window_scores_like_the_whole(
            hay in "[a-e ./\\-_(\n0-9éÉ]{0,60}",
            term in "[a-eé. ]{1,4}",
        ) {
            let full = fuzzy(&hay, &term, false).map(|x| x.0);
            let cut = fuzzy(window(&hay, &term), &term, false).map(|x| x.0);
            proptest::prop_assert_eq!(full, cut, "{:?} in {:?} (window {:?})", term, hay, window(&hay, &term));
        }

        #[test]
        fn a_reused_matcher_scores_as_a_fresh_one(
            calls in proptest::collection::vec(
                // few letters, so that terms match often and runs of
                // matched cells (the stale cells' readers) are common
                ("[ab. _é\n0É]{0,50}", "[abé. ]{1,5}"),
                1..12,
            ),
        ) {
            // one matcher through the whole sequence, as a thread keeps it
            let m = SkimMatcherV2::default().respect_case();
            for (hay, term) in &calls {
                let want = fresh(MAX_CELLS).fuzzy(hay, term, false).map(|x| x.0);
                if hay.chars().nth(2).is_some() {
                    let got = reused(&m, hay, term).map(|x| x.0);
                    proptest::prop_assert_eq!(got, want, "{:?} in {:?} after {:?}", term, hay, calls);
                }
                proptest::prop_assert_eq!(fuzzy(hay, term, false).map(|x| x.0), want);
            }
        }
    }
}
