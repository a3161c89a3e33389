//! The app: the components, the shared context, and the routing between
//! them.
//!
//! [`App::update`] gives an action to the component that has the keys —
//! the overlay on top, else the presenter for the tour's keys, else the
//! drill-down when something is drilled into, else the current screen —
//! after the handful of actions that belong to the app itself (switching
//! screens, history, opening overlays, the view as a whole). Components
//! answer with [`Effect`]s, which `apply` carries out: the one place where
//! shared state changes. Effects on the outside world come back out of
//! `update` as [`Io`] for the event loop; `update` performs no I/O.

pub mod apply;
pub mod commands;
pub mod draw;
pub mod perform;
pub mod reload;

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::action::Action;
use super::ask::Ask;
use super::component::Component;
use super::ctx::Ctx;
use super::effect::{Effect, Io, Open};
use super::filters::Chip;
use super::history::Location;
use super::keymap::{self, Context};
use super::overlays::Overlay;
use super::present::Presenter;
use super::screens::{Drill, Screens};
use super::theme::Theme;
use crate::entity::EntityRef;
use crate::search::Results;
use crate::snapshot::Snapshot;
use crate::tour::{Screen, Tour};
use crate::view::View;

/// The whole explorer.
#[derive(Debug)]
pub struct App {
    /// What the components share.
    pub ctx: Ctx,
    /// Every screen's component.
    pub screens: Screens,
    /// The screen shown.
    pub screen: Screen,
    /// The drill-down over the screen (empty when not drilled in).
    pub drill: Drill,
    /// The overlays open, the top one last.
    pub overlays: Vec<Overlay>,
    /// Presenter mode and the tour.
    pub presenter: Presenter,
    /// The folder of the user's tours (`T` records there by name).
    pub tours_dir: Option<PathBuf>,
    /// The snapshot file `R` reloads (`--data`), also never exported over.
    pub reload_from: Option<PathBuf>,
    quit: bool,
}

impl App {
    /// A fresh explorer on `snap`: the Matrix, cursor on C1 × SDG 1.
    pub fn new(snap: Snapshot, theme: Theme, source: String) -> App {
        let ctx = Ctx::new(snap, theme, source);
        App {
            screens: Screens::new(&ctx),
            ctx,
            screen: Screen::Matrix,
            drill: Drill::default(),
            overlays: Vec::new(),
            presenter: Presenter::default(),
            tours_dir: None,
            reload_from: None,
            quit: false,
        }
    }

    /// Applies `action`; returns what the event loop must do.
    pub fn update(&mut self, action: Action) -> Vec<Io> {
        self.ctx.status = None;
        // a full field refuses a key at once, and says so
        if let Action::Insert(_) = action
            && let Some((input, limit)) = self.overlays.last_mut().and_then(Overlay::input_mut)
            && input.len() >= limit
        {
            self.ctx.status = Some(too_long(limit));
            return Vec::new();
        }
        let effects = self.route(action);
        let io = self.apply(effects);
        // every move is a place in history (going back in it records nothing new)
        let here = self.location();
        self.ctx.history.record(here);
        io
    }

