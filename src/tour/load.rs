//! Reading a tour file: size, encoding and JSON syntax, and the error a
//! failed load returns.
//!
//! Tours are small hand-written files, so the whole text is parsed into a
//! `serde_json::Value` in one go and the rules are checked on that value
//! ([`super::validate`]). Positions and caret excerpts are shown exactly as
//! for snapshots ([`crate::jsonpos`]).

use std::fmt;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::jsonpos::{char_column, excerpt, line_col_at, strip_position};

use crate::sanitize::{Lines, sanitize};
use crate::snapshot::Severity;

/// The largest tour file sdgmap reads (16 MiB; a real tour is a few kB).
pub const MAX_TOUR_BYTES: u64 = 16 << 20;

/// One thing wrong with a tour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TourProblem {
    /// Error (the tour does not load) or warning (it loads).
    pub severity: Severity,
    /// JSON path of the offending value, arrays indexed from 0 (`steps[2].view`).
    pub path: String,
    /// The step it concerns, numbered from 1 as the presenter counts, if any.
    pub step: Option<usize>,
    /// What is wrong and, where it helps, what was probably meant.
    pub message: String,
    /// For a bad view string: the string with a caret under the fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

impl TourProblem {
    /// An error at `path`; the step number is read from a `steps[i]` prefix.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path.into(), message.into())
    }

    /// A warning at `path`; the step number is read from a `steps[i]` prefix.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path.into(), message.into())
    }

    fn new(severity: Severity, path: String, message: String) -> Self {
        let step = path
            .strip_prefix("steps[")
            .and_then(|r| r.split_once(']'))
            .and_then(|(i, _)| i.parse::<usize>().ok())
            .map(|i| i + 1);
        TourProblem {
            severity,
            path,
            step,
            message,
            excerpt: None,
        }
    }

    /// Attaches an excerpt (a view string with a caret).
    pub fn with_excerpt(mut self, excerpt: String) -> Self {
        self.excerpt = Some(excerpt);
        self
    }
}

/// `error: step 3 (steps[2].view): unknown facet 'sgd' — did you mean 'sdg'?`;
/// problems outside the steps read `error: title: …`. The excerpt, if any,
/// follows on indented lines.
impl fmt::Display for TourProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.step {
            Some(n) => write!(f, "{level}: step {n} ({}): {}", self.path, self.message)?,
            None => write!(f, "{level}: {}: {}", self.path, self.message)?,
        }
        if let Some(ex) = &self.excerpt {
            for line in ex.lines() {
                write!(f, "\n      {line}")?;
            }
        }
        Ok(())
    }
}

/// Why a tour could not be loaded (or appended to). Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum TourError {
    /// The file could not be read.
    #[error("{file}: cannot read the tour: {error}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        error: std::io::Error,
    },
    /// No file, no tour of the user's and no bundled tour has this name.
    #[error("{name}: no such tour file, and no tour has this name (bundled: {known}{})",
        if yours.is_empty() { String::new() } else { format!("; yours: {yours}") })]
    NotFound {
        /// The name asked for.
        name: String,
        /// The bundled tour names, comma-separated.
        known: String,
        /// The user's tour names, comma-separated (may be empty).
        yours: String,
    },
    /// The file is larger than a tour can be.
    #[error("{file}: the file is {size} bytes; sdgmap reads tours of at most {limit} bytes")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8.
    #[error("{file}:{line}:{column}: the file is not valid UTF-8; a tour must be UTF-8 JSON")]
    NotUtf8 {
        /// The file.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
    /// The file is empty or white space only.
    #[error("{file}: the file is empty; expected a JSON sdgmap tour")]
    Empty {
        /// The file.
        file: String,
    },
    /// The file is not well-formed JSON.
    #[error("{file}:{line}:{column}: invalid JSON: {message}\n{excerpt}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What the parser expected.
        message: String,
        /// The offending line with a caret under the column.
        excerpt: String,
    },
    /// The JSON is well-formed but the tour breaks rules.
    #[error("{file}: invalid tour ({} problem{}):\n{}", .problems.len(), if .problems.len() == 1 { "" } else { "s" }, crate::report::Indented(.problems))]
    Invalid {
        /// The file.
        file: String,
        /// Every problem found, errors and warnings.
        problems: Vec<TourProblem>,
    },
    /// Writing a recorded step failed.
    #[error("{file}: cannot write the tour: {error}")]
    Write {
        /// The file.
        file: String,
        /// What went wrong.
        error: crate::export::ExportError,
    },
}

