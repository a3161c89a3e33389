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
            "activities",
            "cross_cutting"
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
            "1",
            "0"
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

/// `sdgmap query` on the bundled snapshot.
fn bundled(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["query"];
    all.extend_from_slice(args);
    let o = sdgmap(&all);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn csv_of(out: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().clone();
    (h, r.records().map(Result::unwrap).collect())
}

fn col(h: &csv::StringRecord, name: &str) -> usize {
    h.iter().position(|x| x == name).unwrap()
}

#[test]
fn target_9c_shows_its_indicator_with_tier_date_and_custodian() {
    let (code, out, err) = bundled(&["target:9.c", "--show", "indicators"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("CODE "), "{out}");
    for word in ["9.c.1", "Tier I", "2022-11-30", "ITU", "C090c01"] {
        assert!(lines[1].contains(word), "{word} missing: {out}");
    }
    let (_, out, _) = bundled(&["target:9.c", "--show", "indicators", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let row = &v["rows"][0];
    assert_eq!(row["code"], "9.c.1");
    assert_eq!(row["tier"], "Tier I");
    assert_eq!(row["tier_as_of"], "2022-11-30");
    assert_eq!(row["custodians"], serde_json::json!(["ITU"]));
    // A repeated indicator says which others share its UNSD code.
    let (_, out, _) = bundled(&[
        "indicator:11.5.1",
        "--show",
        "indicators",
        "--format",
        "csv",
    ]);
    let (h, rows) = csv_of(&out);
    assert_eq!(&rows[0][col(&h, "same_code_as")], "1.5.1;13.1.1");
    // An indicator the 2022 classification leaves out says so, with the date.
    let (_, out, _) = bundled(&[
        "tier:unclassified",
        "--show",
        "indicators",
        "--format",
        "csv",
    ]);
    let (h, rows) = csv_of(&out);
    assert_eq!(rows.len(), 7);
    assert!(
        rows.iter()
            .all(|r| &r[col(&h, "tier")] == "not classified in 2022-11")
    );
    assert!(
        rows.iter()
            .all(|r| &r[col(&h, "tier_as_of")] == "2022-11-30")
    );
}

#[test]
fn country_tha_year_2015_lists_the_thai_2015_nominees() {
    let (code, out, err) = bundled(&["country:THA year:2015", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let (h, rows) = csv_of(&out);
    assert_eq!(
        rows.len(),
        14,
        "13 listed as THAILAND, one as \"Ltd., THAILAND\""
    );
    for r in &rows {
        assert_eq!(&r[col(&h, "countries")], "THA");
        assert_eq!(&r[col(&h, "year")], "2015");
        assert_eq!(&r[col(&h, "kind")], "nominee");
        assert!(r[col(&h, "id")].starts_with("wsis-prizes-2015-"));
    }
    assert!(
        rows.iter()
            .any(|r| &r[col(&h, "title")] == "Mae Hong Son IT Valley")
    );
    // The same by name, in Spanish.
    let (_, by_name, _) = bundled(&["country:Tailandia year:2015", "--format", "csv"]);
    assert_eq!(by_name, out);
}

#[test]
fn group_ldc_al_c2_answers_from_real_data() {
    let (code, out, err) = bundled(&["group:ldc al:C2", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    let s = sdgmap::snapshot::load_bundled().unwrap();
    for r in rows {
        assert!(
            r["action_lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l == "C2")
        );
        let ldc = r["countries"].as_array().unwrap().iter().any(|c| {
            let id = s.index().country(c.as_str().unwrap()).unwrap();
            s.country(id).in_group("ldc")
        });
        assert!(ldc, "{r}");
    }
    // Countries of Prize nominees in Africa, with their counts.
    let (_, out, _) = bundled(&[
        "kind:nominee region:Africa",
        "--show",
        "countries",
        "--format",
        "csv",
    ]);
    let (h, rows) = csv_of(&out);
    assert!(rows.iter().all(|r| &r[col(&h, "region")] == "Africa"));
    assert!(
        rows.iter()
            .all(|r| r[col(&h, "activities")].parse::<usize>().unwrap() > 0)
    );
    assert!(rows.iter().any(|r| &r[col(&h, "code")] == "RWA"));
}

#[test]
fn links_print_row_goal_scope_status_targets_and_rationale() {
    let (code, out, _) = bundled(&["al:C2 sdg:9", "--show", "links", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let r = &v["rows"][0];
    assert_eq!(r["key"], "C2/9");
    assert_eq!(r["row"], "C2");
    assert_eq!(r["goal"], 9);
    assert_eq!(r["scope"], "targets");
    assert_eq!(r["status"], "confirmed");
    assert_eq!(r["targets"], serde_json::json!(["9.1", "9.a", "9.c"]));
    assert_eq!(
        r["rationale"],
        "Broadband as the infrastructure of the decade"
    );
    let (_, table, _) = bundled(&["al:C2 sdg:9", "--show", "links"]);
    assert!(
        table.starts_with("KEY   ROW  GOAL  SCOPE    STATUS     TARGETS      RATIONALE"),
        "{table}"
    );
    assert!(table.contains("9.1;9.a;9.c"), "{table}");
}

#[test]
fn a_view_may_start_with_a_minus() {
    let (code, out, err) = bundled(&["-sdg:17", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let (h, rows) = csv_of(&out);
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| !r[col(&h, "sdgs")].split(';').any(|g| g == "17"))
    );
    // As the app's --view too (here with a subcommand that ignores it).
    let o = sdgmap(&["--view", "-sdg:17", "check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = sdgmap(&["--view", "-sgd:17", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean 'sdg'"));
}

#[test]
fn export_to_stdout_and_by_extension() {
    let o = sdgmap(&[
        "export", "--data", FIXTURE, "lead:ITU", "--format", "csv", "-o", "-",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("id,title,lead,"), "{out}");
    assert_eq!(out.lines().count(), 6);
    let o = sdgmap(&["export", "--data", FIXTURE, "lead:ITU", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2), "stdout needs a format");
    assert!(String::from_utf8_lossy(&o.stderr).contains("say --format"));

    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("a.csv", "id,"),
        ("b.JSON", "{"),
        ("c.md", "# View fixture"),
    ] {
        let p = dir.path().join(name);
        let o = sdgmap(&[
            "export",
            "--data",
            FIXTURE,
            "lead:ITU",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}");
        assert!(
            std::fs::read_to_string(&p).unwrap().starts_with(starts),
            "{name}"
        );
    }
    let p = dir.path().join("d.txt");
    let o = sdgmap(&[
        "export",
        "--data",
        FIXTURE,
        "lead:ITU",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot tell the format"));
    assert!(!p.exists());
    // An explicit --format wins over the extension.
    let p = dir.path().join("e.csv");
    let o = sdgmap(&[
        "export",
        "--data",
        FIXTURE,
        "lead:ITU",
        "--format",
        "json",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read_to_string(&p).unwrap().starts_with('{'));
}

#[test]
fn an_export_error_never_names_a_temporary_file() {
    // (The directory's own name must not look like a temporary file's.)
    let dir = tempfile::Builder::new()
        .prefix("export-error")
        .tempdir()
        .unwrap();
    let p = dir.path().join("no/such/dir/x.csv");
    let o = sdgmap(&[
        "export",
        "--data",
        FIXTURE,
        "lead:ITU",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("x.csv"), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
    assert!(err.to_lowercase().contains("no such file"), "{err}");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error_in_any_format() {
    use std::io::Read;
    // Each output is far more than a pipe holds, so the writer sees the
    // pipe close while it writes.
    for format in ["table", "json", "csv", "md"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
            .args(["query", "", "--format", format])
            .env_remove("SDGMAP_DATA")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // (the pipe's reading end is dropped here, as `| head` does)
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{format}: {err}");
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
}
