//! `sdgmap check` end to end: the real binary, its exit codes (0 valid,
//! 1 invalid, 2 usage error), its text and JSON reports, `SDGMAP_DATA`, and
//! that nothing from a snapshot reaches the terminal unsanitized.

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The binary with a clean environment: no `SDGMAP_DATA`, no colour.
fn sdgmap() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sdgmap"));
    c.env_remove("SDGMAP_DATA")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run sdgmap");
    (
        status.code().expect("exit code"),
        String::from_utf8(stdout).expect("stdout is UTF-8"),
        String::from_utf8(stderr).expect("stderr is UTF-8"),
    )
}

fn check(args: &[&str]) -> (i32, String, String) {
    run(sdgmap().arg("check").args(args))
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

#[test]
fn check_of_the_bundled_snapshot_prints_its_counts() {
    let (code, out, err) = check(&[]);
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert!(
        out.starts_with("ok: <bundled snapshot> is a valid sdgmap snapshot (version 1)\n"),
        "{out}"
    );
    for line in [
        "  SDGs           17\n",
        "  targets        169\n",
        "  indicators     251\n",
        "  action lines   19 (18 Matrix rows)\n",
        "  links          129 (122 confirmed, 2 partial, 5 disputed)\n",
        "    not disputed 124\n",
        "  countries      249\n",
        "  activities     722\n",
        "    itu-roadmap-2030             60 activities\n",
        "    wsis-prizes-2015-nominees    302 activities\n",
        "    wsis-prizes-2021-nominees    360 activities\n",
        "    un-indicator-framework-2025  251 indicators\n",
        "    iaeg-tiers-2022-11-30        251 indicator tiers\n",
        "    country-codes                249 countries\n",
        "    wsis-sdg-matrix              127 links\n",
        "  warnings       0\n",
        "  errors         0\n",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
}

#[test]
fn check_of_a_valid_fixture() {
    let (code, out, _) = check(&["tests/fixtures/valid/minimal.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ok: tests/fixtures/valid/minimal.json is a valid sdgmap snapshot"));
    assert!(
        out.contains("  Minimal test snapshot — 2026-01-15\n"),
        "{out}"
    );
    assert!(
        out.contains("  action lines   5 (4 Matrix rows)\n"),
        "{out}"
    );
    assert!(
        out.contains("  links          7 (3 confirmed, 2 partial, 2 disputed)\n"),
        "{out}"
    );
    assert!(out.contains("  activities     4\n"), "{out}");
}

#[test]
fn check_of_an_invalid_fixture_prints_every_problem_and_exits_1() {
    let (code, out, _) = check(&["tests/fixtures/invalid/two_errors.json"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        "tests/fixtures/invalid/two_errors.json: invalid snapshot (2 problems):\n\
         \x20 error: sdgs[2].color: expected a colour #RRGGBB, found \"blue\"\n\
         \x20 error: activities[0].source: activity digital-health-for-africa cites source \"nowhere\", which is not in meta.sources\n\
         tests/fixtures/invalid/two_errors.json: invalid snapshot: 2 errors, 0 warnings\n"
    );
}

#[test]
fn every_invalid_fixture_exits_1_and_prints_what_the_library_finds() {
    let dir = fixture("invalid");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("read invalid/") {
        let path = entry.expect("entry").path();
        let rel = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        let (code, out, _) = check(&[&rel]);
        assert_eq!(code, 1, "{rel}:\n{out}");
        let err = sdgmap::snapshot::load_file(Path::new(&rel)).expect_err("invalid");
        assert!(
            out.contains(&err.to_string()),
            "{rel}: report lacks\n{err}\nin\n{out}"
        );
        for p in err.problems() {
            if matches!(err, sdgmap::snapshot::LoadError::Invalid { .. }) {
                assert!(out.contains(&format!("  {p}\n")), "{rel}: missing {p}");
            }
        }
        assert!(out.contains(&format!("{rel}: invalid snapshot: ")), "{out}");
        n += 1;
    }
    assert!(n >= 25);
}

#[test]
fn syntax_error_shows_line_column_and_caret() {
    let (code, out, _) = check(&["tests/fixtures/invalid/syntax_error.json"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "tests/fixtures/invalid/syntax_error.json:6:5: invalid JSON: expected `,` or `}`\n\
             6 |     \"snapshot_date\": \"2026-01-15\",\n        ^\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("invalid snapshot: 1 error, 0 warnings\n"),
        "{out}"
    );
}

#[test]
fn json_report_of_a_valid_snapshot() {
    let (code, out, _) = check(&["--format", "json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["file"], "<bundled snapshot>");
    assert_eq!(v["problems"], Value::Array(Vec::new()));
    assert!(v["message"].is_null());
    let s = &v["summary"];
    assert_eq!(s["sdgs"], 17);
    assert_eq!(s["targets"], 169);
    assert_eq!(s["matrix_rows"], 18);
    assert_eq!(s["links_disputed"], 5);
    assert_eq!(s["links"].as_u64().expect("links") - 5, 124);
    assert_eq!(s["activities"], 722);
    assert_eq!(s["countries"], 249);
    assert_eq!(s["indicators"], 251);
    let by: Vec<(String, u64)> = s["by_source"]
        .as_array()
        .expect("by_source")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or("").to_string(),
                c["activities"].as_u64().unwrap_or(0),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        by,
        [
            ("itu-roadmap-2030".to_string(), 60),
            ("wsis-prizes-2015-nominees".to_string(), 302),
            ("wsis-prizes-2021-nominees".to_string(), 360)
        ]
    );
}

#[test]
fn json_report_of_an_invalid_snapshot() {
    let (code, out, _) = check(&["--format", "json", "tests/fixtures/invalid/two_errors.json"]);
    assert_eq!(code, 1);
    let v = json(&out);
    assert_eq!(v["valid"], false);
    assert!(v["summary"].is_null());
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["severity"], "error");
    assert_eq!(problems[0]["path"], "sdgs[2].color");
    assert_eq!(problems[1]["path"], "activities[0].source");
    assert!(
        problems[1]["message"]
            .as_str()
            .expect("message")
            .contains("\"nowhere\"")
    );
}

#[test]
fn json_report_of_a_syntax_error_has_position_and_excerpt() {
    let (code, out, _) = check(&[
        "tests/fixtures/invalid/syntax_error.json",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let v = json(&out);
    assert_eq!(v["valid"], false);
    assert_eq!(v["problems"][0]["path"], "(line 6, column 5)");
    let message = v["message"].as_str().expect("message");
    assert!(message.contains(":6:5: invalid JSON"), "{message}");
    assert!(message.ends_with("\n        ^"), "{message}");
}

#[test]
fn json_report_with_warnings_lists_them() {
    let (code, out, _) = check(&["--format=json", "tests/fixtures/valid/with_warnings.json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["valid"], true);
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 3);
    assert!(problems.iter().all(|p| p["severity"] == "warning"));
}

#[test]
fn usage_errors_exit_2() {
    let (code, out, err) = check(&["--format", "nope"]);
    assert_eq!(code, 2, "stdout:\n{out}\nstderr:\n{err}");
    assert!(out.is_empty());
    assert!(err.contains("nope"), "{err}");
    let (code, _, err) = run(sdgmap().arg("no-such-command"));
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = check(&["a.json", "b.json"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn version_and_help() {
    let (code, out, _) = run(sdgmap().arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("sdgmap {}", env!("CARGO_PKG_VERSION")));
    let (code, out, _) = run(sdgmap().arg("--help"));
    assert_eq!(code, 0);
    assert!(out.contains("Usage: sdgmap"), "{out}");
    assert!(out.contains("check"), "{out}");
    assert!(out.contains("SDGMAP_DATA"), "{out}");
    assert!(out.contains("Exit codes"), "{out}");
    let (code, out, _) = run(sdgmap().args(["check", "--help"]));
    assert_eq!(code, 0);
    assert!(out.contains("--format"), "{out}");
}

#[test]
fn sdgmap_data_selects_the_file_to_check() {
    let (code, out, _) = run(sdgmap()
        .env("SDGMAP_DATA", "tests/fixtures/valid/minimal.json")
        .arg("check"));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("ok: tests/fixtures/valid/minimal.json is a valid"),
        "{out}"
    );
    assert!(out.contains("  SDGs           3\n"), "{out}");
    let (code, out, _) = run(sdgmap()
        .env("SDGMAP_DATA", "tests/fixtures/invalid/bad_date.json")
        .arg("check"));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("meta.snapshot_date: expected a date YYYY-MM-DD"),
        "{out}"
    );
}

#[test]
fn an_explicit_path_beats_sdgmap_data_and_data_flag_works() {
    let (code, out, _) = run(sdgmap()
        .env("SDGMAP_DATA", "tests/fixtures/invalid/bad_date.json")
        .args(["check", "tests/fixtures/valid/minimal.json"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("minimal.json is a valid"), "{out}");
    let (code, out, _) = check(&["--data", "tests/fixtures/invalid/bad_color.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("sdgs[1].color"), "{out}");
}

#[test]
fn a_missing_file_is_reported_with_its_name() {
    let (code, out, err) = check(&["tests/fixtures/no-such-file.json"]);
    assert_eq!(code, 2, "an unreadable file is an input error");
    let all = format!("{out}{err}");
    assert!(
        all.contains("tests/fixtures/no-such-file.json: cannot read the snapshot"),
        "{all}"
    );
}

#[test]
fn escape_sequences_in_a_title_are_printed_sanitized() {
    let (code, out, _) = check(&["tests/fixtures/valid/with_warnings.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains('\x1b'), "raw ESC in stdout: {out:?}");
    assert!(
        out.contains("  Test \u{241b}[31mred\u{241b}[0m snapshot — 2026-01-15\n"),
        "{out}"
    );
    assert!(
        out.contains("warning: meta.title: contains control, bidi or zero-width characters"),
        "{out}"
    );
    assert!(out.contains("  warnings       3\n"), "{out}");
}

#[test]
fn nothing_from_a_hostile_snapshot_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("valid/minimal.json")).expect("read");
    let mut v: Value = serde_json::from_str(&text).expect("json");
    v["links"][1]["action_line"] = Value::from("C5\u{1b}]0;owned\u{7}");
    v["activities"][0]["id"] = Value::from("x\u{9b}2Jy");
    v["meta"]["snapshot_date"] = Value::from("\u{1b}[2J");
    // The file name itself carries an escape sequence.
    let path = dir.path().join("evil\u{1b}[31m.json");
    std::fs::write(&path, v.to_string()).expect("write");
    for format in ["text", "json"] {
        let (code, out, err) = run(sdgmap().arg("check").arg(&path).args(["--format", format]));
        assert_eq!(code, 1, "{out}{err}");
        for c in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(!out.contains(c), "{format}: raw {c:?} in {out:?}");
            assert!(!err.contains(c), "{format}: raw {c:?} in {err:?}");
        }
    }
    let (_, out, _) = check(&[path.to_str().expect("utf-8 path")]);
    assert!(out.contains("evil\u{241b}[31m.json"), "{out}");
    assert!(out.contains("C5\u{241b}]0;owned\u{2407}"), "{out}");
}
