//! The Activities screen: every activity the view keeps in a sortable
//! table on the left, the selected one's card and related records on the
//! right.
//!
//! The component owns the table's order (`s` cycles the sort column, `S`
//! reverses it), its cursor and its panes; the order is rebuilt whenever
//! the view or the sort changes.

mod model;
mod table;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::entity::EntityRef;
use crate::tui::action::Action;
use crate::tui::component::{Component, ScreenView};
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout::{Cursor, Pane};
use crate::view::Show;

pub use model::{Activities, SortKey};
pub use table::chips;

impl Component for Activities {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Table, Context::Panes]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let sel = self.selected(ctx);
        if let Some(effects) = self.panes.update(ctx, action, sel) {
            return effects;
        }
        match action {
            Action::Right => self.panes.pane = Pane::Related,
            Action::SortNext => {
                self.sort = self.sort.next();
                self.resort(ctx);
            }
            Action::SortReverse => {
                self.desc = !self.desc;
                self.resort(ctx);
            }
            a => {
                let len = self.order.len();
                let (panes, cursor) = (&mut self.panes, &mut self.cursor);
                let items = || self.order.iter().map(|&i| EntityRef::Activity(i)).collect();
                if let Some(effects) = panes.main_list(ctx, cursor, a, sel, len, items) {
                    return effects;
                }
            }
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        table::render_table(frame, left, ctx, self, self.panes.pane == Pane::Main);
        self.panes
            .draw_details(frame, right, ctx, self.selected(ctx));
    }
}

impl ScreenView for Activities {
    fn selected(&self, _ctx: &Ctx) -> Option<EntityRef> {
        self.order
            .get(self.cursor.pos)
            .map(|&a| EntityRef::Activity(a))
    }

    fn moved_to(&self, ctx: &Ctx) -> Option<EntityRef> {
        (self.cursor.pos > 0).then(|| self.selected(ctx)).flatten()
    }

    fn select(&mut self, _ctx: &Ctx, e: EntityRef) -> bool {
        let EntityRef::Activity(a) = e else {
            return false;
        };
        match self.order.iter().position(|&x| x == a) {
            Some(i) => {
                self.cursor.pos = i;
                self.panes.moved();
                true
            }
            None => false,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.resort(ctx);
        let sel = self.selected(ctx);
        self.panes.refresh(ctx, sel);
    }

    fn open(&mut self, _ctx: &Ctx, _show: Option<Show>) {
        self.cursor = Cursor::default();
        self.panes.restart();
    }

    fn reset(&mut self, ctx: &Ctx) {
        *self = Activities::new(ctx);
    }

    fn show(&self) -> Show {
        Show::Activities
    }

    fn shows(&self, show: Show) -> bool {
        show == Show::Activities
    }

    fn focus_main(&mut self) {
        self.panes.restart();
    }
}
