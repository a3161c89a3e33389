//! `sdgmap import` end to end: the export → import round trip, writing in
//! place, and failures that leave no output file behind (exit 2).

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use std::path::Path;
use std::process::{Command, Output};

fn sdgmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .current_dir(dir)
        .env_remove("SDGMAP_DATA")
        .output()
        .expect("run sdgmap")
}

fn manifest(rel: &str) -> String {
    format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn export_then_import_gives_the_identical_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("snap.json"), sdgmap::snapshot::BUNDLED).expect("write");
    let out = sdgmap(
        d,
        &[
            "--data",
            "snap.json",
            "export",
            "",
            "--show",
            "activities",
            "--format",
            "csv",
            "-o",
            "x.csv",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sdgmap(
        d,
        &["import", "x.csv", "--into", "snap.json", "-o", "new.json"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    // Every activity of the bundled snapshot: 60 Roadmap initiatives and 662 nominees.
    assert!(err.contains("0 added, 0 updated, 722 unchanged"), "{err}");
    let old = sdgmap::snapshot::parse_raw("old", sdgmap::snapshot::BUNDLED).expect("raw");
    let new_text = std::fs::read_to_string(d.join("new.json")).expect("written");
    let new = sdgmap::snapshot::parse_raw("new", &new_text).expect("raw");
    assert_eq!(old, new);
    assert_eq!(
        new_text.trim_end(),
        sdgmap::snapshot::BUNDLED.trim_end(),
        "same bytes"
    );
    let out = sdgmap(d, &["diff", "snap.json", "new.json"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_sample_imports_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::copy(
        manifest("tests/fixtures/diff/old.json"),
        d.join("snap.json"),
    )
    .expect("copy");
    let csv = "id,title,sdgs,action lines,source\nsample-in-place,Sample: in place,3,C7-e-health,itu-roadmap-2030\ndigital-health-for-africa,Digital Health for Africa,3,C7-e-health,itu-roadmap-2030\n";
    std::fs::write(d.join("rows.csv"), csv).expect("write");
    let out = sdgmap(
        d,
        &[
            "import",
            "rows.csv",
            "--into",
            "snap.json",
            "-o",
            "snap.json",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("1 added, 0 updated, 1 unchanged"), "{err}");
    assert_eq!(
        files(d),
        ["rows.csv", "snap.json"],
        "no temporary file left"
    );
    let out = sdgmap(
        d,
        &[
            "diff",
            &manifest("tests/fixtures/diff/old.json"),
            "snap.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("Activities (1)\n  + sample-in-place  Sample: in place"),
        "{report}"
    );
}

#[test]
fn the_bundled_sample_csv_imports_into_the_bundled_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sdgmap(
        dir.path(),
        &[
            "import",
            &manifest("tests/fixtures/import/activities.csv"),
            "-o",
            "new.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sdgmap(dir.path(), &["check", "new.json"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn invalid_rows_write_nothing_unless_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let csv = "id,title,sdgs,year,source\nsample-ok,Sample ok,4,2020,itu-roadmap-2030\nsample-bad,Sample bad,4,twenty,itu-roadmap-2030\n";
    std::fs::write(d.join("rows.csv"), csv).expect("write");
    let out = sdgmap(d, &["import", "rows.csv", "-o", "new.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rows.csv: 1 invalid row; nothing was written"),
        "{err}"
    );
    assert!(
        err.contains("error: row 3, column year: expected a whole number"),
        "{err}"
    );
    assert_eq!(files(d), ["rows.csv"], "no output file");
    let out = sdgmap(
        d,
        &["import", "rows.csv", "-o", "new.json", "--skip-invalid"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("skipped error: row 3, column year"), "{err}");
    assert!(
        err.contains("1 added, 0 updated, 0 unchanged, 1 skipped"),
        "{err}"
    );
    assert_eq!(files(d), ["new.json", "rows.csv"]);
}

#[test]
fn broken_inputs_exit_2_with_no_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("bad.csv"), b"id,title\nsample-a,\"open\n").expect("write");
    std::fs::write(
        d.join("latin1.csv"),
        b"id,title,source\nsample-a,Caf\xe9,itu-roadmap-2030\n",
    )
    .expect("write");
    std::fs::write(
        d.join("ok.csv"),
        "id,title,source\nsample-a,Sample,itu-roadmap-2030\n",
    )
    .expect("write");
    std::fs::copy(
        manifest("tests/fixtures/invalid/bad_color.json"),
        d.join("broken.json"),
    )
    .expect("copy");
    let cases: [(&[&str], &str); 5] = [
        (&["import", "bad.csv", "-o", "out.json"], "quoting error"),
        (
            &["import", "latin1.csv", "-o", "out.json"],
            "row 2, column title: not valid UTF-8",
        ),
        (
            &["import", "missing.csv", "-o", "out.json"],
            "missing.csv: cannot read the CSV",
        ),
        (
            &[
                "import",
                "ok.csv",
                "--into",
                "broken.json",
                "-o",
                "out.json",
            ],
            "the snapshot to import into does not load",
        ),
        (
            &["import", "ok.csv", "--map", "title", "-o", "out.json"],
            "--map: \"title\" is not field=Column",
        ),
    ];
    for (args, want) in cases {
        let out = sdgmap(d, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: want {want:?}, got {err}");
        assert!(!d.join("out.json").exists(), "{args:?} wrote a file");
    }
}

#[test]
fn a_mapping_file_drives_the_import_and_its_findings_are_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let out = sdgmap(
        d,
        &[
            "import",
            &manifest("tests/fixtures/import/nominees.csv"),
            "--mapping",
            &manifest("tests/fixtures/import/nominees.json"),
            "--skip-invalid",
            "-o",
            "new.json",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for line in [
        "sdgmap: added source sample-nominees",
        "sdgmap: read \"C7. ICT APPLICATIONS: E-HEALTH\" as Action Line C7-e-health",
        "sdgmap: read \"Category 2 — AL C2. Information and communication infrastructure\" as Action Line C2",
        "sdgmap: warning: row 5, column Country (countries): \"Atlantis\" names no country the snapshot knows; left out",
        "sdgmap: skipped error: row 7, column Category (action_lines):",
        ": 5 added, 0 updated, 0 unchanged, 1 skipped; wrote new.json",
    ] {
        assert!(err.contains(line), "missing {line:?} in:\n{err}");
    }
    let text = std::fs::read_to_string(d.join("new.json")).expect("written");
    let s = sdgmap::snapshot::load_bytes("new.json", text.as_bytes()).expect("valid");
    let tha = s.index().country("THA").expect("THA");
    // 15 nominees of the bundled snapshot and the sample row.
    assert_eq!(s.index().activities_of_country(tha).len(), 16);
    // --map and --mapping do not mix.
    let out = sdgmap(
        d,
        &[
            "import",
            "x.csv",
            "--map",
            "title=T",
            "--mapping",
            "m.json",
            "-o",
            "y.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_import_never_writes_over_its_mapping_or_alias_file() {
    // Copies, so a failure of the guard could not harm the fixtures.
    let dir = tempfile::Builder::new()
        .prefix("import-inputs")
        .tempdir()
        .expect("tempdir");
    let d = dir.path();
    for f in ["nominees.csv", "nominees.json", "sample-aliases.csv"] {
        std::fs::copy(manifest(&format!("tests/fixtures/import/{f}")), d.join(f)).expect("copy");
    }
    for target in ["nominees.json", "sample-aliases.csv"] {
        let before = std::fs::read(d.join(target)).expect("read");
        let out = sdgmap(
            d,
            &[
                "import",
                "nominees.csv",
                "--mapping",
                "nominees.json",
                "--skip-invalid",
                "-o",
                target,
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("is the same file as the input"), "{err}");
        assert!(err.contains(target), "{err}");
        assert_eq!(std::fs::read(d.join(target)).expect("read"), before);
    }
}

#[test]
fn mis_encoded_text_is_named_with_its_row_and_column_and_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let s = sdgmap::snapshot::load_bundled().expect("bundled");
    let source = &s.meta().sources[0].id;
    // a title and a lead exported as UTF-8 and read back as Windows-1252
    let csv = format!(
        "id,title,lead,summary,source\n\
         enc-1,Plan Ceibal - Clases de InglÃ©s,Universidad AutÃ_noma,Plain words.,{source}\n\
         enc-2,Café «numérique»,Ministère,Niños y niñas,{source}\n"
    );
    std::fs::write(d.join("rows.csv"), csv).expect("csv");
    let out = sdgmap(d, &["import", "rows.csv", "-o", "new.json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for line in [
        "sdgmap: warning: row 2, column title: looks mis-encoded (UTF-8 read as Windows-1252): «InglÃ©s» probably had «é» there; kept as written",
        "sdgmap: warning: row 2, column lead: looks mis-encoded: «AutÃ_noma» holds what UTF-8 read as Windows-1252 leaves",
    ] {
        assert!(err.contains(line), "missing {line:?} in:\n{err}");
    }
    // the correctly encoded row draws no such warning
    assert!(!err.contains("row 3, column"), "{err}");
    let text = std::fs::read_to_string(d.join("new.json")).expect("written");
    let s = sdgmap::snapshot::load_bytes("new.json", text.as_bytes()).expect("valid");
    let a = s.index().activity("enc-1").expect("imported");
    assert_eq!(s.activity(a).title(), "Plan Ceibal - Clases de InglÃ©s");
}
