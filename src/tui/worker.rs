//! The `/` finder: a global fuzzy search over every record, grouped by kind.
//!
//! Matching runs off the UI thread: each keystroke bumps a cancellation
//! generation and hands the query to [`SearchWorker`], so an older search
//! stops as soon as a newer key arrives and drawing never waits. The
//! overlay state only records the query and the latest results; `Enter`
//! drills into the chosen record and remembers the query for `n`/`N`.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::input::LineEdit;
use crate::entity::{EntityRef, Kind};
use crate::search::{CancelToken, Canceller, Finder, Hit, Query, Results};

/// How many hits the finder lists.
pub const LIMIT: usize = 200;

/// The finder overlay's state.
#[derive(Debug, Clone, Default)]
pub struct FinderOverlay {
    /// The query being typed.
    pub input: LineEdit,
    /// Generation of the search the results should answer.
    pub generation: u64,
    /// Latest results, grouped by kind (in kind order, score order within).
    pub hits: Vec<Hit>,
    /// Records matched in all.
    pub total: usize,
    /// The parsed query of `hits`, for highlighting.
    pub query: Option<Query>,
    /// Cursor over `hits`.
    pub cursor: usize,
    /// A search is running.
    pub busy: bool,
}

impl FinderOverlay {
    /// Takes results for generation `generation`; stale ones are dropped.
    pub fn receive(&mut self, generation: u64, results: Results) {
        if generation != self.generation {
            return;
        }
        let mut hits = results.hits;
        // Group by kind, the group with the best hit first; the sort is
        // stable, so score order holds within a group.
        let mut best = [i64::MIN; 6];
        for h in &hits {
            let k = kind_rank(h.kind()) as usize;
            best[k] = best[k].max(h.score);
        }
        hits.sort_by_key(|h| {
            let k = kind_rank(h.kind());
            (std::cmp::Reverse(best[k as usize]), k)
        });
        self.hits = hits;
        self.total = results.total;
        self.query = Some(results.query);
        self.cursor = 0;
        self.busy = false;
    }
    /// The record under the cursor.
    pub fn selected(&self) -> Option<EntityRef> {
        self.hits.get(self.cursor).map(|h| h.entity)
    }
}

fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Sdg => 0,
        Kind::Target => 1,
        Kind::Line => 2,
        Kind::Link => 3,
        Kind::Cell => 4,
        Kind::Activity => 5,
    }
}

/// A request to search: the generation it belongs to and the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Generation (for matching answers to questions).
    pub generation: u64,
    /// The query text.
    pub query: String,
}

/// A background thread that runs searches and sends results back.
pub struct SearchWorker {
    canceller: Canceller,
    requests: Option<Sender<(SearchRequest, CancelToken)>>,
    /// Results as (generation, results).
    pub results: Receiver<(u64, Results)>,
    handle: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the worker with its own finder.
    pub fn start(mut finder: Finder) -> Self {
        let (req_tx, req_rx) = channel::<(SearchRequest, CancelToken)>();
        let (res_tx, res_rx) = channel();
        let handle = std::thread::spawn(move || {
            while let Ok(mut job) = req_rx.recv() {
                // Only the newest pending request matters.
                while let Ok(newer) = req_rx.try_recv() {
                    job = newer;
                }
                let (req, token) = job;
                if let Some(res) = finder.search(&req.query, LIMIT, &token)
                    && res_tx.send((req.generation, res)).is_err()
                {
                    break;
                }
            }
        });
        SearchWorker {
            canceller: Canceller::new(),
            requests: Some(req_tx),
            results: res_rx,
            handle: Some(handle),
        }
    }

    /// Cancels what is running and starts `req`.
    pub fn submit(&self, req: SearchRequest) {
        let token = self.canceller.bump();
        if let Some(tx) = &self.requests {
            let _ = tx.send((req, token));
        }
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.canceller.bump();
        self.requests = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
