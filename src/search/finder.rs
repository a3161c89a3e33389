//! The per-keystroke search: prefilter, score, keep the top k — fast.
//!
//! A [`Finder`] owns a shared [`Corpus`] and remembers the candidates of its
//! last query. When the new query only extends the last one (typing more),
//! it re-checks just those candidates ("incremental narrowing"). Candidates
//! are split over threads in contiguous chunks; each keeps a bounded heap of
//! its best `limit` hits and stops calling the fuzzy matcher once its heap is
//! full of hits at the query's score bound (later records lose ties), so a
//! short query over a million records costs about one prefilter pass. The
//! cancel token is polled every few thousand records so a newer keystroke
//! can abandon a stale search. Highlighting is left to
//! [`Query::highlight`], called for visible rows only.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use super::{CancelToken, Corpus, Query, matcher};
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
    last: Option<(String, Vec<u32>)>,
}

/// Below this many candidates a single thread is faster than spawning.
const PARALLEL_MIN: usize = 20_000;
/// How many records a worker checks between looks at the cancel token.
const POLL_EVERY: usize = 4096;

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
        let candidates = match &last {
            Some((prev, cands)) if can_narrow(prev, query) => cands.as_slice(),
            _ => &self.all(),
        };
        let Some((matched, hits)) = rank(&self.corpus, &q, candidates, limit, cancel) else {
            self.last = last;
            return None;
        };
        let total = matched.len();
        self.last = Some((query.to_string(), matched));
        Some(Results {
            hits,
            total,
            query: q,
        })
    }

    fn all(&self) -> Vec<u32> {
        if self.kinds.is_empty() {
            (0..self.corpus.len() as u32).collect()
        } else {
            let mut v: Vec<u32> = self
                .kinds
                .iter()
                .flat_map(|&k| self.corpus.range(k))
                .collect();
            v.sort_unstable();
            v
        }
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

type Ranked = (Vec<u32>, Vec<Hit>);

/// Prefilters `cands` (ascending) and keeps the best `limit` hits.
fn rank(
    c: &Corpus,
    q: &Query,
    cands: &[u32],
    limit: usize,
    cancel: &CancelToken,
) -> Option<Ranked> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let parts: Vec<Option<Ranked>> = if threads > 1 && cands.len() >= PARALLEL_MIN {
        let chunk = cands.len().div_ceil(threads);
        std::thread::scope(|sc| {
            let handles: Vec<_> = cands
                .chunks(chunk)
                .map(|part| sc.spawn(move || rank_chunk(c, q, part, limit, cancel)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    } else {
        vec![rank_chunk(c, q, cands, limit, cancel)]
    };
    let mut matched = Vec::new();
    let mut hits = Vec::new();
    for p in parts {
        let (m, h) = p?;
        matched.extend(m);
        hits.extend(h);
    }
    hits.sort_by_key(|h| (Reverse(h.score), h.record));
    hits.truncate(limit);
    Some((matched, hits))
}

fn rank_chunk(
    c: &Corpus,
    q: &Query,
    cands: &[u32],
    limit: usize,
    cancel: &CancelToken,
) -> Option<Ranked> {
    // Pass 1: prefilter, and note records that provably score the best.
    let mut matched = Vec::with_capacity(cands.len() / 2);
    let mut best = Vec::new();
    for (n, &i) in cands.iter().enumerate() {
        if n % POLL_EVERY == 0 && cancel.is_cancelled() {
            return None;
        }
        let hay = c.text(i);
        if !q.matches(hay) {
            continue;
        }
        matched.push(i);
        if best.len() < limit
            && let Some(score) = q.top_score(hay)
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
        return Some((matched, hits));
    }
    // Pass 2: score, keeping a bounded heap; stop scoring once it is full at the bound.
    let m = matcher();
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
            q.top_score(hay).unwrap_or_else(|| q.score(&m, hay))
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
    Some((matched, hits))
}
