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

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::Arc;

use super::corpus::exact_bit;
use super::query::subsequence_end;
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
    /// The parsed query, for [`Query::highlight`].
    pub query: Query,
}

/// Incremental fuzzy search over a snapshot's records.
#[derive(Debug)]
pub struct Finder {
    corpus: Arc<Corpus>,
    kinds: Vec<Kind>,
    last: Option<Last>,
}

/// What the last search left for the next one to narrow from.
#[derive(Debug)]
struct Last {
    text: String,
    query: Query,
    /// Matching records, ascending.
    matched: Vec<u32>,
    /// When the query's last group is a resumable fuzzy term: per matched
    /// record, where in its haystack the greedy match of that term ended
    /// ([`UNKNOWN`] when a character-class mask alone proved the match).
    ends: Option<Vec<u32>>,
}

/// An end not computed yet.
const UNKNOWN: u32 = u32::MAX;

/// How the query's last group is tested when it is a resumable fuzzy term,
/// so that typing one more character costs one byte search per candidate.
#[derive(Debug, Clone, Copy)]
enum Tail<'a> {
    /// Not tracked (the last group, if any, is tested with the others).
    None,
    /// Matched from the start, noting where the match ends.
    Fresh(&'a [u8]),
    /// The same term as last time: its ends carry over.
    Same,
    /// The last term grew by `rest`: continue from the previous end (from
    /// the start with `full` where that end is unknown).
    Resume { full: &'a [u8], rest: &'a [u8] },
}

/// What one search tests per candidate.
#[derive(Debug, Clone, Copy)]
struct Plan<'a> {
    /// Groups tested in full.
    check: &'a [Vec<Term>],
    /// Character classes a candidate must contain.
    mask: u64,
    tail: Tail<'a>,
}

/// The records to test: a whole range, or a previous search's matches with
/// their tail ends.
#[derive(Debug, Clone)]
enum Cands<'a> {
    Range(Range<u32>),
    List(&'a [u32], Option<&'a [u32]>),
}

impl Cands<'_> {
    fn len(&self) -> usize {
        match self {
            Cands::Range(r) => r.len(),
            Cands::List(l, _) => l.len(),
        }
    }
    /// Splits into at most `n` contiguous parts, in order.
    fn split(&self, n: usize) -> Vec<Self> {
        let chunk = self.len().div_ceil(n.max(1)).max(1);
        match self {
            Cands::Range(r) => (r.start..r.end)
                .step_by(chunk)
                .map(|a| Cands::Range(a..a.saturating_add(chunk as u32).min(r.end)))
                .collect(),
            Cands::List(l, e) => l
                .chunks(chunk)
                .enumerate()
                .map(|(k, part)| {
                    let ends = e.and_then(|e| e.get(k * chunk..k * chunk + part.len()));
                    Cands::List(part, ends)
                })
                .collect(),
        }
    }
}

