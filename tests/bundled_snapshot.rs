//! The snapshot compiled into the binary: it validates, has the shape the
//! app relies on (17 goals, 169 targets, 18 Matrix rows, 124 + 5 links …),
//! its index answers the questions the views ask, and — when the project's
//! reference facts in `../shared/reference/` are present — every target text
//! and Matrix link matches them. Without `../shared` those comparisons are
//! skipped with a note, so the project stands alone.

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use sdgmap::snapshot::{LinkId, LinkStatus, Scope, Snapshot, load_bundled};
use serde_json::Value;

fn snapshot() -> &'static Snapshot {
    static S: OnceLock<Snapshot> = OnceLock::new();
    S.get_or_init(|| match load_bundled() {
        Ok(s) => s,
        Err(e) => panic!("the bundled snapshot must load:\n{e}"),
    })
}

/// A reference file from `../shared/reference/`, or `None` (with a note)
/// when it is not there.
fn reference(name: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("reference file is JSON")),
        Err(_) => {
            eprintln!(
                "note: {} not found; skipping the comparison with the reference facts",
                path.display()
            );
            None
        }
    }
}

fn codes(s: &Snapshot, ids: &[sdgmap::snapshot::TargetId]) -> Vec<String> {
    ids.iter().map(|&t| s.target(t).code.clone()).collect()
}

#[test]
fn bundled_snapshot_is_valid_without_warnings() {
    let s = snapshot();
    assert!(
        s.warnings().is_empty(),
        "bundled snapshot warnings:\n{}",
        s.warnings()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(s.meta().snapshot_date.len(), 10);
    assert!(!s.meta().title.is_empty());
    assert!(s.meta().sources.len() >= 5);
}

#[test]
fn seventeen_goals_with_169_targets() {
    let s = snapshot();
    let numbers: Vec<u8> = s.sdgs().iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<u8>>());
    assert_eq!(s.targets().len(), 169);
    let per_goal: Vec<usize> = s.sdgs().iter().map(|g| g.targets.len()).collect();
    assert_eq!(
        per_goal,
        [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]
    );
    for g in s.sdgs() {
        for &t in &g.targets {
            assert_eq!(s.target(t).goal, g.number);
        }
    }
}

#[test]
fn eighteen_matrix_rows_and_c7_with_eight_sub_lines() {
    let s = snapshot();
    let rows: Vec<&str> = s.rows().iter().map(|&l| s.line(l).id.as_str()).collect();
    assert_eq!(
        rows,
        [
            "C1",
            "C2",
            "C3",
            "C4",
            "C5",
            "C6",
            "C7-e-government",
            "C7-e-business",
            "C7-e-learning",
            "C7-e-health",
            "C7-e-employment",
            "C7-e-environment",
            "C7-e-agriculture",
            "C7-e-science",
            "C8",
            "C9",
            "C10",
            "C11"
        ]
    );
    let c7 = s.index().line("C7").expect("C7");
    let subs: Vec<&str> = s
        .line(c7)
        .children
        .iter()
        .map(|&l| s.line(l).id.as_str())
        .collect();
    assert_eq!(subs.len(), 8);
    assert!(subs.iter().all(|id| id.starts_with("C7-e-")), "{subs:?}");
    assert_eq!(s.action_lines().len(), 19, "18 rows and the parent C7");
    // The 18 WSIS Prizes categories, one per row, in row order.
    let cats: Vec<Option<u8>> = s.rows().iter().map(|&l| s.line(l).prize_category).collect();
    assert_eq!(cats, (1..=18).map(Some).collect::<Vec<_>>());
    assert_eq!(s.line(c7).prize_category, None);
}

