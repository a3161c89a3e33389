//! `sdgmap export VIEW --format svg|html` end to end: the README's two
//! commands, `--metric` and `--zoom`, stdout with `-o -`, the same bytes on
//! every run, and exit 2 for what does not apply.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

use std::path::Path;
use std::process::{Command, Output};

fn sdgmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .env_remove("SDGMAP_DATA")
        .output()
        .unwrap()
}

fn export(args: &[&str]) -> (i32, String) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let o = sdgmap(&all);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().unwrap().to_string()
}

#[test]
fn the_readme_commands_write_a_slide_figure_and_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let c7 = path(dir.path(), "c7.svg");
    let (code, err) = export(&["al:C7", "--format", "svg", "-o", &c7]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("8 rows × 17 columns"), "{err}");
    let svg = std::fs::read_to_string(&c7).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(svg.contains("al:C7"));

    let html = path(dir.path(), "matrix.html");
    let (code, err) = export(&["", "--format", "html", "-o", &html]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("http"));
}

#[test]
fn metric_and_zoom_shape_the_figure() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "z.svg");
    let (code, err) = export(&["", "--format", "svg", "--zoom", "9", "-o", &out]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("data-col=\"9.c\""));
    assert!(svg.contains("target of SDG 9"));
    let (code, err) = export(&[
        "al:C2",
        "--format",
        "svg",
        "--metric",
        "activities",
        "-o",
        &out,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Activities per Action Line and SDG"));
}

#[test]
fn dash_writes_the_figure_to_stdout() {
    let o = sdgmap(&["export", "al:C7", "--format", "svg", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0));
    let svg = String::from_utf8(o.stdout).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
}

#[test]
fn two_runs_write_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["svg", "html"] {
        let a = path(dir.path(), &format!("a.{format}"));
        let b = path(dir.path(), &format!("b.{format}"));
        for out in [&a, &b] {
            let (code, err) = export(&["sdg:3,4 health", "--format", format, "-o", out]);
            assert_eq!(code, 0, "{err}");
        }
        assert!(
            std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
            "{format}"
        );
    }
}

#[test]
fn what_does_not_apply_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = path(dir.path(), "x.svg");
    let (code, err) = export(&["", "--format", "svg", "--zoom", "18", "-o", &out]);
    assert_eq!(code, 2);
    assert!(err.contains("no SDG 18"), "{err}");
    let (code, err) = export(&["sdg:4", "--format", "svg", "--zoom", "9", "-o", &out]);
    assert_eq!(code, 2);
    assert!(err.contains("SDG 9 is not in the view"), "{err}");
    let csv = path(dir.path(), "x.csv");
    let (code, err) = export(&["", "--format", "csv", "--metric", "activities", "-o", &csv]);
    assert_eq!(code, 2);
    assert!(err.contains("svg or html"), "{err}");
    let (code, _) = export(&["", "--format", "svg", "--show", "links", "-o", &out]);
    assert_eq!(code, 2);
    let (code, _) = export(&["", "--format", "svg", "--metric", "bogus", "-o", &out]);
    assert_eq!(code, 2);
    let (code, _) = export(&["sgd:3", "--format", "svg", "-o", &out]);
    assert_eq!(code, 2);
    assert!(!Path::new(&out).exists(), "nothing written on an error");
    assert!(!Path::new(&csv).exists(), "nothing written on an error");
}
