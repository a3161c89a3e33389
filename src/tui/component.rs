//! What a component is: a piece of the explorer that owns its state, turns
//! actions into changes of that state and [`Effect`]s, and draws itself.
//!
//! Every screen and every overlay is one. The app gives the keys to one
//! component at a time (the overlay on top, else the drill-down, else the
//! screen) and hands it the shared [`Ctx`] read-only; whatever the
//! component wants changed outside itself it returns as effects. A screen
//! is a component that also lists records: [`ScreenView`] adds what the app
//! needs to save, restore and search a screen's place. A new screen is a
//! new type implementing it, registered in `screens`; nothing else changes.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::ctx::Ctx;
use super::effect::Effect;
use super::keymap::Context;
use crate::entity::EntityRef;
use crate::view::Show;

/// A piece of the explorer with its own state.
pub trait Component {
    /// The key contexts while this component has the keys, most specific
    /// first (`Global` is added by the app).
    fn contexts(&self) -> Vec<Context>;
    /// Applies `action` to the component's own state; returns what must
    /// change elsewhere.
    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect>;
    /// Draws the component into `area`.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx);
}

/// A screen: a tab of the explorer listing records.
pub trait ScreenView: Component {
    /// The record under the cursor (in the focused pane's main list or grid).
    fn selected(&self, ctx: &Ctx) -> Option<EntityRef>;
    /// The record under the cursor when the cursor is not where the screen
    /// opens (saved as a view's `at:`, so a bookmark comes back to it).
    fn moved_to(&self, ctx: &Ctx) -> Option<EntityRef>;
    /// Puts the cursor on `e` when the screen lists it (expanding what
    /// must be expanded); whether it did.
    fn select(&mut self, ctx: &Ctx, e: EntityRef) -> bool;
    /// The view changed: recompute what depends on it and keep every
    /// cursor on something still listed.
    fn refresh(&mut self, ctx: &Ctx);
    /// The screen is shown by a view string or a tour step: the cursor goes
    /// to the first record and the keys to the main list; a screen that
    /// shows `show` its own way (the SDGs screen expands its goals for
    /// `show:targets`) does so.
    fn open(&mut self, ctx: &Ctx, show: Option<Show>);
    /// Forgets the screen's own settings (metric, zoom, expansion, sort):
    /// a tour step is shown exactly as written.
    fn reset(&mut self, ctx: &Ctx);
    /// The `show:` of a view string saved on this screen.
    fn show(&self) -> Show;
    /// Whether a view's `show:` value opens this screen.
    fn shows(&self, show: Show) -> bool;
    /// The keys move to the main list (the screen was switched to).
    fn focus_main(&mut self);
}
