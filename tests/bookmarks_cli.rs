//! `sdgmap bookmarks`, `sdgmap query --bookmark` and `sdgmap paths` through
//! the real binary with `SDGMAP_HOME` pointing at a temporary directory:
//! round trips between the CLI and the library, import conflicts, exit
//! codes, two processes saving 50 bookmarks each at once, and a save killed
//! at many points leaving a whole old or new file.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sdgmap::bookmarks::{self, Overwrite, Store};
use sdgmap::paths::Paths;
use sdgmap::snapshot::{self, BUNDLED};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bookmarks")
        .join(name)
}

fn sdgmap(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sdgmap"));
    c.env("SDGMAP_HOME", home)
        .env_remove("SDGMAP_DATA")
        .env_remove("SDGMAP_TEST_SLOW_SAVE_MS")
        .stdin(Stdio::null());
    c
}

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = sdgmap(home).args(args).output().unwrap();
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn names(home: &Path) -> Vec<String> {
    bookmarks::read_file(&home.join("bookmarks.json"))
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect()
}

#[test]
fn cli_and_library_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let (code, out, err) = run(home, &["bookmarks", "add", "daily", "al:C7  sdg:4"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "saved bookmark 'daily': sdg:4 al:C7\n");

    // CLI → library (the app's side).
    let s = snapshot::load_bundled().unwrap();
    let cur = bookmarks::snapshot_fingerprint(&s, BUNDLED.as_bytes());
    let mut st = Store::open(&Paths::at(home)).unwrap();
    let opened = st.open_view("daily", &s, &cur).unwrap();
    assert_eq!(opened.view.to_string(), "sdg:4 al:C7");
    assert!(opened.warnings.is_empty(), "same snapshot, same hash");

    // Library → CLI.
    let v = bookmarks::check_view("links", "status:disputed show:links", &s).unwrap();
    st.save("links", &v, &cur, Overwrite::No).unwrap();
    let (code, out, _) = run(home, &["bookmarks", "list"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "NAME   STATUS  VIEW\n\
         daily  ok      sdg:4 al:C7\n\
         links  ok      status:disputed show:links\n"
    );
    let (code, out, _) = run(home, &["query", "--bookmark", "links", "--format", "csv"]);
    assert_eq!(code, 0);
    let (_, direct, _) = run(
        home,
        &["query", "status:disputed show:links", "--format", "csv"],
    );
    assert_eq!(out, direct);
    assert!(out.lines().count() > 1, "{out}");

    let (code, out, _) = run(home, &["bookmarks", "show", "links", "--format", "json"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["view"], "status:disputed show:links");
    assert_eq!(j["stale"], false);
    assert_eq!(j["snapshot"]["hash"], cur.hash.as_str());

    // Export → import elsewhere → same bookmarks.
    let exported = home.join("shared.json");
    let (code, _, _) = run(home, &["bookmarks", "export", exported.to_str().unwrap()]);
    assert_eq!(code, 0);
    let other = tempfile::tempdir().unwrap();
    let (code, out, _) = run(
        other.path(),
        &["bookmarks", "import", exported.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        bookmarks::read_file(&other.path().join("bookmarks.json")).unwrap(),
        bookmarks::read_file(&home.join("bookmarks.json")).unwrap()
    );
}

#[test]
fn errors_name_the_bookmark_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    assert_eq!(run(home, &["bookmarks", "add", "a", "sdg:1"]).0, 0);
    let cases: [(&[&str], &str); 6] = [
        (
            &["bookmarks", "add", "a", "sdg:2"],
            "a bookmark named 'a' already exists (--force replaces it)",
        ),
        (&["bookmarks", "rm", "nope"], "no bookmark named 'nope'"),
        (&["bookmarks", "show", "nope"], "no bookmark named 'nope'"),
        (
            &["bookmarks", "rename", "a", " "],
            "bookmark name \" \" is not allowed: it is empty",
        ),
        (
            &["bookmarks", "add", "b", "sgd:4"],
            "bookmark 'b' has an invalid view:\nsgd:4\n^^^\nunknown facet 'sgd' — did you mean 'sdg'?",
        ),
        (&["query", "--bookmark", "nope"], "no bookmark named 'nope'"),
    ];
    for (args, msg) in cases {
        let (code, _, err) = run(home, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(msg), "{args:?}: {err}");
    }
    assert_eq!(
        run(home, &["bookmarks", "add", "a", "sdg:2", "--force"]).0,
        0
    );
    let (_, out, _) = run(home, &["bookmarks", "list"]);
    assert!(out.contains("a     ok      sdg:2"), "{out}");
}

#[test]
fn import_reports_conflicts_and_exits_1_when_something_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    run(home, &["bookmarks", "add", "daily", "sdg:4 al:C7"]);
    run(home, &["bookmarks", "add", "weekly", "sdg:9"]);
    let file = fixture("colleague.json");
    let (code, out, err) = run(home, &["bookmarks", "import", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("1 added, 1 unchanged, 1 conflict(s), 1 invalid"),
        "{out}"
    );
    assert!(
        out.contains(
            "conflict  weekly: ours \"sdg:9\", theirs \"status:disputed show:links\" — kept"
        ),
        "{out}"
    );
    assert!(out.contains("invalid   typo:"), "{out}");
    let (code, out, _) = run(
        home,
        &[
            "bookmarks",
            "import",
            file.to_str().unwrap(),
            "--on-conflict",
            "replace",
        ],
    );
    assert_eq!(code, 1, "the invalid entry is still left out: {out}");
    assert!(out.contains("— replaced"), "{out}");
    assert_eq!(names(home), ["daily", "health", "weekly"]);
    // The colleague's bookmarks were made on another snapshot: stale.
    let (_, out, _) = run(home, &["bookmarks", "list"]);
    assert!(out.contains("health  stale"), "{out}");
    let (code, _, err) = run(home, &["bookmarks", "import", "/nonexistent.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot import bookmarks from /nonexistent.json"),
        "{err}"
    );
}

#[test]
fn a_corrupt_file_is_moved_aside_and_the_user_is_told_where() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    std::fs::copy(fixture("corrupt.json"), home.join("bookmarks.json")).unwrap();
    let (code, out, err) = run(home, &["bookmarks", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("no bookmarks yet"), "{out}");
    let moved = std::fs::read_dir(home)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("bookmarks.json.corrupt-"))
        .expect("moved aside");
    assert!(
        err.contains(&format!("it was moved to {}", moved.display())),
        "{err}"
    );
    assert_eq!(
        std::fs::read(moved).unwrap(),
        std::fs::read(fixture("corrupt.json")).unwrap()
    );
}

#[test]
fn paths_prints_every_location_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("portable");
    let (code, out, _) = run(&home, &["paths"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!(
            "bookmarks       {}",
            home.join("bookmarks.json").display()
        )),
        "{out}"
    );
    assert!(out.contains("from SDGMAP_HOME"), "{out}");
    assert!(out.contains("snapshot        <bundled snapshot>"), "{out}");
    let (_, out, _) = run(&home, &["paths", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["data_dir"], home.display().to_string());
    assert_eq!(j["data_dir_origin"], "SDGMAP_HOME");
    assert_eq!(j["exists"]["bookmarks"], false);
    assert!(!home.exists());
}

#[test]
fn two_processes_adding_50_each_at_once_end_with_100() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_path_buf();
    let workers: Vec<_> = ["p", "q"]
        .into_iter()
        .map(|who| {
            let home = home.clone();
            std::thread::spawn(move || {
                // One shell per worker: 50 real `sdgmap` processes in a row,
                // racing the other worker's.
                let status = Command::new("sh")
                    .env("SDGMAP_HOME", &home)
                    .arg("-c")
                    .arg(format!(
                        "for i in $(seq 1 50); do \"$SDGMAP_BIN\" bookmarks add {who}-$i 'sdg:4' >/dev/null || exit 1; done"
                    ))
                    .env("SDGMAP_BIN", env!("CARGO_BIN_EXE_sdgmap"))
                    .status()
                    .unwrap();
                assert!(status.success());
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let all = names(&home);
    assert_eq!(all.len(), 100, "{all:?}");
    // No temporary file is left behind.
    let stray: Vec<_> = std::fs::read_dir(&home)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_save_killed_at_any_point_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    for n in ["a", "b", "c"] {
        assert_eq!(run(home, &["bookmarks", "add", n, "sdg:1"]).0, 0);
    }
    // Calibrate: how long a whole slowed-down save takes on this machine.
    let started = std::time::Instant::now();
    let status = sdgmap(home)
        .env("SDGMAP_TEST_SLOW_SAVE_MS", "60")
        .args(["bookmarks", "add", "calibrate", "sdg:2"])
        .status()
        .unwrap();
    assert!(status.success());
    let whole = started.elapsed();
    let mut expected = names(home);
    let (mut old_seen, mut new_seen) = (0, 0);
    let kills = 14u32;
    for i in 0..kills {
        // Spread the kills from start-up, through the first half written,
        // the second half written and synced, to after the rename.
        let at = whole * i / (kills - 3);
        let name = format!("new-{i}");
        let mut child = sdgmap(home)
            .env("SDGMAP_TEST_SLOW_SAVE_MS", "60")
            .args(["bookmarks", "add", &name, "sdg:2"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let now = bookmarks::read_file(&home.join("bookmarks.json"))
            .unwrap_or_else(|e| panic!("torn file after a kill at {at:?}: {e}"));
        let now: Vec<String> = now.into_iter().map(|b| b.name).collect();
        if now == expected {
            old_seen += 1;
        } else {
            expected.push(name);
            expected.sort();
            assert_eq!(now, expected, "neither the old nor the new set");
            new_seen += 1;
        }
    }
    println!("kills over {whole:?}: {old_seen} left the old file, {new_seen} the new one");
    assert!(old_seen > 0, "no kill landed before the rename");
    // The next save sweeps up temporary files a killed writer left.
    assert_eq!(run(home, &["bookmarks", "add", "after", "sdg:3"]).0, 0);
    let stray = std::fs::read_dir(home)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(stray, 0);
    let st = Store::open(&Paths::at(home)).unwrap();
    assert!(st.warnings().is_empty());
}