#[test]
fn one_hundred_twenty_four_links_and_five_disputed() {
    let s = snapshot();
    let disputed = s
        .links()
        .iter()
        .filter(|l| l.status == LinkStatus::Disputed)
        .count();
    assert_eq!(s.links().len() - disputed, 124);
    assert_eq!(disputed, 5);
    // Every link goes to a Matrix row, and link keys are unique.
    let mut keys = BTreeSet::new();
    for i in 0..s.links().len() {
        let id = LinkId(i as u32);
        assert!(s.index().row_pos(s.link(id).action_line).is_some());
        assert!(
            keys.insert(s.link_key(id)),
            "duplicate key {}",
            s.link_key(id)
        );
    }
    assert!(keys.contains("C2/9"));
    assert!(keys.contains("C6/16/disputed"));
    for l in s.links() {
        match l.scope {
            Scope::Targets => assert!(!l.targets.is_empty()),
            Scope::Goal => assert!(l.targets.is_empty()),
            Scope::AllTargets => {}
        }
    }
}

#[test]
fn activities_and_itu_custodian_indicators() {
    let s = snapshot();
    assert!(
        s.activities().len() >= 25,
        "{} activities",
        s.activities().len()
    );
    let codes: Vec<&str> = s.indicators().iter().map(|i| i.code.as_str()).collect();
    for code in ["4.4.1", "5.b.1", "9.c.1", "17.6.1", "17.8.1"] {
        let ind = s.indicator(
            s.index()
                .indicator(code)
                .unwrap_or_else(|| panic!("{code} in {codes:?}")),
        );
        assert!(ind.custodians.iter().any(|c| c == "ITU"), "{code}");
        assert!(code.starts_with(&format!("{}.", s.target(ind.target).code)));
    }
    let fixed = s.indicator(s.index().indicator("17.6.1").expect("17.6.1"));
    assert_eq!(fixed.former_codes, ["17.6.2"]);
    let itu = s
        .indicators()
        .iter()
        .filter(|i| i.custodians.iter().any(|c| c == "ITU"))
        .count();
    assert_eq!(itu, 5);
}

#[test]
fn index_answers_the_questions_the_views_ask() {
    let s = snapshot();
    let ix = s.index();
    let c2 = ix.line("C2").expect("C2");
    let at = ix.links_at(c2, 9);
    assert_eq!(at.len(), 1);
    assert_eq!(codes(s, &s.link(at[0]).targets), ["9.1", "9.a", "9.c"]);
    assert_eq!(s.link_key(at[0]), "C2/9");
    let t9c = ix.target("9.c").expect("9.c resolves");
    assert_eq!(s.target(t9c).goal, 9);
    assert!(s.target(t9c).text.contains("Internet"));
    assert!(ix.links_of_target(t9c).contains(&at[0]));
    let inds: Vec<&str> = ix
        .indicators_of_target(t9c)
        .iter()
        .map(|&i| s.indicator(i).code.as_str())
        .collect();
    assert_eq!(inds, ["9.c.1"]);
    let of3: Vec<&str> = ix
        .activities_of_sdg(3)
        .iter()
        .map(|&a| s.activity(a).id())
        .collect();
    assert!(of3.contains(&"digital-health-for-africa"), "{of3:?}");
    let dh = ix.activity("digital-health-for-africa").expect("activity");
    assert_eq!(s.activity(dh).year(), Some(2017));
    let health = ix.line("C7-e-health").expect("line");
    assert!(ix.activities_at(health, 3).contains(&dh));
    assert!(ix.activities_of_line(health).contains(&dh));
    // The disputed C6 × SDG 16 link (16.2) shares its cell with the plain one.
    let c6 = ix.line("C6").expect("C6");
    let cell: Vec<String> = ix.links_at(c6, 16).iter().map(|&l| s.link_key(l)).collect();
    assert_eq!(cell, ["C6/16", "C6/16/disputed"]);
    let disputed = s.link(ix.links_at(c6, 16)[1]);
    assert_eq!(codes(s, &disputed.targets), ["16.2"]);
    let plain = s.link(ix.links_at(c6, 16)[0]);
    assert!(!codes(s, &plain.targets).contains(&"16.2".to_string()));
    // Every SDG has at least one Matrix link.
    for g in 1..=17 {
        assert!(!ix.links_of_sdg(g).is_empty(), "SDG {g} has no link");
    }
    assert!(ix.target("18.1").is_none());
    assert!(ix.line("C12").is_none());
}

