//! The screen check: every screen, overlay, drill-down kind, the presenter
//! and the compare view, rendered at every size from 60×16 to 300×100, on
//! the bundled snapshot and on a generated stress snapshot (longest titles,
//! 17-goal activities, long organisation names), and checked for what a
//! reader must never meet: a token glued to the next field, a name cut
//! without `…`, a pane whose count is cut off, a pane with hidden content
//! and no mark, the selected row out of view, and an activity title column
//! narrower than its share.
//!
//! `SDGMAP_SCREENS_OUT=DIR cargo test --test screen_check` also writes every
//! screen to `DIR/<snapshot>-<size>.txt`, to read them as a user would.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

#[path = "support/screens.rs"]
mod screens;

use screens::{SIZES, Scenario, Subject, check_screen, render_text, scenarios, subjects};

#[test]
fn every_screen_reads_whole_at_every_size() {
    let out = std::env::var_os("SDGMAP_SCREENS_OUT").map(std::path::PathBuf::from);
    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0;
    for subject in subjects() {
        let mut dumps: Vec<(String, String)> = Vec::new();
        for scenario in scenarios() {
            let st = subject.state(&scenario);
            for &(w, h) in SIZES {
                let (text, term) = render_text(&st, w, h);
                checked += 1;
                for f in check_screen(&subject, &scenario, &st, &term, &text) {
                    failures.push(format!(
                        "{} / {} at {w}×{h}: {f}",
                        subject.name, scenario.name
                    ));
                }
                dumps.push((
                    format!("{w}x{h}"),
                    format!("===== {} =====\n{text}", scenario.name),
                ));
            }
        }
        if let Some(dir) = &out {
            write_dumps(dir, &subject, dumps);
        }
    }
    assert!(checked > 100, "checked only {checked} screens");
    assert!(
        failures.is_empty(),
        "{} problems in {checked} screens:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn write_dumps(dir: &std::path::Path, subject: &Subject, dumps: Vec<(String, String)>) {
    std::fs::create_dir_all(dir).unwrap();
    let mut by_size: std::collections::BTreeMap<String, String> = Default::default();
    for (size, text) in dumps {
        let e = by_size.entry(size).or_default();
        e.push_str(&text);
        e.push('\n');
    }
    for (size, text) in by_size {
        std::fs::write(dir.join(format!("{}-{size}.txt", subject.name)), text).unwrap();
    }
}

#[allow(dead_code)]
fn _uses(_: Scenario) {}
