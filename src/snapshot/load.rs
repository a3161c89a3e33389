//! Reading a snapshot from bytes or a file, with errors a person can act on.
//!
//! The fast path reads the whole file and validates each activity into the
//! model as it is parsed (see `stream.rs`). Only when serde rejects the
//! document does the precise path run: it parses to a `serde_json::Value`
//! and deserializes each record on its own, so that *every* type error is
//! reported with its JSON path, not just the first. Valid files never pay
//! for that.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::raw::RawSnapshot;
use super::validate::{build, format_problem};
use super::{LoadError, Problem, Snapshot};
use crate::jsonpos::{char_column, excerpt, line_col_at, strip_position};

/// The largest snapshot file sdgmap reads (1 GiB): far above any real
/// snapshot (the bundled one is ~150 kB; a million activities ~500 MB).
pub const MAX_BYTES: u64 = 1 << 30;

/// The snapshot compiled into the binary.
pub const BUNDLED: &str = include_str!("../../assets/snapshot.json");

/// The name used for the bundled snapshot in messages.
pub const BUNDLED_NAME: &str = "<bundled snapshot>";

/// Loads the snapshot compiled into the binary.
pub fn load_bundled() -> Result<Snapshot, LoadError> {
    load_bytes(BUNDLED_NAME, BUNDLED.as_bytes())
}

/// Loads and validates the snapshot at `path`.
pub fn load_file(path: &Path) -> Result<Snapshot, LoadError> {
    use std::io::Read as _;
    let file =
        crate::sanitize::sanitize(&path.display().to_string(), crate::sanitize::Lines::Single)
            .into_owned();
    let io = |error| LoadError::Io {
        file: file.clone(),
        error,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size,
            limit: MAX_BYTES,
        });
    }
    // Read at most one byte past the limit, so a file that grows while it
    // is read is still refused, not read without end.
    let mut bytes = Vec::with_capacity(size as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        return Err(LoadError::TooLarge {
            file,
            size: size.max(bytes.len() as u64),
            limit: MAX_BYTES,
        });
    }
    load_bytes(&file, &bytes)
}

/// Loads and validates a snapshot from `bytes`; `file` names it in messages.
///
/// A valid file takes one pass (the `stream` module): activities are validated
/// into the model as they are parsed, their strings copied straight from
/// `bytes`. A file serde rejects is parsed again by the precise path, which
/// reports every problem with its position or JSON path.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Snapshot, LoadError> {
    if bytes.len() as u64 <= MAX_BYTES {
        // One check of the whole text is much faster than serde's check of
        // each string it borrows.
        let text = std::str::from_utf8(bytes).ok();
        let text = text.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        if let Some(Ok(built)) = text.map(super::stream::load) {
            return built.map_err(|problems| LoadError::Invalid {
                file: crate::sanitize::sanitize(file, crate::sanitize::Lines::Single).into_owned(),
                problems,
            });
        }
    }
    let (file, raw) = parse_bytes(file, bytes)?;
    build(raw).map_err(|problems| LoadError::Invalid { file, problems })
}

/// Checks size and encoding and parses `bytes`; returns the sanitized file
/// name for messages along with the raw snapshot.
fn parse_bytes(file: &str, bytes: &[u8]) -> Result<(String, RawSnapshot), LoadError> {
    let file = crate::sanitize::sanitize(file, crate::sanitize::Lines::Single).into_owned();
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size: bytes.len() as u64,
            limit: MAX_BYTES,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, column) = line_col_at(&bytes[..offset]);
            return Err(LoadError::NotUtf8 {
                file,
                line,
                column,
                offset,
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { file });
    }
    let raw = parse_raw(&file, text)?;
    Ok((file, raw))
}

/// Parses `text` into a raw snapshot, reporting syntax errors with line and
/// column, and every type error with its path.
pub fn parse_raw(file: &str, text: &str) -> Result<RawSnapshot, LoadError> {
    match serde_json::from_str::<RawSnapshot>(text) {
        Ok(raw) => Ok(raw),
        Err(e) if e.is_data() => Err(collect_type_errors(file, text)),
        Err(e) => Err(syntax_error(file, text, &e)),
    }
}

fn syntax_error(file: &str, text: &str, e: &serde_json::Error) -> LoadError {
    let line = e.line().max(1);
    let column = char_column(text, line, e.column().max(1));
    let message = strip_position(&e.to_string());
    let excerpt = excerpt(text, line, column);
    LoadError::Syntax {
        file: file.to_string(),
        line,
        column,
        message,
        excerpt,
    }
}

