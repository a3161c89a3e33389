//! The loader's two paths agree. `load_bytes` validates activities into the
//! model while it parses (in batches on a second thread past the first 512);
//! `parse_raw` + `build` is the precise path that errors are reported
//! through. Whatever the file — every fixture, any key order, a large
//! synthetic array with a defect deep inside — both must give the same
//! snapshot or the same problems.

#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use sdgmap::snapshot::raw::{RawActivity, RawActivityRef};
use sdgmap::snapshot::{
    BUNDLED, BUNDLED_NAME, LoadError, Problem, Snapshot, build, load_bytes, load_file, parse_raw,
};
use serde_json::{Value, json};

/// Everything of a snapshot but its index (whose hash seeds differ per run).
fn model(s: &Snapshot) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\nrows {:?}",
        s.meta(),
        s.sdgs(),
        s.targets(),
        s.indicators(),
        s.action_lines(),
        s.links(),
        s.countries(),
        s.activities(),
        s.warnings(),
        s.rows()
    )
}

fn problems(e: &LoadError) -> Vec<Problem> {
    e.problems()
}

/// The precise path: parse everything to raw records, then validate.
fn precise(name: &str, text: &str) -> Result<Snapshot, LoadError> {
    let raw = parse_raw(name, text)?;
    build(raw).map_err(|problems| LoadError::Invalid {
        file: name.to_string(),
        problems,
    })
}

/// Both paths on `text`, compared; and the text as a file, whose
/// activities share its text instead of copying it.
fn agree(name: &str, text: &str) {
    let slow = precise(name, text);
    same(name, "bytes", &load_bytes(name, text.as_bytes()), &slow);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("snapshot.json");
    std::fs::write(&path, text).expect("write");
    same(name, "file", &load_file(&path), &slow);
}

/// `got` (loaded from `how`) is the precise path's result `want`: the same
/// model, or the same problems.
fn same(
    name: &str,
    how: &str,
    got: &Result<Snapshot, LoadError>,
    want: &Result<Snapshot, LoadError>,
) {
    match (got, want) {
        (Ok(a), Ok(b)) => assert_eq!(model(a), model(b), "{name}: model from {how} differs"),
        (Err(a), Err(b)) => assert_eq!(
            problems(a),
            problems(b),
            "{name}: problems from {how} differ"
        ),
        _ => panic!(
            "{name}: one path loaded, the other did not:\n{how} {:?}\nprecise {:?}",
            got.as_ref().map(|s| s.activities().len()),
            want.as_ref().map(|s| s.activities().len())
        ),
    }
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read fixtures") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_snapshot_fixture_loads_the_same_both_ways() {
    let mut paths = Vec::new();
    for dir in ["valid", "invalid", "compat", "diff"] {
        fixtures(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(dir),
            &mut paths,
        );
    }
    assert!(paths.len() > 30, "fixtures found: {}", paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        agree(&path.display().to_string(), &text);
    }
    agree(BUNDLED_NAME, BUNDLED);
}

fn bundled() -> Value {
    serde_json::from_str(BUNDLED).expect("bundled JSON")
}

/// The bundled snapshot with its keys in `order` (and any others after).
fn reordered(order: &[&str]) -> String {
    let Value::Object(map) = bundled() else {
        panic!("not an object")
    };
    let mut out = String::from("{");
    let mut keys: Vec<&String> = order
        .iter()
        .filter_map(|k| map.get_key_value(*k).map(|(k, _)| k))
        .collect();
    keys.extend(map.keys().filter(|k| !order.contains(&k.as_str())));
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("{}:{}", json!(k), map[k.as_str()]));
    }
    out.push('}');
    out
}

#[test]
fn activities_before_the_sections_they_cite_load_the_same() {
    let canonical = load_bytes("a", BUNDLED.as_bytes()).expect("bundled loads");
    for order in [
        &["activities", "format", "version", "meta"][..],
        &["sdgs", "activities", "links"],
        &[
            "links",
            "action_lines",
            "indicators",
            "sdgs",
            "meta",
            "version",
            "format",
        ],
        // Countries after the activities that name them: the precise path.
        &[
            "format",
            "version",
            "meta",
            "sdgs",
            "indicators",
            "action_lines",
            "links",
            "activities",
            "countries",
        ],
        &["countries", "activities"],
    ] {
        let text = reordered(order);
        agree("reordered", &text);
        let s = load_bytes("reordered", text.as_bytes()).expect("reordered loads");
        assert_eq!(model(&s), model(&canonical), "order {order:?}");
    }
}

