//! `sdgmap::diff` on a hand-made pair of snapshots that holds every kind of
//! change: each one is asserted, along with ordering, the per-cell view the
//! app's `--compare` uses, and the rendered reports.

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use sdgmap::diff::{ChangeKind, Diff, render_markdown, render_text};
use sdgmap::snapshot::{Snapshot, load_bytes, load_file};
use serde_json::json;

fn fixture(name: &str) -> Snapshot {
    let path = format!("{}/tests/fixtures/diff/{name}", env!("CARGO_MANIFEST_DIR"));
    load_file(std::path::Path::new(&path)).expect("fixture loads")
}

fn pair() -> Diff {
    Diff::between(&fixture("old.json"), &fixture("new.json"))
}

fn kinds<'a>(v: impl Iterator<Item = (&'a str, ChangeKind)>) -> Vec<(String, ChangeKind)> {
    v.map(|(k, c)| (k.to_string(), c)).collect()
}

#[test]
fn identical_snapshots_have_an_empty_diff() {
    let d = Diff::between(&fixture("old.json"), &fixture("old.json"));
    assert!(d.is_empty());
    assert!(d.cells().is_empty());
    assert!(render_text(&d, false).starts_with("The snapshots are identical"));
}

#[test]
fn reordering_records_is_not_a_change() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/diff/old.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    for key in ["activities", "links", "sdgs", "indicators"] {
        v[key].as_array_mut().expect("array").reverse();
    }
    let b = load_bytes("reordered", v.to_string().as_bytes()).expect("loads");
    assert!(Diff::between(&fixture("old.json"), &b).is_empty());
}

#[test]
fn links_added_removed_and_changed_in_matrix_order() {
    let d = pair();
    let got = kinds(
        d.links
            .iter()
            .map(|l| (l.change.key.as_str(), l.change.kind)),
    );
    use ChangeKind::*;
    assert_eq!(
        got,
        kinds(
            [
                ("C2/3", Changed),
                ("C2/9", Changed),
                ("C4/4", Added),
                ("C5/16", Removed),
                ("C7-e-business/3/disputed", Removed),
                ("C7-e-health/3/disputed", Added),
            ]
            .into_iter()
        )
    );
    let c29 = &d.links[1].change;
    let fields: Vec<&str> = c29.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, ["targets", "status", "rationale"]);
    assert_eq!(c29.fields[0].removed_items(), ["9.1"]);
    assert!(c29.fields[0].added_items().is_empty());
    assert_eq!(c29.fields[1].old, json!("confirmed"));
    assert_eq!(c29.fields[1].new, json!("partial"));
    let c23 = &d.links[0].change;
    assert_eq!(c23.fields.len(), 1);
    assert_eq!(c23.fields[0].field, "note");
    let added = &d.links[2];
    assert_eq!(
        (added.row.as_str(), added.sdg, added.disputed),
        ("C4", 4, false)
    );
    assert!(added.change.old.is_none());
    let new = added.change.new.as_ref().expect("new record");
    assert_eq!(new.get("targets"), Some(&json!(["4.4"])));
    assert!(d.links[4].disputed && d.links[4].change.new.is_none());
}

#[test]
fn cells_say_how_each_matrix_cell_changed() {
    let d = pair();
    let cells: Vec<(String, u8, ChangeKind)> = d
        .cells()
        .iter()
        .map(|c| (c.row.clone(), c.sdg, c.kind))
        .collect();
    use ChangeKind::*;
    assert_eq!(
        cells,
        [
            ("C2".to_string(), 3, Changed),
            ("C2".to_string(), 9, Changed),
            ("C4".to_string(), 4, Added),
            // the confirmed link went, the disputed one stays: still a link there
            ("C5".to_string(), 16, Changed),
            // its only link went
            ("C7-e-business".to_string(), 3, Removed),
            // a disputed link joined the confirmed one
            ("C7-e-health".to_string(), 3, Changed),
        ]
    );
    assert_eq!(d.cell("C4", 4).map(|c| c.kind), Some(Added));
    assert!(d.cell("C5", 9).is_none(), "unchanged cell");
    let keys: Vec<&str> = d
        .links_in("C5", 16)
        .map(|l| l.change.key.as_str())
        .collect();
    assert_eq!(keys, ["C5/16"]);
}

