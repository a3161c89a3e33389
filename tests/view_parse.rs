//! The view language's text form: parsing, canonical printing, round trips
//! and every error message with its position and suggestion.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use proptest::prelude::*;
use sdgmap::snapshot::LinkStatus;
use sdgmap::view::{Show, View, YearRange, parse};

fn err(s: &str) -> (std::ops::Range<usize>, String) {
    let e = parse(s).unwrap_err();
    (e.span.clone(), e.to_string())
}

#[test]
fn facets_text_show_and_focus_parse() {
    let v = parse(r#"sdg:9,4 -sdg:3 target:9.C al:C7 lead:"World Bank" year:2015..2020,..2010 status:disputed digital 'exact ^pre suf$ !not a | b show:links focus:9.c"#).unwrap();
    assert_eq!(v.sdg.include, [4, 9]);
    assert_eq!(v.sdg.exclude, [3]);
    assert_eq!(v.target.include, ["9.c"]);
    assert_eq!(v.al.include, ["C7"]);
    assert_eq!(v.lead.include, ["World Bank"]);
    assert_eq!(
        v.year.include,
        [
            YearRange {
                from: None,
                to: Some(2010)
            },
            YearRange {
                from: Some(2015),
                to: Some(2020)
            }
        ]
    );
    assert_eq!(v.status.include, [LinkStatus::Disputed]);
    assert_eq!(
        v.text,
        ["digital", "'exact", "^pre", "suf$", "!not", "a", "|", "b"]
    );
    assert_eq!(v.show, Some(Show::Links));
    assert_eq!(v.focus.as_deref(), Some("9.c"));
}

#[test]
fn indicator_and_country_facets_parse() {
    use sdgmap::snapshot::TierClass;
    use sdgmap::view::TierValue;
    let v = parse(r#"group:sids indicator:9.C.1,17.6.1 custodian:ITU tier:ii,"Tier III" -tier:unclassified country:THA,"Viet Nam" -country:FRA region:Africa subregion:"Eastern Africa" group:ldc"#).unwrap();
    assert_eq!(v.indicator.include, ["9.c.1", "17.6.1"]);
    assert_eq!(v.custodian.include, ["ITU"]);
    assert_eq!(
        v.tier.include,
        [
            TierValue::Class(TierClass::II),
            TierValue::Class(TierClass::III)
        ]
    );
    assert_eq!(v.tier.exclude, [TierValue::Unclassified]);
    assert_eq!(v.country.include, ["THA", "Viet Nam"]);
    assert_eq!(v.country.exclude, ["FRA"]);
    assert_eq!(v.region.include, ["Africa"]);
    assert_eq!(v.subregion.include, ["Eastern Africa"]);
    assert_eq!(v.group.include, ["ldc", "sids"]);
    assert_eq!(
        v.to_string(),
        r#"indicator:9.c.1,17.6.1 custodian:ITU tier:II,III -tier:unclassified country:THA,"Viet Nam" -country:FRA region:Africa subregion:"Eastern Africa" group:ldc,sids"#
    );
    assert_eq!(parse(&v.to_string()).unwrap(), v);
    assert_eq!(
        parse("tier:1").unwrap().tier.include,
        [TierValue::Class(TierClass::I)]
    );
    assert_eq!(
        parse("show:indicators").unwrap().show,
        Some(Show::Indicators)
    );
    assert_eq!(parse("show:countries").unwrap().show, Some(Show::Countries));
    assert!(!parse("country:THA").unwrap().is_unfiltered());
}

#[test]
fn printing_is_canonical() {
    let v = parse(r#"  health  SDG:9,4,4 -sdg:3 partner:who lead:"World Bank" year:2017 year:2018.. show:rows "a:b" focus:C2 "#).unwrap();
    assert_eq!(
        v.to_string(),
        r#"sdg:4,9 -sdg:3 lead:"World Bank" partner:who year:2017,2018.. health "a:b" show:rows focus:C2"#
    );
    assert_eq!(parse(&v.to_string()).unwrap(), v);
    assert_eq!(parse("").unwrap(), View::default());
    assert_eq!(View::default().to_string(), "");
}

#[test]
fn quoted_words_are_text_and_repeated_facets_merge() {
    let v = parse(r#""sdg:4" sdg:4 sdg:9"#).unwrap();
    assert_eq!(v.text, ["sdg:4"]);
    assert_eq!(v.sdg.include, [4, 9]);
    let v = parse(r#"lead:"a,b",c"#).unwrap();
    assert_eq!(v.lead.include, ["a,b", "c"]);
    assert_eq!(v.to_string(), r#"lead:"a,b",c"#);
}

#[test]
fn every_error_message_points_at_its_position() {
    let cases: &[(&str, std::ops::Range<usize>, &str)] = &[
        (
            "sdg:4 sgd:9",
            6..9,
            "unknown facet 'sgd' — did you mean 'sdg'?",
        ),
        (
            "-statsu:partial",
            1..7,
            "unknown facet 'statsu' — did you mean 'status'?",
        ),
        ("http://x", 0..4, "unknown facet 'http'"),
        ("sdg:", 0..4, "facet 'sdg' needs a value, e.g. sdg:4,9"),
        ("sdg:4,,9", 6..6, "empty value in facet 'sdg'"),
        (
            "sdg:18",
            4..6,
            "SDG must be a number from 1 to 17, not '18'",
        ),
        (
            "sdg:four",
            4..8,
            "SDG must be a number from 1 to 17, not 'four'",
        ),
        (
            "target:9-c",
            7..10,
            "'9-c' is not a target code like 9.c or 4.1",
        ),
        (
            "al:C7/x",
            3..7,
            "'C7/x' is not an Action Line id like C7-e-health",
        ),
        (
            "year:20x",
            5..8,
            "'20x' is not a year or range like 2017, 2015..2020 or ..2016",
        ),
        (
            "year:..",
            5..7,
            "'..' is not a year or range like 2017, 2015..2020 or ..2016",
        ),
        (
            "year:2020..2015",
            5..15,
            "year range '2020..2015' ends before it starts",
        ),
        (
            "status:disputd",
            7..14,
            "unknown link status 'disputd' — did you mean 'disputed'?",
        ),
        (
            "show:activity",
            5..13,
            "unknown show 'activity' (activities, sdgs, targets, rows, links, indicators or countries) — did you mean 'activities'?",
        ),
        ("show:rows show:links", 15..20, "'show' takes one value"),
        (
            "indicator:9.c",
            10..13,
            "'9.c' is not an indicator code like 9.c.1 or 17.6.1",
        ),
        (
            "indicator:9.c.x",
            10..15,
            "'9.c.x' is not an indicator code like 9.c.1 or 17.6.1",
        ),
        (
            "tier:IV",
            5..7,
            "unknown tier 'IV' (I, II, III or unclassified) — did you mean 'I'?",
        ),
        (
            "tier:unclasified",
            5..16,
            "unknown tier 'unclasified' (I, II, III or unclassified) — did you mean 'unclassified'?",
        ),
        (
            r#"group:"least developed""#,
            7..23,
            "'least developed' is not a country group like ldc, lldc or sids",
        ),
        (
            "country:",
            0..8,
            "facet 'country' needs a value, e.g. country:THA",
        ),
        (
            "cuntry:THA",
            0..6,
            "unknown facet 'cuntry' — did you mean 'country'?",
        ),
        ("focus:9 focus:C2", 14..16, "'focus' takes one value"),
        ("-show:rows", 6..10, "'show' cannot be excluded"),
        (r#"x "abc"#, 2..6, "unterminated quote: a '\"' is missing"),
        (
            r#""a\nb""#,
            2..4,
            "unknown escape '\\n' (only \\\" and \\\\ are escapes)",
        ),
    ];
    for (input, span, msg) in cases {
        assert_eq!(err(input), (span.clone(), msg.to_string()), "{input}");
    }
}

#[test]
fn rendering_puts_a_caret_under_the_error() {
    let e = parse("sdg:4 sgd:9").unwrap_err();
    assert_eq!(
        e.render("sdg:4 sgd:9"),
        "sdg:4 sgd:9\n      ^^^\nunknown facet 'sgd' — did you mean 'sdg'?"
    );
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{1,8}",
        "[a-z ,:\"\\\\'^$!|-]{1,10}",
        Just("World Bank".to_string()),
    ]
}

fn a_view() -> impl Strategy<Value = View> {
    let strs = || {
        (
            proptest::collection::vec(word(), 0..3),
            proptest::collection::vec(word(), 0..2),
        )
    };
    let ids = || proptest::collection::vec("C[0-9]{1,2}(-e-[a-z]{1,6})?", 0..3);
    (
        (
            proptest::collection::vec(1u8..=17, 0..4),
            proptest::collection::vec(1u8..=17, 0..2),
        ),
        (
            proptest::collection::vec((1u8..=17, "[0-9]{1,2}|[a-z]"), 0..3),
            ids(),
        ),
        (strs(), strs(), strs(), strs()),
        proptest::collection::vec(
            (
                proptest::option::of(1990i32..2000),
                proptest::option::of(2000i32..2030),
            ),
            0..3,
        ),
        proptest::collection::vec(word(), 0..5),
        (
            proptest::option::of(0usize..7),
            proptest::option::of("[a-zA-Z0-9.@/-]{1,8}"),
        ),
        (
            proptest::collection::vec((1u8..=17, "[0-9]{1,2}|[a-z]", 1u8..=99), 0..3),
            strs(),
            proptest::collection::vec(0usize..4, 0..3),
            (strs(), strs(), strs()),
            proptest::collection::vec("[a-z]{2,5}", 0..3),
        ),
    )
        .prop_map(
            |(
                sdg,
                (targets, al),
                (sector, lead, partner, source),
                years,
                text,
                (show, focus),
                (indicators, custodian, tiers, (country, region, subregion), groups),
            )| {
                let mut v = View::default();
                (v.sdg.include, v.sdg.exclude) = sdg;
                v.target.include = targets
                    .into_iter()
                    .map(|(g, t)| format!("{g}.{t}"))
                    .collect();
                v.al.exclude = al;
                (v.sector.include, v.sector.exclude) = sector;
                (v.lead.include, v.lead.exclude) = lead;
                (v.partner.include, v.partner.exclude) = partner;
                (v.source.include, v.source.exclude) = source;
                v.year.include = years
                    .into_iter()
                    .filter(|(a, b)| a.is_some() || b.is_some())
                    .map(|(from, to)| YearRange { from, to })
                    .collect();
                v.status.exclude = vec![LinkStatus::Partial];
                v.text = text;
                v.show = show.map(|i| Show::ALL[i]);
                v.focus = focus;
                v.indicator.include = indicators
                    .into_iter()
                    .map(|(g, t, n)| format!("{g}.{t}.{n}"))
                    .collect();
                (v.custodian.include, v.custodian.exclude) = custodian;
                v.tier.exclude = tiers
                    .into_iter()
                    .map(|i| sdgmap::view::TierValue::ALL[i])
                    .collect();
                (v.country.include, v.country.exclude) = country;
                (v.region.include, v.region.exclude) = region;
                (v.subregion.include, v.subregion.exclude) = subregion;
                v.group.include = groups;
                v.normalize();
                v
            },
        )
}

proptest! {
    #[test]
    fn parse_of_print_is_identity(v in a_view()) {
        let printed = v.to_string();
        prop_assert_eq!(parse(&printed).unwrap(), v, "{}", printed);
    }

    #[test]
    fn print_of_parse_is_stable(s in "[a-z0-9 :,.\"'^$!|-]{0,30}") {
        if let Ok(v) = parse(&s) {
            let once = v.to_string();
            let again = parse(&once).unwrap();
            prop_assert_eq!(again.to_string(), once);
            prop_assert_eq!(again, v);
        }
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,40}") {
        let _ = parse(&s);
    }
}

#[test]
fn suggested_takes_goals_targets_and_lines() {
    let v = parse("suggested:09,9.C,C7-e-health,4 -suggested:C2").unwrap();
    assert_eq!(v.suggested.include, ["4", "9", "9.c", "C7-e-health"]);
    assert_eq!(v.suggested.exclude, ["C2"]);
    assert_eq!(v.to_string(), "suggested:4,9,9.c,C7-e-health -suggested:C2");
    assert!(v.sdg.is_empty() && v.target.is_empty() && v.al.is_empty());
    assert!(!v.is_unfiltered());
    use sdgmap::view::{SuggestedKind, suggested_kind};
    assert_eq!(suggested_kind("9"), SuggestedKind::Goal(9));
    assert_eq!(suggested_kind("9.c"), SuggestedKind::Target);
    assert_eq!(suggested_kind("C7"), SuggestedKind::Line);
    for (bad, msg) in [
        (
            "suggested:18",
            "'18' is not a goal, target or Action Line like 9, 9.c or C7-e-health",
        ),
        (
            "suggested:9-c",
            "'9-c' is not a goal, target or Action Line like 9, 9.c or C7-e-health",
        ),
        (
            "suggested:9.cc",
            "'9.cc' is not a goal, target or Action Line like 9, 9.c or C7-e-health",
        ),
    ] {
        let e = parse(bad).unwrap_err();
        assert_eq!(e.span, 10..bad.len(), "{bad}");
        assert_eq!(e.message, msg, "{bad}");
    }
    let e = parse("sugested:9").unwrap_err();
    assert_eq!(e.message, "unknown facet 'sugested'");
    assert_eq!(e.suggestion.as_deref(), Some("suggested"));
    assert_eq!(
        sdgmap::view::example(sdgmap::view::Key::Suggested),
        "suggested:9"
    );
}

fn suggested_value() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..=17).prop_map(|n| n.to_string()),
        (1u8..=17, "[0-9]{1,2}|[a-z]").prop_map(|(g, t)| format!("{g}.{t}")),
        "C[0-9]{1,2}(-e-[a-z]{1,6})?",
    ]
}

proptest! {
    #[test]
    fn suggested_parse_of_print_is_identity(
        v in a_view(),
        inc in proptest::collection::vec(suggested_value(), 0..4),
        exc in proptest::collection::vec(suggested_value(), 0..3),
    ) {
        let mut v = v;
        v.suggested.include = inc;
        v.suggested.exclude = exc;
        v.normalize();
        let printed = v.to_string();
        prop_assert_eq!(parse(&printed).unwrap(), v, "{}", printed);
    }

    #[test]
    fn suggested_values_parse_to_their_canonical_form(x in suggested_value()) {
        let v = parse(&format!("suggested:{x}")).unwrap();
        prop_assert_eq!(v.suggested.include.len(), 1);
        prop_assert_eq!(sdgmap::view::suggested_value(&v.suggested.include[0]), Some(v.suggested.include[0].clone()));
    }
}