/// The slow path: deserialize record by record to report every type error.
fn collect_type_errors(file: &str, text: &str) -> LoadError {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return syntax_error(file, text, &e),
    };
    let mut problems = Vec::new();
    let Value::Object(obj) = &root else {
        problems.push(Problem::error(
            "(document)",
            format!(
                "expected an object with the snapshot keys, found {}",
                describe(&root)
            ),
        ));
        return LoadError::Invalid {
            file: file.to_string(),
            problems,
        };
    };
    // A wrong format or version explains every other mismatch: report it alone.
    // The format is checked even when the version is missing or malformed.
    let format = obj.get("format").and_then(Value::as_str);
    let version = obj.get("version").and_then(Value::as_u64);
    let alone = match (format, version) {
        (Some(f), v) if f != super::raw::FORMAT_NAME => format_problem(f, v.unwrap_or(0)),
        (Some(f), Some(v)) => format_problem(f, v),
        _ => None,
    };
    if let Some(p) = alone {
        return LoadError::Invalid {
            file: file.to_string(),
            problems: vec![p],
        };
    }
    for key in [
        "format",
        "version",
        "meta",
        "sdgs",
        "indicators",
        "action_lines",
        "links",
        "activities",
    ] {
        match obj.get(key) {
            None => problems.push(Problem::error(key, "missing required key")),
            Some(v) => check_section(key, v, &mut problems),
        }
    }
    if let Some(v) = obj.get("countries") {
        check_section("countries", v, &mut problems);
    }
    if problems.is_empty() {
        // serde disagreed with the record-level pass (a `Value` keeps only
        // the last of duplicate keys, for one): report the error of the
        // first pass over the text itself, with its path and position.
        let mut de = serde_json::Deserializer::from_str(text);
        if let Err(e) = serde_path_to_error::deserialize::<_, RawSnapshot>(&mut de) {
            let inner = e.inner();
            let (line, column) = (
                inner.line(),
                char_column(text, inner.line(), inner.column()),
            );
            problems.push(Problem::error(
                e.path().to_string(),
                format!(
                    "{} (line {line}, column {column})",
                    friendly(&strip_position(&inner.to_string()))
                ),
            ));
        }
    }
    LoadError::Invalid {
        file: file.to_string(),
        problems,
    }
}

fn check_section(key: &str, v: &Value, problems: &mut Vec<Problem>) {
    use super::raw::*;
    match key {
        "format" => check_one::<String>(key, v, problems),
        "version" => check_one::<u32>(key, v, problems),
        "meta" => check_one::<RawMeta>(key, v, problems),
        "sdgs" => check_each::<RawSdg>(key, v, problems),
        "indicators" => check_each::<RawIndicator>(key, v, problems),
        "action_lines" => check_each::<RawActionLine>(key, v, problems),
        "links" => check_each::<RawLink>(key, v, problems),
        "countries" => check_each::<RawCountry>(key, v, problems),
        _ => check_each::<RawActivity>(key, v, problems),
    }
}

fn check_one<T: DeserializeOwned>(path: &str, v: &Value, problems: &mut Vec<Problem>) {
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(v) {
        let inner = e.path().to_string();
        let full = if inner == "." || inner.is_empty() {
            path.to_string()
        } else if inner.starts_with('[') {
            format!("{path}{inner}")
        } else {
            format!("{path}.{inner}")
        };
        problems.push(Problem::error(full, friendly(&e.inner().to_string())));
    }
}

fn check_each<T: DeserializeOwned>(key: &str, v: &Value, problems: &mut Vec<Problem>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_one::<T>(&format!("{key}[{i}]"), item, problems);
            }
        }
        other => problems.push(Problem::error(
            key,
            format!("expected an array, found {}", describe(other)),
        )),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!(
            "\"{}\"",
            crate::sanitize::sanitize(s, crate::sanitize::Lines::Single)
        ),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Rewrites serde's messages into the words a snapshot author uses:
/// `invalid type: string "2017a", expected i32` → `expected integer, found "2017a"`.
pub fn friendly(msg: &str) -> String {
    let msg = crate::sanitize::sanitize(msg, crate::sanitize::Lines::Single);
    if let Some(field) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return format!("missing required key \"{field}\"");
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return format!(
                "expected {}, found {}",
                expected_word(expected),
                found_word(found)
            );
        }
    }
    msg.into_owned()
}

fn expected_word(e: &str) -> String {
    match e {
        "u8" => "an integer from 0 to 255".into(),
        "u16" | "u32" | "u64" => "a non-negative integer".into(),
        "i8" | "i16" | "i32" | "i64" => "integer".into(),
        "a string" => "string".into(),
        "a sequence" => "an array".into(),
        "a boolean" => "true or false".into(),
        s if s.starts_with("struct ") || s == "a map" => "an object".into(),
        s => s.to_string(),
    }
}

fn found_word(f: &str) -> String {
    for prefix in ["string ", "integer ", "floating point ", "boolean "] {
        if let Some(v) = f.strip_prefix(prefix) {
            return v.trim_matches('`').to_string();
        }
    }
    match f {
        "map" => "an object".into(),
        "sequence" => "an array".into(),
        "unit value" | "null" => "null".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn friendly_messages() {
        assert_eq!(
            friendly("invalid type: string \"2017a\", expected i32"),
            "expected integer, found \"2017a\""
        );
        assert_eq!(
            friendly("missing field `title`"),
            "missing required key \"title\""
        );
        assert_eq!(
            friendly("invalid value: integer `300`, expected u8"),
            "expected an integer from 0 to 255, found 300"
        );
        assert_eq!(
            friendly("invalid type: map, expected a string"),
            "expected string, found an object"
        );
    }
}
