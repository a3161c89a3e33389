//! Carrying out effects: the one place where what the components share
//! changes.
//!
//! A new view reaches every screen and the drill-down (`set_chips`); a
//! view string or a tour step opens the same way everywhere (`open_parsed`,
//! `show_step`); overlays open and close here. Effects for the outside
//! world are collected and returned for the event loop.

use std::collections::VecDeque;

use super::App;
use crate::entity::EntityRef;
use crate::tour::{Screen, Step};
use crate::tui::ctx::Search;
use crate::tui::effect::{Effect, Io};
use crate::tui::filters::{Chip, chips_of};
use crate::tui::overlays::Overlay;
use crate::view::View;

impl App {
    /// Applies `effects` (and those they lead to); returns the outside-world ones.
    pub fn apply(&mut self, effects: Vec<Effect>) -> Vec<Io> {
        let mut queue: VecDeque<Effect> = effects.into();
        let mut io = Vec::new();
        while let Some(e) = queue.pop_front() {
            match e {
                Effect::Status(s) => self.ctx.status = Some(s),
                Effect::Open(open) => {
                    let under = self.view_contexts();
                    self.overlays.push(Overlay::new(open, &self.ctx, under));
                }
                Effect::Close => {
                    self.overlays.pop();
                }
                Effect::Run(action) => queue.extend(self.route(action)),
                Effect::Drill(e) => self.drill.push(e),
                Effect::Found { entity, query } => {
                    self.ctx.search = Some(Search::new(&query));
                    if self.drill.is_empty() {
                        self.screens.get_mut(self.screen).select(&self.ctx, entity);
                    }
                    self.drill.push(entity);
                }
                Effect::SetChips(chips) => self.set_chips(chips),
                Effect::OpenView(text) => self.open_view_text(&text),
                Effect::MarkRows(rows) => {
                    for o in &mut self.overlays {
                        if let Overlay::Marks(list) = o {
                            list.set_rows(rows.clone());
                        }
                    }
                }
                Effect::ShowStep(step) => self.show_step(*step),
                Effect::Tour(action) => queue.extend(self.presenter.tour_action(action)),
                Effect::SetTheme(theme) => {
                    self.ctx.theme = *theme;
                    self.ctx.presenting = self.presenter.on;
                }
                Effect::Io(x) => io.push(x),
            }
        }
        io
    }

    /// Replaces the filters; every screen and the drill-down follow.
    pub(super) fn set_chips(&mut self, chips: Vec<Chip>) {
        self.ctx.filters.set(&self.ctx.snap, chips);
        self.screens.refresh(&self.ctx);
        self.drill.refresh(&self.ctx);
    }

    /// Parses and checks a view string, then opens it.
    fn open_view_text(&mut self, text: &str) {
        match crate::view::parse_checked(text, &self.ctx.snap) {
            Ok(view) => self.open_parsed(view),
            Err(errs) => {
                let msg = errs.first().map_or_else(String::new, |e| e.message.clone());
                self.ctx.status = Some(format!("cannot open view: {msg}"));
            }
        }
    }

    /// Opens a view: its filters become the chips; `show:` picks the
    /// screen, which opens at its first record (or the `at:` record); the
    /// `focus:` record is drilled into.
    pub(super) fn open_parsed(&mut self, view: View) {
        self.set_chips(chips_of(&view));
        if let Some(show) = view.show {
            self.screen = self.screens.for_show(show);
            self.drill.set(Vec::new());
            self.screens
                .get_mut(self.screen)
                .open(&self.ctx, Some(show));
        }
        self.place(view.at.as_deref(), view.focus.as_deref());
    }

    /// Puts the screen's cursor on the `at` record and drills into the
    /// `focus` record (both keys; unknown ones are ignored).
    fn place(&mut self, at: Option<&str>, focus: Option<&str>) {
        let resolve = |k: Option<&str>| k.and_then(|k| EntityRef::resolve(&self.ctx.snap, k));
        if let Some(e) = resolve(at) {
            self.screens.get_mut(self.screen).select(&self.ctx, e);
        }
        if let Some(e) = resolve(focus) {
            self.drill.push(e);
        }
    }

    /// Shows a tour step exactly as written: none of the explorer's own
    /// settings (metric, zoom, expansion, sort, cursors) carry over.
    fn show_step(&mut self, step: Step) {
        self.overlays.clear();
        self.drill.set(Vec::new());
        self.screens.reset(&self.ctx);
        let mut view = step.view.clone();
        view.focus = None;
        let show = view.show.take();
        let at = view.at.take();
        self.set_chips(chips_of(&view));
        self.screen = step
            .screen
            .or(show.map(|s| self.screens.for_show(s)))
            .unwrap_or(Screen::Matrix);
        self.screens.get_mut(self.screen).open(&self.ctx, show);
        if let Some(e) = at.and_then(|k| EntityRef::resolve(&self.ctx.snap, &k)) {
            self.screens.get_mut(self.screen).select(&self.ctx, e);
        }
        if let Some(e) = step.focus {
            self.drill.push(e);
        }
    }
}