/// Below this many candidates a single thread is faster than spawning.
const PARALLEL_MIN: usize = 20_000;
/// How many records a worker checks between looks at the cancel token.
const POLL_EVERY: usize = 4096;

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
        }
    }
    /// The shared corpus.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
    /// Searches only records of `kinds` from now on (empty: every kind).
    pub fn restrict(&mut self, kinds: &[Kind]) {
        self.kinds = kinds.to_vec();
        self.last = None;
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
        let prev_ends = prev.and_then(|l| l.ends.as_deref());
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
                &l.matched,
                prev_ends.filter(|_| matches!(tail, Tail::Same | Tail::Resume { .. })),
            ),
            None if self.kinds.is_empty() => Cands::Range(0..self.corpus.len() as u32),
            None => {
                restricted = self.all();
                Cands::List(&restricted, None)
            }
        };
        let ranked = rank(&self.corpus, &q, &plan, cands, limit, cancel);
        let Some(Ranked {
            matched,
            ends,
            hits,
        }) = ranked
        else {
            self.last = last;
            return None;
        };
        let total = matched.len();
        self.last = Some(Last {
            text: query.to_string(),
            query: q.clone(),
            matched,
            ends: (!matches!(tail, Tail::None)).then_some(ends),
        });
        Some(Results {
            hits,
            total,
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

/// What a search (or one worker's part of it) found.
#[derive(Debug, Default)]
struct Ranked {
    matched: Vec<u32>,
    ends: Vec<u32>,
    hits: Vec<Hit>,
}

/// Tests `cands` (ascending) and keeps the best `limit` hits.
fn rank(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: Cands<'_>,
    limit: usize,
    cancel: &CancelToken,
) -> Option<Ranked> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let parts: Vec<Option<Ranked>> = if threads > 1 && cands.len() >= PARALLEL_MIN {
        std::thread::scope(|sc| {
            let handles: Vec<_> = cands
                .split(threads)
                .into_iter()
                .map(|part| sc.spawn(move || rank_chunk(c, q, plan, part, limit, cancel)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    } else {
        vec![rank_chunk(c, q, plan, cands, limit, cancel)]
    };
    let mut all = Ranked::default();
    let track = !matches!(plan.tail, Tail::None);
    for p in parts {
        let p = p?;
        if all.matched.is_empty() {
            all.matched = p.matched;
            all.ends = p.ends;
        } else {
            all.matched.extend(p.matched);
            if track {
                all.ends.extend(p.ends);
            }
        }
        all.hits.extend(p.hits);
    }
    all.hits.sort_by_key(|h| (Reverse(h.score), h.record));
    all.hits.truncate(limit);
    Some(all)
}

/// Whether record `i` passes `plan`; `Some(end of the tail match)` if so.
#[inline]
fn test(c: &Corpus, plan: &Plan<'_>, i: u32, end: u32) -> Option<u32> {
    if c.mask(i) & plan.mask != plan.mask {
        return None;
    }
    if !plan.check.is_empty() {
        let hay = c.text(i);
        if !plan.check.iter().all(|g| g.iter().any(|t| t.matches(hay))) {
            return None;
        }
    }
    let to_u32 = |e: usize| u32::try_from(e).unwrap_or(UNKNOWN);
    // The haystack is read only when needed: at a million records, touching
    // each one's memory costs more than the tests.
    match plan.tail {
        Tail::None => Some(UNKNOWN),
        Tail::Same => Some(end),
        // The mask proved a single letter or digit occurs; where is found
        // only if the term grows.
        Tail::Fresh([b]) if exact_bit(*b) => Some(UNKNOWN),
        Tail::Fresh(t) => subsequence_end(t, c.bytes(i), 0).map(to_u32),
        Tail::Resume { full, .. } if end == UNKNOWN => {
            subsequence_end(full, c.bytes(i), 0).map(to_u32)
        }
        Tail::Resume { rest, .. } => subsequence_end(rest, c.bytes(i), end as usize).map(to_u32),
    }
}

fn rank_chunk(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: Cands<'_>,
    limit: usize,
    cancel: &CancelToken,
) -> Option<Ranked> {
    match cands {
        Cands::Range(r) => rank_iter(
            c,
            q,
            plan,
            r.clone().map(|i| (i, UNKNOWN)),
            r.len(),
            limit,
            cancel,
        ),
        Cands::List(l, Some(e)) => rank_iter(
            c,
            q,
            plan,
            l.iter().copied().zip(e.iter().copied()),
            l.len(),
            limit,
            cancel,
        ),
        Cands::List(l, None) => rank_iter(
            c,
            q,
            plan,
            l.iter().map(|&i| (i, UNKNOWN)),
            l.len(),
            limit,
            cancel,
        ),
    }
}

fn rank_iter(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: impl Iterator<Item = (u32, u32)>,
    len: usize,
    limit: usize,
    cancel: &CancelToken,
) -> Option<Ranked> {
    // Pass 1: prefilter, and note records that provably score the best.
    let track = !matches!(plan.tail, Tail::None);
    let mut matched = Vec::with_capacity(len);
    let mut ends = Vec::with_capacity(if track { len } else { 0 });
    let mut best = Vec::new();
    let skip_top = q.is_empty() || limit == 0;
    for (n, (i, end)) in cands.enumerate() {
        if n % POLL_EVERY == 0 && cancel.is_cancelled() {
            return None;
        }
        let Some(end) = test(c, plan, i, end) else {
            continue;
        };
        matched.push(i);
        if track {
            ends.push(end);
        }
        if !skip_top
            && best.len() < limit
            && let Some(score) = q.top_score(c.text(i))
        {
            best.push((score, i));
        }
    }
    let hit = |(score, record): (i64, u32)| {
        c.entity(record).map(|entity| Hit {
            record,
            entity,
            score,
        })
    };
    if best.len() >= limit || q.is_empty() && matched.len() >= limit {
        // The first `limit` best records win every tie with later ones.
        let hits = if q.is_empty() {
            matched
                .iter()
                .take(limit)
                .map(|&i| (0, i))
                .filter_map(hit)
                .collect()
        } else {
            best.into_iter().filter_map(hit).collect()
        };
        return Some(Ranked {
            matched,
            ends,
            hits,
        });
    }
    // Pass 2: score, keeping a bounded heap; stop scoring once it is full at the bound.
    let bound = q.bound();
    let mut heap: BinaryHeap<(Reverse<i64>, u32)> = BinaryHeap::with_capacity(limit + 1);
    for (n, &i) in matched.iter().enumerate() {
        if n % POLL_EVERY == 0 && cancel.is_cancelled() {
            return None;
        }
        if limit == 0
            || heap.len() == limit && heap.peek().is_some_and(|&(Reverse(w), _)| w >= bound)
        {
            break;
        }
        let hay = c.text(i);
        let score = if q.is_empty() {
            0
        } else {
            q.top_score(hay).unwrap_or_else(|| q.score(hay))
        };
        if heap.len() < limit {
            heap.push((Reverse(score), i));
        } else if heap
            .peek()
            .is_some_and(|&(Reverse(worst), _)| score > worst)
        {
            heap.pop();
            heap.push((Reverse(score), i));
        }
    }
    let hits = heap
        .into_iter()
        .map(|(Reverse(s), r)| (s, r))
        .filter_map(hit)
        .collect();
    Some(Ranked {
        matched,
        ends,
        hits,
    })
}
