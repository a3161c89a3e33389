//! Suggestions stored on activities (`suggested`): loaded through every
//! path, validated (dangling ends named, evidence sanitized), exported in
//! their own columns, compared by `diff`, filtered by `suggested:` — and
//! never counted as stated links (Matrix cells, Σ, facets, indexes).

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns unwrap too

use sdgmap::matrix::{Matrix, Metric};
use sdgmap::selection::Selection;
use sdgmap::snapshot::raw::RawSnapshot;
use sdgmap::snapshot::{ActivityId, Severity, Snapshot, build, load_bytes, load_file, parse_raw};
use sdgmap::suggest::{Engine, StoredSuggestions};
use sdgmap::view::facets::{self, PANEL};
use sdgmap::view::{Key, apply, parse, parse_checked};

const FIXTURE: &str = "tests/fixtures/view/suggested.json";

fn fixture() -> Snapshot {
    load_file(std::path::Path::new(FIXTURE)).unwrap()
}

fn raw_fixture() -> RawSnapshot {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    parse_raw(FIXTURE, &text).unwrap()
}

fn acts(s: &Snapshot, view: &str) -> Vec<String> {
    let x = apply(s, &parse(view).unwrap());
    (0..s.activities().len() as u32)
        .filter(|&i| x.activity(ActivityId(i)))
        .map(|i| s.activity(ActivityId(i)).id().to_owned())
        .collect()
}

/// The bundled snapshot with the engine's suggestions stored on every activity.
fn bundled_with_suggestions() -> (Snapshot, Snapshot) {
    let plain = sdgmap::snapshot::load_bundled().unwrap();
    let engine = Engine::new(&plain).unwrap();
    let mut raw = parse_raw("bundled", sdgmap::snapshot::BUNDLED).unwrap();
    for a in &mut raw.activities {
        let s = engine.suggest(&sdgmap::import::activity_text(&a.title, &a.summary));
        a.suggested = Some(StoredSuggestions::from_suggestions(&s));
    }
    let with = build(raw).unwrap();
    (plain, with)
}

#[test]
fn the_fixture_resolves_its_suggestions() {
    let s = fixture();
    let a = s.activity(s.index().activity("b-broadband").unwrap());
    let g = a.suggested().expect("b-broadband has suggestions");
    // as stored, whatever engine this build has
    assert_eq!(g.engine, "sdgmap-suggest/2 (Aurora SDG queries v5.0)");
    assert_eq!(g.credit, sdgmap::suggest::CREDIT);
    assert_eq!(g.sdgs().iter().collect::<Vec<_>>(), [9]);
    let codes: Vec<&str> = g.targets().map(|t| s.target(t).code.as_str()).collect();
    assert_eq!(codes, ["9.c", "9.1"], "best first, as stored");
    let lines: Vec<&str> = g.lines().map(|l| s.line(l).id.as_str()).collect();
    assert_eq!(lines, ["C2"]);
    assert!(g.goals[0].evidence[0].contains("«broadband»"));
    // stated links are what the file states, nothing more
    let stated: Vec<&str> = a
        .targets()
        .iter()
        .map(|&t| s.target(t).code.as_str())
        .collect();
    assert_eq!(stated, ["9.c"]);
    let e = s.activity(s.index().activity("e-c7").unwrap());
    assert!(e.suggested().is_none());
    let f = s.activity(s.index().activity("f-telemed").unwrap());
    assert!(
        f.suggested().is_some_and(|g| g.is_empty()),
        "ran, found nothing"
    );
}

#[test]
fn every_load_path_reads_them_alike() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let streamed = load_bytes(FIXTURE, text.as_bytes()).unwrap();
    let built = build(parse_raw(FIXTURE, &text).unwrap()).unwrap();
    assert_eq!(streamed.activities(), built.activities());
    // serde round trip of the raw form keeps them exactly
    let raw = raw_fixture();
    let again: RawSnapshot = serde_json::from_str(&serde_json::to_string(&raw).unwrap()).unwrap();
    assert_eq!(again, raw);
    // the precise path (taken when serde refuses the file) reads them too:
    // one bad year elsewhere is the only problem reported
    let bad = text.replacen("\"year\": 2017", "\"year\": \"2017\"", 1);
    assert!(bad != text, "the fixture has a year 2017");
    let err = load_bytes(FIXTURE, bad.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("year"), "{err}");
    assert!(
        err.contains("(1 problem)") && !err.contains(".suggested"),
        "{err}"
    );
}