#[test]
fn a_snapshot_without_countries_loads_as_before() {
    let mut doc = bundled();
    let obj = doc.as_object_mut().expect("object");
    obj.remove("countries");
    for a in obj["activities"].as_array_mut().expect("array") {
        a.as_object_mut().expect("activity").remove("countries");
    }
    let text = serde_json::to_string(&doc).expect("json");
    agree("no countries", &text);
    let s = load_bytes("no countries", text.as_bytes()).expect("loads");
    assert!(s.countries().is_empty());
    assert!(s.activities().iter().all(|a| a.countries().is_empty()));
}

#[test]
fn a_repeated_section_is_refused_with_the_precise_message() {
    let text = BUNDLED.trim_end().trim_end_matches('}').to_string() + r#", "links": [] }"#;
    let err = load_bytes("dup", text.as_bytes()).expect_err("a repeated key is refused");
    let msg = err.to_string();
    assert!(
        msg.contains("links: duplicate key \"links\" (line "),
        "{msg}"
    );
    agree("dup", &text);
}

/// The bundled snapshot with `n` copies of its first activity (ids made
/// unique), with `edit` applied to the copy at position `at`.
fn many(n: usize, at: usize, edit: impl Fn(&mut Value)) -> String {
    let mut doc = bundled();
    let first = doc["activities"][0].clone();
    let acts: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = first.clone();
            a["id"] = json!(format!("copy-{i}"));
            if i == at {
                edit(&mut a);
            }
            a
        })
        .collect();
    doc["activities"] = Value::Array(acts);
    serde_json::to_string(&doc).expect("serialize")
}

#[test]
fn past_the_first_batch_activities_are_validated_in_order() {
    // Valid: every activity arrives, in file order.
    let text = many(2000, usize::MAX, |_| {});
    agree("many", &text);
    let s = load_bytes("many", text.as_bytes()).expect("loads");
    assert_eq!(s.activities().len(), 2000);
    for (i, a) in s.activities().iter().enumerate() {
        assert_eq!(a.id(), format!("copy-{i}"));
    }
    assert_eq!(
        s.index().activity("copy-1999").map(|id| id.0),
        Some(1999),
        "the id index covers the last batch"
    );
}

#[test]
fn a_defect_deep_in_a_large_array_names_its_record() {
    // A dangling reference in record 1500 (third batch).
    let text = many(2000, 1500, |a| a["action_lines"] = json!(["C12"]));
    agree("dangling", &text);
    let err = load_bytes("dangling", text.as_bytes()).expect_err("invalid");
    let p = err.problems();
    assert_eq!(p.len(), 1, "{err}");
    assert_eq!(p[0].path, "activities[1500].action_lines[0]");
    assert!(p[0].message.contains("copy-1500") && p[0].message.contains("C12"));

    // A country the snapshot does not have, in record 1600; and a code in
    // the wrong case, which the message corrects.
    let text = many(2000, 1600, |a| {
        a["countries"] = json!(["THA", "ZZZ", "tha"])
    });
    agree("country", &text);
    let err = load_bytes("country", text.as_bytes()).expect_err("invalid");
    let p = err.problems();
    assert_eq!(p.len(), 2, "{err}");
    assert_eq!(p[0].path, "activities[1600].countries[1]");
    assert_eq!(
        p[0].message,
        "activity copy-1600 refers to country \"ZZZ\", which is not in countries"
    );
    assert_eq!(
        p[1].message,
        "activity copy-1600 refers to country \"tha\", which is not in countries (codes are upper-case: \"THA\")"
    );

    // A type error in record 1700: the precise path reports it with its path.
    let text = many(2000, 1700, |a| a["year"] = json!("2017a"));
    agree("type", &text);
    let err = load_bytes("type", text.as_bytes()).expect_err("invalid");
    let msg = err.to_string();
    assert!(msg.contains("activities[1700].year"), "{msg}");

    // A syntax error after the last record.
    let text = many(2000, usize::MAX, |_| {}) + "x";
    assert!(matches!(
        load_bytes("trail", text.as_bytes()),
        Err(LoadError::Syntax { .. })
    ));
}

