//! What opens over the screens: the finder, the filter bar, the palette,
//! the bookmark list, the help, questions, messages and suggestions.
//!
//! Each overlay is a component of its own; [`Overlay`] is the closed set
//! the app stacks (a question can open over the bookmark list), with the
//! dispatch to each. A new overlay is a new module and a variant here.

pub mod facet_panel;
pub mod filter;
pub mod finder;
pub mod help;
pub mod marks;
pub mod message;
pub mod palette;
pub mod prompt;
pub mod scroll;
pub mod suggest;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Effect, Open};
use crate::tui::input::LineEdit;
use crate::tui::keymap::Context;

pub use filter::{FilterBar, FilterFocus};
pub use finder::Finder;
pub use help::Help;
pub use marks::MarkList;
pub use message::Message;
pub use palette::Palette;
pub use prompt::Prompt;
pub use suggest::SuggestView;

/// An open overlay.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// The key help.
    Help(Help),
    /// The `/` finder.
    Finder(Finder),
    /// The `f` filter bar.
    Filter(FilterBar),
    /// The `:` command palette.
    Palette(Palette),
    /// A one-line question.
    Prompt(Prompt),
    /// The `'` bookmark list.
    Marks(MarkList),
    /// A message with several lines.
    Message(Message),
    /// What sdgmap suggests for a text (`:suggest`).
    Suggest(SuggestView),
}

impl Overlay {
    /// The overlay `open` asks for; `under` are the contexts of what it
    /// opens over (for the help).
    pub fn new(open: Open, ctx: &Ctx, under: Vec<Context>) -> Overlay {
        match open {
            Open::Help => Overlay::Help(Help::new(under)),
            Open::Finder => Overlay::Finder(Finder::default()),
            Open::Filter => Overlay::Filter(FilterBar::open(ctx)),
            Open::Palette => Overlay::Palette(Palette::default()),
            Open::Marks => Overlay::Marks(MarkList::default()),
            Open::Ask(ask, text) => Overlay::Prompt(Prompt::new(ask, &text)),
            Open::Message { title, lines } => Overlay::Message(Message::new(title, lines)),
            Open::Suggest(text) => Overlay::Suggest(SuggestView::new(ctx, &text)),
        }
    }

    /// The overlay as a component.
    pub fn component(&self) -> &dyn Component {
        match self {
            Overlay::Help(c) => c,
            Overlay::Finder(c) => c,
            Overlay::Filter(c) => c,
            Overlay::Palette(c) => c,
            Overlay::Prompt(c) => c,
            Overlay::Marks(c) => c,
            Overlay::Message(c) => c,
            Overlay::Suggest(c) => c,
        }
    }

    /// The overlay as a component, to change.
    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            Overlay::Help(c) => c,
            Overlay::Finder(c) => c,
            Overlay::Filter(c) => c,
            Overlay::Palette(c) => c,
            Overlay::Prompt(c) => c,
            Overlay::Marks(c) => c,
            Overlay::Message(c) => c,
            Overlay::Suggest(c) => c,
        }
    }

    /// The text field that has the keys, and the most characters it holds:
    /// a search at most what the matcher takes, a view at most a view's
    /// length.
    pub fn input_mut(&mut self) -> Option<(&mut LineEdit, usize)> {
        let view = crate::view::MAX_VIEW_CHARS;
        let pattern = crate::search::MAX_PATTERN_CHARS;
        match self {
            Overlay::Finder(f) => Some((&mut f.input, pattern)),
            Overlay::Filter(f) if f.focus == FilterFocus::Input => Some((&mut f.input, view)),
            Overlay::Palette(p) => Some((&mut p.input, view + "open ".len())),
            Overlay::Prompt(p) => Some((&mut p.input, view)),
            Overlay::Marks(l) if l.filtering => Some((&mut l.filter, pattern)),
            _ => None,
        }
    }

    /// Draws the overlay: the help and messages over the whole terminal,
    /// the others over the screen between the chrome.
    /// The rows at the bottom of `main` the overlay takes while the screen
    /// stays usable above it (the filter bar), so the screen is drawn in
    /// the rest and marks what no longer fits; `None` for an overlay drawn
    /// over the screen.
    pub fn docked(&self, main: Rect) -> Option<u16> {
        match self {
            Overlay::Filter(_) => Some(filter::height(main)),
            _ => None,
        }
    }

    pub fn draw(&self, frame: &mut Frame, full: Rect, main: Rect, ctx: &Ctx) {
        let area = match self {
            Overlay::Help(_) | Overlay::Message(_) | Overlay::Suggest(_) => full,
            _ => main,
        };
        self.component().draw(frame, area, ctx);
    }
}

impl Component for Overlay {
    fn contexts(&self) -> Vec<Context> {
        self.component().contexts()
    }
    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        self.component_mut().update(ctx, action)
    }
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.component().draw(frame, area, ctx)
    }
}