#[test]
fn old_snapshots_load_unchanged() {
    // no `suggested` key: nothing suggested, and written back without one
    let raw = parse_raw("bundled", sdgmap::snapshot::BUNDLED).unwrap();
    assert!(raw.activities.iter().all(|a| a.suggested.is_none()));
    let json = serde_json::to_string(&raw).unwrap();
    assert!(!json.contains("\"suggested\""));
    let s = sdgmap::snapshot::load_bundled().unwrap();
    assert!(s.activities().iter().all(|a| a.suggested().is_none()));
    let small = load_file(std::path::Path::new("tests/fixtures/view/small.json")).unwrap();
    assert!(small.activities().iter().all(|a| a.suggested().is_none()));
}

/// Problems of the fixture with `edit` applied to b-broadband's record.
fn problems(edit: impl FnOnce(&mut StoredSuggestions)) -> Vec<sdgmap::snapshot::Problem> {
    let mut raw = raw_fixture();
    let a = raw
        .activities
        .iter_mut()
        .find(|a| a.id == "b-broadband")
        .unwrap();
    edit(a.suggested.as_mut().unwrap());
    match build(raw) {
        Ok(s) => s.warnings().to_vec(),
        Err(p) => p,
    }
}

#[test]
fn a_dangling_suggestion_names_both_ends() {
    let p = problems(|s| s.goals[0].targets[0].code = "9.z".into());
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].severity, Severity::Error);
    assert_eq!(
        p[0].path,
        "activities[1].suggested.goals[0].targets[0].code"
    );
    assert_eq!(
        p[0].message,
        "activity b-broadband is suggested target \"9.z\", which is not in sdgs[].targets"
    );

    let p = problems(|s| s.goals[0].targets[0].code = "3.8".into());
    assert_eq!(
        p[0].message,
        "activity b-broadband is suggested target 3.8 under SDG 9, but it belongs to SDG 3"
    );

    let p = problems(|s| s.action_lines[0].id = "C12".into());
    assert_eq!(p[0].path, "activities[1].suggested.action_lines[0].id");
    assert_eq!(
        p[0].message,
        "activity b-broadband is suggested action line \"C12\", which is not in action_lines"
    );

    let p = problems(|s| s.goals[0].goal = 4);
    assert_eq!(p[0].path, "activities[1].suggested.goals[0].goal");
    assert_eq!(
        p[0].message,
        "activity b-broadband is suggested SDG 4, which is not in sdgs"
    );

    let p = problems(|s| s.engine = " ".into());
    assert_eq!(p[0].path, "activities[1].suggested.engine");
    assert_eq!(p[0].message, "must not be empty");
}

#[test]
fn bad_types_are_refused_with_their_place_and_unknown_keys_ignored() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let bad = text.replacen("\"score\": 7.4,", "\"score\": \"high\",", 1);
    assert!(bad != text);
    let err = load_bytes(FIXTURE, bad.as_bytes()).unwrap_err().to_string();
    assert!(
        err.contains("activities[1].suggested.goals[0].score"),
        "{err}"
    );
    // SCHEMA.md: unknown keys are ignored in every record (a newer writer
    // may add some); an unknown key never makes a suggestion stated
    let newer = text.replacen("\"goal\": 9,", "\"goal\": 9, \"stated\": true,", 1);
    let s = load_bytes(FIXTURE, newer.as_bytes()).unwrap();
    assert_eq!(s.activities(), fixture().activities());
}

#[test]
fn evidence_is_sanitized_for_display() {
    let mut raw = raw_fixture();
    let a = raw.activities.iter_mut().find(|a| a.id == "c-cop").unwrap();
    let g = &mut a.suggested.as_mut().unwrap().goals[0];
    g.evidence = vec!["words: \u{1b}[31m«red»\u{202e} line\nbreak".into()];
    let s = build(raw).unwrap();
    let w: Vec<_> = s
        .warnings()
        .iter()
        .filter(|p| p.path == "activities[2].suggested.goals[0].evidence[0]")
        .collect();
    assert_eq!(w.len(), 1, "{:#?}", s.warnings());
    let e = &s
        .activity(s.index().activity("c-cop").unwrap())
        .suggested()
        .unwrap()
        .goals[0]
        .evidence[0];
    assert!(
        !e.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{e:?}"
    );
    assert!(e.contains("«red»"), "{e}");
}

