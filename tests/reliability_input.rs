//! Hostile and odd input gets a clear error that names what is wrong and
//! hides nothing else (issue 17): nesting deeper than the format allows,
//! repeated keys, numbers shown as written, white-space files, ids that
//! collide with another kind of record. Each test runs the real binary.

#![allow(clippy::expect_used)] // a broken fixture or environment is the test failing

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env_remove("SDGMAP_DATA")
        .env("NO_COLOR", "1")
        .output()
        .expect("run sdgmap");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The minimal valid snapshot as pretty JSON text, for editing.
fn minimal() -> String {
    std::fs::read_to_string(fixture("valid/minimal.json")).expect("fixture")
}

fn minimal_value() -> Value {
    serde_json::from_str(&minimal()).expect("fixture is JSON")
}

/// Writes `text` to a file in `dir` and runs `sdgmap check` on it.
fn check_text(dir: &Path, text: &str) -> (i32, String) {
    let p = dir.join("s.json");
    std::fs::write(&p, text).expect("write");
    let (code, out, err) = run(&["check", p.to_str().expect("utf-8 path")]);
    (code, format!("{out}{err}"))
}

fn deep(n: usize) -> String {
    format!("{}{}", "[".repeat(n), "]".repeat(n))
}

#[test]
fn nesting_inside_an_unknown_key_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = minimal().replacen(
        "\"format\"",
        &format!("\"extra\": {},\n \"format\"", deep(100_000)),
        1,
    );
    let (code, out) = check_text(dir.path(), &text);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("extra[0][0]…[0]: arrays and objects nested more than 127 deep"),
        "{out}"
    );
    // 127 levels are allowed, as serde_json parses them
    let text = minimal().replacen(
        "\"format\"",
        &format!("\"extra\": {},\n \"format\"", deep(126)),
        1,
    );
    let (code, out) = check_text(dir.path(), &text);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn nesting_does_not_hide_the_other_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut v = minimal_value();
    v["activities"][0]["year"] = Value::from("2017a");
    let text = serde_json::to_string_pretty(&v).expect("json").replacen(
        "\"format\"",
        &format!("\"extra\": {{\"deeper\": {}}},\n  \"format\"", deep(5000)),
        1,
    );
    let (code, out) = check_text(dir.path(), &text);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("extra.deeper[0]…[0]: arrays and objects nested more than 127 deep (line "),
        "{out}"
    );
    assert!(
        out.contains("activities[0].year: expected integer, found \"2017a\""),
        "the real error is reported too: {out}"
    );
    assert!(!out.contains("recursion limit"), "{out}");
}

#[test]
fn white_space_is_not_called_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out) = check_text(dir.path(), &" ".repeat(100_000));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the file holds only white space (100000 bytes)"),
        "{out}"
    );
    assert!(!out.contains("is empty"), "{out}");
}

#[test]
fn a_year_out_of_range_says_the_range() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut v = minimal_value();
    v["activities"][0]["year"] = Value::from(2_147_483_648u64);
    let (code, out) = check_text(dir.path(), &v.to_string());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "activities[0].year: expected an integer from -2147483648 to 2147483647, found 2147483648"
        ),
        "{out}"
    );
}

#[test]
fn numbers_are_quoted_as_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("\"year\": -0", ".year: expected integer, found -0\n"),
        (
            "\"sdgs\": [100000000000000000000000000]",
            ".sdgs[0]: expected an integer from 0 to 255, found 100000000000000000000000000\n",
        ),
    ];
    for (edit, want) in cases {
        let from = if edit.starts_with("\"year") {
            "\"year\": 2017"
        } else {
            "\"sdgs\": [3]"
        };
        let text = minimal().replacen(from, edit, 1);
        assert_ne!(text, minimal(), "the fixture changed: edit this test");
        let (code, out) = check_text(dir.path(), &text);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains(want), "{out}");
        assert!(!out.contains("-0.0") && !out.contains("e+26"), "{out}");
    }
}

#[test]
fn a_repeated_format_key_is_called_a_duplicate() {
    let dir = tempfile::tempdir().expect("temp dir");
    for second in ["\"sdgmap-snapshot2\"", "5", "\"sdgmap-snapshot\""] {
        let text = minimal().replacen(
            "\"format\": \"sdgmap-snapshot\",",
            &format!("\"format\": \"sdgmap-snapshot\", \"format\": {second},"),
            1,
        );
        let (code, out) = check_text(dir.path(), &text);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains("error: format: duplicate key \"format\" (line 2,"),
            "{second}: {out}"
        );
        assert!(
            !out.contains("expected"),
            "not reported as a bad value: {out}"
        );
    }
}

#[test]
fn a_repeated_field_is_reported_beside_other_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = minimal()
        .replacen(
            "\"title\": \"Digital Health for Africa\",",
            "\"title\": \"Digital Health for Africa\", \"title\": \"x\",",
            1,
        )
        .replacen("\"year\": 2017", "\"year\": \"soon\"", 1);
    let (code, out) = check_text(dir.path(), &text);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("activities[0].title: duplicate key \"title\""),
        "{out}"
    );
    assert!(out.contains("found \"soon\""), "{out}");
}

#[test]
fn tours_refuse_repeated_keys_as_snapshots_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("tours/valid/three-steps.json"))
        .expect("fixture")
        .replacen(
            "\"title\": \"Three steps\",",
            "\"title\": \"Three steps\", \"title\": \"Other\",",
            1,
        );
    let p = dir.path().join("t.json");
    std::fs::write(&p, text).expect("write");
    let (code, out, err) = run(&["check", "--tour", p.to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("title: duplicate key \"title\" (line 4,"),
        "{out}{err}"
    );
}

#[test]
fn activity_ids_that_read_as_other_keys_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (id, what) in [
        ("9.c", "a target code"),
        ("9", "the key of SDG 9"),
        ("SDG3", "the key of SDG 3"),
        ("C7", "the Action Line C7"),
        ("9.c.1", "an indicator code"),
    ] {
        let mut v = minimal_value();
        v["activities"][0]["id"] = Value::from(id);
        let (code, out) = check_text(dir.path(), &v.to_string());
        assert_eq!(code, 1, "{id}: {out}");
        assert!(
            out.contains(&format!(
                "activities[0].id: activity id \"{id}\" reads as {what}"
            )),
            "{id}: {out}"
        );
    }
    // ids that only contain such keys are fine
    let mut v = minimal_value();
    v["activities"][0]["id"] = Value::from("c7-9.c-2017");
    let (code, out) = check_text(dir.path(), &v.to_string());
    assert_eq!(code, 0, "{out}");
}
