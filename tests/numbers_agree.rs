//! Every number on screen agrees with the records behind it, as a property
//! over generated views of the bundled snapshot:
//!
//! * a facet value's count equals what the view asks for with that value
//!   instead of the facet's others (`sdgmap query` counts the same);
//! * a Matrix cell's value equals what its drill-down lists under the same
//!   metric, and both equal a count made from the raw records;
//! * every Σ is the distinct union of its cells;
//! * the header's "N of M activities shown" is the view's count, and the
//!   SDG tree's counts are what each goal's drill-down lists.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use std::collections::BTreeSet;
use std::process::Command;

use proptest::prelude::*;
use sdgmap::entity::{EntityRef, Kind};
use sdgmap::matrix::{Column, Matrix, Metric, cell_content, goalless_activities, indicator_key};
use sdgmap::related::{link_targets, related_in};
use sdgmap::selection::Selection;
use sdgmap::snapshot::{
    ActivityId, IndicatorId, LinkId, LinkStatus, Snapshot, TargetId, load_bundled,
};
use sdgmap::view::facets::{PANEL, values};
use sdgmap::view::{Key, View, apply, parse};

fn snap() -> &'static Snapshot {
    use std::sync::OnceLock;
    static S: OnceLock<Snapshot> = OnceLock::new();
    // with the engine's suggestions stored on every activity, so the
    // suggested: facet's counts are checked on real records, and every
    // stated count is checked with suggestions present
    S.get_or_init(|| sdgmap::snapshot::build(raw().clone()).unwrap())
}

/// The bundled records with the engine's suggestions stored on each.
fn raw() -> &'static sdgmap::snapshot::RawSnapshot {
    use std::sync::OnceLock;
    static R: OnceLock<sdgmap::snapshot::RawSnapshot> = OnceLock::new();
    R.get_or_init(|| {
        let plain = load_bundled().unwrap();
        let engine = sdgmap::suggest::Engine::new(&plain).unwrap();
        let mut raw = sdgmap::snapshot::parse_raw("b", sdgmap::snapshot::BUNDLED).unwrap();
        for a in &mut raw.activities {
            let text = sdgmap::import::activity_text(&a.title, &a.summary);
            a.suggested = Some(sdgmap::suggest::StoredSuggestions::from_suggestions(
                &engine.suggest(&text),
            ));
        }
        raw
    })
}

/// Views made of real values of the bundled snapshot.
fn a_view() -> impl Strategy<Value = String> {
    let s = snap();
    let lines: Vec<String> = s.action_lines().iter().map(|l| l.id.clone()).collect();
    let sectors = ["ITU-D", "ITU-T", "ITU-R", "GS"];
    let words = [
        "digital",
        "health",
        "broadband",
        "women",
        "'data",
        "!mobile",
        "^wsis",
    ];
    let parts = prop::collection::vec(
        prop_oneof![
            (1u8..=17, any::<bool>())
                .prop_map(|(n, neg)| format!("{}sdg:{n}", if neg { "-" } else { "" })),
            (1u8..=17, 1u8..=17).prop_map(|(a, b)| format!("sdg:{a},{b}")),
            prop::sample::select(lines).prop_map(|l| format!("al:{l}")),
            prop::sample::select(sectors.to_vec()).prop_map(|x| format!("sector:{x}")),
            prop::sample::select(sectors.to_vec()).prop_map(|x| format!("-sector:{x}")),
            prop::sample::select(vec!["confirmed", "partial", "disputed"])
                .prop_map(|x| format!("status:{x}")),
            (2004i32..2021).prop_map(|y| format!("year:{y}..")),
            prop::sample::select(words.to_vec()).prop_map(str::to_string),
            Just("with:cross-cutting".to_string()),
            prop::sample::select(vec!["9.c", "3.8", "4.4", "5.b", "16.10"])
                .prop_map(|t| format!("target:{t}")),
            prop::sample::select(vec![
                "region:Africa",
                "region:Asia,Europe",
                "group:ldc",
                "-group:sids",
                "country:THA",
                "subregion:\"Eastern Africa\"",
            ])
            .prop_map(str::to_string),
            prop::sample::select(vec![
                "custodian:ITU",
                "custodian:WHO",
                "tier:II",
                "tier:I,II",
                "indicator:15.7.1,15.c.1",
                "-custodian:UNEP"
            ])
            .prop_map(str::to_string),
            prop::sample::select(vec![
                "suggested:9",
                "suggested:3,4",
                "-suggested:17",
                "suggested:9.c",
                "suggested:C7",
                "suggested:C2,C7-e-health",
            ])
            .prop_map(str::to_string),
        ],
        0..4,
    );
    parts.prop_map(|p| p.join(" "))
}

