//! The command line under hostile use (issue 17): nothing is written over
//! an input, a device or a read-only file; outputs get normal permissions;
//! a killed writer's temporary file is cleaned up; bookmarks files with
//! repeated names, read-only or unreadable ones are handled and reported;
//! nothing from outside reaches the terminal raw; CSV cells never run as
//! formulas; a huge search is refused at once. Each test runs the binary.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a broken environment is the test failing

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn sdgmap(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sdgmap"));
    c.env("SDGMAP_HOME", home)
        .env_remove("SDGMAP_DATA")
        .env("NO_COLOR", "1");
    c
}

fn run(mut c: Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = c.output().expect("run sdgmap");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// `sdgmap ARGS` with `SDGMAP_HOME=home`.
fn cli(home: &Path, args: &[&str]) -> (i32, String, String) {
    let mut c = sdgmap(home);
    c.args(args);
    run(c)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o7777
}

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
        "raw control or bidi character in {what}: {text:?}"
    );
}

/// The umask this test process (and so the binary) runs with.
fn umask() -> u32 {
    let out = Command::new("sh")
        .args(["-c", "umask"])
        .output()
        .expect("sh");
    u32::from_str_radix(String::from_utf8_lossy(&out.stdout).trim(), 8).expect("octal umask")
}

const CSV: &str =
    "id,title,sdgs,action_lines,source\nsample-x,Sample: x,3,C7-e-health,itu-roadmap-2030\n";

#[test]
fn a_huge_search_is_refused_at_once() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut c = sdgmap(home.path());
    let pattern = "a".repeat(10_000);
    c.args(["query", &pattern])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = c.spawn().expect("spawn");
    // generous: it answers in milliseconds; unbounded, it took 74 s and 1.5 GB
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("a 10,000-character query took more than 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("the view is 10000 characters long; a view is at most 4096"),
        "{err}"
    );
    assert!(
        err.len() < 2_000,
        "the message is short: {} bytes",
        err.len()
    );
    // within a view's length, the search text has its own limit
    let (code, _, err) = cli(
        home.path(),
        &["query", &format!("sdg:3 {}", "b".repeat(300))],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the search text is 300 characters long; sdgmap searches with at most 256"),
        "{err}"
    );
}

