//! Presenter mode and guided tours in the app.
//!
//! `P` switches to a projector look (high contrast, no chrome, a large
//! heading for what is in focus, the matrix spotlit on the focused row and
//! column); `K` adds a key echo line so the room sees what was pressed. A
//! loaded tour ([`crate::tour`]) drives the view step by step: each step is
//! applied exactly as written, so stepping off to answer a question and
//! snapping back (`.`) shows the step again as it was.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::filter;
use super::overlays::open_view;
use super::state::{Pane, Screen, State};
use super::theme::{Theme, ThemeChoice};
use super::update::push;
use crate::tour::{Outcome, Tour, TourAction, TourState};

/// A tour being presented.
#[derive(Debug, Clone)]
pub struct TourRun {
    /// The validated tour.
    pub tour: Tour,
    /// Where it is.
    pub state: TourState,
}

/// Presenter state.
#[derive(Debug, Clone, Default)]
pub struct Presenter {
    /// Presenter mode is on.
    pub on: bool,
    /// The key echo line is shown.
    pub echo: bool,
    /// The last keys pressed, for the echo line.
    pub keys: Vec<String>,
    /// The tour, when one is loaded.
    pub tour: Option<TourRun>,
    /// Where `T` appends recorded steps.
    pub record_to: Option<PathBuf>,
    /// The theme to restore when presenter mode ends.
    pub saved_theme: Option<Theme>,
}

/// Switches presenter mode on or off (with its projector theme).
pub fn toggle(st: &mut State) {
    if st.presenter.on {
        st.presenter.on = false;
        if let Some(t) = st.presenter.saved_theme.take() {
            st.theme = t;
        }
    } else {
        st.presenter.on = true;
        let projector = if st.theme.choice == ThemeChoice::Mono {
            ThemeChoice::Mono
        } else {
            ThemeChoice::Projector
        };
        st.presenter.saved_theme = Some(std::mem::replace(&mut st.theme, Theme::new(projector)));
    }
}

/// Starts presenting `tour` at its first step.
pub fn start(st: &mut State, tour: Tour) {
    if !st.presenter.on {
        toggle(st);
    }
    let Some(state) = TourState::new(tour.steps.len()) else {
        st.status = Some("the tour has no steps".into());
        return;
    };
    st.presenter.tour = Some(TourRun { tour, state });
    show_step(st, 0);
}

/// Whether a tour is running and on its steps (not stepped off).
pub fn on_tour(st: &State) -> bool {
    st.presenter
        .tour
        .as_ref()
        .is_some_and(|t| !t.state.is_off_tour())
}

/// Applies a tour action.
pub fn tour_action(st: &mut State, action: TourAction) {
    let Some(run) = &mut st.presenter.tour else {
        st.status = Some("no tour is loaded — start one with sdgmap present".into());
        return;
    };
    match run.state.apply(action) {
        Ok(Outcome::Show(i)) => show_step(st, i),
        Ok(Outcome::SteppedOff) => {
            st.status = Some("off the tour: explore freely, . snaps back".into());
        }
        Ok(Outcome::Unchanged) => {}
        Err(e) => st.status = Some(e.to_string()),
    }
}

/// Shows step `i` exactly as written: its view, screen and focus.
fn show_step(st: &mut State, i: usize) {
    let Some(step) = st
        .presenter
        .tour
        .as_ref()
        .and_then(|t| t.tour.steps.get(i))
        .cloned()
    else {
        return;
    };
    st.overlay = None;
    st.trail.clear();
    st.pane = Pane::Main;
    // a step is shown as written: none of the explorer's own settings carry over
    st.zoom = None;
    st.metric = crate::matrix::Metric::default();
    st.mrow = 0;
    st.mcol = 0;
    st.sdg_cursor = Default::default();
    st.line_cursor = Default::default();
    st.act_cursor = Default::default();
    st.rel_cursor = Default::default();
    let mut view = step.view.clone();
    view.focus = None;
    let show = view.show.take();
    filter::set_chips(st, Vec::new());
    open_view(st, &view.to_string());
    st.screen = step
        .screen
        .or(show.map(super::overlays::screen_for))
        .unwrap_or(Screen::Matrix);
    if let Some(e) = step.focus {
        push(st, e);
    }
}

/// Remembers a key press for the echo line: `→  next step`.
pub fn echo(st: &mut State, key: KeyEvent, action: Action) {
    if !st.presenter.echo {
        return;
    }
    let desc = super::keymap::KEYMAP
        .iter()
        .find(|b| b.action == action)
        .map_or("", |b| b.desc);
    st.presenter.keys.push(format!("{}  {desc}", key_name(key)));
    let n = st.presenter.keys.len();
    if n > 3 {
        st.presenter.keys.drain(..n - 3);
    }
}

/// How a key is written for the audience.
pub fn key_name(k: KeyEvent) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if k.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The heading for what is in focus: the big word (goal number or line id),
/// its colour's goal, and the line beside it.
pub fn heading(st: &State) -> (Option<String>, Option<u8>, String) {
    use crate::entity::EntityRef as E;
    let s = &st.snap;
    let Some(e) = st.selected() else {
        return (None, None, String::new());
    };
    let goal_name = |n: u8| s.sdg(n).map(|g| g.short_name.clone()).unwrap_or_default();
    match e {
        E::Sdg(n) => (
            Some(n.to_string()),
            Some(n),
            format!("SDG {n} · {}", goal_name(n)),
        ),
        E::Target(t) => {
            let g = s.target(t).goal;
            (
                Some(s.target(t).code.clone()),
                Some(g),
                format!("Target {} · {}", s.target(t).code, goal_name(g)),
            )
        }
        E::Cell(l, n) => (
            Some(n.to_string()),
            Some(n),
            format!("{} × SDG {n} · {}", s.line(l).id, goal_name(n)),
        ),
        E::Link(k) => {
            let link = s.link(k);
            (
                Some(link.sdg.to_string()),
                Some(link.sdg),
                format!(
                    "{} × SDG {} · {}",
                    s.line(link.action_line).id,
                    link.sdg,
                    goal_name(link.sdg)
                ),
            )
        }
        E::Line(l) => (
            Some(s.line(l).id.replace("C7-e-", "e-")),
            None,
            format!("{} · {}", s.line(l).id, s.line(l).title),
        ),
        E::Activity(a) => (
            None,
            s.activity(a).sdgs().first(),
            s.activity(a).title().to_owned(),
        ),
    }
}
