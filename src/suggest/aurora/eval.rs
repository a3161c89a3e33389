//! Evaluation of a query expression against a tokenized text.
//!
//! Every node yields the *spans* (first and last word, inclusive) where it
//! matches, so proximity works on nested groups, and a *degree* in 0–1
//! that says how much of it matched: a phrase 1 or 0, `OR` its best
//! alternative, `AND` the mean of its parts, `W/n` 1 when near enough and
//! ¾ of its sides' mean when they occur too far apart, `AND NOT` 0 once
//! its excluded side occurs. The degree is what lets the scorer weigh a
//! line that nearly matched, and tell the user how much of it did.
//!
//! Work is linear in the text: each phrase is looked up through the
//! document's index, a proximity compares only spans within reach of each
//! other, and no node keeps more than [`MAX_SPANS`] spans.

use std::borrow::Cow;

use super::ast::{Expr, Phrase, WordPattern};
use crate::suggest::text::{Document, Token};

/// A matched stretch of words: first and last position, inclusive.
pub type Span = (u32, u32);

/// The most spans one node keeps; more add nothing to evidence or score.
pub const MAX_SPANS: usize = 256;

/// What an expression matched in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Where it matched, sorted; empty when it did not.
    pub spans: Vec<Span>,
    /// How much of it matched, 0–1 (1 exactly when `spans` is non-empty).
    pub degree: f32,
}

impl Outcome {
    /// Whether the expression matched.
    pub fn matched(&self) -> bool {
        !self.spans.is_empty()
    }
}

/// Evaluates `expr` against `doc`.
pub fn eval(expr: &Expr, doc: &Document) -> Outcome {
    match expr {
        Expr::Phrase(p) => {
            let spans = phrase_spans(p, doc);
            let degree = if spans.is_empty() { 0.0 } else { 1.0 };
            Outcome { spans, degree }
        }
        Expr::Or(parts) => {
            let mut spans = Vec::new();
            let mut degree: f32 = 0.0;
            for p in parts {
                let o = eval(p, doc);
                degree = degree.max(o.degree);
                spans.extend(o.spans);
            }
            Outcome {
                spans: normalize(spans),
                degree,
            }
        }
        Expr::And(parts) => {
            let outs: Vec<Outcome> = parts.iter().map(|p| eval(p, doc)).collect();
            let all = outs.iter().all(Outcome::matched);
            let degree = outs.iter().map(|o| o.degree).sum::<f32>() / outs.len().max(1) as f32;
            let spans = if all {
                normalize(outs.into_iter().flat_map(|o| o.spans).collect())
            } else {
                Vec::new()
            };
            Outcome {
                degree: if all { 1.0 } else { degree.min(0.99) },
                spans,
            }
        }
        Expr::AndNot(left, right) => {
            let l = eval(left, doc);
            if l.degree > 0.0 && eval(right, doc).matched() {
                Outcome {
                    spans: Vec::new(),
                    degree: 0.0,
                }
            } else {
                l
            }
        }
        Expr::Near {
            left,
            right,
            distance,
            ordered,
        } => {
            let l = eval(left, doc);
            let r = eval(right, doc);
            let spans = near(&l.spans, &r.spans, u32::from(*distance), *ordered);
            let degree = if spans.is_empty() {
                0.75 * (l.degree + r.degree) / 2.0
            } else {
                1.0
            };
            Outcome { spans, degree }
        }
        Expr::Field { inner, .. } => eval(inner, doc),
    }
}

