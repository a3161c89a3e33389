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

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn nominees() -> (import::Imported, Options) {
    let opts = import::mapping::read(&fixture("nominees.json")).expect("mapping");
    let bytes = std::fs::read(fixture("nominees.csv")).expect("csv");
    let opts2 = opts.clone();
    let mut opts = opts;
    opts.skip_invalid = true;
    (run(&bytes, &opts).expect("imports"), opts2)
}

fn by_title<'a>(done: &'a import::Imported, title: &str) -> &'a sdgmap::snapshot::raw::RawActivity {
    done.raw
        .activities
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("{title} imported"))
}

#[test]
fn a_mapping_reads_a_sheet_of_another_design() {
    let (done, _) = nominees();
    let r = &done.report;
    // Ids from titles; the second "coding clubs" gets the next free id.
    let a = by_title(&done, "Sample: mobile clinic records");
    assert_eq!(a.id, "sample-nominee-sample-mobile-clinic-records");
    assert_eq!(
        by_title(&done, "SAMPLE: CODING CLUBS").id,
        "sample-nominee-sample-coding-clubs"
    );
    assert_eq!(
        by_title(&done, "Sample: coding clubs").id,
        "sample-nominee-sample-coding-clubs-2"
    );
    // Headings name the Matrix row, by code and sub-line or by category number.
    assert_eq!(a.action_lines, ["C7-e-health"]);
    assert_eq!(
        by_title(&done, "Sample: village network").action_lines,
        ["C2"]
    );
    assert!(r.headings.contains(&(
        "C7. ICT APPLICATIONS: E-HEALTH".to_string(),
        "C7-e-health".to_string()
    )));
    // Values from the mapping, templates filled from the row.
    assert_eq!((a.kind.as_deref(), a.year), (Some("nominee"), Some(2099)));
    assert_eq!(a.source, "sample-nominees");
    assert_eq!(a.url.as_deref(), Some("https://example.org/sample/1"));
    assert_eq!(
        a.note.as_deref(),
        Some("Sample nominee, country as listed: THAILAND")
    );
    assert_eq!(a.lead.as_deref(), Some("SAMPLE DATA Health Office"));
    assert_eq!(
        by_title(&done, "Sample: coding clubs").url,
        None,
        "empty page: no url"
    );
    assert!(
        a.sdgs.is_empty() && a.targets.is_empty(),
        "nothing invented"
    );
    assert_eq!(r.sources_added, ["sample-nominees"]);
    assert!(
        r.ignored_columns.is_empty(),
        "page is used by a template: {:?}",
        r.ignored_columns
    );
}

#[test]
fn countries_resolve_by_name_code_and_alias_and_the_rest_is_listed() {
    let (done, _) = nominees();
    assert_eq!(
        by_title(&done, "Sample: mobile clinic records").countries,
        ["THA"]
    );
    assert_eq!(
        by_title(&done, "Sample: village network").countries,
        ["VNM"]
    );
    assert_eq!(by_title(&done, "SAMPLE: CODING CLUBS").countries, ["KOR"]);
    assert!(by_title(&done, "Sample: coding clubs").countries.is_empty());
    let warnings: Vec<String> = done
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "warning: row 3, column Country (countries): \"Sample Town\" names no country the snapshot knows; left out",
            "warning: row 5, column Country (countries): \"Atlantis\" names no country the snapshot knows; left out",
            "warning: row 6, column Country (countries): \"International\" names no country the snapshot knows; left out",
        ]
    );
}

#[test]
fn made_ids_never_take_over_another_sources_activity() {
    use sdgmap::import::{Field, IdRule};
    let opts = |source: &str| Options {
        ids: Some(IdRule {
            prefix: String::new(),
            from: Field::Title,
        }),
        values: vec![
            (Field::Source, source.to_string()),
            (Field::ActionLines, "C4".to_string()),
        ],
        sources: vec![sdgmap::snapshot::raw::RawSource {
            id: "sample-other".into(),
            title: "SAMPLE source for tests".into(),
            url: None,
        }],
        ..Options::default()
    };
    // "EQUALS" makes the id "equals", which a Roadmap activity has.
    let csv = b"title\nEQUALS\n";
    let done = run(csv, &opts("sample-other")).expect("imports");
    assert_eq!(done.report.added, ["equals-2"]);
    let w: Vec<String> = done
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        w,
        [
            "warning: row 2, column title: id \"equals\" belongs to an activity of source \"itu-roadmap-2030\"; this row's gets the next free one"
        ]
    );
    // From the same source it is that activity.
    let done = run(csv, &opts("itu-roadmap-2030")).expect("imports");
    assert_eq!(
        done.report.updated,
        ["equals"],
        "its action line becomes C4"
    );
    assert!(done.report.added.is_empty());
}

