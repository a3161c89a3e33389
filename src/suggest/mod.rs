//! Suggestions: which SDGs, targets and WSIS Action Lines a free text
//! serves, each with the evidence that supports it.
//!
//! The engine is UI-free. [`aurora`] parses and evaluates the Aurora
//! Universities Network's SDG queries; [`text`] normalizes words.

pub mod aurora;
pub mod text;
