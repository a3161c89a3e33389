//! `assets/snapshot.schema.json` is generated from the snapshot's serde types
//! (`sdgmap::schema::snapshot_schema`). This test fails when the shipped file
//! drifts from the types; run it with `SDGMAP_UPDATE_SCHEMA=1` to rewrite it.
//! It also holds the bundled snapshot and the test fixtures against the
//! schema's structure (required and known keys, enum values).

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Map, Value};

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/snapshot.schema.json")
}

fn schema() -> Value {
    serde_json::from_str(&sdgmap::schema::snapshot_schema()).expect("generated schema is JSON")
}

#[test]
fn shipped_schema_matches_the_generated_one() {
    let generated = sdgmap::schema::snapshot_schema();
    let path = schema_path();
    if std::env::var_os("SDGMAP_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write assets/snapshot.schema.json");
        eprintln!("rewrote {}", path.display());
        return;
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{} is out of date with the snapshot types in src/snapshot/raw.rs.\n\
         Regenerate it with:  SDGMAP_UPDATE_SCHEMA=1 cargo test --test schema_sync\n\
         (and describe any format change in assets/SCHEMA.md)",
        path.display()
    );
}

#[test]
fn generated_schema_is_stable_and_pretty() {
    let a = sdgmap::schema::snapshot_schema();
    let b = sdgmap::schema::snapshot_schema();
    assert_eq!(a, b, "schema generation must be deterministic");
    assert!(a.ends_with("}\n"), "pretty JSON with one trailing newline");
    assert!(!a.ends_with("\n\n"));
    assert!(
        a.contains("\n  \"$schema\""),
        "pretty-printed, 2-space indent"
    );
}

/// Resolves a `{"$ref": "#/$defs/Name"}` (possibly nested in `allOf`/`anyOf`
/// with null for an optional object) to the definition it names.
fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return &root["$defs"][name];
    }
    s
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn required(s: &Value) -> BTreeSet<String> {
    s["required"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Checks `value` against the object schema `s`: every required key is
/// present, no key is unknown, and each known key is checked recursively
/// (arrays of objects, nested objects, string enums). Pushes one message per
/// mismatch.
fn check_object(root: &Value, s: &Value, value: &Value, path: &str, errs: &mut Vec<String>) {
    let s = resolve(root, s);
    let Some(obj) = value.as_object() else {
        errs.push(format!("{path}: expected an object"));
        return;
    };
    let props = s["properties"].as_object().cloned().unwrap_or_default();
    for k in required(s) {
        if !obj.contains_key(&k) {
            errs.push(format!("{path}: missing required key {k}"));
        }
    }
    for (k, v) in obj {
        match props.get(k) {
            None => errs.push(format!("{path}: key {k} is not in the schema")),
            Some(ps) => check_value(root, ps, v, &format!("{path}.{k}"), errs),
        }
    }
}

fn check_value(root: &Value, s: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
    let s = resolve(root, s);
    if let Some(alts) = s
        .get("anyOf")
        .or_else(|| s.get("oneOf"))
        .and_then(Value::as_array)
    {
        // Optional values: null or the inner schema.
        if v.is_null() {
            return;
        }
        let inner: Vec<&Value> = alts
            .iter()
            .filter(|a| a.get("type") != Some(&Value::from("null")))
            .collect();
        if let [one] = inner.as_slice() {
            check_value(root, one, v, path, errs);
        } else {
            let ok = inner.iter().any(|a| {
                let mut e = Vec::new();
                check_value(root, a, v, path, &mut e);
                e.is_empty()
            });
            if !ok {
                errs.push(format!("{path}: matches none of the alternatives"));
            }
        }
        return;
    }
    if let Some(allowed) = s.get("enum").and_then(Value::as_array) {
        if !allowed.contains(v) {
            errs.push(format!("{path}: {v} is not one of {allowed:?}"));
        }
        return;
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errs.push(format!("{path}: {v} is not {c}"));
        }
        return;
    }
    let types: Vec<&str> = match &s["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let ok_type = |t: &str| match t {
        "null" => v.is_null(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => true,
    };
    if !types.is_empty() && !types.iter().any(|t| ok_type(t)) {
        errs.push(format!("{path}: {v} is not of type {types:?}"));
        return;
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errs.push(format!("{path}: {n} is below the minimum {min}"));
    }
    if let (Some(max), Some(n)) = (s.get("maximum").and_then(Value::as_f64), v.as_f64())
        && n > max
    {
        errs.push(format!("{path}: {n} is above the maximum {max}"));
    }
    match v {
        Value::Array(items) => {
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check_value(root, item_schema, item, &format!("{path}[{i}]"), errs);
                }
            }
        }
        Value::Object(_) if s.get("properties").is_some() => {
            check_object(root, s, v, path, errs);
        }
        _ => {}
    }
}

