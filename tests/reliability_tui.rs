//! The app's state and screens on odd data (issue 17): paragraph text keeps
//! its line breaks on screen, and `R` counts a change of the title alone.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::snapshot::{BUNDLED, load_bytes, load_file};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action;
use sdgmap::tui::{App, Theme, ThemeChoice, render};

fn screen(st: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    format!("{}", t.backend())
}

#[test]
fn line_breaks_in_a_summary_are_kept_on_screen() {
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for a in v["activities"].as_array_mut().unwrap() {
        a["summary"] = "LINE ONE\nLINE TWO".into();
    }
    let snap = load_bytes("odd.json", v.to_string().as_bytes()).unwrap();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "odd.json".into());
    st.update(Action::Show(Screen::Activities));
    let out = screen(&st, 140, 40);
    assert!(!out.contains("LINE ONELINE TWO"), "{out}");
    let row = |needle: &str| out.lines().position(|l| l.contains(needle));
    let (one, two) = (row("LINE ONE"), row("LINE TWO"));
    assert!(
        one.is_some() && two.is_some() && one < two,
        "each line of the summary on its own row:\n{out}"
    );
}

#[test]
fn reloading_after_a_title_change_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snap.json");
    std::fs::write(&path, BUNDLED).unwrap();
    let mut st = App::new(
        load_file(&path).unwrap(),
        Theme::new(ThemeChoice::Dark),
        "snap.json".into(),
    );
    let mut raw: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    raw["meta"]["title"] = "A retitled snapshot".into();
    std::fs::write(&path, serde_json::to_string(&raw).unwrap()).unwrap();
    assert!(st.reload(&path));
    let status = st.ctx.status.clone().unwrap();
    assert!(
        status.contains(": 1 change, title changed (0 Matrix cells)"),
        "{status}"
    );
    assert!(!status.contains("0 changes"), "{status}");
    assert_eq!(st.ctx.snap.meta().title, "A retitled snapshot");
}

#[test]
fn a_huge_title_costs_a_frame_no_more_than_a_short_one() {
    use sdgmap::search::{CancelToken, Finder};
    use sdgmap::tui::overlays::{Finder as FinderOverlay, Overlay};
    let text = std::fs::read_to_string("tests/fixtures/valid/minimal.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // 20 MB of title, matched by the search below all along its length
    v["activities"][0]["title"] = format!("Broadband {}", "broadband ".repeat(2_000_000)).into();
    let snap = load_bytes("huge.json", v.to_string().as_bytes()).unwrap();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "huge.json".into());
    st.update(Action::Show(Screen::Activities));
    let started = std::time::Instant::now();
    let out = screen(&st, 120, 40);
    assert!(out.contains("Broadband broadband"), "{out}");
    // the finder, its hit highlighted
    let mut finder = Finder::with_corpus(st.ctx.filters.corpus().clone());
    let results = finder
        .search("broadband", 200, &CancelToken::never())
        .unwrap();
    let mut f = FinderOverlay::default();
    f.receive(0, results);
    assert!(!f.hits.is_empty());
    st.overlays.push(Overlay::Finder(f));
    let out = screen(&st, 120, 40);
    assert!(out.contains("Broadband broadband"), "{out}");
    // generous: each frame takes milliseconds; matching the whole title
    // to highlight it took gigabytes and many seconds
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(20), "{took:?}");
}
