//! `sdgmap::import` on CSVs: the sample file, round trips, updates that
//! touch only the columns a CSV has, column mapping, skipping invalid rows,
//! and every malformed input with the row and column its message names.

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use sdgmap::import::{self, ColumnMap, ImportError, Options};
use sdgmap::snapshot::raw::RawSnapshot;
use sdgmap::snapshot::{BUNDLED, BUNDLED_NAME};

fn base() -> RawSnapshot {
    import::load_base(BUNDLED_NAME, BUNDLED.as_bytes()).expect("bundled snapshot")
}

fn run(csv: &[u8], opts: &Options) -> Result<import::Imported, ImportError> {
    import::import(&base(), "test.csv", csv, opts)
}

fn err(csv: &str) -> String {
    match run(csv.as_bytes(), &Options::default()) {
        Ok(_) => panic!("expected an error for\n{csv}"),
        Err(e) => e.to_string(),
    }
}

const HEAD: &str = "id,title,sdgs,targets,action lines,source,year\n";

#[test]
fn the_sample_csv_adds_three_activities() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/activities.csv"
    ))
    .expect("sample");
    let done = run(&bytes, &Options::default()).expect("sample imports");
    assert_eq!(done.report.added.len(), 3);
    assert!(done.report.updated.is_empty() && done.report.skipped.is_empty());
    let a = done
        .raw
        .activities
        .iter()
        .find(|a| a.id == "sample-rural-broadband-pilot")
        .expect("added");
    assert_eq!(a.partners, ["UNESCO", "WHO"]);
    assert_eq!(a.year, Some(2024));
    assert_eq!(a.sdgs, [9, 4]);
    assert_eq!(a.targets, ["9.c", "4.a"]);
    assert_eq!(a.action_lines, ["C2", "C7-e-learning"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://example.org/sample-rural-broadband")
    );
    let b = done
        .raw
        .activities
        .iter()
        .find(|a| a.id == "sample-digital-skills-bootcamp")
        .expect("added");
    assert!(
        b.summary.contains("\"digital champions\""),
        "doubled quotes decode"
    );
    assert_eq!(b.url, None);
    let c = done
        .raw
        .activities
        .iter()
        .find(|a| a.id == "sample-e-agriculture-alerts")
        .expect("added");
    assert_eq!(c.sector, None);
    assert!(
        done.snapshot
            .index()
            .activity("sample-e-agriculture-alerts")
            .is_some()
    );
}

/// Writes every activity of `raw` as a CSV with all columns, the way a
/// spreadsheet would (lists joined with `;`).
fn full_csv(raw: &RawSnapshot) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "title",
        "summary",
        "lead",
        "partners",
        "sector",
        "kind",
        "year",
        "sdgs",
        "targets",
        "action_lines",
        "countries",
        "source",
        "url",
        "note",
    ])
    .expect("header");
    for a in &raw.activities {
        let n = |v: &[u8]| v.iter().map(u8::to_string).collect::<Vec<_>>().join(";");
        w.write_record([
            a.id.clone(),
            a.title.clone(),
            a.summary.clone(),
            a.lead.clone().unwrap_or_default(),
            a.partners.join(";"),
            a.sector.clone().unwrap_or_default(),
            a.kind.clone().unwrap_or_default(),
            a.year.map(|y| y.to_string()).unwrap_or_default(),
            n(&a.sdgs),
            a.targets.join(";"),
            a.action_lines.join(";"),
            a.countries.join(";"),
            a.source.clone(),
            a.url.clone().unwrap_or_default(),
            a.note.clone().unwrap_or_default(),
        ])
        .expect("row");
    }
    w.into_inner().expect("csv")
}

#[test]
fn a_full_csv_of_the_snapshot_imports_back_identical() {
    let raw = base();
    let done = run(&full_csv(&raw), &Options::default()).expect("imports");
    assert_eq!(done.report.unchanged.len(), raw.activities.len());
    assert!(done.report.added.is_empty() && done.report.updated.is_empty());
    assert_eq!(done.raw, raw);
    // The bundled file is what `to_json` writes (built by the same code).
    let expected = BUNDLED.as_bytes().to_vec();
    assert_eq!(
        import::to_json(&done.raw).expect("json"),
        expected,
        "same bytes as the bundled file"
    );
}

#[test]
fn an_update_changes_only_the_columns_the_csv_has() {
    let done = run(b"id,year\nbe-healthy-be-mobile,2014\n", &Options::default()).expect("imports");
    assert_eq!(done.report.updated, ["be-healthy-be-mobile"]);
    let before = base();
    let i = before
        .activities
        .iter()
        .position(|a| a.id == "be-healthy-be-mobile")
        .expect("exists");
    let mut expected = before.activities[i].clone();
    expected.year = Some(2014);
    assert_eq!(done.raw.activities[i], expected);
    assert_eq!(done.raw.activities.len(), before.activities.len());
}

#[test]
fn columns_can_be_renamed_with_a_map() {
    let csv = "Project ID,Project,Organization,Goals,Source\nsample-mapped,Sample: mapped columns,UNDP,4;5,itu-roadmap-2030\n";
    let opts = Options {
        map: ColumnMap::parse("id=Project ID,title=project,lead=Organization,sdgs=Goals")
            .expect("map"),
        ..Options::default()
    };
    let done = run(csv.as_bytes(), &opts).expect("imports");
    let a = done.raw.activities.last().expect("added");
    assert_eq!(
        (a.id.as_str(), a.title.as_str()),
        ("sample-mapped", "Sample: mapped columns")
    );
    assert_eq!(a.lead.as_deref(), Some("UNDP"));
    assert_eq!(a.sdgs, [4, 5]);
    let e = ColumnMap::parse("titel=Project").expect_err("unknown field");
    assert!(e.to_string().contains("unknown field \"titel\""), "{e}");
    let opts = Options {
        map: ColumnMap::parse("lead=Org").expect("map"),
        ..Options::default()
    };
    let csv = "id,title,source\nsample-a,Sample,itu-roadmap-2030\n";
    let e = run(csv.as_bytes(), &opts)
        .expect_err("mapped column missing")
        .to_string();
    assert!(e.contains("--map names column \"org\" for lead"), "{e}");
}

