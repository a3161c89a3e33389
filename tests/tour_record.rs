//! Recording: `append_step` creates a tour file, appends to it atomically,
//! keeps keys it does not know, and what it writes loads back as a valid
//! tour with the same views, foci and captions.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use sdgmap::snapshot::load_bundled;
use sdgmap::tour::{self, RawStep, Screen, TourError};
use sdgmap::view::parse;

#[test]
fn recorded_steps_round_trip_through_a_new_file() {
    let s = load_bundled().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");

    // The app records the current view; its focus: moves to the step's focus.
    let v1 = parse("show:targets sdg:9 focus:9.c").unwrap();
    let n = tour::append_step(
        &path,
        "My tour",
        Some(&s.meta().title),
        RawStep::record(&v1, None, Some(Screen::Sdgs), "Target 9.c"),
    )
    .unwrap();
    assert_eq!(n, 1);
    let v2 = parse("sdg:5 show:activities").unwrap();
    let n = tour::append_step(
        &path,
        "ignored for an existing file",
        None,
        RawStep::record(&v2, Some("equals".into()), None, "EQUALS"),
    )
    .unwrap();
    assert_eq!(n, 2);

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(
            "{\n  \"format\": \"sdgmap-tour\",\n  \"version\": 1,\n  \"title\": \"My tour\",\n"
        ),
        "{text}"
    );
    assert!(text.contains("\"view\": \"sdg:9 show:targets\""), "{text}");
    assert!(
        !text.contains("notes"),
        "empty notes are not written:\n{text}"
    );

    let t = tour::load_file(&path, &s).unwrap();
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    assert_eq!(t.title, "My tour");
    assert_eq!(t.steps.len(), 2);
    let mut v1_plain = v1.clone();
    v1_plain.focus = None;
    assert_eq!(t.steps[0].view, v1_plain);
    assert_eq!(t.steps[0].focus.map(|e| e.key(&s)).as_deref(), Some("9.c"));
    assert_eq!(t.steps[0].screen, Some(Screen::Sdgs));
    assert_eq!(t.steps[1].caption, "EQUALS");
    assert_eq!(
        t.steps[1].focus.map(|e| e.key(&s)).as_deref(),
        Some("equals")
    );
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn appending_keeps_unknown_keys_and_refuses_non_tours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(
        &path,
        r#"{"format":"sdgmap-tour","version":1,"title":"T","x-custom":[1],
            "steps":[{"view":"sdg:9","caption":"a","x-step":true}]}"#,
    )
    .unwrap();
    let step = RawStep::record(&parse("sdg:4").unwrap(), None, None, "b");
    assert_eq!(tour::append_step(&path, "", None, step.clone()).unwrap(), 2);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"x-custom\"") && text.contains("\"x-step\": true"),
        "{text}"
    );

    let empty = RawStep::record(&parse("sdg:4").unwrap(), None, None, "  ");
    let err = tour::append_step(&path, "", None, empty).unwrap_err();
    assert!(
        err.to_string()
            .contains("step 3 (steps[2].caption): the caption must not be empty"),
        "{err}"
    );

    let snap = dir.path().join("snapshot.json");
    std::fs::write(&snap, r#"{"format":"sdgmap-snapshot","version":1}"#).unwrap();
    let err = tour::append_step(&snap, "T", None, step.clone()).unwrap_err();
    assert!(matches!(err, TourError::Invalid { .. }), "{err}");
    assert!(
        err.to_string().contains("this is not an sdgmap tour"),
        "{err}"
    );
    // The refused file is untouched.
    assert_eq!(
        std::fs::read_to_string(&snap).unwrap(),
        r#"{"format":"sdgmap-snapshot","version":1}"#
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let err = tour::append_step(&bad, "T", None, step).unwrap_err();
    assert!(matches!(err, TourError::Syntax { .. }), "{err}");
}
