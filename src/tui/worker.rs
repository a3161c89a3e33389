//! The finder's search thread: matching runs off the UI thread.
//!
//! Each keystroke in the finder bumps a cancellation generation and hands
//! the query to [`SearchWorker`], so an older search stops as soon as a
//! newer key arrives and drawing never waits; results come back tagged
//! with their generation, and the finder drops stale ones.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::effect::SearchRequest;
use crate::search::{CancelToken, Canceller, Finder, Results};

/// How many hits the finder lists.
pub const LIMIT: usize = 200;

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
