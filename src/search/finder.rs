//! The per-keystroke search: prefilter, score, keep the top k — fast.
//!
//! A [`Finder`] owns a shared [`Corpus`] and remembers the matches of its
//! last query. When the new query only extends the last one (typing more),
//! it re-checks just those matches ("incremental narrowing"), and only the
//! groups that changed: when the last word grew, each candidate resumes the
//! greedy subsequence match where it ended last time, so a keystroke costs
//! about one byte search per candidate. Every record carries a 64-bit
//! character-class mask, so records lacking a needed letter are rejected
//! without reading their text (and a one-letter word is decided by the mask
//! alone). Candidates are split over threads in contiguous chunks; each keeps
//! a bounded heap of its best `limit` hits and stops calling the fuzzy
//! matcher once its heap is full of hits at the query's score bound (later
//! records lose ties), so a short query over a million records costs about
//! one prefilter pass. The cancel token is polled every few thousand records
//! so a newer keystroke can abandon a stale search. Highlighting is left to
//! [`Query::highlight`], called for visible rows only.

use std::sync::Arc;

use super::rank::{Buffers, Cands, Plan, Tail, rank};
use super::{CancelToken, Corpus, Query, Term};
use crate::entity::{EntityRef, Kind};
use crate::snapshot::Snapshot;

/// One ranked record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Record number in the corpus (also the tie-break order).
    pub record: u32,
    /// The record.
    pub entity: EntityRef,
    /// Higher is better; 0 for an empty query.
    pub score: i64,
}

impl Hit {
    /// The kind of record, for grouping.
    pub fn kind(&self) -> Kind {
        self.entity.kind()
    }
}

/// The outcome of one search.
#[derive(Debug, Clone)]
pub struct Results {
    /// The best hits: score descending, then kind, then stable key.
    pub hits: Vec<Hit>,
    /// How many records matched in all (≥ `hits.len()`).
    pub total: usize,
    /// How many matched of each kind, in all (not only among `hits`).
    pub by_kind: Vec<(Kind, usize)>,
    /// The parsed query, for [`Query::highlight`].
    pub query: Query,
}

/// Incremental fuzzy search over a snapshot's records.
#[derive(Debug)]
pub struct Finder {
    corpus: Arc<Corpus>,
    kinds: Vec<Kind>,
    last: Option<Last>,
    /// The buffers of the search before the last, reused by the next one.
    spare: Buffers,
}

/// What the last search left for the next one to narrow from.
#[derive(Debug)]
struct Last {
    text: String,
    query: Query,
    /// Matching records, ascending, and — when `tracked`, the query's last
    /// group being a resumable fuzzy term — per matched record where in its
    /// haystack the greedy match of that term ended
    /// ([`super::rank::UNKNOWN`] when a character-class mask alone proved
    /// the match).
    found: Buffers,
    tracked: bool,
}

fn same_group(a: &[Term], b: &[Term]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
}

impl Finder {
    /// Builds the corpus of `s` and a finder over every kind.
    pub fn new(s: &Snapshot) -> Finder {
        Finder::with_corpus(Arc::new(Corpus::new(s)))
    }
    /// A finder over an existing corpus.
    pub fn with_corpus(corpus: Arc<Corpus>) -> Finder {
        Finder {
            corpus,
            kinds: Vec::new(),
            last: None,
            spare: Buffers::default(),
        }
    }
    /// The shared corpus.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
    /// Searches only records of `kinds` from now on (empty: every kind).
    pub fn restrict(&mut self, kinds: &[Kind]) {
        self.kinds = kinds.to_vec();
        self.forget();
    }

    /// Forgets the last search (the next one starts afresh), keeping its
    /// memory for the next.
    fn forget(&mut self) {
        if let Some(l) = self.last.take() {
            self.spare = l.found;
        }
    }

    /// The best `limit` records for `query` (fzf syntax), or `None` when
    /// `cancel` fired before the search finished.
    pub fn search(&mut self, query: &str, limit: usize, cancel: &CancelToken) -> Option<Results> {
        let q = Query::parse(query);
        let last = self.last.take();
        let prev = last.as_ref().filter(|l| can_narrow(&l.text, query));
        let groups = q.groups();
        let n = groups.len();
        // Groups equal to the previous query's leading groups need no test:
        // every candidate passed them already.
        let (k, pg) = match prev {
            Some(l) => {
                let pg = l.query.groups();
                let k = groups
                    .iter()
                    .zip(pg)
                    .take_while(|(a, b)| same_group(a, b))
                    .count();
                (k, pg)
            }
            None => (0, &[][..]),
        };
        let prev_ends = prev.filter(|l| l.tracked).map(|l| l.found.ends.as_slice());
        let tail_term = groups
            .last()
            .filter(|g| g.len() == 1)
            .and_then(|g| g.first())
            .filter(|t| t.resumable());
        let (check, tail) = match tail_term {
            None => (groups.get(k..).unwrap_or(&[]), Tail::None),
            Some(t) => {
                let others = groups.get(k.min(n - 1)..n - 1).unwrap_or(&[]);
                let prev_tail = (pg.len() == n)
                    .then(|| pg.last())
                    .flatten()
                    .filter(|g| g.len() == 1)
                    .and_then(|g| g.first());
                let tail = match (prev_ends, prev_tail) {
                    (Some(_), Some(p)) if k == n => {
                        debug_assert!(p.same(t));
                        Tail::Same
                    }
                    (Some(_), Some(p))
                        if k + 1 == n && p.resumable() && t.text.starts_with(&p.text) =>
                    {
                        Tail::Resume {
                            full: t.text.as_bytes(),
                            rest: &t.text.as_bytes()[p.text.len()..],
                        }
                    }
                    _ => Tail::Fresh(t.text.as_bytes()),
                };
                (others, tail)
            }
        };
        let plan = Plan {
            check,
            mask: q.mask_from(k),
            tail,
        };
        let restricted;
        let cands = match prev {
            Some(l) => Cands::List(
                &l.found.matched,
                prev_ends.filter(|_| matches!(tail, Tail::Same | Tail::Resume { .. })),
            ),
            None if self.kinds.is_empty() => Cands::Range(0..self.corpus.len() as u32),
            None => {
                restricted = self.all();
                Cands::List(&restricted, None)
            }
        };
        let mut out = std::mem::take(&mut self.spare);
        let Some(hits) = rank(&self.corpus, &q, &plan, cands, limit, cancel, &mut out) else {
            self.last = last;
            self.spare = out;
            return None;
        };
        let total = out.matched.len();
        let by_kind = self.corpus.count_by_kind(&out.matched);
        if let Some(l) = last {
            self.spare = l.found;
        }
        self.last = Some(Last {
            text: query.to_string(),
            query: q.clone(),
            found: out,
            tracked: tail.tracked(),
        });
        Some(Results {
            hits,
            total,
            by_kind,
            query: q,
        })
    }

    fn all(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .kinds
            .iter()
            .flat_map(|&k| self.corpus.range(k))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Whether every record matching `new` also matches `prev`, so `prev`'s
/// matches can be re-checked instead of the whole corpus: `new` extends
/// `prev`, no OR is involved, and the word being extended is not negated,
/// anchored at its end or escaped.
pub fn can_narrow(prev: &str, new: &str) -> bool {
    let Some(added) = new.strip_prefix(prev) else {
        return false;
    };
    if prev.contains('|') || added.contains('|') {
        return false;
    }
    if prev.ends_with(char::is_whitespace) || prev.is_empty() {
        return true;
    }
    let last = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    !(last.starts_with('!') || last.ends_with('$') || last.ends_with('\\'))
}
