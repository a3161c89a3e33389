//! The snapshot: its file format, loading, validation and the indexed model.
//!
//! `raw` mirrors the JSON file; `load` reads bytes into it with precise
//! errors; `validate` checks every rule and builds the immutable `model`
//! with its `index`. Nothing here knows about terminals.

mod activity;
mod adjacency;
mod bounded;
pub mod country;
mod diagnose;
mod handoff;
mod index;
mod load;
mod model;
mod problem;
pub mod raw;
mod read;
mod stream;
pub mod suggested;
mod tier;
mod validate;

pub use adjacency::Adjacency;
pub use index::Index;
pub use load::{BUNDLED, BUNDLED_NAME, MAX_BYTES, load_bundled, load_bytes, load_file, parse_raw};
pub use model::*;
pub use problem::{LoadError, Problem, Severity};
pub use raw::{FORMAT_NAME, FORMAT_VERSION, LinkStatus, RawSnapshot, Scope};
pub use suggested::{Suggested, SuggestedGoal, SuggestedLine, SuggestedTarget};
pub use validate::{build, is_valid_id, target_goal};
