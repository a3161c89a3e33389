//! `sdgmap check --tour`, `sdgmap tour notes|list` and `sdgmap present`
//! through the real binary: exit codes (0 ok, 1 problems, 2 unreadable),
//! reports and the Markdown speaker sheet.

#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

fn sdgmap(args: &[&str]) -> (i32, String, String) {
    // an empty data directory: no tours of the user's
    let home = tempfile::tempdir().expect("temp dir");
    sdgmap_in(home.path(), args)
}

fn sdgmap_in(home: &Path, args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env_remove("SDGMAP_DATA")
        .env("SDGMAP_HOME", home)
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sdgmap");
    (
        status.code().expect("exit code"),
        String::from_utf8(stdout).expect("UTF-8"),
        String::from_utf8(stderr).expect("UTF-8"),
    )
}

#[test]
fn check_tour_accepts_a_valid_tour() {
    let f = fixture("tours/valid/three-steps.json");
    let (code, out, err) = sdgmap(&["check", "--tour", &f]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        format!(
            "ok: {f} is a valid sdgmap tour (version 1)\n  Three steps\n  steps          3\n  checked with   <bundled snapshot>\n  warnings       0\n  errors         0\n"
        )
    );
}

#[test]
fn check_tour_names_each_problem_with_its_step() {
    let f = fixture("tours/invalid/bad-facet.json");
    let (code, out, _) = sdgmap(&["check", "--tour", &f]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("  error: step 2 (steps[1].view): unknown facet 'sgd' — did you mean 'sdg'?\n      sdg:4 sgd:9\n            ^^^\n"),
        "{out}"
    );
    assert!(
        out.ends_with("bad-facet.json: invalid tour: 1 error, 0 warnings\n"),
        "{out}"
    );

    let (code, out, _) = sdgmap(&["check", "--tour", &f, "--format", "json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(v["valid"], false);
    assert_eq!(v["problems"][0]["path"], "steps[1].view");
    assert_eq!(v["problems"][0]["step"], 2);
    assert_eq!(v["problems"][0]["severity"], "error");
}

#[test]
fn check_tour_exit_codes_for_syntax_and_missing_files() {
    let (code, out, _) = sdgmap(&["check", "--tour", &fixture("tours/invalid/syntax.json")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("syntax.json:4:16: invalid JSON: key must be a string\n"),
        "{out}"
    );
    let (code, out, _) = sdgmap(&["check", "--tour", "tests/fixtures/tours/none.json"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("none.json: cannot read the tour"), "{out}");
}

#[test]
fn check_tour_reports_a_broken_snapshot_first() {
    // An invalid snapshot is reported exactly as plain `check` reports it.
    let snap = fixture("invalid/bad_color.json");
    let (code, out, _) = sdgmap(&["check", &snap, "--tour", "itu-2030-agenda"]);
    let (plain_code, plain, _) = sdgmap(&["check", &snap]);
    assert_eq!((code, plain_code), (1, 1), "{out}");
    assert_eq!(out, plain);
    assert!(out.contains("invalid snapshot"), "{out}");
    let (code, out, _) = sdgmap(&["check", "--tour", "itu-2030-agenda"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("ok: <bundled tour itu-2030-agenda> is a valid sdgmap tour"),
        "{out}"
    );
}

#[test]
fn tour_notes_prints_a_markdown_speaker_sheet() {
    let (code, out, err) = sdgmap(&["tour", "notes", &fixture("tours/valid/three-steps.json")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "# Three steps\n\
         \n\
         Speaker notes · 3 steps · written for “WSIS-SDG Matrix and ITU activities for the 2030 Agenda”\n\
         \n\
         ## 1/3 · Target 9.c\n\
         \n\
         - View: `sdg:9 show:targets`\n\
         - Focus: `9.c` — Significantly increase access to information and communications technology and strive to provide universal and affordabl…\n\
         - Screen: sdgs\n\
         \n\
         First point.\n\
         \n\
         Second point.\n\
         \n\
         ## 2/3 · C2 × SDG 9\n\
         \n\
         - View: `sdg:9`\n\
         - Focus: `C2/9` — C2 × SDG 9: Broadband as the infrastructure of the decade\n\
         - Screen: matrix\n\
         \n\
         ## 3/3 · Digital Health for Africa\n\
         \n\
         - View: `sdg:3 show:activities focus:digital-health-for-africa`\n\
         - Focus: `digital-health-for-africa` — Digital Health for Africa\n"
    );
}

#[test]
fn tour_notes_and_list_know_the_bundled_tour() {
    let (code, out, err) = sdgmap(&["tour", "notes", "itu-2030-agenda"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# ITU and the 2030 Agenda"), "{out}");
    assert!(out.contains("## 1/12 · "), "{out}");
    assert!(out.contains("## 12/12 · "), "{out}");
    assert!(
        out.contains("- Focus: `u4ssc` — United for Smart Sustainable Cities (U4SSC)\n"),
        "{out}"
    );
    assert!(out.contains("Annex 2"), "notes cite the document:\n{out}");

    let (code, out, _) = sdgmap(&["tour", "list"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("itu-2030-agenda"), "{out}");
    assert!(out.contains(" 12 steps  ITU and the 2030 Agenda"), "{out}");
}

#[test]
fn tour_notes_of_an_invalid_or_unknown_tour() {
    let (code, out, err) = sdgmap(&[
        "tour",
        "notes",
        &fixture("tours/invalid/unknown-focus.json"),
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("step 4 (steps[3].focus): unknown id \"9.z\""),
        "{err}"
    );
    let (code, _, err) = sdgmap(&["tour", "notes", "no-such-tour"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "sdgmap: no-such-tour: no such tour file, and no tour has this name (bundled: itu-2030-agenda)\n"
    );
}

#[test]
fn present_validates_the_tour_before_starting() {
    // Without a terminal the valid bundled tour gets as far as the app,
    // which says it needs a terminal (the pty tests present it for real).
    let (code, _, err) = sdgmap(&["present"]);
    assert_eq!(code, 2);
    assert!(err.contains("the explorer needs a terminal"), "{err}");
    let (code, _, err) = sdgmap(&["present", &fixture("tours/invalid/bad-screen.json")]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown screen 'matirx'"), "{err}");
}

#[test]
fn the_users_recorded_tours_are_listed_and_found_by_name() {
    let home = tempfile::tempdir().expect("temp dir");
    let tours = home.path().join("tours");
    std::fs::create_dir_all(&tours).expect("tours dir");
    std::fs::copy(
        fixture("tours/valid/three-steps.json"),
        tours.join("board meeting.json"),
    )
    .expect("copy tour");
    std::fs::write(tours.join("broken.json"), "{").expect("write");
    let (code, out, err) = sdgmap_in(home.path(), &["tour", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("itu-2030-agenda"), "{out}");
    assert!(
        out.contains("board meeting          3 steps  Three steps  (yours: "),
        "{out}"
    );
    assert!(out.contains("broken               invalid: "), "{out}");
    // by name, for notes and for check
    let (code, out, err) = sdgmap_in(home.path(), &["tour", "notes", "board meeting"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Three steps"), "{out}");
    let (code, _, err) = sdgmap_in(home.path(), &["tour", "notes", "nothing"]);
    assert_eq!(code, 2);
    assert!(
        err.ends_with("(bundled: itu-2030-agenda; yours: board meeting, broken)\n"),
        "{err}"
    );
    // sdgmap paths says where they live, no longer "(future)"
    let (code, out, _) = sdgmap_in(home.path(), &["paths"]);
    assert_eq!(code, 0);
    let line = out
        .lines()
        .find(|l| l.starts_with("tours"))
        .expect("a tours line");
    assert!(!line.contains("future"), "{line}");
    assert!(
        line.contains("T records here, sdgmap present NAME plays one"),
        "{line}"
    );
}
