//! Presenter mode and tours in the app: the tour state machine driven by
//! actions (next, previous, jump, step off, snap back), recording a step,
//! the key echo, the spotlight, and presenter screens at 80×24 and 200×60.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sdgmap::snapshot::{BUNDLED, load_bundled};
use sdgmap::tour::Screen;
use sdgmap::tui::Env;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::Io;
use sdgmap::tui::overlays::Overlay;
use sdgmap::tui::render;
use sdgmap::tui::theme::ThemeChoice;
use sdgmap::tui::{App, Theme};

fn tour_app() -> App {
    let snap = load_bundled().unwrap();
    let tour = sdgmap::tour::load_bytes(
        "t",
        sdgmap::tour::bundled("itu-2030-agenda").unwrap().as_bytes(),
        &snap,
    )
    .unwrap();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "test".into());
    st.start_tour(tour);
    st
}

fn run(st: &mut App, actions: &[Action]) {
    for &a in actions {
        st.update(a);
    }
}

fn step(st: &App) -> usize {
    st.presenter.tour.as_ref().unwrap().state.step()
}

/// What a step shows: screen, focus key and view string.
fn shown(st: &App) -> (Screen, Option<String>, String) {
    let focus = st.drill.trail.last().map(|c| c.entity.key(&st.ctx.snap));
    (
        st.screen,
        focus,
        sdgmap::tui::filters::effective(st.chips()).to_string(),
    )
}

#[test]
fn tour_keys_step_forward_back_and_jump() {
    let mut st = tour_app();
    assert!(st.presenter.on);
    assert_eq!(st.ctx.theme.choice, ThemeChoice::Projector);
    assert_eq!(step(&st), 0);
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    // → and Space mean next while on the tour
    assert_eq!(st.lookup(key(KeyCode::Right)), Some(TourNext));
    assert_eq!(st.lookup(key(KeyCode::Char(' '))), Some(TourNext));
    assert_eq!(st.lookup(key(KeyCode::Left)), Some(TourPrev));
    run(&mut st, &[TourNext, TourNext, TourPrev]);
    assert_eq!(step(&st), 1);
    // the step is shown as written
    let s2 = &st.presenter.tour.as_ref().unwrap().tour.steps[1];
    assert_eq!(st.drill.trail.last().map(|c| c.entity), s2.focus);
    // g + number
    run(&mut st, &[TourJump, Insert('1'), Insert('2'), Accept]);
    assert_eq!(step(&st), 11);
    run(&mut st, &[TourNext]);
    assert_eq!(step(&st), 11, "next at the end stays");
    run(&mut st, &[TourJump, Insert('9'), Insert('9'), Accept]);
    assert_eq!(step(&st), 11);
    assert!(
        st.ctx.status.as_deref().unwrap().contains("12"),
        "{:?}",
        st.ctx.status
    );
}

#[test]
fn stepping_off_and_snapping_back_restores_the_step_exactly() {
    let mut st = tour_app();
    run(&mut st, &[TourNext, TourNext]);
    let before = shown(&st);
    // Esc steps off: now keys explore freely
    run(&mut st, &[StepOff]);
    assert!(st.presenter.tour.as_ref().unwrap().state.is_off_tour());
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        st.lookup(esc),
        Some(Back),
        "off the tour, Esc is back again"
    );
    run(
        &mut st,
        &[
            Show(Screen::Activities),
            Down,
            Down,
            DrillIn,
            OpenFilter,
            Insert(' '),
            Insert('x'),
            Accept,
        ],
    );
    assert!(st.overlay().is_none());
    assert_ne!(shown(&st), before);
    run(
        &mut st,
        &[Show(Screen::Matrix), Right, Right, ToggleZoom, CycleMetric],
    );
    run(&mut st, &[SnapBack]);
    assert_eq!(shown(&st), before);
    assert_eq!(
        (st.screens.matrix.zoom, st.screens.matrix.metric),
        (None, sdgmap::matrix::Metric::Targets),
        "explorer settings do not leak into the step"
    );
    assert!(!st.presenter.tour.as_ref().unwrap().state.is_off_tour());
}

#[test]
fn presenter_mode_toggles_its_theme_and_echoes_keys() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Light),
        "t".into(),
    );
    run(&mut st, &[TogglePresenter]);
    assert_eq!(st.ctx.theme.choice, ThemeChoice::Projector);
    run(&mut st, &[ToggleKeyEcho]);
    st.presenter
        .echo(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE), Down);
    st.presenter
        .echo(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE), Right);
    assert_eq!(st.presenter.keys.len(), 2);
    assert!(
        st.presenter.keys[0].starts_with("j  move down"),
        "{:?}",
        st.presenter.keys
    );
    run(&mut st, &[TogglePresenter]);
    assert_eq!(
        st.ctx.theme.choice,
        ThemeChoice::Light,
        "the user's theme comes back"
    );
}