#[test]
fn skip_invalid_leaves_bad_rows_out_and_reports_them() {
    let csv = format!(
        "{HEAD}sample-ok,Sample ok,4,,C4,itu-roadmap-2030,2020\nsample-bad-year,Sample,4,,C4,itu-roadmap-2030,20x0\nsample-bad-line,Sample,4,,C12,itu-roadmap-2030,\n"
    );
    let e = err(&csv);
    assert!(e.contains("2 invalid rows; nothing was written"), "{e}");
    let opts = Options {
        skip_invalid: true,
        ..Options::default()
    };
    let done = run(csv.as_bytes(), &opts).expect("imports the valid row");
    assert_eq!(done.report.added, ["sample-ok"]);
    let rows: Vec<usize> = done.report.skipped.iter().map(|p| p.row).collect();
    assert_eq!(rows, [3, 4]);
}

#[test]
fn warnings_are_traced_to_rows() {
    let csv = format!("{HEAD}sample-warn,Sample,4,9.c,C2,itu-roadmap-2030,\n");
    let done = run(csv.as_bytes(), &Options::default()).expect("imports");
    let w = &done.report.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!((w[0].row, w[0].column.as_deref()), (2, Some("targets")));
    assert!(w[0].message.contains("SDG 9 is added"));
}

#[test]
fn malformed_csvs_name_the_row_and_column() {
    let cases: Vec<(String, &str)> = vec![
        (
            "title,sdgs\nX,4\n".into(),
            "test.csv: missing column \"id\" (the header has: title, sdgs)",
        ),
        (
            format!(
                "{HEAD}sample-a,Sample,4,,C4,itu-roadmap-2030,2020\nsample-b,Sample,4,,C4,itu-roadmap-2030,20x4\n"
            ),
            "row 3, column year: expected a whole number (a year such as 2017), found \"20x4\"",
        ),
        (
            format!("{HEAD}sample-a,Sample,18,,C4,itu-roadmap-2030,\n"),
            "row 2, column sdgs: activity sample-a refers to SDG 18, which is not in sdgs",
        ),
        (
            format!("{HEAD}sample-a,Sample,four,,C4,itu-roadmap-2030,\n"),
            "row 2, column sdgs: expected goal numbers 1–17 separated by ';', found \"four\"",
        ),
        (
            format!("{HEAD}sample-a,Sample,4,,C4;C12,itu-roadmap-2030,\n"),
            "row 2, column action lines: activity sample-a refers to action line \"C12\", which is not in action_lines",
        ),
        (
            format!("{HEAD}sample-a,Sample,4,4.99,C4,itu-roadmap-2030,\n"),
            "row 2, column targets:",
        ),
        (
            format!("{HEAD}sample-a,Sample,4,,C4,no-such-source,\n"),
            "row 2, column source:",
        ),
        (
            format!("{HEAD}sample a,Sample,4,,C4,itu-roadmap-2030,\n"),
            "row 2, column id: \"sample a\" is not a valid id",
        ),
        (
            format!(
                "{HEAD}sample-a,Sample,4,,C4,itu-roadmap-2030,\nsample-a,Again,4,,C4,itu-roadmap-2030,\n"
            ),
            "row 3, column id: repeats row 2",
        ),
        (
            "id,title\nsample-a,Sample\n".into(),
            "row 2, column source: a new activity needs a source, and the CSV has no source column",
        ),
        (
            format!("{HEAD}sample-a,\"Sample, unterminated,4,,C4,itu-roadmap-2030,\n"),
            "row 2: quoting error (line 2) cell 2: the quote opened here is never closed",
        ),
        (
            format!("{HEAD}sample-a,\"Sample\" extra,4,,C4,itu-roadmap-2030,\n"),
            "row 2: quoting error (line 2) cell 2: text after the closing quote",
        ),
        (
            format!("{HEAD}sample-a,Sample, with comma,4,,C4,itu-roadmap-2030,\n"),
            "row 2: 8 cells, but the header has 7 columns (a cell with a comma must be quoted)",
        ),
        ("".into(), "the CSV is empty"),
        (
            "id,title,Title\n".into(),
            "header: columns 2 and 3 are both \"title\"",
        ),
    ];
    for (csv, want) in cases {
        let e = err(&csv);
        assert!(e.contains(want), "for\n{csv}\nwant {want:?}\ngot {e}");
    }
}

#[test]
fn a_non_utf8_csv_names_the_row_and_column() {
    let mut csv = HEAD.as_bytes().to_vec();
    csv.extend_from_slice(b"sample-a,Sample,4,,C4,itu-roadmap-2030,\nsample-b,Caf\xe9 Latin-1,4,,C4,itu-roadmap-2030,\n");
    let e = run(&csv, &Options::default())
        .expect_err("not UTF-8")
        .to_string();
    assert!(
        e.contains("test.csv: row 3, column title: not valid UTF-8"),
        "{e}"
    );
    assert!(e.contains("save the CSV as UTF-8"), "{e}");
}