    /// Whether the app has been asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The contexts whose keys work now, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        match self.overlays.last() {
            Some(o) => o.contexts(),
            None => self.view_contexts(),
        }
    }

    /// The contexts of the view itself, ignoring any overlay.
    pub fn view_contexts(&self) -> Vec<Context> {
        let mut out = self.presenter.contexts();
        if self.drill.is_empty() {
            out.extend(self.screens.get(self.screen).contexts());
        } else {
            out.extend(self.drill.contexts());
        }
        out.push(Context::Global);
        out
    }

    /// The action a key press means now.
    pub fn lookup(&self, key: KeyEvent) -> Option<Action> {
        keymap::lookup(&self.contexts(), key)
    }

    /// The overlay on top, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// The overlay on top, to change (tests hand it search results).
    pub fn overlay_mut(&mut self) -> Option<&mut Overlay> {
        self.overlays.last_mut()
    }

    /// The record in focus: the drilled-into record, else the one under
    /// the screen's cursor.
    pub fn selected(&self) -> Option<EntityRef> {
        self.drill
            .focus()
            .or_else(|| self.screens.get(self.screen).selected(&self.ctx))
    }

    /// The related records of the record in focus (see [`App::selected`]),
    /// as one list.
    pub fn related_flat(&self) -> Vec<EntityRef> {
        self.selected()
            .map(|e| self.ctx.related_flat(e))
            .unwrap_or_default()
    }

    /// Where the user is now.
    pub fn location(&self) -> Location {
        Location {
            screen: self.screen,
            trail: self.drill.entities(),
        }
    }

    /// The chips (active filters).
    pub fn chips(&self) -> &[Chip] {
        &self.ctx.filters.chips
    }

    /// The current view: the filters (switched-off ones as `~` terms), what
    /// the screen shows, and the record drilled into (`focus:`) or, when
    /// the cursor is not where the screen opens, the one under it (`at:`).
    pub fn current_view(&self) -> View {
        let mut v = self.ctx.filters.view();
        let screen = self.screens.get(self.screen);
        v.show = Some(screen.show());
        match self.drill.focus() {
            Some(e) => v.focus = Some(e.key(&self.ctx.snap)),
            None => v.at = screen.moved_to(&self.ctx).map(|e| e.key(&self.ctx.snap)),
        }
        v
    }

    /// Finder results for generation `generation`, from the search thread.
    pub fn receive(&mut self, generation: u64, results: Results) {
        for o in &mut self.overlays {
            if let Overlay::Finder(f) = o {
                f.receive(generation, results);
                return;
            }
        }
    }

    /// Whether the finder is waiting for results.
    pub fn searching(&self) -> bool {
        matches!(self.overlays.last(), Some(Overlay::Finder(f)) if f.busy)
    }

    /// Pasted text: typed into an open prompt as one edit (one re-parse or
    /// one search however long it is, cut at what the field holds, and said
    /// so), else opened as a view string (one a colleague sent).
    pub fn paste(&mut self, text: &str) -> Vec<Io> {
        let Some(top) = self.overlays.last_mut() else {
            self.ctx.status = None;
            let io = self.apply(vec![Effect::OpenView(text.trim().to_string())]);
            let here = self.location();
            self.ctx.history.record(here);
            return io;
        };
        let Some((input, limit)) = top.input_mut() else {
            return Vec::new();
        };
        let complete = input.insert_str(text, limit);
        let io = self.update(Action::Edited);
        if !complete {
            self.ctx.status = Some(too_long(limit));
        }
        io
    }

    /// The character a key press types into the open prompt, if it does.
    pub fn typed(&self, key: KeyEvent) -> Option<char> {
        match self.lookup(key) {
            Some(Action::Insert(c)) => Some(c),
            _ => None,
        }
    }

    /// Opens a view string (`--view`, a bookmark): its filters become the
    /// chips, `show:` picks the screen, `at:` the cursor and `focus:` the
    /// record drilled into. Problems go to the status line.
    pub fn open_view(&mut self, text: &str) {
        self.apply(vec![Effect::OpenView(text.to_string())]);
        let here = self.location();
        self.ctx.history.record(here);
    }

    /// Switches presenter mode on or off.
    pub fn toggle_presenter(&mut self) {
        let effects = self.presenter.toggle(&self.ctx);
        self.apply(effects);
    }

    /// Starts presenting `tour` at its first step.
    pub fn start_tour(&mut self, tour: Tour) {
        let effects = self.presenter.start(&self.ctx, tour);
        self.apply(effects);
        let here = self.location();
        self.ctx.history.record(here);
    }

    /// Who handles `action`, and what it asks for.
    fn route(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::ForceQuit {
            self.quit = true;
            return vec![Effect::Io(Io::Quit)];
        }
        if let Some(top) = self.overlays.last_mut() {
            return top.update(&self.ctx, action);
        }
        let ctx = &self.ctx;
        match action {
            Action::TogglePresenter
            | Action::ToggleKeyEcho
            | Action::TourNext
            | Action::TourPrev
            | Action::TourJump
            | Action::StepOff
            | Action::SnapBack => self.presenter.update(ctx, action),
            Action::Quit if self.drill.is_empty() => {
                self.quit = true;
                vec![Effect::Io(Io::Quit)]
            }
            Action::Quit => {
                self.drill.set(Vec::new());
                vec![Effect::Status(
                    "back at the top level — press q again to quit".into(),
                )]
            }
            Action::HistoryBack | Action::HistoryForward => {
                let dir = if action == Action::HistoryBack { -1 } else { 1 };
                self.travel(dir)
            }
            Action::Show(screen) => {
                self.show(screen);
                Vec::new()
            }
            Action::Crumb(n) => {
                self.drill.truncate(n);
                Vec::new()
            }
            Action::ToggleHelp => vec![Effect::Open(Open::Help)],
            Action::OpenFinder => vec![Effect::Open(Open::Finder)],
            Action::OpenFilter => vec![Effect::Open(Open::Filter)],
            Action::OpenPalette => vec![Effect::Open(Open::Palette)],
            Action::OpenBookmarks => vec![
                Effect::Open(Open::Marks),
                Effect::Io(Io::Bookmark(super::ask::Op::Refresh)),
            ],
            Action::SaveBookmark => {
                let view = self.current_view().to_string();
                vec![Effect::Open(Open::Ask(
                    Ask::SaveName { view },
                    String::new(),
                ))]
            }
            Action::CopyView => vec![Effect::Io(Io::Copy(self.current_view().to_string()))],
            Action::Reload => vec![Effect::Io(Io::Reload)],
            Action::RecordStep => self.ask_tour_name(),
            Action::ExportView => {
                let mut view = self.current_view();
                let show = view.show.unwrap_or(crate::view::Show::Activities);
                view.focus = None;
                view.at = None;
                let name = format!("sdgmap-{}.csv", show.name());
                let ask = Ask::Export {
                    view: Box::new(view),
                    show,
                };
                vec![Effect::Open(Open::Ask(ask, name))]
            }
            Action::ToggleCrossCutting => self.toggle_cross_cutting(),
            Action::ClearFilters => {
                if self.ctx.filters.chips.is_empty() {
                    vec![Effect::Status("no filters to clear".into())]
                } else {
                    let was = self.ctx.filters.view().to_string();
                    vec![
                        Effect::SetChips(Vec::new()),
                        Effect::Status(format!("all filters cleared (they were: {was})")),
                    ]
                }
            }
            Action::Click(x, y) | Action::DoubleClick(x, y) => self.click(action, x, y),
            a => focused(&mut self.screens, &mut self.drill, self.screen).update(ctx, a),
        }
    }

    /// A click: tabs and breadcrumbs are the app's, rows and cells the
    /// focused component's; a double click opens what it selects.
    fn click(&mut self, action: Action, x: u16, y: u16) -> Vec<Effect> {
        use super::layout::Hit;
        match self.ctx.layout.hit(x, y) {
            Some(Hit::Tab(s)) => {
                self.show(s);
                Vec::new()
            }
            Some(Hit::Crumb(n)) => {
                self.drill.truncate(n);
                Vec::new()
            }
            Some(_) => {
                let c = focused(&mut self.screens, &mut self.drill, self.screen);
                let mut out = c.update(&self.ctx, Action::Click(x, y));
                if matches!(action, Action::DoubleClick(..)) {
                    out.extend(c.update(&self.ctx, Action::DrillIn));
                }
                out
            }
            None => Vec::new(),
        }
    }

    /// Shows `screen` at its top level, its keys on its main list.
    fn show(&mut self, screen: Screen) {
        self.screen = screen;
        self.drill.set(Vec::new());
        self.screens.get_mut(screen).focus_main();
    }

    /// `[`/`]`: back to (or forward to) a place visited.
    fn travel(&mut self, dir: isize) -> Vec<Effect> {
        match self.ctx.history.travel(dir) {
            Some(loc) => {
                self.screen = loc.screen;
                self.drill.set(loc.trail);
                self.screens.get_mut(loc.screen).focus_main();
                Vec::new()
            }
            None => vec![Effect::Status(
                if dir < 0 {
                    "at the start of history"
                } else {
                    "at the end of history"
                }
                .into(),
            )],
        }
    }
}

/// What the status line says when a field is full.
fn too_long(limit: usize) -> String {
    format!("this field holds at most {limit} characters; the rest was not typed")
}

/// The drill-down when something is drilled into, else the screen.
fn focused<'a>(
    screens: &'a mut Screens,
    drill: &'a mut Drill,
    screen: Screen,
) -> &'a mut dyn Component {
    if drill.is_empty() {
        screens.get_mut(screen)
    } else {
        drill
    }
}