fn selection(view: &str) -> (View, Selection) {
    let v = parse(view).unwrap();
    let sel = apply(snap(), &v);
    (v, sel)
}

/// The view without facet `key`, asking for `value` alone.
fn with_value(view: &View, key: Key, value: &str) -> View {
    let mut text = String::new();
    let mut v = view.clone();
    match key {
        Key::Sdg => v.sdg = Default::default(),
        Key::Al => v.al = Default::default(),
        Key::Status => v.status = Default::default(),
        Key::Sector => v.sector = Default::default(),
        Key::Kind => v.kind = Default::default(),
        Key::Lead => v.lead = Default::default(),
        Key::Year => v.year = Default::default(),
        Key::Region => v.region = Default::default(),
        Key::Subregion => v.subregion = Default::default(),
        Key::Country => v.country = Default::default(),
        Key::Group => v.group = Default::default(),
        Key::Suggested => v.suggested = Default::default(),
        _ => unreachable!("not a panel facet: {key:?}"),
    }
    text.push_str(&v.to_string());
    // Quoted as the view language quotes: `\"` and `\\` inside quotes (a
    // lead such as `Association … "Meritum"` has quotes of its own).
    let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
    text.push_str(&format!(" {}:\"{quoted}\"", key.name()));
    parse(&text).unwrap()
}

/// The targets the confirmed and partial links of a cell cover in the
/// frame, from the raw records.
fn brute_targets(
    s: &Snapshot,
    sel: &Selection,
    row: sdgmap::snapshot::LineId,
    goal: u8,
) -> BTreeSet<TargetId> {
    let mut ts = BTreeSet::new();
    for (i, l) in s.links().iter().enumerate() {
        let k = LinkId(i as u32);
        if l.action_line == row && l.sdg == goal && sel.link(k) && l.status != LinkStatus::Disputed
        {
            ts.extend(
                link_targets(s, k)
                    .into_iter()
                    .filter(|&t| sel.frame_target(t)),
            );
        }
    }
    ts
}

/// A cell's value counted from the raw records, not through `cell_content`.
fn brute(
    s: &Snapshot,
    sel: &Selection,
    row: sdgmap::snapshot::LineId,
    goal: u8,
    metric: Metric,
) -> usize {
    match metric {
        Metric::Targets => brute_targets(s, sel, row, goal).len(),
        Metric::Activities => (0..s.activities().len() as u32)
            .map(ActivityId)
            .filter(|&a| {
                let act = s.activity(a);
                sel.activity(a)
                    && act.action_lines().contains(&row)
                    && act.sdgs().contains(goal)
                    && (sel.cross_cutting() || !s.is_cross_cutting(a))
            })
            .count(),
        // distinct indicators: records sharing a UNSD code are one
        Metric::Indicators => {
            let ts = brute_targets(s, sel, row, goal);
            s.indicators()
                .iter()
                .enumerate()
                .filter(|&(i, ind)| {
                    ts.contains(&ind.target) && sel.frame_indicator(IndicatorId(i as u32))
                })
                .map(|(i, ind)| ind.unsd_code.clone().unwrap_or_else(|| format!("#{i}")))
                .collect::<BTreeSet<String>>()
                .len()
        }
    }
}

