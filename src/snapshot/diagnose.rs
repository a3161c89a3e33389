//! What is wrong with a snapshot serde rejected, in words a person can act
//! on: the precise path of [`super::load`]. It parses to a
//! `serde_json::Value` and deserializes each record on its own, so that
//! *every* type error is reported with its line, column and JSON path, not
//! just the first; it lists values nested too deep, duplicate and unknown
//! keys, and turns serde's messages into plain ones. Valid files never come
//! here.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::raw::RawSnapshot;
use super::validate::{build, format_problem};
use super::{LoadError, Problem};
use crate::jsonpos::{char_column, excerpt, line_col_at, strip_position};

/// How many too-deep values are listed one by one.
const DEEP_LISTED: usize = 20;

/// The error of a file nested too deep: each too-deep value, then every
/// problem of the rest of the file (each too-deep value read as `0`).
pub(super) fn too_deep(file: &str, text: &str) -> LoadError {
    let found = crate::jsonscan::scan(text, &HashSet::new());
    let limit = crate::jsonscan::MAX_NESTING;
    let mut problems: Vec<Problem> = found
        .deep
        .iter()
        .take(DEEP_LISTED)
        .map(|spot| {
            let (line, column) = position(text, spot.range.start);
            Problem::error(
                short_path(&spot.path),
                format!(
                    "arrays and objects nested more than {limit} deep (line {line}, column {column}); \
                     a snapshot may nest at most {limit}"
                ),
            )
        })
        .collect();
    if found.deep.len() > DEEP_LISTED {
        problems.push(Problem::error(
            "(document)",
            format!(
                "{} more values nested more than {limit} deep",
                found.deep.len() - DEEP_LISTED
            ),
        ));
    }
    if problems.is_empty() {
        // the scan stopped at malformed text: the parser's word is all there is
        return match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(e) => syntax_error(file, text, &e),
            Ok(_) => LoadError::Invalid {
                file: file.to_string(),
                problems: vec![Problem::error(
                    "(document)",
                    format!("arrays and objects nested more than {limit} deep"),
                )],
            },
        };
    }
    if found.unclosed {
        // the text ends inside the too-deep value: nothing after it to read
        let spot = found
            .deep
            .last()
            .map_or("(document)".into(), |s| short_path(&s.path));
        problems.push(Problem::error(
            spot,
            "invalid JSON: the file ends inside this value; a ']' or '}' is missing",
        ));
        return LoadError::Invalid {
            file: file.to_string(),
            problems,
        };
    }
    let rest = crate::jsonscan::neutralize(text, &found.deep);
    match parse_shallow(file, &rest) {
        Ok(raw) => {
            if let Err(more) = build(raw) {
                problems.extend(more);
            }
        }
        Err(e) => problems.extend(e.problems()),
    }
    LoadError::Invalid {
        file: file.to_string(),
        problems,
    }
}

/// A path of many levels with its middle cut: `extra[0][0]…[0]`.
fn short_path(path: &str) -> String {
    let starts: Vec<usize> = path
        .char_indices()
        .filter(|&(i, c)| i > 0 && (c == '[' || c == '.'))
        .map(|(i, _)| i)
        .collect();
    match (starts.get(2), starts.last()) {
        (Some(&head), Some(&last)) if starts.len() > 6 => {
            format!("{}…{}", &path[..head], &path[last..])
        }
        _ => path.to_string(),
    }
}

/// 1-based line and character column of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let (line, byte_col) = line_col_at(&text.as_bytes()[..offset.min(text.len())]);
    (line, char_column(text, line, byte_col))
}

