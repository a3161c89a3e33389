//! Reloading a snapshot file: a broken file leaves the snapshot in use
//! untouched and usable, and reports every problem; a good file comes back
//! with what changed. This is the core of the app's `R` key.

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use std::path::Path;

use sdgmap::diff::reload;
use sdgmap::snapshot::{LoadError, load_file};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/diff")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn reload_with_a_broken_file_keeps_the_old_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("snapshot.json");
    std::fs::write(&path, fixture("old.json")).expect("write");
    let current = load_file(&path).expect("good file loads");
    let activities_before = current.activities().len();

    // A file that does not parse.
    std::fs::write(&path, "{ \"format\": \"sdgmap-snapshot\", ").expect("write");
    let err = reload(&path, &current).expect_err("broken JSON is refused");
    assert!(matches!(err, LoadError::Syntax { .. }), "{err}");
    assert_eq!(err.problems().len(), 1);

    // A file that parses but is invalid: every problem is reported.
    let broken = fixture("old.json")
        .replace("\"sdgs\": [16]", "\"sdgs\": [18]")
        .replace("\"action_lines\": [\"C2\"]", "\"action_lines\": [\"C12\"]");
    std::fs::write(&path, broken).expect("write");
    let err = reload(&path, &current).expect_err("invalid snapshot is refused");
    let problems = err.problems();
    assert!(
        problems.iter().any(|p| p.path == "activities[2].sdgs[0]"),
        "{err}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.path == "activities[1].action_lines[0]"),
        "{err}"
    );

    // The snapshot in use is untouched and still answers queries.
    assert_eq!(current.activities().len(), activities_before);
    assert!(current.index().activity("broadband-for-schools").is_some());
    let line = current.index().line("C2").expect("C2");
    assert!(!current.index().links_at(line, 9).is_empty());

    // Fixing the file and reloading brings the change, with its diff.
    std::fs::write(&path, fixture("new.json")).expect("write");
    let done = reload(&path, &current).expect("good file reloads");
    assert!(!done.diff.is_empty());
    assert_eq!(done.diff.cells().len(), 6);
    assert!(
        done.snapshot
            .index()
            .activity("broadband-for-schools")
            .is_none()
    );
    assert_eq!(done.diff.new.title, "Minimal test snapshot, revised");
}
