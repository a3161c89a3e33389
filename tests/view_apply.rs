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

/// Selected indicator codes and country codes.
fn inds_and_countries(s: &Snapshot, view: &str) -> (Vec<String>, Vec<String>) {
    use sdgmap::snapshot::{CountryId, IndicatorId};
    let x = apply(s, &parse(view).unwrap());
    let inds = (0..s.indicators().len() as u32)
        .filter(|&i| x.indicator(IndicatorId(i)))
        .map(|i| s.indicator(IndicatorId(i)).code.clone())
        .collect();
    let countries = (0..s.countries().len() as u32)
        .filter(|&c| x.country(CountryId(c)))
        .map(|c| s.country(CountryId(c)).code.clone())
        .collect();
    (inds, countries)
}

#[test]
fn an_indicator_reaches_its_target_and_what_names_or_covers_it() {
    let s = fixture();
    let [a, l, g, t, rows] = sel(&s, "indicator:9.c.1");
    assert_eq!(a, ["b-broadband"]);
    assert_eq!(l, ["C2/9", "C5/9"]); // C5/9 covers all targets of goal 9
    assert_eq!((g, t), (vec!["9".to_string()], vec!["9.c".to_string()]));
    assert_eq!(rows, ["C2", "C5"]);
    assert_eq!(inds_and_countries(&s, "indicator:9.c.1").0, ["9.c.1"]);
    assert_eq!(inds_and_countries(&s, "target:3.8").0, ["3.8.1", "3.8.2"]);
    assert_eq!(
        inds_and_countries(&s, "indicator:3.8.2,16.2.1").0,
        ["3.8.2", "16.2.1"]
    );
}

#[test]
fn custodian_and_tier_judge_one_indicator_at_a_time() {
    let s = fixture();
    let [a, l, _, t, _] = sel(&s, "custodian:who");
    assert_eq!(a, ["a-health", "f-telemed"]);
    assert_eq!(l, ["C7-e-health/3"]); // C2/3 names the goal, no target
    assert_eq!(t, ["3.4", "3.8", "3.d"]);
    assert_eq!(
        inds_and_countries(&s, "custodian:WHO").0,
        ["3.4.1", "3.8.1", "3.8.2", "3.d.1"]
    );
    assert_eq!(
        inds_and_countries(&s, "custodian:\"World Bank\"").0,
        ["3.8.2", "9.1.1"]
    );
    assert_eq!(acts(&s, "tier:II"), ["a-health", "c-cop"]); // 3.8 has 3.8.1
    // 3.8.1 is Tier I (a)/Tier II (b): it has both classes.
    assert_eq!(
        inds_and_countries(&s, "tier:II").0,
        ["3.8.1", "9.1.1", "16.2.1", "16.10.1", "16.10.2"]
    );
    // One indicator must be both ITU's and Tier II: none is.
    assert!(acts(&s, "custodian:ITU tier:II").is_empty());
    assert!(inds_and_countries(&s, "custodian:ITU tier:II").0.is_empty());
    assert_eq!(acts(&s, "custodian:ITU tier:I"), ["b-broadband"]);
    assert_eq!(inds_and_countries(&s, "tier:unclassified").0, ["3.d.2"]);
    assert_eq!(acts(&s, "tier:unclassified"), ["f-telemed"]);
    // Excluding drops what has the value, keeps what names no target at all.
    assert_eq!(
        acts(&s, "-custodian:WHO"),
        ["b-broadband", "c-cop", "d-ebiz", "e-c7"]
    );
    assert_eq!(inds_and_countries(&s, "-tier:I").0.len(), 5);
}

#[test]
fn indicators_follow_the_links_that_cover_their_targets() {
    let s = fixture();
    assert_eq!(
        inds_and_countries(&s, "al:C7-e-health").0,
        ["3.8.1", "3.8.2", "3.d.1", "3.d.2"]
    );
    assert_eq!(
        inds_and_countries(&s, "status:disputed").0,
        ["16.10.1", "16.10.2"]
    );
    // Activity facets do not restrict indicators.
    assert_eq!(inds_and_countries(&s, "sector:GS").0.len(), 11);
}

