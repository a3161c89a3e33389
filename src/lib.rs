//! sdgmap: an offline explorer for how the UN Sustainable Development Goals,
//! the WSIS Action Lines and ICT activities link to one another.
//!
//! The library is the whole engine — snapshot format, validation, indexes —
//! and knows nothing about terminals; the `sdgmap` binary adds the CLI and
//! the terminal UI on top of it.

pub mod bookmarks;
pub mod check;
pub mod diff;
pub mod entity;
pub mod export;
pub mod figure;
pub mod import;
mod jsonpos;
pub mod matrix;
pub mod par;
pub mod paths;
pub mod related;
pub mod report;
pub mod sanitize;
pub mod schema;
pub mod search;
pub mod selection;
pub mod snapshot;
pub mod suggest;
pub mod testhooks;
pub mod tour;
pub mod tui;
pub mod view;