#[test]
fn every_activity_reference_resolves_to_something() {
    let s = snapshot();
    for a in s.activities() {
        assert!(
            !a.sdgs().is_empty() || !a.action_lines().is_empty(),
            "{} links to nothing",
            a.id()
        );
        assert!(!a.title().is_empty());
        for &t in a.targets() {
            assert!(a.sdgs().contains(s.target(t).goal), "{}", a.id());
        }
    }
}

#[test]
fn target_texts_match_the_official_wording() {
    let Some(reference) = reference("sdg-targets-official.json") else {
        return;
    };
    let official = reference["targets"].as_object().expect("targets object");
    let s = snapshot();
    assert_eq!(official.len(), 169);
    let mut mismatches = Vec::new();
    for t in s.targets() {
        match official.get(&t.code).and_then(Value::as_str) {
            Some(text) if text == t.text => {}
            Some(text) => mismatches.push(format!(
                "{}:\n  ours:     {}\n  official: {text}",
                t.code, t.text
            )),
            None => mismatches.push(format!("{}: not an official target", t.code)),
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn matrix_links_match_the_reference() {
    let Some(m) = reference("wsis-sdg-matrix.json") else {
        return;
    };
    let s = snapshot();
    // (row id, goal, disputed) -> link
    let mut ours: BTreeMap<(String, u8, bool), &sdgmap::snapshot::Link> = BTreeMap::new();
    for l in s.links() {
        let key = (
            s.line(l.action_line).id.clone(),
            l.sdg,
            l.status == LinkStatus::Disputed,
        );
        ours.insert(key, l);
    }
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut problems = Vec::new();
    let links = m["links"].as_array().expect("links");
    assert_eq!(links.len(), 124);
    for r in links {
        let line = r["action_line"].as_str().expect("action_line").to_string();
        let sdg = r["sdg"].as_u64().expect("sdg") as u8;
        let Some(l) = ours.get(&(line.clone(), sdg, false)) else {
            problems.push(format!("{line}/{sdg}: missing from the bundled snapshot"));
            continue;
        };
        let want = strings(&r["targets"]);
        if codes(s, &l.targets) != want {
            problems.push(format!(
                "{line}/{sdg}: targets {:?}, reference {want:?}",
                codes(s, &l.targets)
            ));
        }
        let scope = match l.scope {
            Scope::Targets => "targets",
            Scope::Goal => "goal",
            Scope::AllTargets => "all_targets",
        };
        if r["scope"].as_str() != Some(scope) {
            problems.push(format!(
                "{line}/{sdg}: scope {scope}, reference {}",
                r["scope"]
            ));
        }
        let status = match r["confidence"].as_str() {
            Some("partial") => LinkStatus::Partial,
            _ => LinkStatus::Confirmed,
        };
        if l.status != status {
            problems.push(format!(
                "{line}/{sdg}: status {:?}, reference {}",
                l.status, r["confidence"]
            ));
        }
    }
    let disputed = m["disputed"].as_array().expect("disputed");
    assert_eq!(disputed.len(), 5);
    for r in disputed {
        let line = r["action_line"].as_str().expect("action_line").to_string();
        let sdg = r["sdg"].as_u64().expect("sdg") as u8;
        // What is disputed must not also be shipped as plain: no plain link
        // for a disputed goal, none of the disputed targets in a plain link.
        if let Some(plain) = ours.get(&(line.clone(), sdg, false)) {
            let disputed_targets = strings(&r["targets"]);
            let plain_targets = codes(s, &plain.targets);
            if disputed_targets.is_empty()
                || disputed_targets.iter().any(|t| plain_targets.contains(t))
            {
                problems.push(format!(
                    "{line}/{sdg}: disputed in the reference but shipped as a plain link {plain_targets:?}"
                ));
            }
        }
        match ours.get(&(line.clone(), sdg, true)) {
            None => problems.push(format!("{line}/{sdg}/disputed: missing")),
            Some(l) if codes(s, &l.targets) != strings(&r["targets"]) => problems.push(format!(
                "{line}/{sdg}/disputed: targets {:?}, reference {:?}",
                codes(s, &l.targets),
                strings(&r["targets"])
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn goal_names_colours_and_facilitators_match_the_reference() {
    let Some(m) = reference("wsis-sdg-matrix.json") else {
        return;
    };
    let s = snapshot();
    for g in s.sdgs() {
        let n = g.number.to_string();
        assert_eq!(
            g.short_name,
            m["sdg_names"][&n]["short"].as_str().expect("short"),
            "SDG {n}"
        );
        assert_eq!(
            g.title,
            m["sdg_names"][&n]["full"].as_str().expect("full"),
            "SDG {n}"
        );
        let hex = format!("#{:02X}{:02X}{:02X}", g.color.0, g.color.1, g.color.2);
        assert_eq!(
            hex,
            m["sdg_colors"][&n].as_str().expect("colour"),
            "SDG {n}"
        );
    }
    for &row in s.rows() {
        let line = s.line(row);
        let lead = m["facilitators"][&line.id]["lead"].as_str();
        assert_eq!(
            line.facilitators.first().map(String::as_str),
            lead,
            "{}",
            line.id
        );
    }
}

#[test]
fn the_nominees_and_the_whole_indicator_framework_are_bundled() {
    let s = snapshot();
    assert_eq!(s.activities().len(), 722);
    let roadmap = s.index().source("itu-roadmap-2030").expect("source");
    let (curated, nominees): (Vec<_>, Vec<_>) =
        s.activities().iter().partition(|a| a.source() == roadmap);
    assert_eq!(curated.len(), 60);
    assert_eq!(nominees.len(), 662);
    let by_year = |y: i32| nominees.iter().filter(|a| a.year() == Some(y)).count();
    assert_eq!((by_year(2015), by_year(2021)), (302, 360));
    for a in &nominees {
        assert_eq!(a.kind(), Some("nominee"), "{}", a.id());
        assert!(
            a.sdgs().is_empty() && a.targets().is_empty(),
            "{}: no goals invented",
            a.id()
        );
        assert_eq!(a.action_lines().len(), 1, "{}", a.id());
        assert!(
            s.index().row_pos(a.action_lines()[0]).is_some(),
            "{}: a Matrix row",
            a.id()
        );
        assert!(
            a.note()
                .is_some_and(|n| n.starts_with("Country as listed: ")),
            "{}",
            a.id()
        );
    }
    assert!(curated.iter().all(|a| a.countries().is_empty()));
    let with_country = nominees
        .iter()
        .filter(|a| !a.countries().is_empty())
        .count();
    assert!(
        with_country > 550,
        "{with_country} nominees with a resolved country"
    );
    // Indicators: the 2025 framework, every tier dated.
    assert_eq!(s.indicators().len(), 251);
    assert!(
        s.indicators()
            .iter()
            .all(|i| i.tier.as_of() == Some("2022-11-30"))
    );
    let codes: BTreeSet<&str> = s
        .indicators()
        .iter()
        .filter_map(|i| i.unsd_code.as_deref())
        .collect();
    assert_eq!(codes.len(), 235);
    let repeated = s.index().indicator("13.1.1").expect("13.1.1");
    let also: Vec<&str> = s
        .indicator_repeats(repeated)
        .iter()
        .map(|&i| s.indicator(i).code.as_str())
        .collect();
    assert_eq!(also, ["1.5.1", "11.5.1"]);
    // Countries: 249, with the three groups.
    assert_eq!(s.countries().len(), 249);
    for g in ["ldc", "lldc", "sids"] {
        assert!(s.countries().iter().any(|c| c.in_group(g)), "{g}");
    }
    assert_eq!(s.country_named("Viet Nam"), s.index().country("VNM"));
    assert_eq!(s.country_named("THAILAND"), s.index().country("THA"));
    assert!(s.country_name_clashes().is_empty());
}
