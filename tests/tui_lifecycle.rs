//! The snapshot lifecycle in the app: `--compare` marks changed Matrix
//! cells and explains them on drill-in; `R` reloads keeping the view, and a
//! broken file keeps the old data on screen with its problems listed.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::diff::ChangeKind;
use sdgmap::snapshot::{BUNDLED, load_file};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::compare::Compare;
use sdgmap::tui::effect::Io;
use sdgmap::tui::overlays::Overlay;
use sdgmap::tui::render;
use sdgmap::tui::{App, Theme, ThemeChoice};

fn run(st: &mut App, actions: &[Action]) {
    for &a in actions {
        st.update(a);
    }
}

fn screen(st: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    format!("{}", t.backend())
}

fn compared() -> App {
    let old = load_file("tests/fixtures/diff/old.json".as_ref()).unwrap();
    let new = load_file("tests/fixtures/diff/new.json".as_ref()).unwrap();
    let mut st = App::new(new, Theme::new(ThemeChoice::Dark), "new.json".into());
    st.ctx.compare = Some(Compare::new(
        "old.json",
        std::sync::Arc::new(old),
        &st.ctx.snap,
    ));
    st
}

/// Moves the matrix cursor onto (row id, goal).
fn goto(st: &mut App, row: &str, sdg: u8) {
    let r = st
        .screens
        .matrix
        .grid
        .rows
        .iter()
        .position(|&l| st.ctx.snap.line(l).id == row)
        .unwrap();
    let c = st
        .screens
        .matrix
        .grid
        .columns
        .iter()
        .position(|&c| c == sdgmap::matrix::Column::Sdg(sdg))
        .unwrap();
    st.screens.matrix.row = r;
    st.screens.matrix.col = c;
}

#[test]
fn compare_marks_each_changed_cell() {
    let st = compared();
    let line = |id: &str| st.ctx.snap.index().line(id).unwrap();
    assert_eq!(
        st.ctx
            .compare
            .as_ref()
            .unwrap()
            .cell_change(&st.ctx.snap, line("C4"), 4),
        Some(ChangeKind::Added)
    );
    assert_eq!(
        st.ctx
            .compare
            .as_ref()
            .unwrap()
            .cell_change(&st.ctx.snap, line("C2"), 9),
        Some(ChangeKind::Changed)
    );
    assert_eq!(
        st.ctx
            .compare
            .as_ref()
            .unwrap()
            .cell_change(&st.ctx.snap, line("C5"), 16),
        Some(ChangeKind::Changed)
    );
    assert_eq!(
        st.ctx
            .compare
            .as_ref()
            .unwrap()
            .cell_change(&st.ctx.snap, line("C7-e-business"), 9),
        None,
        "no link before or after"
    );
    let wide = screen(&st, 160, 30);
    assert!(wide.contains("[vs old.json: 6 cells changed]"), "{wide}");
    assert!(
        wide.contains("+ − ± or reversed: changed since old.json"),
        "{wide}"
    );
    // a change never hides the link's status: C2 × 9 went confirmed →
    // partial and shows `~` (drawn reversed), not a bare `±`
    let c2 = wide
        .lines()
        .find(|l| l.contains("C2 Infrastructure"))
        .unwrap();
    assert!(c2.contains("2~") && !c2.contains("2±"), "{c2}");
    let text = screen(&st, 100, 30);
    insta::assert_snapshot!("compare_matrix_100x30", text);
}

#[test]
fn drilling_into_a_changed_cell_says_what_changed() {
    let mut st = compared();
    goto(&mut st, "C2", 9);
    let text = screen(&st, 120, 40);
    assert!(
        text.contains("C2 × SDG 9 — ") && text.contains("changed since old.json"),
        "{text}"
    );
    run(&mut st, &[DrillIn]);
    let text = screen(&st, 120, 40);
    assert!(text.contains("Changes since old.json"), "{text}");
    assert!(
        text.contains("C2/9 changed —") && text.contains("status: confirmed → partial"),
        "{text}"
    );
}

