//! `sdgmap suggest` end to end: table, JSON and CSV output, `--input`,
//! `--activity`, the credit everywhere, exit codes.

#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

const CREDIT: &str =
    "Aurora Universities Network, SDG queries v5.0, doi 10.5281/zenodo.3817445, CC-BY-4.0";

fn sdgmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env_remove("SDGMAP_DATA")
        .output()
        .unwrap()
}

fn text(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout.clone()).unwrap(),
        String::from_utf8(o.stderr.clone()).unwrap(),
    )
}

#[test]
fn table_shows_goals_evidence_lines_and_credit() {
    let (code, out, _) = text(&sdgmap(&[
        "suggest",
        "Eradicating extreme poverty through social protection and cash transfers",
    ]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("SDG  1  No poverty"), "{out}");
    assert!(out.contains("Aurora query 1.1 (query_SDG1.xml:"), "{out}");
    assert!(
        out.contains("«eradicating»") || out.contains("«Eradicating»"),
        "{out}"
    );
    assert!(out.contains("not stated by any source"), "{out}");
    assert!(out.contains(CREDIT), "{out}");
}

#[test]
fn nothing_suggested_exits_1_and_still_credits() {
    let (code, out, _) = text(&sdgmap(&["suggest", "The cat sat on the mat"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("No SDG suggested") && out.contains(CREDIT),
        "{out}"
    );
}

#[test]
fn json_carries_engine_credit_and_evidence() {
    let (code, out, _) = text(&sdgmap(&[
        "suggest",
        "--format",
        "json",
        "Access to safe drinking water and sanitation in schools",
    ]));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["credit"], CREDIT);
    assert!(v["engine"].as_str().unwrap().starts_with("sdgmap-suggest/"));
    assert_eq!(v["goals"][0]["goal"], 6, "{out}");
    assert!(!v["goals"][0]["evidence"].as_array().unwrap().is_empty());
}

#[test]
fn csv_of_one_text() {
    let (code, out, err) = text(&sdgmap(&[
        "suggest",
        "--format",
        "csv",
        "Renewable energy for rural electrification",
    ]));
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("sdgs,targets,action_lines"));
    assert!(lines.next().unwrap().starts_with('7'), "{out}");
    assert!(err.contains(CREDIT));
}

#[test]
fn input_csv_gives_one_row_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.csv");
    std::fs::write(
        &path,
        "\u{feff}title,id,text,extra\nx,a1,\"Reducing maternal mortality, vaccination campaigns\",9\ny,a2,,\nz,a3,Marine protected areas against overfishing,\n",
    )
    .unwrap();
    let (code, out, err) = text(&sdgmap(&["suggest", "--input", path.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "id,sdgs,targets,action_lines");
    assert_eq!(rows.len(), 4, "{out}");
    assert!(rows[1].starts_with("a1,3"), "{out}");
    assert_eq!(rows[2], "a2,,,");
    assert!(rows[3].starts_with("a3,14"), "{out}");
    assert!(err.contains(CREDIT));
    // the input is left as it was
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("overfishing")
    );

    let (code, out, _) = text(&sdgmap(&[
        "suggest",
        "--input",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["credit"], CREDIT);
    assert_eq!(v["rows"][0]["id"], "a1");
    assert_eq!(v["rows"].as_array().unwrap().len(), 3);
}

#[test]
fn input_errors_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, "name,description\nx,y\n").unwrap();
    let (code, _, err) = text(&sdgmap(&["suggest", "--input", path.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(
        err.contains("needs columns 'id' and 'text' (found: name, description)"),
        "{err}"
    );
    let (code, _, err) = text(&sdgmap(&["suggest", "--input", "/nonexistent/x.csv"]));
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/x.csv"), "{err}");
    let (code, _, _) = text(&sdgmap(&["suggest"]));
    assert_eq!(code, 2);
}

#[test]
fn activity_of_the_snapshot() {
    let fixture = "tests/fixtures/view/small.json";
    let s = sdgmap::snapshot::load_file(std::path::Path::new(fixture)).unwrap();
    let a = &s.activities()[0];
    let (code, out, _) = text(&sdgmap(&[
        "suggest",
        "--data",
        fixture,
        "--activity",
        a.id(),
    ]));
    assert!(code == 0 || code == 1, "{out}");
    assert!(out.contains("Stated by the record's source:"), "{out}");
    assert!(out.contains(CREDIT));
    let (code, _, err) = text(&sdgmap(&[
        "suggest",
        "--data",
        fixture,
        "--activity",
        "no-such-id",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("no activity 'no-such-id'"), "{err}");
}

#[test]
fn help_credits_aurora() {
    let (code, out, _) = text(&sdgmap(&["suggest", "--help"]));
    assert_eq!(code, 0);
    assert!(out.contains(CREDIT), "{out}");
    assert!(out.contains("--input") && out.contains("--activity"));
}