#[test]
fn activities_field_by_field() {
    let d = pair();
    use ChangeKind::*;
    let got = kinds(d.activities.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        got,
        kinds(
            [
                ("digital-health-for-africa", Changed),
                ("ict-applications-toolkit", Changed),
                ("digital-skills-for-youth", Added),
                ("broadband-for-schools", Removed),
            ]
            .into_iter()
        )
    );
    let dh = &d.activities[0];
    let f: Vec<(&str, serde_json::Value, serde_json::Value)> = dh
        .fields
        .iter()
        .map(|f| (f.field, f.old.clone(), f.new.clone()))
        .collect();
    assert_eq!(
        f,
        [
            (
                "title",
                json!("Digital Health for Africa"),
                json!("Digital Health for Africa (DH4A)")
            ),
            ("partners", json!(["WHO"]), json!(["WHO", "UNICEF"])),
            ("year", json!(2017), json!(2018)),
        ]
    );
    let kit: Vec<&str> = d.activities[1].fields.iter().map(|f| f.field).collect();
    assert_eq!(kit, ["lead", "sdgs", "targets"]);
    assert_eq!(d.activities[1].fields[0].old, json!(null));
}

#[test]
fn goals_targets_indicators_lines_sources_and_meta() {
    let d = pair();
    use ChangeKind::*;
    let sdgs = kinds(d.sdgs.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        sdgs,
        kinds([("4", Added), ("9", Changed), ("16", Changed)].into_iter())
    );
    assert_eq!(d.sdgs[1].fields[0].field, "short_name");
    assert_eq!(d.sdgs[2].fields[0].field, "color");
    assert_eq!(d.sdgs[2].fields[0].new, json!("#00689E"));
    let targets = kinds(d.targets.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        targets,
        kinds([("3.8", Changed), ("4.4", Added), ("3.4", Removed)].into_iter())
    );
    assert_eq!(d.targets[0].fields[0].field, "text");
    let ind = kinds(d.indicators.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        ind,
        kinds([("9.c.1", Changed), ("3.8.1", Added)].into_iter())
    );
    assert_eq!(d.indicators[0].fields[0].added_items(), ["UNESCO"]);
    let lines = kinds(d.action_lines.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        lines,
        kinds([("C4", Added), ("C5", Changed), ("C7-e-business", Changed)].into_iter())
    );
    assert_eq!(d.action_lines[1].fields[0].field, "facilitators");
    assert_eq!(d.action_lines[2].fields[0].field, "prize_category");
    let sources = kinds(d.sources.iter().map(|c| (c.key.as_str(), c.kind)));
    assert_eq!(
        sources,
        kinds([("itu-roadmap-2030", Changed), ("wsis-prizes", Added)].into_iter())
    );
    let meta: Vec<&str> = d.meta.iter().map(|f| f.field).collect();
    assert_eq!(meta, ["title", "snapshot_date"]);
    let counts = d.counts();
    assert_eq!(counts[0].0, "links");
    assert_eq!(
        (counts[0].1.added, counts[0].1.removed, counts[0].1.changed),
        (2, 2, 2)
    );
}

#[test]
fn diff_is_deterministic_and_serializes() {
    let a = serde_json::to_string(&pair()).expect("json");
    let b = serde_json::to_string(&pair()).expect("json");
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).expect("parse");
    assert_eq!(
        v["cells"][2],
        json!({"row": "C4", "sdg": 4, "kind": "added", "links": ["C4/4"]})
    );
    assert_eq!(v["links"][0]["key"], json!("C2/3"));
    assert_eq!(v["links"][0]["row"], json!("C2"));
}

#[test]
fn text_report_groups_and_marks_changes() {
    let d = pair();
    let plain = render_text(&d, false);
    assert!(!plain.contains('\x1b'));
    for needle in [
        "Matrix links (6 changes in 6 cells)",
        "  ~ C2 × SDG 9\n    ~ C2/9  partial, targets 9.a; 9.c:",
        "      targets: -9.1\n      status: confirmed → partial\n",
        "  + C4 × SDG 4\n    + C4/4  confirmed, targets 4.4: Digital skills",
        "  - C7-e-business × SDG 3",
        "Activities (4)\n  ~ digital-health-for-africa  Digital Health for Africa (DH4A)",
        "    year: 2017 → 2018",
        "    partners: +UNICEF",
        "  - broadband-for-schools",
        "  ~ SDG 16  Peace, justice and strong institutions\n    color: #00689D → #00689E",
        "  - target 3.4",
        "Snapshot metadata\n  title: Minimal test snapshot → Minimal test snapshot, revised",
    ] {
        assert!(plain.contains(needle), "missing {needle:?} in\n{plain}");
    }
    let coloured = render_text(&d, true);
    assert!(coloured.contains("\x1b[32m+\x1b[0m C4/4"));
    assert!(coloured.contains("\x1b[31m-\x1b[0m C5/16"));
    assert!(coloured.contains("\x1b[33m~\x1b[0m C2/9"));
    let md = render_markdown(&d);
    assert!(md.starts_with("# Snapshot diff\n"));
    assert!(md.contains("## Matrix links (6 changes in 6 cells)"));
    assert!(md.contains("- `+` C4 × SDG 4"));
    assert!(md.contains("snapshot\\_date: 2026-01-15 → 2026-06-30"));
}