#[test]
fn no_output_overwrites_an_input() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let csv = dir.join("a.csv");
    std::fs::write(&csv, CSV).expect("write csv");
    let snap = dir.join("s.json");
    std::fs::copy(fixture("valid/minimal.json"), &snap).expect("copy");
    let snap_before = std::fs::read(&snap).expect("read");

    // import over its spreadsheet, directly or through a link
    let link = dir.join("link.csv");
    std::os::unix::fs::symlink(&csv, &link).expect("symlink");
    let hard = dir.join("hard.csv");
    std::fs::hard_link(&csv, &hard).expect("hard link");
    for out in [&csv, &link, &hard] {
        let (code, _, err) = cli(dir, &["import", s(&csv), "--into", s(&snap), "-o", s(out)]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("is the same file as the input") && err.contains("a.csv"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&csv).expect("read"), CSV);
    }
    // export over the snapshot it reads
    let (code, _, err) = cli(
        dir,
        &[
            "--data",
            s(&snap),
            "export",
            "",
            "--format",
            "csv",
            "-o",
            s(&snap),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is the same file as the input"), "{err}");
    assert_eq!(std::fs::read(&snap).expect("read"), snap_before);
    // bookmarks export over the bookmarks file
    let (code, _, err) = cli(dir, &["bookmarks", "add", "b", "sdg:3"]);
    assert_eq!(code, 0, "{err}");
    let store = dir.join("bookmarks.json");
    let before = std::fs::read(&store).expect("read");
    let (code, _, err) = cli(dir, &["bookmarks", "export", s(&store)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("same file as"), "{err}");
    assert_eq!(std::fs::read(&store).expect("read"), before);
    // updating the snapshot imported into, in place, stays allowed (documented)
    let (code, _, err) = cli(
        dir,
        &["import", s(&csv), "--into", s(&snap), "-o", s(&snap)],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn only_regular_files_are_replaced() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let csv = dir.join("a.csv");
    std::fs::write(&csv, CSV).expect("write csv");
    let fifo = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    for (out, kind) in [
        (fifo.as_path(), "a FIFO"),
        (Path::new("/dev/null"), "a character device"),
        (sub.as_path(), "a directory"),
    ] {
        let (code, _, err) = cli(dir, &["import", s(&csv), "-o", s(out)]);
        assert_eq!(code, 2, "{}: {err}", out.display());
        assert!(
            err.contains(&format!("is {kind}, not a regular file")),
            "{err}"
        );
        let (code, _, err) = cli(dir, &["export", "", "--format", "csv", "-o", s(out)]);
        assert_eq!(code, 2, "{}: {err}", out.display());
        assert!(err.contains("not a regular file"), "{err}");
    }
    assert!(
        std::fs::metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo(),
        "the FIFO is still a FIFO"
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("/dev/null")
            .file_type()
            .is_char_device()
    );
    assert!(sub.is_dir());
    // a symbolic link to a regular file stays a link; the file is replaced
    let real = dir.join("real.csv");
    std::fs::write(&real, "old").expect("write");
    let link = dir.join("out.csv");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let (code, _, err) = cli(dir, &["export", "", "--format", "csv", "-o", s(&link)]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .starts_with("id,title")
    );
}

#[test]
fn outputs_follow_the_umask_and_replaced_files_keep_their_mode() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let want = 0o666 & !umask();
    // new files: export, import, a tour step
    let out = dir.join("new.csv");
    let (code, _, err) = cli(dir, &["export", "", "--format", "csv", "-o", s(&out)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&out), want, "export");
    let csv = dir.join("a.csv");
    std::fs::write(&csv, CSV).expect("write csv");
    let snap = dir.join("new.json");
    let (code, _, err) = cli(dir, &["import", s(&csv), "-o", s(&snap)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&snap), want, "import");
    let tour = dir.join("tour.json");
    let step = || sdgmap::tour::RawStep {
        view: "sdg:3".into(),
        caption: "Health".into(),
        ..serde_json::from_str(r#"{"view": "", "caption": ""}"#).expect("step")
    };
    sdgmap::tour::append_step(&tour, "T", None, step()).expect("new tour");
    assert_eq!(mode(&tour), want, "tour");
    // replaced files keep their mode, whatever the umask
    for (p, m) in [(&out, 0o640), (&snap, 0o604), (&tour, 0o660)] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod");
    }
    let mut c = sdgmap(dir);
    c.args(["export", "", "--format", "csv", "-o", s(&out)]);
    let (code, _, err) = run(c);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = cli(
        dir,
        &["import", s(&csv), "--into", s(&snap), "-o", s(&snap)],
    );
    assert_eq!(code, 0, "{err}");
    sdgmap::tour::append_step(&tour, "T", None, step()).expect("append");
    assert_eq!(
        (mode(&out), mode(&snap), mode(&tour)),
        (0o640, 0o604, 0o660)
    );
}

#[test]
fn read_only_outputs_are_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let out = dir.join("ro.csv");
    std::fs::write(&out, "mine").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (code, _, err) = cli(dir, &["export", "", "--format", "csv", "-o", s(&out)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "mine");
}

/// Temporary files in `dir`: ours, and tempfile's default `.tmpXXXXXX`.
fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp") || n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_stale_temporary_file_is_removed_by_the_next_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    // what a writer killed with kill -9 leaves: nobody holds it
    let stale = dir.join(".out.csv.Ab12Cd.sdgmap.tmp");
    std::fs::write(&stale, vec![b'x'; 1 << 20]).expect("write");
    let other = dir.join(".someone-else.tmp");
    std::fs::write(&other, "not ours").expect("write");
    let (code, _, err) = cli(
        dir,
        &["export", "", "--format", "csv", "-o", s(&dir.join("x.csv"))],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!stale.exists(), "the stale temporary file is gone");
    assert!(other.exists(), "other programs' files are left alone");
}

#[test]
fn kill_9_during_an_import_leaves_nothing_behind_after_the_next_run() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    // a big snapshot, so writing it takes long enough to be killed mid-way
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("valid/minimal.json")).unwrap())
            .unwrap();
    let template = v["activities"][0].clone();
    let acts = v["activities"].as_array_mut().unwrap();
    for i in 0..20_000 {
        let mut a = template.clone();
        a["id"] = format!("generated-{i}").into();
        a["summary"] = "generated test text ".repeat(100).into();
        acts.push(a);
    }
    let big = dir.join("big.json");
    std::fs::write(&big, serde_json::to_vec(&v).unwrap()).unwrap();
    let csv = dir.join("a.csv");
    std::fs::write(&csv, CSV).unwrap();
    let out_dir = dir.join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("new.json");
    let mut caught = false;
    for _ in 0..5 {
        let mut c = sdgmap(dir);
        c.args(["import", s(&csv), "--into", s(&big), "-o", s(&out)])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = c.spawn().expect("spawn");
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if !temps(&out_dir).is_empty() {
                let _ = child.kill(); // SIGKILL
                caught = true;
                break;
            }
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.wait();
        if caught {
            break;
        }
        let _ = std::fs::remove_file(&out);
    }
    assert!(caught, "never saw the import's temporary file");
    assert!(
        !temps(&out_dir).is_empty(),
        "the killed import left its temporary file"
    );
    // the next run that writes there cleans it up
    let (code, _, err) = cli(
        dir,
        &[
            "export",
            "",
            "--format",
            "csv",
            "-o",
            s(&out_dir.join("x.csv")),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(temps(&out_dir).is_empty(), "{:?}", temps(&out_dir));
}

const BOOKMARK: &str = r#"{"name": "NAME", "view": "VIEW", "snapshot": {"title": "t", "date": "2026-01-01", "hash": "sha256:00"}, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}"#;

fn bookmarks_file(entries: &[(&str, &str)]) -> String {
    let list: Vec<String> = entries
        .iter()
        .map(|(n, v)| BOOKMARK.replace("NAME", n).replace("VIEW", v))
        .collect();
    format!("{{\"version\": 1, \"bookmarks\": [{}]}}", list.join(","))
}

#[test]
fn two_bookmarks_with_one_name_are_both_kept_and_reported() {
    let home = tempfile::tempdir().expect("temp dir");
    let store = home.path().join("bookmarks.json");
    std::fs::write(
        &store,
        bookmarks_file(&[("daily", "sdg:3"), ("daily", "sdg:9")]),
    )
    .expect("write");
    let (code, out, err) = cli(home.path(), &["bookmarks", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("daily ") && out.contains("daily (2)"), "{out}");
    assert!(
        err.contains("two bookmarks in") && err.contains("the second is kept as 'daily (2)'"),
        "{err}"
    );
    // the next save keeps both
    let (code, _, err) = cli(home.path(), &["bookmarks", "add", "other", "sdg:4"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&store).expect("read");
    for name in ["\"daily\"", "\"daily (2)\"", "\"other\""] {
        assert!(text.contains(name), "{name} in {text}");
    }
    assert!(text.contains("sdg:9"), "the second view is kept: {text}");
}

#[test]
fn a_read_only_bookmarks_file_is_not_written_and_that_is_said() {
    let home = tempfile::tempdir().expect("temp dir");
    let store = home.path().join("bookmarks.json");
    let text = bookmarks_file(&[("daily", "sdg:3")]);
    std::fs::write(&store, &text).expect("write");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (code, _, err) = cli(home.path(), &["bookmarks", "add", "x", "sdg:4"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot save bookmark 'x'") && err.contains("the file is read-only"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&store).expect("read"), text);
    assert_eq!(mode(&store), 0o444);
}

#[test]
fn an_unreadable_bookmarks_file_says_so() {
    // As root every file is readable: run as nobody where root can do that.
    let home = tempfile::tempdir().expect("temp dir");
    let store = home.path().join("bookmarks.json");
    std::fs::write(&store, bookmarks_file(&[("daily", "sdg:3")])).expect("write");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let as_root = umask_user_is_root();
    let mut c = if as_root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_sdgmap"),
        ]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_sdgmap"))
    };
    c.args(["bookmarks", "list"])
        .env("SDGMAP_HOME", home.path())
        .env_remove("SDGMAP_DATA");
    let (code, _, err) = run(c);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cannot read bookmarks") && err.contains("is the file readable by you?"),
        "{err}"
    );
    assert!(!err.contains("directory writable"), "{err}");
}

fn umask_user_is_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

#[test]
fn bookmarks_import_skips_a_bad_name_instead_of_rewriting_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("theirs.json");
    std::fs::write(
        &file,
        bookmarks_file(&[("evil\\u001b[31mred", "sdg:3"), ("fine", "sdg:4")]),
    )
    .expect("write");
    let (code, out, err) = cli(home.path(), &["bookmarks", "import", s(&file)]);
    assert_eq!(code, 1, "something was left out: {out}{err}");
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
    assert!(
        out.contains("1 added") && out.contains("1 invalid"),
        "{out}"
    );
    assert!(
        out.contains("invalid   evil␛[31mred: bookmark name")
            && out.contains("contains control, bidi or zero-width characters"),
        "{out}"
    );
    let (_, list, _) = cli(home.path(), &["bookmarks", "list"]);
    assert!(list.contains("fine") && !list.contains("evil"), "{list}");
}

#[test]
fn paths_and_names_reach_the_terminal_sanitized() {
    let home = tempfile::tempdir().expect("temp dir");
    let evil = "/x/ev\u{1b}]0;pwned\u{7}x";
    let (code, out, err) = cli(home.path(), &["bookmarks", "import", evil]);
    assert_eq!(code, 2);
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
    assert!(err.contains("ev␛]0;pwned␇x"), "{err}");
    // the data directory's path, as text and as JSON
    let odd = home.path().join("d\u{1b}[2J\u{202e}ir");
    for format in ["text", "json"] {
        let (code, out, err) = cli(&odd, &["paths", "--format", format]);
        assert_eq!(code, 0, "{err}");
        assert_clean("stdout", &out);
        assert_clean("stderr", &err);
    }
    let (_, json, _) = cli(&odd, &["paths", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
    assert!(
        v["data_dir"]
            .as_str()
            .expect("data_dir")
            .ends_with("d\u{1b}[2J\u{202e}ir"),
        "JSON keeps the exact path: {json}"
    );
    // the corrupt-file warning and export's message name the path safely
    std::fs::create_dir_all(&odd).expect("mkdir");
    std::fs::write(odd.join("bookmarks.json"), "{ not json").expect("write");
    let (_, out, err) = cli(&odd, &["bookmarks", "list"]);
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
    assert!(err.contains("could not be read"), "{err}");
    let (code, out, err) = cli(
        &odd,
        &["bookmarks", "export", s(&odd.join("b\u{1b}[1m.json"))],
    );
    assert_eq!(code, 0, "{err}");
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
}

#[test]
fn csv_output_never_runs_as_a_formula() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("valid/minimal.json")).unwrap())
            .unwrap();
    let titles = ["=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-1+1"];
    for (i, t) in titles.iter().enumerate() {
        v["activities"][i]["title"] = (*t).into();
    }
    v["activities"][0]["lead"] = " =HYPERLINK(\"x\")".into();
    let snap = dir.join("s.json");
    std::fs::write(&snap, v.to_string()).unwrap();
    let out = dir.join("out.csv");
    let (code, _, err) = cli(
        dir,
        &[
            "--data",
            s(&snap),
            "export",
            "",
            "--format",
            "csv",
            "-o",
            s(&out),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, stdout, err) = cli(dir, &["--data", s(&snap), "query", "", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    for text in [std::fs::read_to_string(&out).unwrap(), stdout] {
        let mut r = csv::Reader::from_reader(text.as_bytes());
        for rec in r.records() {
            for cell in rec.expect("record").iter() {
                let lead = cell.trim_start();
                assert!(
                    !lead.starts_with(['=', '+', '@']) && !lead.starts_with("-1"),
                    "a formula cell: {cell:?} in\n{text}"
                );
            }
        }
        for t in titles {
            assert!(
                text.contains(&format!("'{t}")),
                "{t} kept behind a quote:\n{text}"
            );
        }
        assert!(text.contains("' =HYPERLINK"), "{text}");
    }
}

#[test]
fn import_keeps_a_cell_that_only_a_trim_would_make_a_formula() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path();
    let csv = dir.join("a.csv");
    std::fs::write(
        &csv,
        "id,title,lead,sdgs,action_lines,source\nsample-f, =1+1,  ITU ,3,C7-e-health,itu-roadmap-2030\n",
    )
    .unwrap();
    let out = dir.join("new.json");
    let (code, _, err) = cli(dir, &["import", s(&csv), "-o", s(&out)]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let a = v["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "sample-f")
        .expect("imported");
    assert_eq!(
        a["title"], " =1+1",
        "the cell arrives as the spreadsheet shows it"
    );
    assert_eq!(a["lead"], "ITU", "ordinary cells are still trimmed");
}
