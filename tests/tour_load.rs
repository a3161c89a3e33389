//! Tour parsing and validation against the bundled snapshot, fixture by
//! fixture: each invalid fixture has exactly one defect and the test asserts
//! the exact message a presenter sees, with its path and step number.

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use sdgmap::entity::EntityRef;
use sdgmap::snapshot::{Severity, Snapshot, load_bundled};
use sdgmap::tour::{self, Screen, TourError};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tours")
        .join(rel)
}

fn snapshot() -> Snapshot {
    load_bundled().expect("bundled snapshot loads")
}

/// The one problem an invalid fixture reports, as displayed.
fn only_problem(name: &str) -> String {
    let err =
        tour::load_file(&fixture(&format!("invalid/{name}.json")), &snapshot()).expect_err(name);
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{name}: {err}");
    let p = &problems[0];
    assert_eq!(p.severity, Severity::Error, "{name}");
    // The excerpt is shown on its own lines; compare the first line only.
    p.to_string().lines().next().unwrap().to_string()
}

#[test]
fn each_defect_is_named_with_its_path_and_step() {
    let cases = [
        (
            "not-an-object",
            "error: (document): expected an object with the tour keys, found an array",
        ),
        (
            "wrong-format",
            "error: format: this is not an sdgmap tour (format \"sdgmap-snapshot\"; expected \"sdgmap-tour\")",
        ),
        (
            "version-2",
            "error: version: this file is tour version 2; this sdgmap reads version 1",
        ),
        ("missing-title", "error: title: missing required key"),
        ("empty-title", "error: title: the title must not be empty"),
        ("no-steps", "error: steps: a tour needs at least one step"),
        (
            "steps-not-array",
            "error: steps: expected an array, found an object",
        ),
        (
            "step-not-object",
            "error: step 1 (steps[0]): expected an object, found \"sdg:9\"",
        ),
        (
            "bad-facet",
            "error: step 2 (steps[1].view): unknown facet 'sgd' — did you mean 'sdg'?",
        ),
        (
            "unknown-value",
            "error: step 1 (steps[0].view): unknown action line 'C12' — did you mean 'C1'?",
        ),
        (
            "unknown-focus",
            "error: step 4 (steps[3].focus): unknown id \"9.z\": no goal, target, Action Line, link, cell or activity has this key — did you mean '9.1'?",
        ),
        (
            "focus-conflict",
            "error: step 1 (steps[0].focus): the step focuses \"9.a\" but its view says focus:9.c; keep one",
        ),
        (
            "bad-screen",
            "error: step 1 (steps[0].screen): unknown screen 'matirx'; expected matrix, sdgs, lines or activities — did you mean 'matrix'?",
        ),
        (
            "missing-view",
            "error: step 1 (steps[0].view): missing required key",
        ),
        (
            "missing-caption",
            "error: step 1 (steps[0].caption): missing required key",
        ),
        (
            "empty-caption",
            "error: step 1 (steps[0].caption): the caption must not be empty",
        ),
        (
            "wrong-type",
            "error: step 1 (steps[0].notes): expected string, found 3",
        ),
    ];
    for (name, want) in cases {
        assert_eq!(only_problem(name), want, "fixture {name}");
    }
}

#[test]
fn a_bad_view_carries_a_caret_excerpt() {
    let err = tour::load_file(&fixture("invalid/bad-facet.json"), &snapshot()).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.path, "steps[1].view");
    assert_eq!(p.step, Some(2));
    assert_eq!(p.excerpt.as_deref(), Some("sdg:4 sgd:9\n      ^^^"));
}

#[test]
fn every_problem_is_collected_in_one_pass() {
    let err = tour::load_file(&fixture("invalid/several.json"), &snapshot()).unwrap_err();
    let paths: Vec<String> = err.problems().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "steps[0].view",
            "steps[0].caption",
            "steps[1].focus",
            "steps[1].screen",
            "steps[1].caption"
        ]
    );
    assert!(
        err.to_string().contains("invalid tour (5 problems)"),
        "{err}"
    );
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let err = tour::load_file(&fixture("invalid/syntax.json"), &snapshot()).unwrap_err();
    let TourError::Syntax { line, column, .. } = &err else {
        panic!("expected a syntax error, got {err}");
    };
    assert_eq!((*line, *column), (4, 16));
    let text = err.to_string();
    assert!(
        text.ends_with("syntax.json:4:16: invalid JSON: key must be a string\n4 |   \"title\": \"T\",,\n                   ^"),
        "{text}"
    );
}