fn group_len(groups: &[sdgmap::related::Group], kind: Kind) -> usize {
    groups
        .iter()
        .filter(|g| g.kind == kind && g.note.is_none())
        .map(|g| g.items.len())
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn facet_counts_equal_the_query_with_that_value(view in a_view()) {
        let s = snap();
        let (v, _) = selection(&view);
        for key in PANEL {
            // suggested: lists every goal and line; a third of them per case
            // keeps the test's time (48 cases cover them all many times over)
            let every = if key == Key::Suggested { 3 } else { 1 };
            for fv in values(s, &v, key).into_iter().step_by(every) {
                let asked = apply(s, &with_value(&v, key, &fv.value));
                let n = if key == Key::Status { asked.link_count() } else { asked.activity_count() };
                prop_assert_eq!(fv.count, n, "{} value {} under {:?}", key.name(), fv.value, view);
            }
        }
    }

    #[test]
    fn cells_equal_their_drill_down_and_the_records(view in a_view()) {
        let s = snap();
        let (_, sel) = selection(&view);
        for metric in Metric::ALL {
            let m = Matrix::compute(s, metric, None, &sel);
            for (r, &row) in m.rows.iter().enumerate() {
                for (c, &col) in m.columns.iter().enumerate() {
                    let Column::Sdg(goal) = col else { unreachable!() };
                    let v = m.value(r, c) as usize;
                    prop_assert_eq!(v, brute(s, &sel, row, goal, metric), "{:?} cell {:?}×{} under {:?}", metric, s.line(row).id, goal, view);
                    let groups = related_in(s, &sel, EntityRef::Cell(row, goal));
                    let kind = match metric {
                        Metric::Targets => Kind::Target,
                        Metric::Activities => Kind::Activity,
                        Metric::Indicators => Kind::Indicator,
                    };
                    prop_assert_eq!(v, group_len(&groups, kind), "drill-down of {:?}×{}", s.line(row).id, goal);
                }
            }
        }
    }

    #[test]
    fn totals_are_the_distinct_union_of_their_cells(view in a_view()) {
        let s = snap();
        let (_, sel) = selection(&view);
        for metric in Metric::ALL {
            let m = Matrix::compute(s, metric, None, &sel);
            let mut cols: Vec<BTreeSet<u32>> = vec![BTreeSet::new(); m.columns.len()];
            for (r, &row) in m.rows.iter().enumerate() {
                let mut union = BTreeSet::new();
                let mut whole = 0;
                for (c, &col) in m.columns.iter().enumerate() {
                    let cell = cell_content(s, &sel, row, col);
                    let items: Vec<u32> = match metric {
                        Metric::Targets => cell.targets.iter().map(|t| t.0).collect(),
                        Metric::Activities => cell.activities.iter().map(|a| a.0).collect(),
                        Metric::Indicators => cell.indicators.iter().map(|&i| indicator_key(s, i).0).collect(),
                    };
                    union.extend(items.iter().copied());
                    cols[c].extend(items);
                    whole += u32::from(cell.whole_goal && metric != Metric::Activities);
                }
                if metric == Metric::Activities {
                    union.extend(goalless_activities(s, &sel, row).iter().map(|a| a.0));
                }
                prop_assert_eq!(m.row_totals[r] as usize, union.len(), "Σ of {}", s.line(row).id);
                prop_assert_eq!(m.row_goals[r], whole, "whole goals of {}", s.line(row).id);
            }
            for (c, set) in cols.iter().enumerate() {
                prop_assert_eq!(m.column_totals[c] as usize, set.len(), "Σ of column {}", c);
            }
        }
    }

    #[test]
    fn the_header_and_the_goal_tree_count_what_the_drill_down_lists(view in a_view()) {
        use ratatui::{Terminal, backend::TestBackend};
        use sdgmap::tui::{App, Theme, ThemeChoice, action::Action, render};
        let s = snap();
        let (v, sel) = selection(&view);
        let snapshot = sdgmap::snapshot::build(raw().clone()).unwrap();
        let mut st = App::new(snapshot, Theme::new(ThemeChoice::Mono), "t".into());
        st.open_view(&v.to_string());
        st.update(Action::Show(sdgmap::tour::Screen::Sdgs));
        let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
        t.draw(|f| render(f, &st)).unwrap();
        let text: String = format!("{}", t.backend());
        let n = sel.activity_count();
        let m = s.activities().len();
        if n != m {
            prop_assert!(text.contains(&format!("[{n} of {m} activities shown]")), "header under {:?}:\n{}", view, text);
        } else {
            prop_assert!(!text.contains("activities shown]"), "{}", text);
        }
        for g in s.sdgs().iter().filter(|g| sel.sdg(g.number)) {
            let groups = related_in(s, &sel, EntityRef::Sdg(g.number));
            let acts = group_len(&groups, Kind::Activity);
            let row = text
                .lines()
                .find(|l| l.contains(&format!(" {:>2}  {}", g.number, &g.short_name[..6])))
                .unwrap_or_default();
            // the tree is the left pane: from its left border to its right one
            let row = row.trim_start_matches(['"', '│']).split('│').next().unwrap_or_default();
            prop_assert!(row.trim_end().ends_with(&format!(" {acts}a")),
                "goal {} row {:?} should end with {}a under {:?}", g.number, row, acts, view);
        }
    }
}