#[test]
fn countries_regions_and_groups_filter_activities_by_the_countries_they_name() {
    let s = fixture();
    assert_eq!(acts(&s, "country:KEN"), ["a-health", "f-telemed"]);
    assert_eq!(acts(&s, "country:ken"), ["a-health", "f-telemed"]);
    assert_eq!(acts(&s, "country:Tailandia"), ["b-broadband"]);
    assert_eq!(
        acts(&s, "country:\"kingdom of thailand\",FRA"),
        ["b-broadband", "d-ebiz"]
    );
    assert_eq!(acts(&s, "region:Africa"), ["a-health", "f-telemed"]);
    assert_eq!(acts(&s, "region:asia"), ["b-broadband", "e-c7"]);
    assert_eq!(
        acts(&s, "subregion:\"Eastern Africa\""),
        ["a-health", "f-telemed"]
    );
    assert_eq!(
        acts(&s, "subregion:sub-saharan-africa"),
        ["a-health", "f-telemed"]
    );
    assert_eq!(acts(&s, "group:ldc"), ["a-health", "e-c7"]);
    assert_eq!(acts(&s, "group:SIDS"), ["e-c7"]);
    assert_eq!(
        acts(&s, "-group:ldc"),
        ["b-broadband", "c-cop", "d-ebiz", "f-telemed"]
    );
    // One country must be both: Rwanda is an African LDC; Nepal is an LDC in Asia.
    assert_eq!(acts(&s, "group:ldc region:Africa"), ["a-health"]);
    assert!(acts(&s, "group:lldc region:Oceania").is_empty());
    assert_eq!(acts(&s, "country:KEN al:C2"), ["f-telemed"]);
    // Country facets restrict activities only.
    let [_, l, g, _, _] = sel(&s, "region:Africa");
    assert_eq!((l.len(), g.len()), (7, 3));
}

#[test]
fn countries_listed_are_those_the_selected_activities_name() {
    let s = fixture();
    assert_eq!(inds_and_countries(&s, "").1.len(), 6);
    assert_eq!(
        inds_and_countries(&s, "sdg:9").1,
        ["THA", "FJI", "NPL", "FRA"]
    );
    assert_eq!(inds_and_countries(&s, "region:Africa").1, ["KEN", "RWA"]);
    assert_eq!(inds_and_countries(&s, "group:ldc sdg:3").1, ["RWA", "NPL"]);
    assert_eq!(inds_and_countries(&s, "kind:standard").1, ["KEN"]);
    // Free text judges countries by their own names.
    assert_eq!(inds_and_countries(&s, "'thai").1, ["THA"]);
}

#[test]
fn check_knows_indicators_custodians_countries_and_places() {
    let s = fixture();
    let input =
        "indicator:9.c.9 custodian:WHOO country:Kenia region:Afrika subregion:Melanasia group:lcd";
    let errs = parse_checked(input, &s).unwrap_err();
    let got: Vec<(String, String)> = errs
        .iter()
        .map(|e| (input[e.span.clone()].to_string(), e.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "9.c.9".into(),
                "unknown indicator '9.c.9' — did you mean '9.c.1'?".into()
            ),
            (
                "WHOO".into(),
                "unknown custodian agency 'WHOO' — did you mean 'WHO'?".into()
            ),
            (
                "Afrika".into(),
                "unknown region 'Afrika' — did you mean 'Africa'?".into()
            ),
            (
                "Melanasia".into(),
                "unknown sub-region 'Melanasia' — did you mean 'Melanesia'?".into()
            ),
            (
                "lcd".into(),
                "unknown country group 'lcd' — did you mean 'ldc'?".into()
            ),
            (
                "Kenia".into(),
                "unknown country 'Kenia' — did you mean 'Kenya'?".into()
            ),
        ]
    );
    let e = parse_checked("country:Thai", &s).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "unknown country 'Thai' — did you mean 'Thailand'?"
    );
    let e = parse_checked("country:THX", &s).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "unknown country 'THX' — did you mean 'THA'?"
    );
    let e = parse_checked("country:Thaila", &s).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "unknown country 'Thaila' — did you mean 'Thailand'?"
    );
    assert!(parse_checked("country:THA,kenya region:ASIA subregion:eastern-africa group:LDC custodian:itu indicator:9.C.1 tier:ii", &s).is_ok());
}