#[test]
fn reload_keeps_the_view_and_a_broken_file_keeps_the_old_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snap.json");
    std::fs::write(&path, BUNDLED).unwrap();
    let mut st = App::new(
        load_file(&path).unwrap(),
        Theme::new(ThemeChoice::Dark),
        "snap.json".into(),
    );
    run(&mut st, &[OpenFilter]);
    for c in "sdg:3".chars() {
        st.update(Insert(c));
    }
    run(&mut st, &[Accept, Show(Screen::Activities), DrillIn]);
    let focus = st.drill.trail.last().unwrap().entity.key(&st.ctx.snap);
    let n = st.ctx.snap.activities().len();

    // a new version of the file: one activity fewer
    let mut raw: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    let acts = raw["activities"].as_array_mut().unwrap();
    let gone = acts.iter().position(|a| a["id"] != focus.as_str()).unwrap();
    acts.remove(gone);
    std::fs::write(&path, serde_json::to_string(&raw).unwrap()).unwrap();
    st.reload(&path);
    assert_eq!(st.ctx.snap.activities().len(), n - 1);
    let status = st.ctx.status.clone().unwrap();
    assert!(
        status.starts_with("reloaded") && status.contains(": 1 change ("),
        "{status}"
    );
    assert_eq!(st.screen, Screen::Activities, "the view is kept");
    assert_eq!(st.ctx.filters.chips[0].view.to_string(), "sdg:3");
    assert_eq!(
        st.drill.trail.last().unwrap().entity.key(&st.ctx.snap),
        focus
    );

    // a broken file: nothing changes, the problems are shown
    std::fs::write(&path, "{ \"format\": \"sdgmap-snapshot\", ").unwrap();
    st.reload(&path);
    assert_eq!(st.ctx.snap.activities().len(), n - 1, "the old data stays");
    let Some(Overlay::Message(m)) = st.overlay() else {
        panic!("no message")
    };
    let (title, lines) = (&m.title, &m.lines);
    assert_eq!(title, "reload failed");
    assert!(
        lines.iter().any(|l| l.contains("invalid JSON")),
        "{lines:?}"
    );
    assert!(
        st.ctx
            .status
            .as_deref()
            .unwrap()
            .contains("the old data stays")
    );
    run(&mut st, &[Back]);
    assert!(st.overlay().is_none());
}

#[test]
fn r_asks_the_loop_to_reload() {
    let mut st = App::new(
        sdgmap::snapshot::load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "b".into(),
    );
    assert_eq!(st.update(Reload), vec![Io::Reload]);
}

#[test]
fn reloading_during_a_tour_keeps_its_steps_on_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("snap.json");
    std::fs::write(&path, BUNDLED).unwrap();
    let snap = load_file(&path).unwrap();
    let tour = sdgmap::tour::load_bytes(
        "t",
        sdgmap::tour::bundled("itu-2030-agenda").unwrap().as_bytes(),
        &snap,
    )
    .unwrap();
    let keys: Vec<Option<String>> = tour
        .steps
        .iter()
        .map(|s| s.focus.map(|e| e.key(&snap)))
        .collect();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "snap.json".into());
    st.start_tour(tour);
    // the new file lists the activities in reverse order: every position moves
    let mut raw: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    raw["activities"].as_array_mut().unwrap().reverse();
    std::fs::write(&path, serde_json::to_string(&raw).unwrap()).unwrap();
    assert!(st.reload(&path));
    let run = st.presenter.tour.as_ref().unwrap();
    let now: Vec<Option<String>> = run
        .tour
        .steps
        .iter()
        .map(|s| s.focus.map(|e| e.key(&st.ctx.snap)))
        .collect();
    assert_eq!(now, keys);
    for _ in 0..12 {
        st.update(TourNext);
    }
}
