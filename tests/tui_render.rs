//! Whole-screen snapshots of every screen through ratatui's TestBackend, at
//! 80×24 and 160×48, heatmap colours asserted cell by cell, and a sweep of
//! terminal sizes that must never panic.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use sdgmap::snapshot::load_bundled;
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::render;
use sdgmap::tui::{App, Theme, ThemeChoice};

fn app(theme: ThemeChoice) -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(theme),
        "<bundled snapshot>".into(),
    )
}

fn draw(st: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    t
}

fn script(actions: &[Action]) -> App {
    let mut st = app(ThemeChoice::Dark);
    for &a in actions {
        st.update(a);
    }
    st
}

const C2_SDG9: [Action; 9] = [Down, Right, Right, Right, Right, Right, Right, Right, Right];

macro_rules! screens {
    ($($name:ident: $actions:expr;)*) => {$(
        #[test]
        fn $name() {
            let st = script(&$actions);
            for (w, h) in [(80, 24), (160, 48)] {
                let t = draw(&st, w, h);
                insta::assert_snapshot!(format!("{}_{w}x{h}", stringify!($name)), t.backend());
            }
        }
    )*};
}

screens! {
    matrix_start: [];
    matrix_c2_sdg9: C2_SDG9;
    matrix_activities_metric: [CycleMetric];
    matrix_zoom_sdg9: [Down, Right, Right, Right, Right, Right, Right, Right, Right, ToggleZoom];
    drill_cell: [Down, Right, Right, Right, Right, Right, Right, Right, Right, DrillIn];
    drill_target: [Down, Right, Right, Right, Right, Right, Right, Right, Right, DrillIn, Down, Down, Down, DrillIn];
    sdgs_screen: [Show(Screen::Sdgs), Down, Down, Down, Down, Down, Down, Down, Down, Right];
    lines_screen: [Show(Screen::Lines), Down, Down, Down, Down, Down, Down, ToggleExpand];
    activities_screen: [Show(Screen::Activities)];
    activities_details_focus: [Show(Screen::Activities), Down, FocusNext];
    help_overlay: [ToggleHelp];
    help_on_activities: [Show(Screen::Activities), ToggleHelp];
}

#[test]
fn too_small_says_so() {
    let st = app(ThemeChoice::Dark);
    let t = draw(&st, 50, 10);
    let text = format!("{}", t.backend());
    assert!(
        text.contains("terminal too small: need 60×16, have 50×10"),
        "{text}"
    );
    // narrower than the message: it wraps, still naming both sizes
    let text = format!("{}", draw(&st, 20, 8).backend());
    assert!(text.contains("60×16") && text.contains("20×8"), "{text}");
}