mod generated {
    //! Generated views of the country and indicator facets against a
    //! brute-force reading of their rules, record by record.

    use super::*;
    use proptest::prelude::*;
    use sdgmap::snapshot::Tier;
    use sdgmap::view::View;

    fn pick(from: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
        proptest::sample::subsequence(from, 0..=2)
            .prop_map(|v| v.into_iter().map(str::to_string).collect())
    }

    const COUNTRIES: &[&str] = &["THA", "ken", "Rwanda", "Tailandia", "FJI", "NPL", "fra"];
    const REGIONS: &[&str] = &["Africa", "asia", "Oceania", "Europe"];
    const SUBREGIONS: &[&str] = &[
        "Eastern Africa",
        "sub-saharan-africa",
        "Melanesia",
        "Southern Asia",
    ];
    const GROUPS: &[&str] = &["ldc", "LLDC", "sids"];
    const INDICATORS: &[&str] = &["3.8.1", "3.d.2", "9.c.1", "16.2.1", "16.10.2"];
    const CUSTODIANS: &[&str] = &["WHO", "itu", "World Bank", "UNESCO-UIS"];
    const TIERS: &[&str] = &["I", "II", "unclassified"];

    fn view_of(words: Vec<(String, Vec<String>, Vec<String>)>) -> View {
        let mut text = String::new();
        for (key, inc, exc) in words {
            let q = |v: &[String]| {
                v.iter()
                    .map(|x| format!("\"{x}\""))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            if !inc.is_empty() {
                text.push_str(&format!("{key}:{} ", q(&inc)));
            }
            if !exc.is_empty() {
                text.push_str(&format!("-{key}:{} ", q(&exc)));
            }
        }
        parse(&text).unwrap()
    }

    fn place(s: &str) -> String {
        s.to_lowercase().replace(['-', '_'], " ")
    }

    /// The country rules read straight off the module documentation.
    fn country_brute(s: &Snapshot, v: &View, a: &sdgmap::snapshot::Activity) -> bool {
        let named = |c: &sdgmap::snapshot::Country, x: &str| {
            c.all_names().any(|n| n.eq_ignore_ascii_case(x))
        };
        let region = |c: &sdgmap::snapshot::Country, x: &str| {
            c.region.as_deref().is_some_and(|r| place(r) == place(x))
        };
        let sub = |c: &sdgmap::snapshot::Country, x: &str| {
            [&c.subregion, &c.intermediate_region]
                .into_iter()
                .flatten()
                .any(|r| place(r) == place(x))
        };
        let group = |c: &sdgmap::snapshot::Country, x: &str| c.in_group(x);
        let inc = |c: &sdgmap::snapshot::Country| {
            (v.country.include.is_empty() || v.country.include.iter().any(|x| named(c, x)))
                && (v.region.include.is_empty() || v.region.include.iter().any(|x| region(c, x)))
                && (v.subregion.include.is_empty() || v.subregion.include.iter().any(|x| sub(c, x)))
                && (v.group.include.is_empty() || v.group.include.iter().any(|x| group(c, x)))
        };
        let exc = |c: &sdgmap::snapshot::Country| {
            v.country.exclude.iter().any(|x| named(c, x))
                || v.region.exclude.iter().any(|x| region(c, x))
                || v.subregion.exclude.iter().any(|x| sub(c, x))
                || v.group.exclude.iter().any(|x| group(c, x))
        };
        let any_inc = !(v.country.include.is_empty()
            && v.region.include.is_empty()
            && v.subregion.include.is_empty()
            && v.group.include.is_empty());
        let cs: Vec<&sdgmap::snapshot::Country> =
            a.countries().iter().map(|&c| s.country(c)).collect();
        (!any_inc || cs.iter().any(|c| inc(c))) && !cs.iter().any(|c| exc(c))
    }

    /// The indicator rules read straight off the module documentation.
    fn indicator_brute(s: &Snapshot, v: &View, a: &sdgmap::snapshot::Activity) -> bool {
        let tier_has = |t: &Tier, x: &sdgmap::view::TierValue| x.holds(t);
        let inc = |i: &sdgmap::snapshot::Indicator| {
            (v.indicator.include.is_empty() || v.indicator.include.contains(&i.code))
                && (v.custodian.include.is_empty()
                    || v.custodian
                        .include
                        .iter()
                        .any(|x| i.custodians.iter().any(|c| c.eq_ignore_ascii_case(x))))
                && (v.tier.include.is_empty()
                    || v.tier.include.iter().any(|x| tier_has(&i.tier, x)))
        };
        let exc = |i: &sdgmap::snapshot::Indicator| {
            v.indicator.exclude.contains(&i.code)
                || v.custodian
                    .exclude
                    .iter()
                    .any(|x| i.custodians.iter().any(|c| c.eq_ignore_ascii_case(x)))
                || v.tier.exclude.iter().any(|x| tier_has(&i.tier, x))
        };
        let any_inc = !(v.indicator.include.is_empty()
            && v.custodian.include.is_empty()
            && v.tier.include.is_empty());
        let inds: Vec<&sdgmap::snapshot::Indicator> = s
            .indicators()
            .iter()
            .filter(|i| a.targets().contains(&i.target))
            .collect();
        (!any_inc || inds.iter().any(|i| inc(i))) && !inds.iter().any(|i| exc(i))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn country_facets_select_what_the_rules_say(
            c in (pick(COUNTRIES), pick(COUNTRIES)),
            r in (pick(REGIONS), pick(REGIONS)),
            sr in (pick(SUBREGIONS), pick(SUBREGIONS)),
            g in (pick(GROUPS), pick(GROUPS)),
        ) {
            let s = fixture();
            let v = view_of(vec![
                ("country".into(), c.0, c.1),
                ("region".into(), r.0, r.1),
                ("subregion".into(), sr.0, sr.1),
                ("group".into(), g.0, g.1),
            ]);
            let x = apply(&s, &v);
            for (i, a) in s.activities().iter().enumerate() {
                prop_assert_eq!(x.activity(ActivityId(i as u32)), country_brute(&s, &v, a), "{} {}", v, a.id());
            }
            // Country facets never restrict links, goals, targets or lines.
            prop_assert_eq!(x.link_count(), s.links().len());
        }

        #[test]
        fn indicator_facets_select_what_the_rules_say(
            i in (pick(INDICATORS), pick(INDICATORS)),
            c in (pick(CUSTODIANS), pick(CUSTODIANS)),
            t in (pick(TIERS), pick(TIERS)),
        ) {
            let s = fixture();
            let v = view_of(vec![
                ("indicator".into(), i.0, i.1),
                ("custodian".into(), c.0, c.1),
                ("tier".into(), t.0, t.1),
            ]);
            let x = apply(&s, &v);
            for (k, a) in s.activities().iter().enumerate() {
                prop_assert_eq!(x.activity(ActivityId(k as u32)), indicator_brute(&s, &v, a), "{} {}", v, a.id());
            }
            // A printed view reads back the same.
            prop_assert_eq!(parse(&v.to_string()).unwrap(), v);
        }
    }
}
