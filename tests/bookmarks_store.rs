//! The bookmark store through the library API, as the app uses it: round
//! trips through the file, overwrite checks, two stores on one file,
//! corrupt and unreadable files, a read-only directory, staleness on a
//! second snapshot, and import conflicts.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use std::path::{Path, PathBuf};

use sdgmap::bookmarks::{
    self, BookmarkError, OnConflict, Overwrite, SnapshotRef, Store, StoreWarning,
};
use sdgmap::paths::Paths;
use sdgmap::snapshot::{self, BUNDLED, Snapshot};
use sdgmap::view;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bookmarks")
        .join(name)
}

fn bundled() -> (Snapshot, SnapshotRef) {
    let s = snapshot::load_bundled().unwrap();
    let f = bookmarks::snapshot_fingerprint(&s, BUNDLED.as_bytes());
    (s, f)
}

fn store(dir: &Path) -> Store {
    Store::open(&Paths::at(dir)).unwrap()
}

fn names(s: &Store) -> Vec<&str> {
    s.list().iter().map(|b| b.name.as_str()).collect()
}

#[test]
fn save_reopen_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("data");
    let (s, cur) = bundled();
    let mut st = store(&home);
    assert!(st.list().is_empty());
    assert!(!home.exists(), "opening must not create the directory");
    let v = bookmarks::check_view("daily", "al:C7  sdg:4 focus:9.c", &s).unwrap();
    let saved = st.save("  daily ", &v, &cur, Overwrite::No).unwrap();
    assert_eq!(saved.name, "daily");
    assert_eq!(saved.view, "sdg:4 al:C7 focus:9.c");
    assert_eq!(saved.snapshot, cur);

    let again = store(&home);
    assert_eq!(again.list(), st.list());
    let opened = again.open_view("daily", &s, &cur).unwrap();
    assert_eq!(opened.view, v);
    assert!(opened.warnings.is_empty());
    let text = std::fs::read_to_string(home.join("bookmarks.json")).unwrap();
    assert!(text.contains("\"version\": 1"), "{text}");
}

#[test]
fn saving_over_a_name_needs_consent_and_keeps_created() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cur) = bundled();
    let mut st = store(dir.path());
    let first = st
        .save("a", &view::parse("sdg:1").unwrap(), &cur, Overwrite::No)
        .unwrap();
    let e = st
        .save("a", &view::parse("sdg:2").unwrap(), &cur, Overwrite::No)
        .unwrap_err();
    assert!(
        matches!(&e, BookmarkError::Exists { name } if name == "a"),
        "{e}"
    );
    assert_eq!(st.get("a").unwrap().view, "sdg:1");
    let b = st
        .save("a", &view::parse("sdg:2").unwrap(), &cur, Overwrite::Yes)
        .unwrap();
    assert_eq!(b.view, "sdg:2");
    assert_eq!(b.created, first.created);
}

#[test]
fn rename_edit_delete_and_their_errors_name_the_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cur) = bundled();
    let mut st = store(dir.path());
    for n in ["a", "b"] {
        st.save(n, &view::parse("sdg:1").unwrap(), &cur, Overwrite::No)
            .unwrap();
    }
    let e = st.rename("a", "b").unwrap_err().to_string();
    assert_eq!(e, "a bookmark named 'b' already exists");
    let e = st.rename("zz", "c").unwrap_err().to_string();
    assert_eq!(e, "no bookmark named 'zz'");
    st.rename("a", "c").unwrap();
    assert_eq!(names(&st), ["b", "c"]);
    st.edit("c", &view::parse("sdg:9 show:links").unwrap(), &cur)
        .unwrap();
    assert_eq!(store(dir.path()).get("c").unwrap().view, "sdg:9 show:links");
    assert_eq!(st.remove("b").unwrap().name, "b");
    assert!(matches!(
        st.remove("b"),
        Err(BookmarkError::NotFound { .. })
    ));
    let e = st.rename("c", "").unwrap_err().to_string();
    assert!(e.contains("is not allowed: it is empty"), "{e}");
    assert_eq!(names(&store(dir.path())), ["c"]);
}