#[test]
fn borrowed_and_owned_raw_activities_read_the_same_fields() {
    // RawActivityRef (what the loader streams) must accept, default and refuse
    // exactly what RawActivity (the file format) does.
    let cases = [
        json!({"id": "a", "title": "T", "source": "s"}),
        json!({"id": "a", "title": "T", "source": "s", "summary": "x\ny \"q\"", "lead": null,
               "partners": ["W\u{0007}HO", "b"], "sector": "ITU-D", "kind": "k", "year": -3,
               "sdgs": [1, 17], "targets": ["9.c"], "action_lines": ["C2", "C7"],
               "url": "u", "note": "n", "extra": {"ignored": true}}),
        json!({"id": "a", "title": "T"}),
        json!({"id": "a", "source": "s"}),
        json!({"id": 1, "title": "T", "source": "s"}),
        json!({"id": "a", "title": "T", "source": "s", "year": "2017"}),
        json!({"id": "a", "title": "T", "source": "s", "sdgs": [300]}),
        json!({"id": "a", "title": "T", "source": "s", "partners": "WHO"}),
        json!({"id": "a", "title": "T", "source": "s", "summary": null}),
        json!({"id": "a", "title": "T", "source": "s", "countries": ["THA", "KEN", "FJI"]}),
        json!({"id": "a", "title": "T", "source": "s", "countries": "THA"}),
        json!({"id": "a", "title": "T", "source": "s", "countries": [7]}),
        json!([]),
    ];
    for case in cases {
        let text = case.to_string();
        let owned = serde_json::from_str::<RawActivity>(&text);
        let borrowed = serde_json::from_str::<RawActivityRef<'_>>(&text);
        match (owned, borrowed) {
            (Ok(o), Ok(b)) => {
                let o: RawActivityRef<'_> = o.into();
                assert_eq!(o, b, "{text}");
            }
            (Err(_), Err(_)) => {}
            (o, b) => panic!("{text}: owned {:?}, borrowed {:?}", o.is_ok(), b.is_ok()),
        }
    }
}

#[test]
fn a_file_loads_like_its_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("many.json");
    let text = many(1200, usize::MAX, |_| {});
    std::fs::write(&path, &text).expect("write");
    let from_file = load_file(&path).expect("file loads");
    let from_bytes = load_bytes("x", text.as_bytes()).expect("bytes load");
    assert_eq!(model(&from_file), model(&from_bytes));
    // A byte-order mark is skipped on both paths.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let s = load_bytes("bom", &bom).expect("a BOM is fine");
    assert_eq!(model(&s), model(&from_bytes));
}

#[test]
fn a_loaded_file_shares_its_text_except_where_a_field_had_to_change() {
    // activity 3 has an escaped quote in its title, 5 a bell in its
    // summary (shown as a visible control picture): those two own a copy
    let mut doc: Value = serde_json::from_str(&many(8, usize::MAX, |_| {})).expect("json");
    doc["activities"][3]["title"] = json!("A \"quoted\" title");
    doc["activities"][5]["summary"] = json!("ring \u{7} here");
    let text = serde_json::to_string_pretty(&doc).expect("serialize");
    agree("mixed", &text);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mixed.json");
    std::fs::write(&path, &text).expect("write");
    let s = load_file(&path).expect("loads");
    let shared: Vec<bool> = s.activities().iter().map(|a| a.shares_text()).collect();
    assert_eq!(shared, [true, true, true, false, true, false, true, true]);
    let a = &s.activities()[3];
    assert_eq!(a.title(), "A \"quoted\" title");
    assert_eq!(s.activities()[5].summary(), "ring \u{2407} here");
    // the same record read from bytes (a copy) is equal to the shared one
    let b = load_bytes("mixed", text.as_bytes()).expect("loads");
    assert!(!b.activities()[0].shares_text());
    assert_eq!(b.activities()[0], s.activities()[0]);
    assert_ne!(b.activities()[0], s.activities()[1]);
    for (x, y) in b.activities().iter().zip(s.activities()) {
        assert_eq!(
            x.partners().collect::<Vec<_>>(),
            y.partners().collect::<Vec<_>>()
        );
        assert_eq!((x.lead(), x.url(), x.note()), (y.lead(), y.url(), y.note()));
    }
}
