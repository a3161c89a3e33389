//! Nothing from a file, a file name or a typed view reaches the terminal
//! raw: escape sequences and bidi overrides come out as visible placeholders.

#![allow(clippy::expect_used)] // test helpers may expect: a failure is the test failing

use std::process::Command;

fn sdgmap(home: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env("SDGMAP_HOME", home)
        .env_remove("SDGMAP_DATA")
        .output()
        .expect("run sdgmap");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains('\u{1b}'), "raw ESC in {what}: {text:?}");
    assert!(
        !text.contains('\u{202e}'),
        "raw bidi override in {what}: {text:?}"
    );
}

#[test]
fn hostile_bookmarks_files_print_sanitized() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = r#"{"version":1,"bookmarks":[{"name":"evil\u001b[31mred\u202e","view":"sdg:9 al:C9\u001b[2J",
      "snapshot":{"title":"t\u001b]0;x\u0007","date":"2026-01-01","hash":"sha256:00"},
      "created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}]}"#;
    std::fs::write(home.path().join("bookmarks.json"), file).expect("write");
    for args in [
        &["bookmarks", "list"][..],
        &["bookmarks", "show", "evil␛[31mred<U+202E>"],
    ] {
        let (_, out, err) = sdgmap(home.path(), args);
        assert_clean("stdout", &out);
        assert_clean("stderr", &err);
        assert!(
            out.contains("evil␛[31mred"),
            "the name is shown with placeholders: {out}{err}"
        );
    }
}

#[test]
fn typed_views_and_file_names_print_sanitized() {
    let home = tempfile::tempdir().expect("temp dir");
    let (code, out, err) = sdgmap(home.path(), &["query", "al:C9\u{1b}[31mX"]);
    assert_eq!(code, 2);
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
    assert!(
        err.contains("C9␛[31mX"),
        "the typed view is echoed with placeholders: {err}"
    );
    let (code, out, err) = sdgmap(home.path(), &["check", "no-such-\u{1b}[2J-file.json"]);
    assert_eq!(code, 2);
    assert_clean("stdout", &out);
    assert_clean("stderr", &err);
    let (code, _, err) = sdgmap(
        home.path(),
        &["--data", "missing-\u{202e}.json", "query", "sdg:1"],
    );
    assert_eq!(code, 2);
    assert_clean("stderr", &err);
}