#[test]
fn t_records_the_current_view_as_a_tour_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tours").join("mine.json"); // the folder does not exist yet
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    st.presenter.record_to = Some(path.clone());
    let current = sdgmap::bookmarks::snapshot_fingerprint(&st.ctx.snap, BUNDLED.as_bytes());
    let mut env = Env {
        store: Err("unused".into()),
        current,
    };
    run(
        &mut st,
        &[
            Down, Right, Right, Right, Right, Right, Right, Right, Right, DrillIn, RecordStep,
        ],
    );
    // T asks for the tour first, suggesting the one it records into
    let Some(Overlay::Prompt(p)) = st.overlay() else {
        panic!("no tour prompt")
    };
    assert_eq!(p.input.text(), path.display().to_string());
    assert!(st.update(Accept).is_empty());
    for c in "C2 builds the roads of the digital economy".chars() {
        st.update(Insert(c));
    }
    let io = st.update(Accept);
    assert!(matches!(&io[..], [Io::Record(_)]), "{io:?}");
    let mut out = Vec::new();
    for x in io {
        st.perform(&mut env, x, &mut out);
    }
    assert!(
        st.ctx
            .status
            .as_deref()
            .unwrap()
            .starts_with("step 1 added to"),
        "{:?}",
        st.ctx.status
    );
    // the file is a valid tour whose step reopens the same place
    let tour = sdgmap::tour::load_file(&path, &st.ctx.snap).unwrap();
    assert_eq!(tour.steps.len(), 1);
    assert_eq!(
        tour.steps[0].caption,
        "C2 builds the roads of the digital economy"
    );
    assert_eq!(
        tour.steps[0].focus.map(|e| e.key(&st.ctx.snap)).as_deref(),
        Some("C2@9")
    );
}

#[test]
fn the_spotlight_dims_all_but_the_focused_row_and_column() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    run(
        &mut st,
        &[
            TogglePresenter,
            Down,
            Right,
            Right,
            Right,
            Right,
            Right,
            Right,
            Right,
            Right,
        ],
    );
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    t.draw(|f| render(f, &st)).unwrap();
    let buf = t.backend().buffer();
    let row_of = |label: &str| {
        (0..60u16)
            .find(|&y| {
                (0..30u16)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .starts_with(&format!(" {label} "))
            })
            .unwrap()
    };
    // C4 × SDG 12 has a value but lies outside the crosshair: dimmed, no heat colour
    let y = row_of("C4");
    let dim = st.ctx.theme.dim;
    let cells: Vec<_> = (25..200u16).map(|x| buf[(x, y)].clone()).collect();
    assert!(
        cells.iter().any(|c| c.symbol() == "░"),
        "C4 row has a shaded cell"
    );
    for c in cells.iter().filter(|c| c.symbol() == "░") {
        assert_eq!(
            c.bg,
            dim.bg.unwrap(),
            "outside the spotlight the heat colour is off"
        );
    }
    // the focused row keeps its heat colours
    let y2 = row_of("C2");
    assert!(
        (25..200u16).any(|x| buf[(x, y2)].bg == st.ctx.theme.heat[4].bg.unwrap()
            || buf[(x, y2)].bg == st.ctx.theme.heat[2].bg.unwrap()
            || buf[(x, y2)].bg == st.ctx.theme.selected.bg.unwrap())
    );
}

#[test]
fn presenter_screens() {
    let mut st = tour_app();
    let shots: [(&str, &[Action]); 3] = [
        ("tour_step1", &[]),
        ("tour_step5", &[TourJump, Insert('5'), Accept]),
        ("off_tour", &[StepOff]),
    ];
    for (name, actions) in shots {
        run(&mut st, actions);
        for (w, h) in [(80, 24), (200, 60)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| render(f, &st)).unwrap();
            if name == "tour_step1" {
                // step 1 has no focus: no heading names the cell under the
                // cursor as if the slide were about it
                let text = format!("{}", t.backend());
                assert!(!text.contains("C1 × SDG 1"), "{text}");
            }
            insta::assert_snapshot!(format!("presenter_{name}_{w}x{h}"), t.backend());
        }
    }
}