#[test]
fn invalid_views_are_refused_with_a_caret() {
    let (s, _) = bundled();
    let e = bookmarks::check_view("x", "sdg:4 target:9.z", &s)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("bookmark 'x' has an invalid view:\nsdg:4 target:9.z\n"),
        "{e}"
    );
    assert!(e.contains("      ^^^\nunknown target '9.z'"), "{e}");
}

#[test]
fn two_stores_on_one_file_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cur) = bundled();
    let mut a = store(dir.path());
    let mut b = store(dir.path());
    let v = view::parse("sdg:4").unwrap();
    a.save("from-a", &v, &cur, Overwrite::No).unwrap();
    // b has not seen a's bookmark, and saves anyway: both survive.
    b.save("from-b", &v, &cur, Overwrite::No).unwrap();
    assert_eq!(names(&b), ["from-a", "from-b"]);
    // a renames onto the name b took: refused against the file, not a's copy.
    assert!(matches!(
        a.rename("from-a", "from-b"),
        Err(BookmarkError::Exists { .. })
    ));
    assert_eq!(names(&a), ["from-a", "from-b"]);

    let threads: Vec<_> = (0..4)
        .map(|t| {
            let home = dir.path().to_path_buf();
            let cur = cur.clone();
            std::thread::spawn(move || {
                let mut st = Store::open(&Paths::at(&home)).unwrap();
                for i in 0..25 {
                    let v = view::parse("sdg:9").unwrap();
                    st.save(&format!("t{t}-{i}"), &v, &cur, Overwrite::No)
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(store(dir.path()).list().len(), 102);
}

#[test]
fn a_corrupt_file_is_moved_aside_and_the_store_carries_on() {
    for bad in ["corrupt.json", "future.json"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bookmarks.json");
        std::fs::copy(fixture(bad), &file).unwrap();
        let original = std::fs::read(&file).unwrap();
        let mut st = store(dir.path());
        assert!(st.list().is_empty());
        let w = st.take_warnings();
        let [
            StoreWarning::MovedAside {
                moved_to, reason, ..
            },
        ] = w.as_slice()
        else {
            panic!("{w:?}");
        };
        assert!(
            moved_to
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("bookmarks.json.corrupt-"),
            "{moved_to:?}"
        );
        assert_eq!(
            std::fs::read(moved_to).unwrap(),
            original,
            "kept byte for byte"
        );
        assert!(w[0].to_string().contains(&moved_to.display().to_string()));
        if bad == "future.json" {
            assert!(reason.contains("unknown format version 2"), "{reason}");
        }
        // Saving afterwards starts a fresh file; the moved file stays.
        let (_, cur) = bundled();
        st.save("new", &view::parse("sdg:1").unwrap(), &cur, Overwrite::No)
            .unwrap();
        assert_eq!(names(&store(dir.path())), ["new"]);
        assert!(moved_to.exists());
    }
}

#[test]
fn an_unreadable_file_is_an_error_and_is_not_moved() {
    // A directory where the file should be cannot be read, even by root.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bookmarks.json")).unwrap();
    let e = Store::open(&Paths::at(dir.path())).unwrap_err();
    assert!(matches!(e, BookmarkError::Io { .. }), "{e}");
    assert!(e.to_string().starts_with("cannot read bookmarks: "), "{e}");
    assert!(dir.path().join("bookmarks.json").is_dir());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Makes `dir` unwritable for the duration: chmod 0555, or, for root (who
/// ignores modes), `chattr +i`. `None` when neither works here.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn new(dir: &Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let writable = |d: &Path| {
            let probe = d.join(".probe");
            let ok = std::fs::write(&probe, b"").is_ok();
            let _ = std::fs::remove_file(probe);
            ok
        };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).ok()?;
        if !writable(dir) {
            return Some(ReadOnly(dir.into(), false));
        }
        let chattr = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status();
        if chattr.is_ok_and(|s| s.success()) && !writable(dir) {
            return Some(ReadOnly(dir.into(), true));
        }
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
        None
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_directory_gives_a_clear_error_and_keeps_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("data");
    let (_, cur) = bundled();
    let mut st = store(&home);
    st.save("kept", &view::parse("sdg:1").unwrap(), &cur, Overwrite::No)
        .unwrap();
    let before = std::fs::read(home.join("bookmarks.json")).unwrap();
    let Some(_ro) = ReadOnly::new(&home) else {
        println!("note: cannot make a directory read-only here (root without chattr); skipped");
        return;
    };
    let e = st
        .save("lost", &view::parse("sdg:2").unwrap(), &cur, Overwrite::No)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("cannot save bookmark 'lost': "), "{e}");
    assert!(
        e.contains("permission denied") || e.contains("read-only"),
        "{e}"
    );
    assert_eq!(std::fs::read(home.join("bookmarks.json")).unwrap(), before);
    assert_eq!(names(&st), ["kept"], "the cache is what is on disk");
}

/// The bundled snapshot without one activity, as a second snapshot.
fn second_snapshot(dir: &Path, without: &str) -> (Snapshot, SnapshotRef) {
    let mut doc: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    let acts = doc["activities"].as_array_mut().unwrap();
    acts.retain(|a| a["id"] != without);
    doc["meta"]["snapshot_date"] = "2027-01-01".into();
    let bytes = serde_json::to_vec_pretty(&doc).unwrap();
    let path = dir.join("second.json");
    std::fs::write(&path, &bytes).unwrap();
    let s = snapshot::load_file(&path).unwrap();
    let f = bookmarks::snapshot_fingerprint(&s, &bytes);
    (s, f)
}

#[test]
fn a_bookmark_on_a_snapshot_that_lost_an_id_is_stale_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (s1, cur1) = bundled();
    let id = "digital-skills-for-decent-jobs";
    let mut st = store(dir.path());
    let v = bookmarks::check_view("skills", &format!("sdg:4 focus:{id}"), &s1).unwrap();
    st.save("skills", &v, &cur1, Overwrite::No).unwrap();
    let b = st.get("skills").unwrap();
    assert!(!b.staleness(&s1, &cur1).is_stale());

    let (s2, cur2) = second_snapshot(dir.path(), id);
    assert_ne!(cur1.hash, cur2.hash);
    let status = b.staleness(&s2, &cur2);
    assert!(status.is_stale() && status.is_broken());
    assert_eq!(status.missing.len(), 1);
    assert_eq!(status.missing[0].id, id);
    assert_eq!(status.summary(), format!("stale, 1 missing: {id}"));
    let opened = st.open_view("skills", &s2, &cur2).unwrap();
    assert_eq!(opened.view.focus, None);
    assert_eq!(opened.view.sdg.include, [4]);
    assert_eq!(opened.warnings.len(), 3, "{:?}", opened.warnings);
    assert!(opened.warnings[0].contains("2026-11-27") && opened.warnings[0].contains("2027-01-01"));
    assert!(opened.warnings[1].contains(id));
}

#[test]
fn import_merges_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cur) = bundled();
    let mut st = store(dir.path());
    st.save(
        "daily",
        &view::parse("sdg:4 al:C7").unwrap(),
        &cur,
        Overwrite::No,
    )
    .unwrap();
    st.save(
        "weekly",
        &view::parse("sdg:9").unwrap(),
        &cur,
        Overwrite::No,
    )
    .unwrap();
    let theirs = bookmarks::read_file(&fixture("colleague.json")).unwrap();
    let r = st.import(theirs.clone(), OnConflict::Keep).unwrap();
    assert_eq!(r.added, ["health"]);
    assert_eq!(r.unchanged, ["daily"]);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].name, "weekly");
    assert_eq!(r.conflicts[0].ours, "sdg:9");
    assert_eq!(r.conflicts[0].theirs, "status:disputed show:links");
    assert_eq!(r.invalid.len(), 1);
    assert_eq!(r.invalid[0].0, "typo");
    assert!(r.left_out());
    assert_eq!(names(&store(dir.path())), ["daily", "health", "weekly"]);
    assert_eq!(
        st.get("health").unwrap().snapshot.title,
        "Colleague's snapshot"
    );

    let r = st.import(theirs, OnConflict::Rename).unwrap();
    assert_eq!(r.conflicts[0].resolution, "renamed to 'weekly (2)'");
    assert_eq!(names(&st), ["daily", "health", "weekly", "weekly (2)"]);

    let e = bookmarks::read_file(&fixture("corrupt.json"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("is not a bookmarks file: invalid JSON"), "{e}");
}