#[test]
fn mono_theme_snapshot() {
    let st = app(ThemeChoice::Mono);
    let t = draw(&st, 80, 24);
    insta::assert_snapshot!("mono_matrix_80x24", t.backend());
    // no colour anywhere
    for c in t.backend().buffer().content() {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
}

/// Finds the buffer position of the first cell of matrix column `col` on the row labelled `label`.
fn cell_pos(t: &Terminal<TestBackend>, label: &str, col: usize) -> (u16, u16) {
    let buf = t.backend().buffer();
    let w = buf.area.width;
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect();
    let header_y = rows
        .iter()
        .position(|r| r.contains(" 1 ") && r.contains("Σ"))
        .unwrap() as u16;
    let y = rows
        .iter()
        .position(|r| r.starts_with(&format!(" {label}")))
        .unwrap() as u16;
    // header labels are centred in equal-width cells; find the x where column 1 starts
    let header: Vec<char> = rows[header_y as usize].chars().collect();
    let one = header.iter().position(|&c| c == '1').unwrap();
    let two = header.iter().position(|&c| c == '2').unwrap();
    let cw = two - one;
    let x0 = one - (cw - 1) / 2;
    ((x0 + col * cw) as u16, y)
}

#[test]
fn heatmap_colours_follow_the_values() {
    let st = app(ThemeChoice::Dark);
    let theme = Theme::new(ThemeChoice::Dark);
    let t = draw(&st, 160, 48);
    let buf = t.backend().buffer();
    // C4 × SDG 12 has the largest value of its row (4 targets): level 4 of 5 (max 10)
    for (label, col) in [("C4", 11usize), ("C2", 8), ("C6", 15), ("C10", 16)] {
        let r = st
            .screens
            .matrix
            .grid
            .rows
            .iter()
            .position(|&l| st.ctx.snap.line(l).id == label)
            .unwrap();
        let v = st.screens.matrix.grid.value(r, col);
        let level = st.screens.matrix.grid.shade(v);
        let (x, y) = cell_pos(&t, label, col);
        let cell = &buf[(x, y)];
        assert_eq!(
            cell.bg,
            theme.heat[level].bg.unwrap(),
            "{label} × SDG {} value {v}",
            col + 1
        );
        // the shading glyph sits in the cell (centred in wide cells), coloured alike
        let (next_x, _) = cell_pos(&t, label, col + 1);
        let glyph = sdgmap::tui::theme::SHADES[level].to_string();
        let at = (x..next_x)
            .find(|&xx| buf[(xx, y)].symbol() == glyph)
            .unwrap_or_else(|| panic!("no {glyph} in {label} × {}", col + 1));
        assert_eq!(buf[(at, y)].bg, theme.heat[level].bg.unwrap());
    }
    // an empty cell keeps the painted background
    let (x, y) = cell_pos(&t, "C11", 0);
    assert_eq!(buf[(x, y)].bg, theme.base.bg.unwrap());
    // goal column headers carry the official colours
    let (x, y) = cell_pos(&t, "C1", 8);
    assert_eq!(
        buf[(x, y - 1)].bg,
        Color::Rgb(0xFD, 0x69, 0x25),
        "SDG 9 header"
    );
    let (x, y) = cell_pos(&t, "C1", 1);
    assert_eq!(
        buf[(x, y - 1)].bg,
        Color::Rgb(0xDD, 0xA6, 0x3A),
        "SDG 2 header"
    );
    // the header of the cursor's column is highlighted instead (crosshair)
    let (x, y) = cell_pos(&t, "C1", 0);
    assert_eq!(
        buf[(x, y - 1)].bg,
        theme.selected.bg.unwrap(),
        "SDG 1 header"
    );
}

#[test]
fn the_focused_cell_is_highlighted_and_the_cursor_sits_on_it() {
    let st = script(&C2_SDG9);
    let theme = Theme::new(ThemeChoice::Dark);
    let t = draw(&st, 160, 48);
    let (x, y) = cell_pos(&t, "C2", 8);
    assert_eq!(t.backend().buffer()[(x, y)].bg, theme.selected.bg.unwrap());
    assert_eq!(st.ctx.layout.cursor.get(), Some((x, y)));
}

#[test]
fn no_size_panics() {
    let mut states = vec![
        script(&[]),
        script(&[Show(Screen::Sdgs), Right]),
        script(&[Show(Screen::Activities)]),
        script(&C2_SDG9),
    ];
    states.push(script(&[DrillIn, ToggleHelp]));
    states.push(script(&[Down, ToggleZoom]));
    for st in &states {
        let mut t = Terminal::new(TestBackend::new(1, 1)).unwrap();
        for w in (1..=300u16).step_by(23).chain([2, 59, 60, 61, 80, 300]) {
            for h in (1..=100u16).step_by(13).chain([2, 15, 16, 17, 24, 100]) {
                t.backend_mut().resize(w, h);
                t.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
                t.draw(|f| render(f, st)).unwrap();
            }
        }
    }
}

/// The goal tree's counts column is there for every goal or for none: a
/// narrow list must not look as if some goals had no targets or links.
#[test]
fn goal_counts_show_for_every_goal_or_for_none() {
    let st = script(&[Show(Screen::Sdgs)]);
    let mut seen = Vec::new();
    for (w, h) in [
        (60, 24),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 48),
        (200, 60),
    ] {
        let t = draw(&st, w, h);
        let buf = t.backend().buffer();
        let rows: Vec<String> = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        let goal_rows: Vec<&String> = rows.iter().filter(|r| r.contains("▸ ")).collect();
        assert!(goal_rows.len() >= 10, "{w}×{h}: {rows:#?}");
        let with_counts = goal_rows
            .iter()
            .filter(|r| {
                let r = r.split('│').nth(1).unwrap_or("");
                r.trim_end().ends_with('a') && r.contains("t ") && r.contains("L ")
            })
            .count();
        assert!(
            with_counts == 0 || with_counts == goal_rows.len(),
            "{w}×{h}: {with_counts} of {} goal rows have counts:\n{}",
            goal_rows.len(),
            rows.join("\n")
        );
        seen.push(with_counts > 0);
    }
    // wide enough, the counts are there
    assert!(seen.last().copied().unwrap_or(false));
}