fn conformance_errors(doc: &Value) -> Vec<String> {
    let root = schema();
    let mut errs = Vec::new();
    check_object(&root, &root, doc, "$", &mut errs);
    errs
}

fn bundled() -> Value {
    serde_json::from_str(sdgmap::snapshot::BUNDLED).expect("bundled snapshot is JSON")
}

#[test]
fn top_level_keys_of_the_bundled_snapshot_are_exactly_the_schemas() {
    let root = schema();
    let props = keys(&root["properties"]);
    let req = required(&root);
    assert!(req.is_subset(&props));
    let doc = bundled();
    let top = keys(&doc);
    assert!(
        req.is_subset(&top),
        "bundled snapshot lacks required keys {:?}",
        req.difference(&top).collect::<Vec<_>>()
    );
    assert!(
        top.is_subset(&props),
        "bundled snapshot has keys the schema does not know: {:?}",
        top.difference(&props).collect::<Vec<_>>()
    );
    // Format v1 has eight required top-level keys and the optional
    // `countries` (added compatibly: a file without it has no countries).
    let expected: BTreeSet<String> = [
        "format",
        "version",
        "meta",
        "sdgs",
        "indicators",
        "action_lines",
        "links",
        "activities",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(req, expected);
    let mut all = expected.clone();
    all.insert("countries".to_string());
    assert_eq!(props, all);
    assert!(
        top.contains("countries"),
        "the bundled snapshot has countries"
    );
}

#[test]
fn bundled_snapshot_conforms_to_the_schema_structurally() {
    let errs = conformance_errors(&bundled());
    assert!(
        errs.is_empty(),
        "bundled snapshot vs schema:\n{}",
        errs.join("\n")
    );
}

#[test]
fn valid_fixtures_conform_to_the_schema() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/valid") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let doc: Value = serde_json::from_slice(&std::fs::read(&path).expect("read fixture"))
                .expect("fixture is JSON");
            let errs = conformance_errors(&doc);
            assert!(errs.is_empty(), "{}:\n{}", path.display(), errs.join("\n"));
            n += 1;
        }
    }
    assert!(n >= 2, "expected several valid fixtures, found {n}");
}

/// The checker above must actually catch structural mistakes, or the
/// conformance tests would pass vacuously.
#[test]
fn the_structural_checker_catches_mistakes() {
    let mut doc = bundled();
    let obj: &mut Map<String, Value> = doc.as_object_mut().expect("object");
    obj.remove("indicators");
    obj.insert("surprise".into(), Value::Bool(true));
    obj["links"][0]["status"] = Value::from("maybe");
    obj["activities"][0]["year"] = Value::from("2017a");
    obj["sdgs"][0]["targets"] = Value::from("1.1");
    let errs = conformance_errors(&doc).join("\n");
    assert!(
        errs.contains("$: missing required key indicators"),
        "{errs}"
    );
    assert!(
        errs.contains("$: key surprise is not in the schema"),
        "{errs}"
    );
    assert!(errs.contains("$.links[0].status"), "{errs}");
    assert!(errs.contains("$.activities[0].year"), "{errs}");
    assert!(errs.contains("$.sdgs[0].targets"), "{errs}");
}

#[test]
fn schema_names_the_enums_and_required_record_keys() {
    let root = schema();
    let defs = &root["$defs"];
    let enum_values = |name: &str| -> BTreeSet<String> {
        let d = &defs[name];
        let mut out = BTreeSet::new();
        let mut push = |v: &Value| {
            if let Some(s) = v.as_str() {
                out.insert(s.to_string());
            }
        };
        if let Some(e) = d["enum"].as_array() {
            e.iter().for_each(&mut push);
        }
        if let Some(alts) = d["oneOf"].as_array() {
            for a in alts {
                if let Some(e) = a["enum"].as_array() {
                    e.iter().for_each(&mut push);
                }
                push(&a["const"]);
            }
        }
        out
    };
    assert_eq!(
        enum_values("LinkStatus"),
        ["confirmed", "partial", "disputed"]
            .map(String::from)
            .into()
    );
    assert_eq!(
        enum_values("Scope"),
        ["targets", "goal", "all_targets"].map(String::from).into()
    );
    let link_req = required(&defs["RawLink"]);
    for k in [
        "action_line",
        "sdg",
        "scope",
        "status",
        "rationale",
        "source",
    ] {
        assert!(link_req.contains(k), "RawLink requires {k}");
    }
    assert!(!link_req.contains("targets"), "targets defaults to []");
    let act_req = required(&defs["RawActivity"]);
    assert_eq!(act_req, ["id", "source", "title"].map(String::from).into());
    let country_req = required(&defs["RawCountry"]);
    assert_eq!(country_req, ["code", "name"].map(String::from).into());
    let ind_req = required(&defs["RawIndicator"]);
    assert_eq!(ind_req, ["code", "name", "target"].map(String::from).into());
}