/// The issue's own cases, through the real binary: the count `sdgmap query`
/// prints is the facet panel's.
#[test]
fn the_cli_counts_what_the_panel_counts() {
    let s = snap();
    for (view, key, value) in [
        ("sdg:3", Key::Al, "C7"),
        ("sdg:4,5 -sector:GS digital", Key::Sdg, "5"),
    ] {
        let (v, _) = selection(view);
        let fv = values(s, &v, key)
            .into_iter()
            .find(|f| f.value == value)
            .unwrap();
        let asked = with_value(&v, key, value).to_string();
        let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
            .args(["query", &asked, "--format", "csv"])
            .env_remove("SDGMAP_DATA")
            .output()
            .unwrap();
        let rows = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .count()
            .saturating_sub(1);
        assert_eq!(
            fv.count, rows,
            "{view}: {key:?}={value} vs `sdgmap query {asked}`"
        );
    }
    // the reported case: C7 under sdg:3 counts each activity once
    let (v, _) = selection("sdg:3");
    let c7 = values(s, &v, Key::Al)
        .into_iter()
        .find(|f| f.value == "C7")
        .unwrap();
    assert_eq!(
        c7.count,
        apply(s, &parse("sdg:3 al:C7").unwrap()).activity_count()
    );
}

/// `sdgmap query --show links`: a link's `activities` less its
/// `cross_cutting` is what its Matrix cell counts (all of them under
/// `with:cross-cutting`, where the cell counts cross-cutting ones too).
#[test]
fn a_links_cli_row_adds_up_to_its_matrix_cell() {
    let s = snap();
    for view in ["", "with:cross-cutting", "sdg:9,17 digital"] {
        let (_, sel) = selection(view);
        let m = Matrix::compute(s, Metric::Activities, None, &sel);
        let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
            .args(["query", view, "--show", "links", "--format", "csv"])
            .env_remove("SDGMAP_DATA")
            .output()
            .unwrap();
        assert!(out.status.success(), "{view}");
        let mut r = csv::Reader::from_reader(out.stdout.as_slice());
        let head = r.headers().unwrap().clone();
        let col = |n: &str| head.iter().position(|h| h == n).unwrap();
        let (key, acts, cross) = (col("key"), col("activities"), col("cross_cutting"));
        let mut seen = 0;
        for rec in r.records() {
            let rec = rec.unwrap();
            let k = (0..s.links().len() as u32)
                .map(LinkId)
                .find(|&k| s.link_key(k) == rec[key])
                .unwrap();
            let link = s.link(k);
            let ri = m.rows.iter().position(|&l| l == link.action_line).unwrap();
            let ci = m
                .columns
                .iter()
                .position(|&c| c == Column::Sdg(link.sdg))
                .unwrap();
            let (a, x): (usize, usize) = (rec[acts].parse().unwrap(), rec[cross].parse().unwrap());
            let cell = m.value(ri, ci) as usize;
            if sel.cross_cutting() {
                assert_eq!(a, cell, "{view}: {}", &rec[key]);
            } else {
                assert_eq!(a - x, cell, "{view}: {}", &rec[key]);
            }
            seen += 1;
        }
        assert!(seen > 0, "{view}");
    }
}
