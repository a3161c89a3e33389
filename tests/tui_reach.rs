//! Nothing a pane cuts is out of reach: where a card says `↓ N more`, the
//! keys the help lists scroll it into view — in a drill-down and on the
//! Matrix's cell details (keys pressed as the user presses them, looked up
//! in the keymap, screens drawn through `TestBackend`).

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sdgmap::snapshot::load_bundled;
use sdgmap::tui::{App, Theme, ThemeChoice, render};

fn app() -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "test".into(),
    )
}

fn press(st: &mut App, keys: &[KeyCode]) {
    for &k in keys {
        let action = st
            .lookup(KeyEvent::new(k, KeyModifiers::NONE))
            .unwrap_or_else(|| panic!("{k:?} does nothing here"));
        st.update(action);
    }
}

fn screen(st: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Matrix with its cursor on C2 × SDG 9, as a user gets there.
fn at_c2_sdg9() -> App {
    let mut st = app();
    press(&mut st, &chars("jllllllll"));
    st
}

fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

/// Scrolls the focused card with `j` until its `↓ N more` is gone; the
/// lines seen on the way.
fn scroll_to_end(st: &mut App, w: u16, h: u16) -> String {
    let mut seen = screen(st, w, h);
    for _ in 0..60 {
        if !seen
            .lines()
            .take(h as usize / 2 + 2)
            .any(|l| l.contains("more "))
        {
            break;
        }
        press(st, &[KeyCode::Char('j')]);
        seen.push_str(&screen(st, w, h));
    }
    seen
}

#[test]
fn a_drill_downs_card_scrolls_to_what_it_cut() {
    let mut st = at_c2_sdg9();
    press(&mut st, &[KeyCode::Enter]);
    let before = screen(&st, 80, 24);
    let selected = |s: &str| s.lines().find(|l| l.contains('▌')).map(str::to_string);
    assert!(before.contains("↓"), "the card is cut at 80×24:\n{before}");
    assert!(!before.contains("3 targets with 4 indicators"), "{before}");
    press(&mut st, &[KeyCode::Tab]);
    let seen = scroll_to_end(&mut st, 80, 24);
    let end = screen(&st, 80, 24);
    // the card's own last lines came into view, and j left the related list alone
    assert!(
        seen.contains("counted      3 targets with 4 indicators"),
        "Tab then j reaches the card's end:\n{seen}"
    );
    assert_eq!(selected(&end), selected(&before), "{end}");
    // Shift-Tab back: j moves the related list again
    press(&mut st, &[KeyCode::BackTab, KeyCode::Char('j')]);
    let after = screen(&st, 80, 24);
    assert_ne!(selected(&after), selected(&before), "{after}");
}

#[test]
fn the_matrix_cell_details_scroll_as_their_title_says() {
    let mut st = at_c2_sdg9();
    let s = screen(&st, 120, 40);
    assert!(
        s.contains("Tab to scroll") && s.contains("C2 × SDG 9"),
        "{s}"
    );
    press(
        &mut st,
        &[KeyCode::Tab, KeyCode::Char('j'), KeyCode::Char('j')],
    );
    let after = screen(&st, 120, 40);
    // j scrolled the details, not the grid: the cell is still C2 × SDG 9
    assert!(after.contains("C2 × SDG 9"), "{after}");
    press(&mut st, &[KeyCode::BackTab, KeyCode::Char('j')]);
    let grid = screen(&st, 120, 40);
    assert!(
        !grid.contains("C2 × SDG 9"),
        "Shift-Tab gives j back to the grid:\n{grid}"
    );
}

#[test]
fn the_palette_counts_the_commands_that_do_not_fit() {
    let mut st = app();
    press(&mut st, &[KeyCode::Char(':')]);
    let all = sdgmap::tui::overlays::palette::matches("").len();
    for (w, h) in [(80, 24), (200, 60)] {
        let s = screen(&st, w, h);
        let more = s
            .lines()
            .find_map(|l| {
                let i = l.find("↓ ")?;
                l[i + "↓ ".len()..].split(' ').next()?.parse::<usize>().ok()
            })
            .unwrap_or_else(|| panic!("no ↓ N more at {w}×{h}:\n{s}"));
        assert!(more > 0 && more < all, "{more} of {all}");
    }
    // at the end of the list nothing is below, and the marks say what is above
    for _ in 0..all {
        press(&mut st, &[KeyCode::Down]);
    }
    let s = screen(&st, 80, 24);
    assert!(s.contains(" above ") && !s.contains(" more "), "{s}");
}

#[test]
fn a_groups_heading_comes_back_with_its_first_record() {
    let mut st = at_c2_sdg9();
    // C2 × SDG 9's drill-down at 80×24: down the related list, then back to the top
    press(&mut st, &[KeyCode::Enter]);
    let top = screen(&st, 80, 24);
    // the first row of the related list: its first group's heading
    let first_row = |s: &str| {
        let mut lines = s.lines().skip_while(|l| !l.contains("┌ related"));
        lines
            .nth(1)
            .map(|l| l.split('│').nth(1).unwrap_or("").trim().to_string())
    };
    let heading = first_row(&top).unwrap();
    assert!(heading.starts_with("SDGs ("), "{top}");
    // a frame after each key, as the app draws one (the list scrolls as it is drawn)
    for k in chars("jjjjjjjjjjjjGg") {
        press(&mut st, &[k]);
        screen(&st, 80, 24);
    }
    let back = screen(&st, 80, 24);
    assert_eq!(first_row(&back).unwrap(), heading, "scrolled off:\n{back}");
}