pub(super) fn parse_shallow(file: &str, text: &str) -> Result<RawSnapshot, LoadError> {
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
    let mut problems = duplicate_keys(text);
    // A repeated `format` or `version` leaves the file's kind in doubt: say
    // so alone, as for a wrong one.
    if problems
        .iter()
        .any(|p| p.path == "format" || p.path == "version")
    {
        problems.retain(|p| p.path == "format" || p.path == "version");
        return LoadError::Invalid {
            file: file.to_string(),
            problems,
        };
    }
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
    // the head's required keys (as the streaming loader knows them), then
    // the activities
    for key in super::stream::REQUIRED.into_iter().chain(["activities"]) {
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
    as_written(text, &mut problems);
    LoadError::Invalid {
        file: file.to_string(),
        problems,
    }
}

/// Every key a snapshot object repeats, where the key is one sdgmap reads
/// (serde takes one of the two silently otherwise; unknown keys are skipped
/// whole, so their repeats mean nothing).
fn duplicate_keys(text: &str) -> Vec<Problem> {
    let found = crate::jsonscan::scan(text, &HashSet::new());
    if found.duplicates.is_empty() {
        return Vec::new();
    }
    let known = known_keys();
    found
        .duplicates
        .iter()
        .filter_map(|spot| {
            let key = text.get(spot.range.start + 1..spot.range.end - 1)?;
            let name = spot.path.rsplit('.').next().unwrap_or(&spot.path);
            known.contains(name).then(|| {
                let (line, column) = position(text, spot.range.start);
                Problem::error(
                    spot.path.clone(),
                    format!(
                        "duplicate key \"{}\" (line {line}, column {column}); a key may appear only once in an object",
                        crate::sanitize::sanitize(key, crate::sanitize::Lines::Single)
                    ),
                )
            })
        })
        .collect()
}

/// The JSON Schema shipped with sdgmap, `assets/snapshot.schema.json`
/// (`tests/schema_sync.rs` keeps it equal to the one the serde types give).
pub(crate) const SHIPPED_SCHEMA: &str = include_str!("../../assets/snapshot.schema.json");

/// The names of every key the snapshot format defines, at any depth, read
/// from the shipped schema's `properties`.
fn known_keys() -> HashSet<String> {
    // The shipped schema is JSON (tests/schema_sync.rs parses it).
    let schema: Value = serde_json::from_str(SHIPPED_SCHEMA).unwrap_or(Value::Null);
    let mut out = HashSet::new();
    let mut todo = vec![&schema];
    while let Some(v) = todo.pop() {
        match v {
            Value::Object(o) => {
                if let Some(Value::Object(props)) = o.get("properties") {
                    out.extend(props.keys().cloned());
                }
                todo.extend(o.values());
            }
            Value::Array(a) => todo.extend(a),
            _ => {}
        }
    }
    out
}

/// Rewrites `found 1e+26` and `found -0.0` — serde's rendering of numbers it
/// read as floats — into the number as the file writes it.
fn as_written(text: &str, problems: &mut [Problem]) {
    let floats = |p: &Problem| {
        let found = p.message.rsplit_once(", found ")?.1;
        let float = found.parse::<f64>().is_ok()
            && (found.contains(['.', 'e', 'E']) || found.starts_with("-0"));
        float.then_some(found.len())
    };
    let wanted: HashSet<String> = problems
        .iter()
        .filter(|p| floats(p).is_some())
        .map(|p| p.path.clone())
        .collect();
    if wanted.is_empty() {
        return;
    }
    let found = crate::jsonscan::scan(text, &wanted);
    for p in problems.iter_mut() {
        let (Some(len), Some(range)) = (floats(p), found.literals.get(&p.path)) else {
            continue;
        };
        let Some(literal) = text.get(range.clone()) else {
            continue;
        };
        if literal.starts_with('"') {
            continue;
        }
        let shown: String = if literal.chars().count() > 40 {
            literal.chars().take(39).chain(['…']).collect()
        } else {
            literal.to_string()
        };
        let cut = p.message.len() - len;
        p.message.replace_range(cut.., &shown);
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
        .strip_prefix("duplicate field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return format!("duplicate key \"{field}\"");
    }
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
            if let Some(range) = found
                .strip_prefix("integer ")
                .and_then(|_| integer_range(expected))
            {
                return format!(
                    "expected an integer from {range}, found {}",
                    found_word(found)
                );
            }
            return format!(
                "expected {}, found {}",
                expected_word(expected),
                found_word(found)
            );
        }
    }
    msg.into_owned()
}

/// `MIN to MAX` of serde's integer type names.
fn integer_range(e: &str) -> Option<String> {
    Some(match e {
        "u8" => format!("0 to {}", u8::MAX),
        "u16" => format!("0 to {}", u16::MAX),
        "u32" => format!("0 to {}", u32::MAX),
        "u64" => format!("0 to {}", u64::MAX),
        "i8" => format!("{} to {}", i8::MIN, i8::MAX),
        "i16" => format!("{} to {}", i16::MIN, i16::MAX),
        "i32" => format!("{} to {}", i32::MIN, i32::MAX),
        "i64" => format!("{} to {}", i64::MIN, i64::MAX),
        _ => return None,
    })
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
    fn known_keys_come_from_the_shipped_schema_at_every_depth() {
        let keys = known_keys();
        for k in [
            "format",
            "meta",
            "sources",
            "activities",
            "targets",
            "countries",
            "rationale",
        ] {
            assert!(keys.contains(k), "{k} missing from {keys:?}");
        }
        assert!(!keys.contains("no-such-key"));
    }

    /// The list read from the shipped file is the one the serde types give.
    #[cfg(feature = "schema")]
    #[test]
    fn known_keys_equal_those_of_the_generated_schema() {
        let generated: Value =
            serde_json::from_str(&crate::schema::snapshot_schema()).unwrap_or(Value::Null);
        let shipped: Value = serde_json::from_str(SHIPPED_SCHEMA).unwrap_or(Value::Null);
        assert_eq!(
            generated, shipped,
            "run SDGMAP_UPDATE_SCHEMA=1 cargo test --test schema_sync"
        );
    }

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
        assert_eq!(
            friendly("invalid value: integer `2147483648`, expected i32"),
            "expected an integer from -2147483648 to 2147483647, found 2147483648"
        );
    }
}