#[test]
fn an_unreadable_heading_is_a_row_error_and_a_second_run_changes_nothing() {
    let (done, opts) = nominees();
    // C7 has no sub-line "E-NOWHERE": the row is refused, not guessed.
    assert!(
        done.raw
            .activities
            .iter()
            .all(|a| a.title != "Sample: unknown sub-line")
    );
    let skipped: Vec<String> = done
        .report
        .skipped
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0].starts_with("error: row 7, column Category (action_lines):"),
        "{skipped:?}"
    );
    assert!(
        skipped[0].contains("\"C7. ICT APPLICATIONS: E-NOWHERE\", which is not in action_lines")
    );
    // Without --skip-invalid nothing is imported.
    let bytes = std::fs::read(fixture("nominees.csv")).expect("csv");
    assert!(matches!(
        run(&bytes, &opts),
        Err(ImportError::InvalidRows { .. })
    ));
    // Importing the same rows again into the result: all unchanged.
    let mut opts = opts;
    opts.skip_invalid = true;
    let again = import::import(&done.raw, "test.csv", &bytes, &opts).expect("again");
    assert_eq!(again.raw, done.raw);
    assert!(again.report.added.is_empty() && again.report.updated.is_empty());
    assert_eq!(again.report.unchanged.len(), 5);
}

#[test]
fn mapping_files_are_checked() {
    let dir = tempfile::tempdir().expect("dir");
    let write = |body: &str| {
        let p = dir.path().join("m.json");
        std::fs::write(&p, body).expect("write");
        import::mapping::read(&p)
            .map(|_| ())
            .expect_err("refused")
            .to_string()
    };
    let head = r#""format": "sdgmap-import-mapping", "version": 1"#;
    assert!(write(&format!("{{{head}, \"colums\": {{}}}}")).contains("unknown field `colums`"));
    assert!(
        write(&format!("{{{head}, \"columns\": {{\"titel\": \"x\"}}}}"))
            .contains("unknown field \"titel\"")
    );
    assert!(
        write(&format!(
            "{{{head}, \"columns\": {{\"year\": \"Y\"}}, \"values\": {{\"year\": \"1\"}}}}"
        ))
        .contains("year is given both a column and a value")
    );
    assert!(
        write(r#"{"format": "x", "version": 1}"#)
            .contains("expected \"format\": \"sdgmap-import-mapping\"")
    );
    assert!(
        write(&format!("{{{head}, \"country_aliases\": \"none.csv\"}}"))
            .contains("country_aliases \"none.csv\": cannot read it")
    );
    // A template naming a column the sheet lacks, and an alias to no country.
    let p = dir.path().join("t.json");
    std::fs::write(
        &p,
        format!("{{{head}, \"values\": {{\"url\": \"x{{nope}}\"}}}}"),
    )
    .expect("write");
    let opts = import::mapping::read(&p).expect("mapping reads");
    let e = run(
        b"id,title,source\nsample-a,Sample,itu-roadmap-2030\n",
        &opts,
    )
    .expect_err("refused");
    assert!(
        e.to_string()
            .contains("names column \"nope\", which the CSV does not have"),
        "{e}"
    );
    let opts = Options {
        country_aliases: vec![("Nowhere".into(), "ZZZ".into())],
        ..Options::default()
    };
    let e = run(
        b"id,title,source\nsample-a,Sample,itu-roadmap-2030\n",
        &opts,
    )
    .expect_err("refused");
    assert!(
        e.to_string()
            .contains("names country \"ZZZ\", which is not in the snapshot's countries"),
        "{e}"
    );
}
