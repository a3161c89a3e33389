//! sdgmap: an offline explorer for how the UN Sustainable Development Goals,
//! the WSIS Action Lines and ICT activities link to one another.
//!
//! The library is the whole engine — snapshot format, validation, indexes,
//! the view language, search, the matrix, export, bookmarks, tours — and
//! knows nothing about terminals. The terminal UI (`tui`) and the `sdgmap`
//! binary's command line come with the `app` feature (on by default); built
//! with `default-features = false`, the library compiles no terminal or CLI
//! crate.

pub mod atomic;
pub mod bookmarks;
pub mod build;
pub mod check;
pub mod collate;
pub mod diff;
pub mod entity;
pub mod export;
pub mod figure;
pub mod import;
mod jsonpos;
mod jsonscan;
pub mod matrix;
pub mod par;
pub mod paths;
pub mod related;
pub mod report;
pub mod sanitize;
#[cfg(feature = "schema")]
pub mod schema;
pub mod search;
pub mod selection;
pub mod snapshot;
pub mod suggest;
pub mod testhooks;
pub mod tour;
#[cfg(feature = "app")]
pub mod tui;
pub mod view;

/// The property-test settings of the unit tests: `cases` cases, and no
/// failure files written into the source tree.
#[cfg(test)]
fn proptest_config(cases: u32) -> proptest::prelude::ProptestConfig {
    proptest::prelude::ProptestConfig {
        cases,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}