impl TourError {
    /// The problems of an invalid tour; one synthesized problem for the
    /// other kinds, so a report can treat every failure alike.
    pub fn problems(&self) -> Vec<TourProblem> {
        match self {
            TourError::Invalid { problems, .. } => problems.clone(),
            TourError::Syntax {
                line,
                column,
                message,
                ..
            } => vec![TourProblem::error(
                format!("(line {line}, column {column})"),
                format!("invalid JSON: {message}"),
            )],
            other => vec![TourProblem::error("(document)", other.to_string())],
        }
    }

    /// True when the file could not be found or read (an input error, not a bad tour).
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self,
            TourError::Io { .. } | TourError::NotFound { .. } | TourError::Write { .. }
        )
    }
}

/// Reads the tour file at `path` into a JSON value.
pub fn read_file(path: &Path) -> Result<(String, Value), TourError> {
    let file = sanitize(&path.display().to_string(), Lines::Single).into_owned();
    let io = |error| TourError::Io {
        file: file.clone(),
        error,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TOUR_BYTES {
        return Err(TourError::TooLarge {
            file,
            size,
            limit: MAX_TOUR_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let value = parse_bytes(&file, &bytes)?;
    Ok((file, value))
}

/// Checks size and encoding of `bytes` and parses them as JSON; `file`
/// (already sanitized) names the tour in messages.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Value, TourError> {
    let file = file.to_string();
    if bytes.len() as u64 > MAX_TOUR_BYTES {
        return Err(TourError::TooLarge {
            file,
            size: bytes.len() as u64,
            limit: MAX_TOUR_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col_at(&bytes[..e.valid_up_to()]);
        TourError::NotUtf8 {
            file: file.clone(),
            line,
            column,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TourError::Empty { file });
    }
    let value = serde_json::from_str(text).map_err(|e| syntax_error(file.clone(), text, &e))?;
    // A `Value` keeps only the last of two equal keys; a snapshot refuses
    // them, and so does a tour (rewriting it would drop one silently).
    let found = crate::jsonscan::scan(text, &Default::default());
    if !found.duplicates.is_empty() {
        let problems = found
            .duplicates
            .iter()
            .map(|spot| {
                let key = text.get(spot.range.start + 1..spot.range.end - 1).unwrap_or("");
                let (line, byte_col) = line_col_at(&text.as_bytes()[..spot.range.start]);
                let column = char_column(text, line, byte_col);
                TourProblem::error(
                    spot.path.clone(),
                    format!(
                        "duplicate key \"{}\" (line {line}, column {column}); a key may appear only once in an object",
                        sanitize(key, Lines::Single)
                    ),
                )
            })
            .collect();
        return Err(TourError::Invalid { file, problems });
    }
    Ok(value)
}

fn syntax_error(file: String, text: &str, e: &serde_json::Error) -> TourError {
    let line = e.line().max(1);
    let column = char_column(text, line, e.column().max(1));
    TourError::Syntax {
        file,
        line,
        column,
        message: strip_position(&e.to_string()),
        excerpt: excerpt(text, line, column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let Err(TourError::Syntax {
            line,
            column,
            excerpt,
            ..
        }) = parse_bytes("t.json", b"{\n  \"title\": x\n}")
        else {
            panic!("expected a syntax error");
        };
        assert_eq!((line, column), (2, 12));
        assert_eq!(excerpt, "2 |   \"title\": x\n               ^");
    }

    #[test]
    fn step_numbers_are_one_based() {
        let p = TourProblem::error("steps[2].view", "bad");
        assert_eq!(p.step, Some(3));
        assert_eq!(p.to_string(), "error: step 3 (steps[2].view): bad");
        assert_eq!(TourProblem::error("title", "x").step, None);
    }
}
