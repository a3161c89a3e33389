//! Scoring one term against one haystack with fuzzy-matcher's skim
//! algorithm: the matcher call itself ([`fuzzy`]) and the part of the
//! haystack it needs ([`window`]).

use fuzzy_matcher::skim::SkimMatcherV2;

/// The skim score of `pattern` in `choice` (both lowercased; matching
/// respects case), with the matched character indices when `with_pos`.
///
/// A fresh fuzzy-matcher per call, on purpose: `SkimMatcherV2` (0.3.7) keeps
/// its score matrix in a per-matcher cache and reads some cells of it before
/// writing them, so a reused matcher's score can depend on the calls made
/// before it — the same query could rank differently after other searches
/// or on another thread — and its `use_cache(false)` panics. A matcher per
/// call (about 10% dearer) makes every score a function of its inputs.
pub fn fuzzy(choice: &str, pattern: &str, with_pos: bool) -> Option<(i64, Vec<usize>)> {
    SkimMatcherV2::default()
        .respect_case()
        .fuzzy(choice, pattern, with_pos)
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
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn a_window_scores_like_the_whole(
            hay in "[a-e ./\\-_(\n0-9éÉ]{0,60}",
            term in "[a-eé. ]{1,4}",
        ) {
            let full = fuzzy(&hay, &term, false).map(|x| x.0);
            let cut = fuzzy(window(&hay, &term), &term, false).map(|x| x.0);
            proptest::prop_assert_eq!(full, cut, "{:?} in {:?} (window {:?})", term, hay, window(&hay, &term));
        }
    }
}
