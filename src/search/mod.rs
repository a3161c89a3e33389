//! Fuzzy search over every record of a snapshot, fast enough per keystroke.
//!
//! Three layers, each usable alone: [`Query`] parses fzf syntax once and
//! tests or scores one lowercased haystack; [`Corpus`] holds those
//! haystacks for a whole snapshot, built once; [`Finder`] runs a query over
//! the corpus with incremental narrowing, a bounded top-k, multi-threaded
//! prefiltering and cancellation through a [`CancelToken`]. The view
//! language ([`crate::view`]) reuses `Query` for its free text, so the `/`
//! finder, the `f` filter bar and `sdgmap query` agree on what matches.
//! Nothing here knows about terminals.

mod corpus;
mod finder;
mod query;
mod rank;
mod score;
mod single;
#[cfg(test)]
mod tests;

pub use corpus::{Corpus, haystack, lower_haystack, mask};
pub use finder::{Finder, Hit, Results, can_narrow};
pub use query::{HIGHLIGHT_CHARS, Op, Query, Term, is_subsequence, lower};
pub use score::{MAX_CELLS, MAX_PATTERN_CHARS, MAX_WINDOW_BYTES, bounded_window, fuzzy};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The shared generation counter a UI bumps on every keystroke; searches
/// started under an older generation see themselves cancelled.
#[derive(Debug, Clone, Default)]
pub struct Canceller(Arc<AtomicU64>);

impl Canceller {
    /// A new counter at generation 0.
    pub fn new() -> Self {
        Self::default()
    }
    /// Cancels every outstanding token and returns one for the new generation.
    pub fn bump(&self) -> CancelToken {
        let generation = self.0.fetch_add(1, Ordering::AcqRel) + 1;
        CancelToken {
            generation,
            shared: Some(self.0.clone()),
        }
    }
    /// A token for the current generation.
    pub fn token(&self) -> CancelToken {
        CancelToken {
            generation: self.0.load(Ordering::Acquire),
            shared: Some(self.0.clone()),
        }
    }
}

/// Handed to a search; cancelled once its [`Canceller`] moves on.
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    generation: u64,
    shared: Option<Arc<AtomicU64>>,
}

impl CancelToken {
    /// A token that is never cancelled (command line, tests).
    pub fn never() -> Self {
        Self::default()
    }
    /// Whether a newer generation has started.
    pub fn is_cancelled(&self) -> bool {
        self.shared
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Acquire) != self.generation)
    }
}