#[test]
fn the_suggested_facet_filters_activities_on_suggestions_only() {
    let s = fixture();
    assert_eq!(acts(&s, "suggested:3"), ["a-health", "d-ebiz"]);
    assert_eq!(acts(&s, "suggested:9"), ["a-health", "b-broadband"]);
    assert_eq!(acts(&s, "suggested:9.c"), ["b-broadband"]);
    assert_eq!(acts(&s, "suggested:3.4"), ["d-ebiz"]);
    assert_eq!(
        acts(&s, "suggested:C7"),
        ["a-health", "d-ebiz"],
        "C7 and sub-lines"
    );
    assert_eq!(acts(&s, "suggested:c7-e-health"), ["a-health", "d-ebiz"]);
    assert_eq!(acts(&s, "suggested:C2"), ["b-broadband"]);
    assert_eq!(
        acts(&s, "suggested:3,C2"),
        ["a-health", "b-broadband", "d-ebiz"]
    );
    assert_eq!(
        acts(&s, "-suggested:3"),
        ["b-broadband", "c-cop", "e-c7", "f-telemed"],
        "no suggestions at all passes every exclude"
    );
    assert_eq!(
        acts(&s, "suggested:3 sdg:9"),
        ["d-ebiz"],
        "stated 9, suggested 3"
    );
    assert!(acts(&s, "suggested:16.10").is_empty());
    // stated facets are untouched by suggestions
    assert_eq!(
        acts(&s, "sdg:3"),
        ["a-health", "b-broadband", "e-c7", "f-telemed"]
    );
    assert_eq!(acts(&s, "target:3.4"), Vec::<String>::new());
    // suggested: restricts activities only: goals, links and lines stay
    let x = apply(&s, &parse("suggested:16").unwrap());
    let all = Selection::all(&s);
    assert!((0..s.links().len() as u32).all(|i| {
        let k = sdgmap::snapshot::LinkId(i);
        x.link(k) == all.link(k)
    }));
    assert!(s.sdgs().iter().all(|g| x.sdg(g.number)));
}

#[test]
fn suggested_values_are_checked_against_the_snapshot() {
    let s = fixture();
    assert!(parse_checked("suggested:9.c,C7-e-health,16", &s).is_ok());
    let e = parse_checked("suggested:9.d", &s).unwrap_err();
    assert_eq!(e[0].message, "unknown target '9.d'");
    assert_eq!(e[0].span, 10..13);
    let e = parse_checked("suggested:C7-e-helth", &s).unwrap_err();
    assert_eq!(e[0].message, "unknown action line 'C7-e-helth'");
    assert_eq!(e[0].suggestion.as_deref(), Some("C7-e-health"));
}

#[test]
fn the_facet_panel_counts_suggestions() {
    let s = fixture();
    assert!(PANEL.contains(&Key::Suggested));
    let v = facets::values(&s, &parse("").unwrap(), Key::Suggested);
    let count = |x: &str| v.iter().find(|f| f.value == x).map(|f| f.count);
    assert_eq!(count("3"), Some(2));
    assert_eq!(count("9"), Some(2));
    assert_eq!(count("16"), Some(1));
    assert_eq!(
        count("C7"),
        Some(2),
        "a parent counts its sub-lines' activities once"
    );
    assert_eq!(count("C7-e-health"), Some(2));
    assert_eq!(count("C2"), Some(1));
    assert_eq!(count("C5"), Some(0));
    assert_eq!(
        v.iter().find(|f| f.value == "9").unwrap().label,
        s.sdg(9).unwrap().short_name
    );
    // drill-sideways: other filters apply, this one does not
    let v = facets::values(&s, &parse("sdg:9 suggested:3").unwrap(), Key::Suggested);
    let count = |x: &str| v.iter().find(|f| f.value == x).map(|f| f.count);
    assert_eq!(count("3"), Some(1));
    assert_eq!(count("9"), Some(1));
    assert!(v.iter().find(|f| f.value == "3").unwrap().selected);
    // toggling from the panel writes the facet
    let t = facets::toggle(&parse("").unwrap(), Key::Suggested, "C2");
    assert_eq!(t.to_string(), "suggested:C2");
    // stated facets count stated links only
    let sdg = facets::values(&s, &parse("").unwrap(), Key::Sdg);
    let three = sdg.iter().find(|f| f.value == "3").unwrap();
    assert_eq!(three.count, 4, "d-ebiz is suggested 3, not stated");
}

