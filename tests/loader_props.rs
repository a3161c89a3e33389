//! Property tests: no byte string makes the loader panic. Whatever the input
//! — arbitrary bytes, a valid snapshot truncated, with a byte flipped, a
//! character inserted or a range deleted, or random JSON — `load_bytes`
//! returns either a snapshot or an error that names the file and carries at
//! least one problem.

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used)]

use proptest::prelude::*;
use sdgmap::snapshot::{LoadError, Severity, build, load_bytes, parse_raw};
use serde_json::Value;

const MINIMAL: &str = include_str!("fixtures/valid/minimal.json");
const NAME: &str = "prop.json";

/// Loads `bytes` and checks the invariants every outcome must keep: a
/// snapshot that loads is consistent; a refusal names the file and lists at
/// least one error, each with a JSON path.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    agree(bytes)?;
    match load_bytes(NAME, bytes) {
        Ok(s) => {
            // A snapshot that loads is internally consistent.
            prop_assert!(s.warnings().iter().all(|p| p.severity == Severity::Warning));
            for &row in s.rows() {
                prop_assert!(s.line(row).children.is_empty());
            }
        }
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(msg.starts_with(NAME), "message must name the file: {}", msg);
            let problems = e.problems();
            prop_assert!(!problems.is_empty(), "no problem listed: {}", msg);
            prop_assert!(problems.iter().any(|p| p.severity == Severity::Error));
            prop_assert!(problems.iter().all(|p| !p.path.is_empty()));
            if let LoadError::Syntax { line, column, .. } = e {
                prop_assert!(line >= 1 && column >= 1);
            }
        }
    }
    Ok(())
}

/// The one-pass loader (`load_bytes`) and the precise path (`parse_raw` +
/// `build`) give the same outcome: both a snapshot with the same records, or
/// both the same problems.
fn agree(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(()); // only the precise path reads non-UTF-8 input
    };
    if text.starts_with('\u{feff}') || text.trim().is_empty() {
        return Ok(()); // the precise path is `parse_raw` after these checks
    }
    let fast = load_bytes(NAME, bytes);
    let slow = parse_raw(NAME, text).and_then(|raw| {
        build(raw).map_err(|problems| LoadError::Invalid {
            file: NAME.to_string(),
            problems,
        })
    });
    match (fast, slow) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(
                format!("{:?}", a.activities()),
                format!("{:?}", b.activities())
            );
            prop_assert_eq!(format!("{:?}", a.links()), format!("{:?}", b.links()));
            prop_assert_eq!(a.warnings(), b.warnings());
        }
        (Err(a), Err(b)) => prop_assert_eq!(a.problems(), b.problems()),
        (a, b) => prop_assert!(false, "fast ok: {}, precise ok: {}", a.is_ok(), b.is_ok()),
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Random JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u8>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("sdgmap-snapshot"),
            Just("C7"),
            Just("9.c"),
            Just("confirmed"),
            Just("goal"),
            Just("#FD6925"),
            Just("2026-01-15"),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    ".{0,8}",
                    Just("id".to_string()),
                    Just("title".to_string()),
                    Just("targets".to_string()),
                    Just("sdg".to_string()),
                    Just("source".to_string()),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).unwrap_or(Value::Null)
}

/// Every path (as a list of keys/indices) to a value in `v`.
fn paths(v: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                prefix.push(PathStep::Key(k.clone()));
                paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(v: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    let mut cur = v;
    for step in path {
        cur = match step {
            PathStep::Key(k) => cur.get_mut(k.as_str())?,
            PathStep::Index(i) => cur.get_mut(*i)?,
        };
    }
    Some(cur)
}

#[test]
fn the_minimal_fixture_itself_loads() {
    assert!(load_bytes(NAME, MINIMAL.as_bytes()).is_ok());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn deleted_range_always_lists_a_problem(start in 0..MINIMAL.len(), len in 1usize..400) {
        let end = (start + len).min(MINIMAL.len());
        let mut bytes = MINIMAL.as_bytes().to_vec();
        bytes.drain(start..end);
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,512}") {
        check(text.as_bytes())?;
    }

    #[test]
    fn truncated_snapshot_never_panics_and_fails(cut in 0..MINIMAL.len()) {
        let bytes = &MINIMAL.as_bytes()[..cut];
        check(bytes)?;
        // Anything short of the closing brace is not a whole document.
        if cut < MINIMAL.trim_end().len() {
            prop_assert!(load_bytes(NAME, bytes).is_err());
        }
    }

    #[test]
    fn flipped_byte_never_panics(pos in 0..MINIMAL.len(), mask in 1u8..=255) {
        let mut bytes = MINIMAL.as_bytes().to_vec();
        bytes[pos] ^= mask;
        check(&bytes)?;
    }

    #[test]
    fn inserted_char_never_panics(pos in 0..=MINIMAL.len(), c in any::<char>()) {
        let mut bytes = MINIMAL.as_bytes().to_vec();
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        bytes.splice(pos..pos, enc.iter().copied());
        check(&bytes)?;
    }

    #[test]
    fn deleted_range_never_panics(start in 0..MINIMAL.len(), len in 1usize..400) {
        let end = (start + len).min(MINIMAL.len());
        let mut bytes = MINIMAL.as_bytes().to_vec();
        bytes.drain(start..end);
        check(&bytes)?;
    }

    #[test]
    fn random_json_never_panics(v in json_value()) {
        check(v.to_string().as_bytes())?;
        check(serde_json::to_string_pretty(&v).unwrap_or_default().as_bytes())?;
    }

    #[test]
    fn random_sections_under_the_right_header_never_panic(
        sections in prop::collection::vec(json_value(), 6),
    ) {
        // format and version right, every section random: the slow path runs.
        let mut doc = serde_json::Map::new();
        doc.insert("format".into(), Value::from("sdgmap-snapshot"));
        doc.insert("version".into(), Value::from(1));
        for (key, v) in ["meta", "sdgs", "indicators", "action_lines", "links", "activities"]
            .into_iter()
            .zip(sections)
        {
            doc.insert(key.into(), v);
        }
        check(Value::Object(doc).to_string().as_bytes())?;
    }

    #[test]
    fn replacing_any_value_of_the_minimal_fixture_never_panics(
        which in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut doc = minimal_value();
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        let path = which.get(&all).clone();
        if let Some(slot) = at_mut(&mut doc, &path) {
            *slot = replacement;
        }
        check(doc.to_string().as_bytes())?;
    }
}
