//! The bundled snapshot is what `cargo run --example build-snapshot` makes,
//! and it holds what the reference files say.
//!
//! Always: the curated records (`assets/build/curated.json`) are in the
//! bundled snapshot unchanged. When `../shared/reference/` is present: the
//! build runs again and must give the committed file byte for byte, and the
//! bundled snapshot is held against the reference files read here on their
//! own — the 251 indicators (texts, numbers, UNSD codes, tiers), the 249
//! countries, and the 662 WSIS Prizes nominees by year and category. Without
//! `../shared` those tests pass with a note, so the project stands alone.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use sdgmap::snapshot::raw::RawSnapshot;
use sdgmap::snapshot::{BUNDLED, BUNDLED_NAME, Tier, load_bundled, parse_raw};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/reference`, or `None` with a note.
fn reference() -> Option<PathBuf> {
    let dir = root().join("../shared/reference");
    if dir.join(sdgmap::build::FRAMEWORK_CSV).is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} not found; skipping the comparison with the reference files",
            dir.display()
        );
        None
    }
}

fn bundled_raw() -> RawSnapshot {
    parse_raw(BUNDLED_NAME, BUNDLED).expect("bundled parses")
}

fn csv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).expect("reference CSV");
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_curated_records_are_in_the_bundled_snapshot_unchanged() {
    let text = std::fs::read_to_string(root().join("assets").join(sdgmap::build::CURATED))
        .expect("curated.json");
    let curated = parse_raw("curated.json", &text).expect("curated parses");
    let bundled = bundled_raw();
    assert_eq!(bundled.meta.title, curated.meta.title);
    assert_eq!(bundled.meta.snapshot_date, curated.meta.snapshot_date);
    assert_eq!(bundled.meta.notes, curated.meta.notes);
    for s in &curated.meta.sources {
        assert!(bundled.meta.sources.contains(s), "source {} kept", s.id);
    }
    assert_eq!(bundled.sdgs, curated.sdgs);
    assert_eq!(bundled.action_lines, curated.action_lines);
    assert_eq!(bundled.links, curated.links);
    assert_eq!(curated.activities.len(), 60, "the Roadmap's initiatives");
    assert_eq!(
        bundled.activities[..curated.activities.len()],
        curated.activities[..],
        "curated activities come first, unchanged"
    );
}

#[test]
fn the_build_gives_the_committed_snapshot() {
    let Some(reference) = reference() else {
        return;
    };
    let built = sdgmap::build::bundled(&reference, &root().join("assets")).expect("build");
    let json = sdgmap::import::to_json(&built.raw).expect("json");
    assert!(
        json == BUNDLED.as_bytes(),
        "assets/snapshot.json is not what the build makes; run `cargo run --example build-snapshot`"
    );
}

#[test]
fn the_251_indicators_have_the_framework_texts_codes_and_tiers() {
    let Some(reference) = reference() else {
        return;
    };
    let s = load_bundled().expect("loads");
    // The framework CSV: indicator rows have a number in column 3.
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(reference.join(sdgmap::build::FRAMEWORK_CSV))
        .expect("framework");
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for rec in r.records() {
        let rec = rec.expect("row");
        let cell = squash(rec.get(2).unwrap_or(""));
        let Some((number, text)) = cell.split_once(' ') else {
            continue;
        };
        if number.split('.').count() == 3 && number.starts_with(|c: char| c.is_ascii_digit()) {
            rows.push((
                number.to_string(),
                text.to_string(),
                rec.get(3).unwrap_or("").trim().to_string(),
            ));
        }
    }
    assert_eq!(rows.len(), 251);
    assert_eq!(s.indicators().len(), 251);
    let codes: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(codes.len(), 235, "repeated indicators share a code");
    let tiers = csv_rows(&reference.join(sdgmap::build::TIERS_CSV));
    let mut problems = Vec::new();
    for (ind, (number, text, code)) in s.indicators().iter().zip(&rows) {
        if &ind.code != number {
            problems.push(format!(
                "{}: expected {number} in framework order",
                ind.code
            ));
            continue;
        }
        // The text is the framework's, less a footnote marker glued to its end.
        let marker = text.strip_prefix(ind.name.as_str()).unwrap_or(text);
        if !(marker.is_empty() || marker.chars().all(|c| c.is_ascii_digit())) {
            problems.push(format!("{number}: name {:?}, framework {text:?}", ind.name));
        }
        if ind.unsd_code.as_deref() != Some(code.as_str()) {
            problems.push(format!(
                "{number}: UNSD code {:?}, framework {code}",
                ind.unsd_code
            ));
        }
        let tier_rows: Vec<&HashMap<String, String>> = tiers
            .iter()
            .filter(|t| t["indicator_code"] == *code)
            .collect();
        let row = tier_rows
            .iter()
            .find(|t| t["indicator_num"].trim() == number)
            .or(tier_rows.first());
        match (row, &ind.tier) {
            (None, Tier::Unclassified { as_of }) if as_of == "2022-11-30" => {}
            (Some(t), Tier::Classified { text, as_of, .. })
                if *text == squash(&t["updated_tier"]) && as_of == "2022-11-30" => {}
            (row, tier) => problems.push(format!(
                "{number}: tier {tier:?}, classification {:?}",
                row.map(|t| &t["updated_tier"])
            )),
        }
        if let Some(t) = row {
            for agency in t["cust_agency"]
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                if !t["cust_agency"].contains('(') && !ind.custodians.iter().any(|c| c == agency) {
                    problems.push(format!("{number}: custodian {agency} missing"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let unclassified = s
        .indicators()
        .iter()
        .filter(|i| matches!(i.tier, Tier::Unclassified { .. }))
        .count();
    assert_eq!(unclassified, 7, "indicators added since 2022-11-30");
    // ITU is custodian of the five it always was, 17.6.1 formerly 17.6.2.
    let itu: Vec<&str> = s
        .indicators()
        .iter()
        .filter(|i| i.custodians.iter().any(|c| c == "ITU"))
        .map(|i| i.code.as_str())
        .collect();
    assert_eq!(itu, ["4.4.1", "5.b.1", "9.c.1", "17.6.1", "17.8.1"]);
    let fixed = s.indicator(s.index().indicator("17.6.1").expect("17.6.1"));
    assert_eq!(fixed.former_codes, ["17.6.2"]);
}

#[test]
fn the_249_countries_have_the_codes_names_and_regions_of_the_source() {
    let Some(reference) = reference() else {
        return;
    };
    let s = load_bundled().expect("loads");
    let rows = csv_rows(&reference.join(sdgmap::build::COUNTRIES_CSV));
    assert_eq!(rows.len(), 249);
    assert_eq!(s.countries().len(), 249);
    let opt = |v: &str| Some(v.trim().to_string()).filter(|x| !x.is_empty());
    for (c, row) in s.countries().iter().zip(&rows) {
        assert_eq!(c.code, row["ISO3166-1-Alpha-3"]);
        assert_eq!(c.alpha2, opt(&row["ISO3166-1-Alpha-2"]), "{}", c.code);
        assert_eq!(c.m49.map(|m| m.to_string()), opt(&row["M49"]), "{}", c.code);
        assert_eq!(c.name, row["official_name_en"], "{}", c.code);
        assert_eq!(c.region, opt(&row["Region Name"]), "{}", c.code);
        assert_eq!(c.subregion, opt(&row["Sub-region Name"]), "{}", c.code);
        let flag = |col: &str| row[col].trim() == "x";
        assert_eq!(
            c.in_group("ldc"),
            flag("Least Developed Countries (LDC)"),
            "{}",
            c.code
        );
        assert_eq!(
            c.in_group("lldc"),
            flag("Land Locked Developing Countries (LLDC)"),
            "{}",
            c.code
        );
        assert_eq!(
            c.in_group("sids"),
            flag("Small Island Developing States (SIDS)"),
            "{}",
            c.code
        );
    }
    let ldc = s.countries().iter().filter(|c| c.in_group("ldc")).count();
    assert_eq!(
        ldc,
        rows.iter()
            .filter(|r| r["Least Developed Countries (LDC)"] == "x")
            .count()
    );
}

/// The Matrix row a 2015 heading names: `C7. ICT APPLICATIONS: E-HEALTH` is
/// `C7-e-health`, `C4. CAPACITY BUILDING` is `C4`.
fn row_of_2015(heading: &str) -> String {
    let (code, rest) = heading.split_once('.').expect("Cn. heading");
    match rest.rsplit_once(": E-") {
        Some((_, sub)) if code == "C7" => format!("C7-e-{}", sub.trim().to_lowercase()),
        _ => code.to_string(),
    }
}

#[test]
fn the_662_nominees_are_there_by_year_and_category_and_state_no_goals() {
    let Some(reference) = reference() else {
        return;
    };
    let matrix: Value = serde_json::from_str(
        &std::fs::read_to_string(reference.join("wsis-sdg-matrix.json")).expect("matrix"),
    )
    .expect("json");
    let by_category: HashMap<u64, String> = matrix["wsis_prizes_categories"]
        .as_array()
        .expect("categories")
        .iter()
        .map(|c| {
            (
                c["category"].as_u64().expect("n"),
                c["action_line"].as_str().expect("line").to_string(),
            )
        })
        .collect();
    let raw = bundled_raw();
    let mut want: BTreeMap<(i32, String), usize> = BTreeMap::new();
    let mut titles: Vec<(i32, String)> = Vec::new();
    for row in csv_rows(&reference.join("wsis-prizes-2015-nominees.csv")) {
        *want
            .entry((2015, row_of_2015(&row["Category"])))
            .or_default() += 1;
        titles.push((2015, row["Project"].trim().to_string()));
    }
    for row in csv_rows(&reference.join("wsis-prizes-2021-nominees.csv")) {
        let n: u64 = row["category"]
            .trim_start_matches("Category ")
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("category number");
        *want.entry((2021, by_category[&n].clone())).or_default() += 1;
        titles.push((2021, row["title"].trim().to_string()));
    }
    assert_eq!(titles.len(), 662);
    let nominees: Vec<_> = raw
        .activities
        .iter()
        .filter(|a| a.kind.as_deref() == Some("nominee"))
        .collect();
    assert_eq!(nominees.len(), 662);
    let mut got: BTreeMap<(i32, String), usize> = BTreeMap::new();
    for a in &nominees {
        assert_eq!(a.action_lines.len(), 1, "{}", a.id);
        assert!(
            a.sdgs.is_empty() && a.targets.is_empty(),
            "{}: no goals invented",
            a.id
        );
        let year = a.year.expect("year");
        let source = format!("wsis-prizes-{year}-nominees");
        assert_eq!(a.source, source, "{}", a.id);
        *got.entry((year, a.action_lines[0].clone())).or_default() += 1;
    }
    assert_eq!(got, want);
    assert_eq!(got.keys().filter(|(y, _)| *y == 2021).count(), 18);
    assert!(
        got.iter()
            .filter(|((y, _), _)| *y == 2021)
            .all(|(_, &n)| n == 20)
    );
    for (year, title) in &titles {
        assert!(
            nominees
                .iter()
                .any(|a| a.year == Some(*year) && a.title == *title),
            "{year} nominee {title:?} missing"
        );
    }
    // 2021 nominees link their ITU page.
    assert!(nominees.iter().filter(|a| a.year == Some(2021)).all(|a| {
        a.url.as_deref().is_some_and(|u| {
            u.starts_with("https://www.itu.int/net4/wsis/stocktaking/Prizes/2021/")
        })
    }));
}