/// Positions of the words to highlight for a matched expression: every
/// word of a phrase that is not excluded by `AND NOT` and lies within one
/// of the expression's `spans`, ascending.
pub fn highlights(expr: &Expr, doc: &Document, spans: &[Span]) -> Vec<u32> {
    let mut out = Vec::new();
    for (phrase, negated) in expr.phrases() {
        if negated {
            continue;
        }
        for (s, e) in phrase_spans(phrase, doc) {
            if spans.iter().any(|&(a, b)| a <= s && e <= b) {
                out.extend(s..=e);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a word pattern matches a token.
pub fn word_matches(w: &WordPattern, t: &Token) -> bool {
    match &w.lemma {
        Some(l) => t.lemma == *l,
        None => w.matches_glob(&t.word),
    }
}

/// Positions where a single word pattern matches.
fn word_positions<'d>(w: &WordPattern, doc: &'d Document) -> Cow<'d, [u32]> {
    if let Some(l) = &w.lemma {
        return Cow::Borrowed(doc.positions_of_lemma(l));
    }
    let prefix = w.prefix();
    if w.text.len() == prefix.len() + 1 && w.text.ends_with('*') {
        return Cow::Owned(doc.positions_with_prefix(prefix));
    }
    let tokens = doc.tokens();
    let mut v: Vec<u32> = doc
        .positions_with_prefix(prefix)
        .into_iter()
        .filter(|&p| w.matches_glob(&tokens[p as usize].word))
        .collect();
    v.sort_unstable();
    Cow::Owned(v)
}

/// Where a phrase occurs: its first word's positions followed by the rest.
pub fn phrase_spans(p: &Phrase, doc: &Document) -> Vec<Span> {
    let Some((first, rest)) = p.words.split_first() else {
        return Vec::new();
    };
    let tokens = doc.tokens();
    let mut out = Vec::new();
    for &start in word_positions(first, doc).iter() {
        let s = start as usize;
        let fits = rest
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(s + 1 + k).is_some_and(|t| word_matches(w, t)));
        if fits {
            out.push((start, start + rest.len() as u32));
            if out.len() >= MAX_SPANS {
                break;
            }
        }
    }
    out
}

/// Pairs of spans at most `n` words apart (`ordered`: left first), each
/// merged into one span. Spans that overlap do not pair: the two sides
/// must be different words.
fn near(left: &[Span], right: &[Span], n: u32, ordered: bool) -> Vec<Span> {
    if left.is_empty() || right.is_empty() {
        return Vec::new();
    }
    let longest = right.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
    let mut out = Vec::new();
    for &(ls, le) in left {
        // right spans starting in [ls - n - 1 - longest, le + n + 1]
        let lo = ls.saturating_sub(n + 1 + longest);
        let hi = le.saturating_add(n + 1);
        let from = right.partition_point(|&(s, _)| s < lo);
        for &(rs, re) in right[from..].iter().take_while(|&&(s, _)| s <= hi) {
            let after = rs > le && rs - le - 1 <= n;
            let before = !ordered && re < ls && ls - re - 1 <= n;
            if after || before {
                out.push((ls.min(rs), le.max(re)));
            }
        }
        if out.len() >= MAX_SPANS {
            break;
        }
    }
    normalize(out)
}

/// Sorts, removes duplicates and caps a span list.
fn normalize(mut v: Vec<Span>) -> Vec<Span> {
    v.sort_unstable();
    v.dedup();
    v.truncate(MAX_SPANS);
    v
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    fn hit(q: &str, text: &str) -> bool {
        eval(&parse(q).unwrap(), &Document::new(text)).matched()
    }

    fn degree(q: &str, text: &str) -> f32 {
        eval(&parse(q).unwrap(), &Document::new(text)).degree
    }

    #[test]
    fn phrases_are_loose_and_match_plurals() {
        assert!(hit(r#""poverty line""#, "above the poverty-lines of 2015"));
        assert!(hit(r#""fisheries""#, "small fishery"));
        assert!(hit(r#""fishery""#, "coastal fisheries"));
        assert!(!hit(r#""poverty line""#, "poverty and a line"));
        assert!(hit(
            r#""women's property rights""#,
            "Women’s property rights matter"
        ));
    }

    #[test]
    fn wildcards_match_prefixes_and_globs() {
        assert!(hit(r#""develop* countr*""#, "in developing countries"));
        assert!(!hit(r#""develop* countr*""#, "developing new country"));
        assert!(hit(r#""force* labo*""#, "forced labour"));
        assert!(hit(r#""wom?n""#, "women"));
    }

    #[test]
    fn proximity_counts_the_words_between() {
        let q = r#""poverty" W/3 "eradicat*""#;
        assert!(hit(q, "eradicating extreme poverty"));
        assert!(hit(q, "poverty, one thing we eradicate"));
        assert!(!hit(q, "poverty is one thing we eradicate"));
        let q = r#""poverty" PRE/1 "eradicat*""#;
        assert!(hit(q, "poverty, eradicated"));
        assert!(!hit(q, "eradicated poverty"));
        assert!(hit(r#""a" W/0 "b""#, "b a"));
        assert!(!hit(r#""a" W/0 "b""#, "a x b"));
    }

    #[test]
    fn proximity_nests() {
        let q = r#"("disaster*") W/3 (( "number" W/3 ( "death*" OR "people" ) ) OR ( "missing person*" ))"#;
        assert!(hit(q, "the number of people affected by disasters"));
        assert!(hit(q, "disasters left missing persons"));
        assert!(!hit(
            q,
            "disasters happen; the number of all the many affected people"
        ));
        // the same word cannot be both sides
        assert!(!hit(r#""water*" W/3 "water""#, "water"));
        assert!(hit(r#""water*" W/3 "water""#, "waterways and water"));
    }

    #[test]
    fn and_not_excludes() {
        let q = r#"("poaching" OR "trafficking") AND ("species" OR "wildlife") AND NOT ("marine" OR "sea")"#;
        assert!(hit(q, "poaching of wildlife"));
        assert!(!hit(q, "poaching of marine wildlife"));
        assert_eq!(degree(q, "poaching of marine wildlife"), 0.0);
    }

    #[test]
    fn degree_weighs_how_much_matched() {
        let q = r#"("social protection" OR "poor*") AND ("poverty" OR "income")"#;
        assert_eq!(degree(q, "income of the poor"), 1.0);
        assert_eq!(degree(q, "income support"), 0.5);
        assert_eq!(degree(q, "nothing here"), 0.0);
        let q = r#""poverty" W/3 "reduc*""#;
        assert_eq!(
            degree(q, "poverty is something a new policy may well reduce"),
            0.75
        );
        assert_eq!(degree(q, "poverty"), 0.375);
    }

    #[test]
    fn highlights_skip_excluded_and_far_words() {
        let q = parse(r#"("a" W/1 "b") AND NOT "zzz""#).unwrap();
        let d = Document::new("b x a y y y a");
        let o = eval(&q, &d);
        assert_eq!(o.spans, [(0, 2)]);
        assert_eq!(highlights(&q, &d, &o.spans), [0, 2]);
    }

    #[test]
    fn many_occurrences_stay_bounded() {
        let text = "a b ".repeat(5_000);
        let o = eval(&parse(r#""a" W/3 "b""#).unwrap(), &Document::new(&text));
        assert!(o.matched() && o.spans.len() <= MAX_SPANS);
    }
}
