//! `sdgmap diff` end to end: exit codes (0 identical, 1 different, 2
//! error), the three formats, and no colour when stdout is not a terminal.

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use std::process::Command;

fn sdgmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SDGMAP_DATA")
        .output()
        .expect("run sdgmap")
}

const OLD: &str = "tests/fixtures/diff/old.json";
const NEW: &str = "tests/fixtures/diff/new.json";

#[test]
fn identical_exits_0() {
    let out = sdgmap(&["diff", OLD, OLD]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf8");
    assert!(text.starts_with("The snapshots are identical"), "{text}");
}

#[test]
fn different_exits_1_with_a_plain_report_when_piped() {
    let out = sdgmap(&["diff", OLD, NEW]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("utf8");
    assert!(!text.contains('\x1b'), "no colour when stdout is a pipe");
    assert!(text.contains("  + C4 × SDG 4\n"), "{text}");
}

#[test]
fn json_and_markdown() {
    let out = sdgmap(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["cells"].as_array().map(Vec::len), Some(6));
    assert_eq!(v["activities"][2]["kind"], "added");
    let out = sdgmap(&["diff", OLD, NEW, "--format", "md"]);
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).expect("utf8");
    assert!(md.starts_with("# Snapshot diff"));
}

#[test]
fn a_bad_file_exits_2_naming_it() {
    let out = sdgmap(&["diff", OLD, "tests/fixtures/diff/missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf8");
    assert!(err.contains("missing.json"), "{err}");
    let out = sdgmap(&["diff", "tests/fixtures/invalid/bad_color.json", OLD]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