#[test]
fn stated_counts_do_not_change_with_suggestions() {
    let (plain, with) = bundled_with_suggestions();
    let stored = with
        .activities()
        .iter()
        .filter(|a| a.suggested().is_some_and(|g| !g.is_empty()))
        .count();
    assert!(
        stored > 100,
        "the engine suggests for most activities: {stored}"
    );
    // some suggestion goes beyond what is stated, or the test proves nothing
    let beyond = with
        .activities()
        .iter()
        .filter(|a| {
            a.suggested().is_some_and(|g| {
                !a.sdgs().intersects(g.sdgs()) || g.sdgs().iter().any(|n| !a.sdgs().contains(n))
            })
        })
        .count();
    assert!(beyond > 10, "{beyond}");
    assert_eq!(
        sdgmap::check::Summary::of(&plain),
        sdgmap::check::Summary::of(&with)
    );
    for view in ["", "sdg:9", "target:9.c", "al:C7", "with:cross-cutting"] {
        let v = parse(view).unwrap();
        let (a, b) = (apply(&plain, &v), apply(&with, &v));
        assert_eq!(a, b, "{view}");
        for metric in Metric::ALL {
            for zoom in [None, Some(3), Some(9)] {
                assert_eq!(
                    Matrix::compute(&plain, metric, zoom, &a),
                    Matrix::compute(&with, metric, zoom, &b),
                    "{view} {metric:?} {zoom:?}: cells and Σ totals"
                );
            }
        }
        for key in PANEL.into_iter().filter(|k| *k != Key::Suggested) {
            assert_eq!(
                facets::values(&plain, &v, key),
                facets::values(&with, &v, key),
                "{view} {key:?}"
            );
        }
    }
    for n in 1..=17 {
        assert_eq!(
            plain.index().activities_of_sdg(n),
            with.index().activities_of_sdg(n)
        );
    }
    for t in 0..plain.targets().len() as u32 {
        let t = sdgmap::snapshot::TargetId(t);
        assert_eq!(
            plain.index().activities_of_target(t),
            with.index().activities_of_target(t)
        );
    }
    for l in 0..plain.action_lines().len() as u32 {
        let l = sdgmap::snapshot::LineId(l);
        assert_eq!(
            plain.index().activities_of_line(l),
            with.index().activities_of_line(l)
        );
    }
}