#[test]
fn unreadable_empty_and_non_utf8_files_are_reported() {
    let s = snapshot();
    let err = tour::load_file(&fixture("invalid/empty.json"), &s).unwrap_err();
    assert!(matches!(err, TourError::Empty { .. }), "{err}");
    assert!(
        err.to_string()
            .ends_with("empty.json: the file is empty; expected a JSON sdgmap tour")
    );
    let err = tour::load_file(&fixture("invalid/not-utf8.json"), &s).unwrap_err();
    assert!(
        err.to_string().ends_with(
            "not-utf8.json:1:16: the file is not valid UTF-8; a tour must be UTF-8 JSON"
        ),
        "{err}"
    );
    let err = tour::load_file(&fixture("missing.json"), &s).unwrap_err();
    assert!(err.is_unreadable(), "{err}");
}

#[test]
fn a_valid_tour_holds_parsed_views_and_resolved_foci() {
    let s = snapshot();
    let t = tour::load_file(&fixture("valid/three-steps.json"), &s).unwrap();
    assert_eq!(t.title, "Three steps");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.steps.len(), 3);
    let [a, b, c] = &t.steps[..] else {
        unreachable!()
    };
    assert_eq!(a.view, sdgmap::view::parse("sdg:9 show:targets").unwrap());
    assert_eq!(a.focus, EntityRef::resolve(&s, "9.c"));
    assert_eq!(a.screen, Some(Screen::Sdgs));
    assert_eq!(a.notes, "First point.\nSecond point.");
    assert_eq!(b.focus.map(|e| e.key(&s)).as_deref(), Some("C2/9"));
    assert_eq!(b.screen, Some(Screen::Matrix));
    assert_eq!(b.notes, "");
    // Without a step focus, the view's focus: is the step's focus.
    assert_eq!(c.focus, EntityRef::resolve(&s, "digital-health-for-africa"));
    assert_eq!(c.screen, None);
}

#[test]
fn warnings_do_not_stop_a_tour_and_text_is_sanitized() {
    let t = tour::load_file(&fixture("valid/warnings.json"), &snapshot()).unwrap();
    let shown: Vec<String> = t.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "warning: snapshot: the tour was written for the snapshot \"Some older snapshot\"; checking it against \"WSIS-SDG Matrix and ITU activities for the 2030 Agenda\"",
            "warning: step 1 (steps[0].note): unknown key, ignored — did you mean 'notes'?",
            "warning: step 1 (steps[0].caption): contains control, bidi or zero-width characters; they are shown as visible placeholders",
        ]
    );
    assert_eq!(t.steps[0].caption, "Goal␛[31m 4");
}

#[test]
fn the_bundled_tour_validates_with_zero_problems() {
    let s = snapshot();
    let text = tour::bundled("itu-2030-agenda").expect("bundled tour");
    let t = tour::load_bytes("itu-2030-agenda", text.as_bytes(), &s).unwrap();
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert!((9..=12).contains(&t.steps.len()), "{}", t.steps.len());
    // Every step focuses a record, and the activities are all visited.
    let keys: Vec<String> = t
        .steps
        .iter()
        .filter_map(|st| st.focus.map(|e| e.key(&s)))
        .collect();
    for id in [
        "9.c",
        "C2/9",
        "sdg-custodian-indicators",
        "digital-health-for-africa",
        "be-healthy-be-mobile",
        "digital-skills-for-decent-jobs",
        "equals",
        "u4ssc",
        "e-waste-coalition",
        "earth-observation-spectrum",
        "public-private-partnerships",
    ] {
        assert!(keys.iter().any(|k| k == id), "no step focuses {id}");
    }
    for st in &t.steps {
        assert!(!st.caption.trim().is_empty());
        assert!(
            !st.notes.trim().is_empty(),
            "step without notes: {}",
            st.caption
        );
        // Each step's view checks clean against the snapshot.
        assert!(st.view.check(&s).is_empty());
    }
    assert_eq!(tour::bundled("nope"), None);
}
