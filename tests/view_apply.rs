//! Facet semantics (AND/OR/exclude/ranges/C7 expansion, cross-kind rules)
//! against the hand-counted fixture `tests/fixtures/view/small.json`, and
//! checking views against a snapshot.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use sdgmap::selection::Selection;
use sdgmap::snapshot::{ActivityId, LineId, LinkId, Snapshot, TargetId, load_file};
use sdgmap::view::{apply, parse, parse_checked};

fn fixture() -> Snapshot {
    load_file(std::path::Path::new("tests/fixtures/view/small.json")).unwrap()
}

/// Selected keys: (activities, links, goals, targets, lines).
fn sel(s: &Snapshot, view: &str) -> [Vec<String>; 5] {
    let x: Selection = apply(s, &parse(view).unwrap());
    let acts = (0..s.activities().len() as u32)
        .filter(|&i| x.activity(ActivityId(i)))
        .map(|i| s.activity(ActivityId(i)).id().to_owned())
        .collect();
    let links = (0..s.links().len() as u32)
        .filter(|&i| x.link(LinkId(i)))
        .map(|i| s.link_key(LinkId(i)))
        .collect();
    let goals = s
        .sdgs()
        .iter()
        .filter(|g| x.sdg(g.number))
        .map(|g| g.number.to_string())
        .collect();
    let targets = (0..s.targets().len() as u32)
        .filter(|&i| x.target(TargetId(i)))
        .map(|i| s.target(TargetId(i)).code.clone())
        .collect();
    let lines = (0..s.action_lines().len() as u32)
        .filter(|&i| x.line(LineId(i)))
        .map(|i| s.line(LineId(i)).id.clone())
        .collect();
    [acts, links, goals, targets, lines]
}

fn acts(s: &Snapshot, view: &str) -> Vec<String> {
    sel(s, view)[0].clone()
}

#[test]
fn an_empty_view_selects_everything() {
    let s = fixture();
    assert_eq!(apply(&s, &parse("").unwrap()), Selection::all(&s));
}

#[test]
fn sdg_reaches_activities_links_goal_targets_and_rows() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "sdg:3");
    assert_eq!(a, ["a-health", "b-broadband", "e-c7", "f-telemed"]);
    assert_eq!(l, ["C7-e-health/3", "C2/3", "C7-e-business/3/disputed"]);
    assert_eq!(g, ["3"]);
    assert_eq!(t, ["3.4", "3.8", "3.d"]);
    assert_eq!(rows, ["C2", "C7", "C7-e-business", "C7-e-health"]);
}

#[test]
fn c7_means_all_its_sub_lines_but_a_sub_line_not_its_parent() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "al:C7");
    assert_eq!(a, ["a-health", "d-ebiz", "e-c7", "f-telemed"]);
    assert_eq!(l, ["C7-e-health/3", "C7-e-business/3/disputed"]);
    assert_eq!(
        (g, t),
        (
            vec!["3".to_string()],
            vec!["3.8".to_string(), "3.d".to_string()]
        )
    );
    assert_eq!(rows, ["C7", "C7-e-business", "C7-e-health"]);
    let [a, _, _, _, rows] = sel(&s, "al:c7-E-HEALTH");
    assert_eq!(a, ["a-health", "f-telemed"]);
    assert_eq!(rows, ["C7-e-health"]);
}

#[test]
fn values_or_facets_and_excludes_drop() {
    let s = fixture();
    assert_eq!(
        acts(&s, "sdg:3,9 -sdg:16"),
        ["a-health", "b-broadband", "d-ebiz", "e-c7", "f-telemed"]
    );
    assert_eq!(acts(&s, "sdg:3 al:C2"), ["b-broadband", "f-telemed"]);
    assert_eq!(sel(&s, "sdg:3 al:C2")[1], ["C2/3"]);
    assert_eq!(
        acts(&s, "kind:partnership,STANDARD"),
        ["a-health", "f-telemed"]
    );
    assert_eq!(acts(&s, "partner:who"), ["a-health", "e-c7", "f-telemed"]);
    assert_eq!(acts(&s, "lead:UNCTAD"), ["d-ebiz"]);
    assert_eq!(acts(&s, "sector:GS -partner:UNICEF"), ["e-c7"]);
    assert_eq!(acts(&s, "source:itu-roadmap-2030").len(), 6);
}