#[test]
fn reports_never_carry_escape_sequences_from_the_data() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/diff/old.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("read");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["activities"][0]["title"] = json!("Evil \u{1b}[2J title \u{202e}rtl");
    v["links"][0]["rationale"] = json!("line\u{1b}]0;pwned\u{7}");
    let b = load_bytes("evil", v.to_string().as_bytes()).expect("loads with warnings");
    let d = Diff::between(&fixture("old.json"), &b);
    for out in [render_text(&d, false), render_markdown(&d)] {
        assert!(!out.contains('\x1b') && !out.contains('\u{202e}') && !out.contains('\u{7}'));
        assert!(out.contains("Evil ␛[2J title <U+202E>rtl") || out.contains("Evil ␛\\[2J"));
    }
}

#[test]
fn indicator_tiers_countries_and_activity_countries_are_compared() {
    let old_text = sdgmap::snapshot::BUNDLED;
    let mut v: serde_json::Value = serde_json::from_str(old_text).expect("json");
    // 9.c.1 moves to Tier II with a partner; Thailand leaves the LDC-free
    // world; Kenya is dropped, a country is added; a nominee's country changes.
    let i = v["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .position(|x| x["code"] == "9.c.1")
        .expect("9.c.1");
    v["indicators"][i]["tier"] = json!("Tier II");
    v["indicators"][i]["partners"] = json!(["GSMA"]);
    let countries = v["countries"].as_array_mut().expect("countries");
    let tha = countries
        .iter()
        .position(|c| c["code"] == "THA")
        .expect("THA");
    countries[tha]["groups"] = json!(["ldc"]);
    let ken = countries
        .iter()
        .position(|c| c["code"] == "KEN")
        .expect("KEN");
    let removed = countries.remove(ken);
    assert_eq!(removed["name"], "Kenya");
    countries.push(json!({"code": "XKX", "name": "Kosovo (sample)", "region": "Europe"}));
    for a in v["activities"].as_array_mut().expect("activities") {
        let names_kenya = a["countries"]
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x == "KEN"));
        if names_kenya {
            a["countries"] = json!(["XKX"]);
        }
    }
    let old = load_bytes("old", old_text.as_bytes()).expect("old");
    let new = load_bytes("new", v.to_string().as_bytes()).expect("new");
    let d = Diff::between(&old, &new);
    use ChangeKind::*;
    let ind: Vec<(&str, ChangeKind, Vec<&str>)> = d
        .indicators
        .iter()
        .map(|c| {
            (
                c.key.as_str(),
                c.kind,
                c.fields.iter().map(|f| f.field).collect(),
            )
        })
        .collect();
    assert_eq!(ind, [("9.c.1", Changed, vec!["tier", "partners"])]);
    let ctry: Vec<(&str, ChangeKind)> = d
        .countries
        .iter()
        .map(|c| (c.key.as_str(), c.kind))
        .collect();
    assert_eq!(ctry, [("THA", Changed), ("XKX", Added), ("KEN", Removed)]);
    let kenyan = old
        .activities()
        .iter()
        .filter(|a| a.countries().iter().any(|&c| old.country(c).code == "KEN"))
        .count();
    assert!(kenyan > 0);
    assert_eq!(d.activities.len(), kenyan);
    assert!(
        d.activities
            .iter()
            .all(|c| c.fields.iter().map(|f| f.field).collect::<Vec<_>>() == ["countries"])
    );
    let counts = d.counts();
    let of = |name: &str| {
        counts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
            .expect("section")
    };
    assert_eq!(
        (
            of("countries").added,
            of("countries").removed,
            of("countries").changed
        ),
        (1, 1, 1)
    );
    let text = render_text(&d, false);
    assert!(text.contains("Countries (3)"), "{text}");
    assert!(text.contains("~ THA  Thailand\n    groups: +ldc"), "{text}");
    assert!(text.contains("~ 9.c.1  Proportion of population covered by a mobile network, by technology\n    tier: Tier I → Tier II"), "{text}");
    assert!(text.contains("countries: +XKX -KEN"), "{text}");
    let json = serde_json::to_value(&d).expect("json");
    assert_eq!(json["countries"][1]["new"]["name"], "Kosovo (sample)");
}
