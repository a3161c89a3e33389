//! Presenter mode and guided tours in the app.
//!
//! `P` switches to a projector look (high contrast, no chrome, a large
//! heading for what is in focus, the matrix spotlit on the focused row and
//! column); `K` adds a key echo line so the room sees what was pressed. A
//! loaded tour ([`crate::tour`]) drives the view step by step: each step is
//! applied exactly as written, so stepping off to answer a question and
//! snapping back (`.`) shows the step again as it was.
//!
//! The [`Presenter`] component owns the mode, the echo and the tour; it
//! asks the app to show a step ([`Effect::ShowStep`]) and to switch the
//! theme, and draws the frame around the screen (`draw`).

pub mod draw;

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::ask::Ask;
use super::ctx::Ctx;
use super::effect::{Effect, Open};
use super::keymap::Context;
use super::theme::{Theme, ThemeChoice};
use crate::entity::EntityRef;
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

impl Presenter {
    /// What the heading names: on a tour's step, the step's focus — none
    /// when the step has none (a step about the whole map is not about the
    /// cell the cursor happens to rest on) — else what is `selected`.
    pub fn heading_focus(&self, selected: Option<EntityRef>) -> Option<EntityRef> {
        match &self.tour {
            Some(run) if !run.state.is_off_tour() => run
                .tour
                .steps
                .get(run.state.step())
                .and_then(|step| step.focus),
            _ => selected,
        }
    }

    /// Whether a tour is running and on its steps (not stepped off).
    pub fn on_tour(&self) -> bool {
        self.tour.as_ref().is_some_and(|t| !t.state.is_off_tour())
    }

    /// The key contexts the presenter adds: the tour's keys while on it.
    pub fn contexts(&self) -> Vec<Context> {
        if self.on_tour() {
            vec![Context::Tour]
        } else {
            Vec::new()
        }
    }

    /// Switches presenter mode on or off, with its projector theme (the
    /// user's theme comes back when it ends).
    pub fn toggle(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let theme = if self.on {
            self.on = false;
            match self.saved_theme.take() {
                Some(t) => t,
                None => return Vec::new(),
            }
        } else {
            self.on = true;
            let projector = if ctx.theme.choice == ThemeChoice::Mono {
                ThemeChoice::Mono
            } else {
                ThemeChoice::Projector
            };
            self.saved_theme = Some(ctx.theme.clone());
            Theme::new(projector)
        };
        vec![Effect::SetTheme(Box::new(theme))]
    }

    /// Starts presenting `tour` at its first step.
    pub fn start(&mut self, ctx: &Ctx, tour: Tour) -> Vec<Effect> {
        let mut out = Vec::new();
        if !self.on {
            out.extend(self.toggle(ctx));
        }
        let Some(state) = TourState::new(tour.steps.len()) else {
            out.push(Effect::Status("the tour has no steps".into()));
            return out;
        };
        self.tour = Some(TourRun { tour, state });
        out.extend(self.show_step(0));
        out
    }

    /// Applies a tour action.
    pub fn tour_action(&mut self, action: TourAction) -> Vec<Effect> {
        let Some(run) = &mut self.tour else {
            return vec![Effect::Status(
                "no tour is loaded — start one with sdgmap present".into(),
            )];
        };
        match run.state.apply(action) {
            Ok(Outcome::Show(i)) => self.show_step(i),
            // the caption's rule says it ("off the tour — . snaps back"):
            // a status line saying it again only took a row
            Ok(Outcome::SteppedOff | Outcome::Unchanged) => Vec::new(),
            Err(e) => vec![Effect::Status(e.to_string())],
        }
    }

    /// Shows step `i` exactly as written: its view, screen and focus.
    fn show_step(&self, i: usize) -> Vec<Effect> {
        match self.tour.as_ref().and_then(|t| t.tour.steps.get(i)) {
            Some(step) => vec![Effect::ShowStep(Box::new(step.clone()))],
            None => Vec::new(),
        }
    }

    /// Applies a presenter action: the mode, the echo and the tour keys.
    pub fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        match action {
            Action::TogglePresenter => self.toggle(ctx),
            Action::ToggleKeyEcho => {
                self.echo = !self.echo;
                self.keys.clear();
                Vec::new()
            }
            Action::TourNext => self.tour_action(TourAction::Next),
            Action::TourPrev => self.tour_action(TourAction::Prev),
            Action::StepOff => self.tour_action(TourAction::StepOff),
            Action::SnapBack => self.tour_action(TourAction::SnapBack),
            Action::TourJump => match &self.tour {
                Some(run) => vec![Effect::Open(Open::Ask(
                    Ask::Jump {
                        steps: run.tour.steps.len(),
                    },
                    String::new(),
                ))],
                None => self.tour_action(TourAction::Jump(0)),
            },
            _ => Vec::new(),
        }
    }

    /// Remembers a key press for the echo line: `→  next step`.
    pub fn echo(&mut self, key: KeyEvent, action: Action) {
        if !self.echo {
            return;
        }
        let desc = super::keymap::KEYMAP
            .iter()
            .find(|b| b.action == action)
            .map_or("", |b| b.desc);
        self.keys.push(format!("{}  {desc}", key_name(key)));
        let n = self.keys.len();
        if n > 3 {
            self.keys.drain(..n - 3);
        }
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

/// The heading for `focus`, what is in focus: the big word (goal number
/// or line id), its colour's goal, and the line beside it.
pub fn heading(
    s: &crate::snapshot::Snapshot,
    focus: Option<EntityRef>,
) -> (Option<String>, Option<u8>, String) {
    use crate::entity::EntityRef as E;
    let Some(e) = focus else {
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
        E::Indicator(i) => {
            let g = s.target(s.indicator(i).target).goal;
            (
                Some(s.indicator(i).code.clone()),
                Some(g),
                format!("Indicator {} · {}", s.indicator(i).code, goal_name(g)),
            )
        }
        E::Country(c) => (
            Some(s.country(c).code.clone()),
            None,
            s.country(c).name.clone(),
        ),
    }
}
