//! One thing wrong with a snapshot, and the error a failed load returns.
//!
//! Validation collects every problem instead of stopping at the first, so a
//! maintainer fixes a file in one pass. Each problem carries the JSON path of
//! the offending value (`activities[12].year`) so it can be found in any
//! editor; syntax errors carry line and column instead, because there is no
//! path before the document parses.

use std::fmt;

use serde::Serialize;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but the snapshot loads.
    Warning,
    /// The snapshot does not load.
    Error,
}

/// One problem found in a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// JSON path of the offending value (`activities[12].year`), or `(document)`.
    pub path: String,
    /// What is wrong and, where it helps, what was expected.
    pub message: String,
}

impl Problem {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
        }
    }
    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

/// Why a snapshot could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{file}: cannot read the snapshot: {error}")]
    Io {
        /// The file.
        file: String,
        /// The OS error (part of the message, not a separate cause, so
        /// reports that print error chains say it once).
        error: std::io::Error,
    },
    /// The file is empty.
    #[error("{file}: the file is empty; expected a JSON sdgmap snapshot")]
    Empty {
        /// The file.
        file: String,
    },
    /// The file holds only white space.
    #[error(
        "{file}: the file holds only white space ({size} bytes); expected a JSON sdgmap snapshot"
    )]
    Blank {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: u64,
    },
    /// The file is larger than sdgmap reads.
    #[error("{file}: the file is {size} bytes; sdgmap reads snapshots of at most {limit} bytes")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8.
    #[error(
        "{file}:{line}:{column}: the file is not valid UTF-8 (byte offset {offset}); a snapshot must be UTF-8 JSON"
    )]
    NotUtf8 {
        /// The file.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// The file is not well-formed JSON.
    #[error("{file}:{line}:{column}: invalid JSON: {message}\n{excerpt}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
        /// The offending line with a caret under the column.
        excerpt: String,
    },
    /// The JSON is well-formed but the snapshot is not valid.
    #[error("{file}: invalid snapshot ({} problem{}):\n{}", .problems.len(), if .problems.len() == 1 { "" } else { "s" }, crate::report::Indented(.problems))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem found, errors and warnings.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The problems of an invalid snapshot; a single synthesized problem for
    /// the other kinds, so reports can treat every failure alike.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid { problems, .. } => problems.clone(),
            LoadError::Syntax {
                line,
                column,
                message,
                ..
            } => {
                vec![Problem::error(
                    format!("(line {line}, column {column})"),
                    format!("invalid JSON: {message}"),
                )]
            }
            other => vec![Problem::error("(document)", other.to_string())],
        }
    }
}