#[test]
fn year_ranges_are_inclusive_and_missing_years_only_pass_excludes() {
    let s = fixture();
    assert_eq!(
        acts(&s, "year:2010..2017"),
        ["a-health", "b-broadband", "f-telemed"]
    );
    assert_eq!(acts(&s, "year:..2010"), ["c-cop", "f-telemed"]);
    assert_eq!(acts(&s, "year:2020"), ["e-c7"]);
    assert_eq!(acts(&s, "year:2016..,2008"), ["a-health", "c-cop", "e-c7"]);
    assert_eq!(
        acts(&s, "-year:2015..2017"),
        ["c-cop", "d-ebiz", "e-c7", "f-telemed"]
    );
}

#[test]
fn status_filters_links_and_what_they_reach_not_activities() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "status:disputed");
    assert_eq!(a.len(), 6);
    assert_eq!(l, ["C7-e-business/3/disputed", "C5/16/disputed"]);
    assert_eq!(g, ["3", "16"]);
    assert_eq!(t, ["16.10"]);
    assert_eq!(rows, ["C5", "C7", "C7-e-business"]);
}

#[test]
fn targets_follow_links_that_cover_them() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "target:9.c");
    assert_eq!(a, ["b-broadband"]);
    assert_eq!(l, ["C2/9", "C5/9"]); // C5/9 covers all targets of goal 9
    assert_eq!((g, t), (vec!["9".to_string()], vec!["9.c".to_string()]));
    assert_eq!(rows, ["C2", "C5"]);
    let [a, l, g, t, _] = sel(&s, "-target:3.8");
    assert_eq!(a.len(), 5);
    assert_eq!(l.len(), 6);
    assert_eq!(g.len(), 3);
    assert_eq!(t.len(), 7);
}

#[test]
fn free_text_restricts_each_kind_by_its_own_text() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "'telemed");
    assert_eq!(a, ["f-telemed"]);
    assert_eq!(l, ["C7-e-health/3"]);
    assert!(g.is_empty() && t.is_empty() && rows.is_empty());
    assert_eq!(acts(&s, "^child | ^e-bus"), ["c-cop", "d-ebiz"]);
    assert_eq!(acts(&s, "'standards | 'toolkit"), ["d-ebiz", "f-telemed"]);
    assert!(acts(&s, "'health !africa").is_empty());
}

#[test]
fn check_reports_unknown_values_with_positions_and_suggestions() {
    let s = fixture();
    let input = "al:C12 target:9.z source:wsis-sdg-matrx lead:ITUU focus:nope sdg:9";
    let errs = parse_checked(input, &s).unwrap_err();
    let got: Vec<(String, String)> = errs
        .iter()
        .map(|e| (input[e.span.clone()].to_string(), e.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "C12".into(),
                "unknown action line 'C12' — did you mean 'C2'?".into()
            ),
            (
                "9.z".into(),
                "unknown target '9.z' — did you mean '9.1'?".into()
            ),
            (
                "wsis-sdg-matrx".into(),
                "unknown source 'wsis-sdg-matrx' — did you mean 'wsis-sdg-matrix'?".into()
            ),
            (
                "ITUU".into(),
                "unknown lead organisation 'ITUU' — did you mean 'ITU'?".into()
            ),
            (
                "nope".into(),
                "nothing to focus on: no record has the key 'nope'".into()
            ),
        ]
    );
    let v = parse("al:C12").unwrap();
    let e = &v.check(&s)[0];
    assert_eq!(&v.to_string()[e.span.clone()], "C12");
    assert!(parse_checked("al:C7-e-health focus:C2/9 lead:itu", &s).is_ok());
}