fn export(s: &Snapshot, format: sdgmap::export::Format) -> String {
    let v = parse("show:activities").unwrap();
    let sel = apply(s, &v);
    let recs = sdgmap::export::records(s, &v, &sel, sdgmap::view::Show::Activities);
    let mut out = Vec::new();
    sdgmap::export::write_records(
        &mut out,
        format,
        s,
        &sel,
        "show:activities",
        sdgmap::view::Show::Activities,
        &recs,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn export_writes_suggestions_in_their_own_columns() {
    let s = fixture();
    let csv = export(&s, sdgmap::export::Format::Csv);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let h: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let row = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap();
    let a = row("a-health");
    assert_eq!(&a[col("sdgs")], "3", "stated only");
    assert_eq!(&a[col("suggested_sdgs")], "3;9");
    assert_eq!(&a[col("suggested_targets")], "3.8");
    assert_eq!(&a[col("suggested_action_lines")], "C7-e-health");
    assert_eq!(&row("e-c7")[col("suggested_sdgs")], "");
    // JSON: arrays, byte for byte what serde writes for the rows
    let json = export(&s, sdgmap::export::Format::Json);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let b = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "b-broadband")
        .unwrap();
    assert_eq!(b["suggested_sdgs"], serde_json::json!([9]));
    assert_eq!(b["suggested_targets"], serde_json::json!(["9.c", "9.1"]));
    assert_eq!(b["suggested_action_lines"], serde_json::json!(["C2"]));
    assert_eq!(b["sdgs"], serde_json::json!([3, 9]));
    let v = parse("show:activities").unwrap();
    let sel = apply(&s, &v);
    let recs = sdgmap::export::records(&s, &v, &sel, sdgmap::view::Show::Activities);
    let rows: Vec<_> = recs
        .iter()
        .map(|&e| sdgmap::export::row(&s, &sel, e))
        .collect();
    let mut via_serde = Vec::new();
    sdgmap::export::write(
        &mut via_serde,
        sdgmap::export::Format::Json,
        &s,
        "show:activities",
        sdgmap::view::Show::Activities,
        &rows,
    )
    .unwrap();
    assert_eq!(json, String::from_utf8(via_serde).unwrap());
}

#[test]
fn diff_reports_changed_suggestions() {
    let old = fixture();
    let mut raw = raw_fixture();
    let a = raw.activities.iter_mut().find(|a| a.id == "c-cop").unwrap();
    a.suggested = None;
    let b = raw
        .activities
        .iter_mut()
        .find(|a| a.id == "d-ebiz")
        .unwrap();
    b.suggested.as_mut().unwrap().goals[0].score = 9.9; // a score alone is no change
    let new = build(raw).unwrap();
    let d = sdgmap::diff::Diff::between(&old, &new);
    assert_eq!(d.activities.len(), 1, "{:#?}", d.activities);
    let c = &d.activities[0];
    assert_eq!(c.key, "c-cop");
    let fields: Vec<&str> = c.fields.iter().map(|f| f.field).collect();
    assert_eq!(
        fields,
        ["suggested_sdgs", "suggested_targets", "suggested_engine"]
    );
    assert_eq!(c.fields[0].removed_items(), ["16"]);
    assert!(d.cells().is_empty(), "suggestions touch no Matrix cell");
}

/// The bundled snapshot with the engine's suggestions, built once.
fn suggested_bundled() -> &'static Snapshot {
    static S: std::sync::OnceLock<Snapshot> = std::sync::OnceLock::new();
    S.get_or_init(|| bundled_with_suggestions().1)
}

/// Whether `a`'s stored suggestions name `value` (a goal, target or line;
/// a parent line stands for its sub-lines), computed from the records.
fn names(s: &Snapshot, a: &sdgmap::snapshot::Activity, value: &str) -> bool {
    let Some(g) = a.suggested() else { return false };
    if let Ok(n) = value.parse::<u8>() {
        return g.goals.iter().any(|x| x.goal == n);
    }
    if value.contains('.') {
        return g.targets().any(|t| s.target(t).code == value);
    }
    g.lines().any(|l| {
        let line = s.line(l);
        line.id.eq_ignore_ascii_case(value)
            || line
                .parent
                .is_some_and(|p| s.line(p).id.eq_ignore_ascii_case(value))
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// `suggested:` with any values, included or excluded, keeps exactly the
    /// activities the records say, beside any stated facet.
    #[test]
    fn the_facet_keeps_what_the_records_name(
        inc in proptest::collection::vec(value(), 0..3),
        exc in proptest::collection::vec(value(), 0..2),
        stated in proptest::option::of(1u8..=17),
    ) {
        let s = suggested_bundled();
        let mut view = String::new();
        if !inc.is_empty() {
            view.push_str(&format!("suggested:{} ", inc.join(",")));
        }
        if !exc.is_empty() {
            view.push_str(&format!("-suggested:{} ", exc.join(",")));
        }
        if let Some(n) = stated {
            view.push_str(&format!("sdg:{n}"));
        }
        let got = apply(s, &parse(&view).unwrap());
        for (i, a) in s.activities().iter().enumerate() {
            let want = (inc.is_empty() || inc.iter().any(|v| names(s, a, v)))
                && !exc.iter().any(|v| names(s, a, v))
                && stated.is_none_or(|n| a.sdgs().contains(n));
            proptest::prop_assert_eq!(got.activity(ActivityId(i as u32)), want, "{} under {:?}", a.id(), view);
        }
    }
}

fn value() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        (1u8..=17).prop_map(|n| n.to_string()),
        proptest::sample::select(vec!["9.c", "3.8", "4.1", "7.1", "6.1", "17.8", "16.10"])
            .prop_map(str::to_string),
        proptest::sample::select(vec![
            "C7",
            "C2",
            "C3",
            "C7-e-health",
            "c7-e-agriculture",
            "C5"
        ])
        .prop_map(str::to_string),
    ]
}
