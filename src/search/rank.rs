//! Ranking candidates: test each against a [`Plan`], keep the best `limit`
//! hits, and write the matches (and where their last term's match ended)
//! into reusable [`Buffers`].
//!
//! Candidates are split over threads in contiguous chunks; each worker
//! writes its matches into its own part of one output buffer (a chunk never
//! yields more matches than it has candidates), and the parts are then
//! moved together. The buffers outlive a search: the [`super::Finder`]
//! hands the previous search's out again, so a keystroke over a million
//! records writes into memory it already owns instead of asking the system
//! for fresh, zeroed pages each time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use super::corpus::exact_bit;
use super::query::subsequence_end;
use super::{CancelToken, Corpus, Hit, Query, Term};

/// An end not computed yet.
pub(super) const UNKNOWN: u32 = u32::MAX;

/// Below this many candidates a single thread is faster than spawning.
const PARALLEL_MIN: usize = 20_000;
/// How many records a worker checks between looks at the cancel token.
const POLL_EVERY: usize = 4096;

/// How the query's last group is tested when it is a resumable fuzzy term,
/// so that typing one more character costs one byte search per candidate.
#[derive(Debug, Clone, Copy)]
pub(super) enum Tail<'a> {
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

impl Tail<'_> {
    /// Whether the search notes where each match of the tail term ends.
    pub(super) fn tracked(&self) -> bool {
        !matches!(self, Tail::None)
    }
}

/// What one search tests per candidate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan<'a> {
    /// Groups tested in full.
    pub check: &'a [Vec<Term>],
    /// Character classes a candidate must contain.
    pub mask: u64,
    /// How the last group is tested.
    pub tail: Tail<'a>,
}

