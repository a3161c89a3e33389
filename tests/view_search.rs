//! The fuzzy finder: fzf operators, deterministic ranking, top-k pruning and
//! incremental narrowing agree with a brute-force ranking, cancellation.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use std::cmp::Reverse;

use proptest::prelude::*;
use sdgmap::search::{CancelToken, Canceller, Finder, Query, is_subsequence};
use sdgmap::snapshot::load_bundled;

/// Every record's (score, record) for `q`, ranked by brute force.
fn brute(f: &Finder, q: &str) -> Vec<(i64, u32)> {
    let q = Query::parse(q);
    let c = f.corpus();
    let mut all: Vec<(i64, u32)> = (0..c.len() as u32)
        .filter(|&i| q.matches(c.text(i)))
        .map(|i| (q.score(c.text(i)), i))
        .collect();
    all.sort_by_key(|&(s, i)| (Reverse(s), i));
    all
}

#[test]
fn operators_follow_fzf() {
    let q = |s: &str, hay: &str| Query::parse(s).matches(hay);
    let hay = "digital health for africa\nscale up tools.\nitu";
    assert!(q("dgh", hay) && q("'health", hay) && !q("'hlth", hay));
    assert!(q("^digital", hay) && q("^scale", hay) && !q("^health", hay));
    assert!(q("africa$", hay) && q("itu$", hay) && !q("digital$", hay));
    assert!(q("^itu$", hay) && !q("^it$", hay));
    assert!(q("!zzz", hay) && !q("!health", hay));
    assert!(q("zzz | health", hay) && !q("zzz | qqq", hay));
    assert!(q("DIGITAL Health", hay));
    assert!(q("", hay));
}

#[test]
fn ranking_is_deterministic_and_matches_brute_force() {
    let s = load_bundled().unwrap();
    let mut f = Finder::new(&s);
    for q in [
        "d",
        "dig",
        "digital health",
        "'health",
        "^e",
        "broad | mobile",
        "itu !wsis",
    ] {
        let want = brute(&f, q);
        let got = f.search(q, 10, &CancelToken::never()).unwrap();
        assert_eq!(got.total, want.len(), "{q}");
        let got: Vec<(i64, u32)> = got.hits.iter().map(|h| (h.score, h.record)).collect();
        assert_eq!(got, want[..want.len().min(10)], "{q}");
    }
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let s = load_bundled().unwrap();
    let mut typed = Finder::new(&s);
    let text = "digital health !afr";
    for n in 1..=text.len() {
        let q = &text[..n];
        let a = typed.search(q, 20, &CancelToken::never()).unwrap();
        let b = Finder::new(&s)
            .search(q, 20, &CancelToken::never())
            .unwrap();
        assert_eq!((a.total, &a.hits), (b.total, &b.hits), "{q}");
    }
}

#[test]
fn a_bumped_generation_cancels() {
    let s = load_bundled().unwrap();
    let mut f = Finder::new(&s);
    let c = Canceller::new();
    let token = c.bump();
    assert!(f.search("d", 5, &token).is_some());
    c.bump();
    assert!(token.is_cancelled());
    assert!(f.search("d", 5, &token).is_none());
}

#[test]
fn highlight_marks_matched_characters_of_display_text() {
    let q = Query::parse("dh 'Afr");
    assert_eq!(q.highlight("Digital Health for Africa"), [0, 8, 19, 20, 21]);
    assert!(Query::parse("!x").highlight("x").is_empty());
}

proptest! {
    #[test]
    fn no_haystack_scores_above_the_bound(q in "[a-z]{1,6}", hay in "[a-z \\n.-]{0,60}") {
        let query = Query::parse(&q);
        if query.matches(&hay) {
            prop_assert!(query.score(&hay) <= query.bound());
        }
        prop_assert_eq!(query.matches(&hay), is_subsequence(&q, &hay));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn top_scores_are_exact_and_nothing_beats_the_bound(
        a in "[a-e]{1,4}", b in "[a-e]{1,3}", hay in "[a-e \\n.-]{0,40}",
    ) {
        let query = Query::parse(&format!("{a} {b}"));
        if query.matches(&hay) {
            let score = query.score(&hay);
            prop_assert!(score <= query.bound(), "{} > {}", score, query.bound());
            if let Some(top) = query.top_score(&hay) {
                prop_assert_eq!(top, score);
            }
        }
    }
}

#[test]
fn free_text_ranks_indicators_and_countries_by_their_own_text() {
    use sdgmap::entity::EntityRef;
    use sdgmap::view::{Show, parse};
    let s = load_bundled().unwrap();
    let (_, ranked) =
        sdgmap::export::select(&s, &parse("mobile network").unwrap(), Show::Indicators);
    let codes: Vec<String> = ranked.iter().map(|e| e.key(&s)).collect();
    assert_eq!(
        codes.first().map(String::as_str),
        Some("9.c.1"),
        "{codes:?}"
    );
    assert!(ranked.iter().all(|e| matches!(e, EntityRef::Indicator(_))));
    // A country is found by any of its names, in any of the six languages.
    let (_, ranked) = sdgmap::export::select(&s, &parse("'Tailandia").unwrap(), Show::Countries);
    let codes: Vec<String> = ranked.iter().map(|e| e.key(&s)).collect();
    assert_eq!(codes, ["THA"]);
}
