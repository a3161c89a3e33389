//! `sdgmap query` and `sdgmap export` end to end: exit codes (0 matched,
//! 1 none, 2 bad view or snapshot), every format, atomic export.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/view/small.json";

fn sdgmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env_remove("SDGMAP_DATA")
        .output()
        .unwrap()
}

fn query(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["query", "--data", FIXTURE];
    all.extend_from_slice(args);
    let o = sdgmap(&all);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn exit_codes_follow_grep() {
    assert_eq!(query(&["sdg:3"]).0, 0);
    assert_eq!(query(&["'zzzz"]).0, 1);
    let (code, out, err) = query(&["sgd:3"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("sgd:3\n^^^\nunknown facet 'sgd' — did you mean 'sdg'?"),
        "{err}"
    );
    let (code, _, err) = query(&["al:C12"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("al:C12\n   ^^^\nunknown action line 'C12' — did you mean 'C2'?"),
        "{err}"
    );
    let o = sdgmap(&["query", "--data", "/nonexistent.json", "sdg:3"]);
    assert_eq!(o.status.code(), Some(2));
    let o = sdgmap(&["--view", "year:20x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("^^^"));
}

#[test]
fn table_is_aligned_and_ranked_by_text() {
    let (code, out, _) = query(&["al:C7", "--show", "rows"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("KEY "));
    assert_eq!(lines.len(), 3, "{out}"); // header + the two C7 rows (C7 itself is no row)
    assert!(lines[1].starts_with("C7-e-business ") && lines[2].starts_with("C7-e-health "));
    let (_, out, _) = query(&["'tele | 'broad", "--format", "csv"]);
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["b-broadband", "f-telemed"]);
}

#[test]
fn json_csv_and_markdown_carry_the_rows() {
    let (_, out, _) = query(&["sdg:3 al:C2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["view"], "sdg:3 al:C2");
    assert_eq!(v["snapshot"]["title"], "View fixture (hand-counted)");
    assert_eq!(v["count"], 2);
    assert_eq!(v["rows"][0]["id"], "b-broadband");
    // JSON keeps lists as lists; CSV joins them with ';'.
    assert_eq!(v["rows"][0]["sdgs"], serde_json::json!([3, 9]));
    assert_eq!(
        v["rows"][1]["action_lines"],
        serde_json::json!(["C7-e-health", "C2"])
    );
    assert_eq!(v["rows"][1]["targets"], serde_json::json!(["3.d"]));
    assert_eq!(v["rows"][1]["summary"], "Standards for telemedicine.");
    let (_, out, _) = query(&["sdg:3 al:C2", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let cell =
        |row: usize, col: &str| rows[row][h.iter().position(|x| x == col).unwrap()].to_string();
    assert_eq!(cell(0, "sdgs"), "3;9");
    assert_eq!(cell(1, "action_lines"), "C7-e-health;C2");

    let (_, out, _) = query(&["status:disputed", "--show", "links", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        r.headers().unwrap(),
        vec![
            "key",
            "row",
            "goal",
            "scope",
            "status",
            "targets",
            "rationale",
            "activities"
        ]
    );
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let keys: Vec<&str> = recs.iter().map(|x| &x[0]).collect();
    assert_eq!(keys, ["C7-e-business/3/disputed", "C5/16/disputed"]);
    assert_eq!(
        recs[1].iter().collect::<Vec<_>>(),
        [
            "C5/16/disputed",
            "C5",
            "16",
            "targets",
            "disputed",
            "16.10",
            "One view has 16.10 for this cell",
            "1"
        ]
    );

    let (_, out, _) = query(&["show:sdgs sdg:9,16", "--format", "md"]);
    assert!(out.starts_with("# View fixture (hand-counted)\n"), "{out}");
    assert!(out.contains("- View: `sdg:9,16 show:sdgs`"));
    assert!(out.contains("| key | title | activities |"));
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("| 9 ") || l.starts_with("| 16 "))
            .count(),
        2
    );
}

#[test]
fn export_writes_the_file_atomically_with_its_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let p = path.to_str().unwrap();
    let o = sdgmap(&[
        "export", "--data", FIXTURE, "lead:ITU", "--format", "json", "-o", p,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \"view\": \"lead:ITU\",\n  \"snapshot\""));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["count"], 5);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left"
    );

    let md = dir.path().join("out.md");
    let o = sdgmap(&[
        "export",
        "--data",
        FIXTURE,
        "sdg:16",
        "--format",
        "md",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("- View: `sdg:16`")
    );

    let o = sdgmap(&[
        "export", "--data", FIXTURE, "sgd:1", "--format", "csv", "-o", p,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "a failed export keeps the old file"
    );
}