/// The records to test: a whole range, or a previous search's matches with
/// their tail ends.
#[derive(Debug, Clone)]
pub(super) enum Cands<'a> {
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
    /// Splits into contiguous parts of `chunk` candidates (the last may be
    /// shorter), in order.
    fn split(&self, chunk: usize) -> Vec<Self> {
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

/// A search's matches, ascending, and (when its tail is tracked) where the
/// tail term's greedy match ended in each ([`UNKNOWN`] when a mask alone
/// proved it). Kept between searches for their memory.
#[derive(Debug, Default)]
pub(super) struct Buffers {
    pub matched: Vec<u32>,
    pub ends: Vec<u32>,
}

/// Makes `v` at least `len` long, reusing its memory (the values are
/// overwritten before they are read).
fn at_least(v: &mut Vec<u32>, len: usize) {
    if v.len() < len {
        v.resize(len, 0);
    }
}

/// Tests `cands` (ascending), writes the matches into `out` and returns the
/// best `limit` hits, or `None` when `cancel` fired (`out` then holds
/// nothing of use).
pub(super) fn rank(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: Cands<'_>,
    limit: usize,
    cancel: &CancelToken,
    out: &mut Buffers,
) -> Option<Vec<Hit>> {
    let len = cands.len();
    let track = plan.tail.tracked();
    at_least(&mut out.matched, len);
    if track {
        at_least(&mut out.ends, len);
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let workers = if threads > 1 && len >= PARALLEL_MIN {
        threads
    } else {
        1
    };
    let chunk = len.div_ceil(workers).max(1);
    let parts = cands.split(chunk);
    let mut m_parts = out.matched[..len].chunks_mut(chunk);
    let mut e_parts = out.ends[..if track { len } else { 0 }].chunks_mut(chunk);
    let jobs: Vec<_> = parts
        .into_iter()
        .map(|p| {
            let m = m_parts.next().unwrap_or_default();
            let e = if track {
                e_parts.next().unwrap_or_default()
            } else {
                &mut []
            };
            (p, m, e)
        })
        .collect();
    let found: Vec<Option<(usize, Vec<Hit>)>> = if jobs.len() > 1 {
        std::thread::scope(|sc| {
            let handles: Vec<_> = jobs
                .into_iter()
                .map(|(p, m, e)| sc.spawn(move || rank_part(c, q, plan, p, m, e, limit, cancel)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    } else {
        jobs.into_iter()
            .map(|(p, m, e)| rank_part(c, q, plan, p, m, e, limit, cancel))
            .collect()
    };
    // Move each part's matches down behind the previous part's.
    let mut total = 0;
    let mut hits = Vec::new();
    for (k, part) in found.into_iter().enumerate() {
        let (n, h) = part?;
        let start = k * chunk;
        out.matched.copy_within(start..start + n, total);
        if track {
            out.ends.copy_within(start..start + n, total);
        }
        total += n;
        hits.extend(h);
    }
    out.matched.truncate(total);
    out.ends.truncate(if track { total } else { 0 });
    hits.sort_by_key(|h| (Reverse(h.score), h.record));
    hits.truncate(limit);
    Some(hits)
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

/// [`rank_iter`] over one part of the candidates, writing into `m` and `e`.
#[allow(clippy::too_many_arguments)]
fn rank_part(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: Cands<'_>,
    m: &mut [u32],
    e: &mut [u32],
    limit: usize,
    cancel: &CancelToken,
) -> Option<(usize, Vec<Hit>)> {
    let out = Out { m, e };
    match cands {
        Cands::Range(r) => rank_iter(c, q, plan, r.map(|i| (i, UNKNOWN)), out, limit, cancel),
        Cands::List(l, Some(e)) => rank_iter(
            c,
            q,
            plan,
            l.iter().copied().zip(e.iter().copied()),
            out,
            limit,
            cancel,
        ),
        Cands::List(l, None) => rank_iter(
            c,
            q,
            plan,
            l.iter().map(|&i| (i, UNKNOWN)),
            out,
            limit,
            cancel,
        ),
    }
}

/// One worker's part of the output buffers: at least as long as its
/// candidates (`e` empty when the tail is not tracked).
struct Out<'a> {
    m: &'a mut [u32],
    e: &'a mut [u32],
}

/// Tests one part's candidates in order, writing the matches to the front
/// of `out`; returns how many matched and that part's best `limit` hits.
fn rank_iter(
    c: &Corpus,
    q: &Query,
    plan: &Plan<'_>,
    cands: impl Iterator<Item = (u32, u32)>,
    out: Out<'_>,
    limit: usize,
    cancel: &CancelToken,
) -> Option<(usize, Vec<Hit>)> {
    // Pass 1: prefilter, and note records that provably score the best.
    let track = plan.tail.tracked();
    let Out { m, e } = out;
    let mut n = 0;
    let mut best = Vec::new();
    let skip_top = q.is_empty() || limit == 0;
    for (k, (i, end)) in cands.enumerate() {
        if k % POLL_EVERY == 0 && cancel.is_cancelled() {
            return None;
        }
        let Some(end) = test(c, plan, i, end) else {
            continue;
        };
        m[n] = i;
        if track {
            e[n] = end;
        }
        n += 1;
        if !skip_top
            && best.len() < limit
            && let Some(score) = q.top_score(c.text(i))
        {
            best.push((score, i));
        }
    }
    let matched = &m[..n];
    let hit = |(score, record): (i64, u32)| {
        c.entity(record).map(|entity| Hit {
            record,
            entity,
            score,
        })
    };
    if best.len() >= limit || q.is_empty() && n >= limit {
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
        return Some((n, hits));
    }
    // Pass 2: score, keeping a bounded heap; stop scoring once it is full at the bound.
    let bound = q.bound();
    let mut heap: BinaryHeap<(Reverse<i64>, u32)> = BinaryHeap::with_capacity(limit + 1);
    for (k, &i) in matched.iter().enumerate() {
        if k % POLL_EVERY == 0 && cancel.is_cancelled() {
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
    Some((n, hits))
}
