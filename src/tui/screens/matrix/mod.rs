//! The Matrix screen: Action Line rows × SDG columns, the heatmap at the
//! heart of the explorer.
//!
//! The component owns its cursor, the metric (`m`), the zoom into one goal's
//! targets (`z`), the grid computed for them under the current view, and
//! the focus and scroll of the cell's card (`model`); this module turns
//! actions into changes of them. Drawing is in `draw`, the text of each
//! piece in `cells`, and where the pieces go at a given size in the pure
//! `layout`.

mod cells;
mod draw;
mod layout;
mod model;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::entity::EntityRef;
use crate::matrix::column_goal;
use crate::tui::action::Action;
use crate::tui::component::{Component, ScreenView};
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout::{Hit, Pane};
use crate::view::Show;

pub use cells::describe;
pub use model::Matrix;

impl Component for Matrix {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Matrix]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let page = if self.pane == Pane::Card {
            self.card.page()
        } else {
            self.page.get().max(1)
        };
        if let Some(d) = super::panes::delta(action, page) {
            if self.pane == Pane::Card {
                self.card.scroll_by(d);
            } else {
                let last = self.grid.rows.len().saturating_sub(1);
                self.row = self.row.saturating_add_signed(d).min(last);
                self.moved();
            }
            return Vec::new();
        }
        match action {
            Action::Left | Action::Right if self.pane == Pane::Main => {
                let dir = if action == Action::Right { 1 } else { -1 };
                let last = self.grid.columns.len().saturating_sub(1);
                self.col = self.col.saturating_add_signed(dir).min(last);
                self.moved();
            }
            Action::FocusNext | Action::FocusPrev => {
                self.pane = if self.pane == Pane::Main && self.card.shown.get() {
                    Pane::Card
                } else {
                    Pane::Main
                };
            }
            Action::Back if self.pane == Pane::Card => {
                self.pane = Pane::Main;
                self.moved();
            }
            Action::Back if self.zoom.is_some() => {
                self.moved();
                return self.toggle_zoom(ctx);
            }
            Action::Back => self.moved(),
            Action::CycleMetric => {
                self.metric = self.metric.next();
                self.regrid(ctx);
                return vec![Effect::Status(format!(
                    "matrix metric: {}",
                    self.metric.name()
                ))];
            }
            Action::ToggleZoom => return self.toggle_zoom(ctx),
            Action::DrillIn => {
                return vec![match self.cell(ctx) {
                    Some(e) => Effect::Drill(e),
                    None => Effect::Status("nothing to open here".into()),
                }];
            }
            Action::Click(x, y) => {
                if let Some(Hit::Cell(r, c)) = ctx.layout.hit(x, y) {
                    self.row = r;
                    self.col = c;
                    self.pane = Pane::Main;
                    self.moved();
                }
            }
            Action::NextMatch | Action::PrevMatch => {
                return vec![Effect::Status(match ctx.search {
                    None => "no search yet — press / to find".into(),
                    Some(_) => "n/N step through matches in lists".into(),
                })];
            }
            _ => {}
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.card.shown.set(false);
        draw::render_matrix(frame, area, self, ctx);
    }
}

impl ScreenView for Matrix {
    fn selected(&self, ctx: &Ctx) -> Option<EntityRef> {
        self.cell(ctx)
    }

    fn moved_to(&self, ctx: &Ctx) -> Option<EntityRef> {
        ((self.row, self.col) != (0, 0))
            .then(|| self.cell(ctx))
            .flatten()
    }

    fn select(&mut self, ctx: &Ctx, e: EntityRef) -> bool {
        let s = &ctx.snap;
        let (row, goal) = match e {
            EntityRef::Cell(l, n) => (Some(l), Some(n)),
            EntityRef::Link(k) => (Some(s.link(k).action_line), Some(s.link(k).sdg)),
            EntityRef::Line(l) => (Some(l), None),
            EntityRef::Sdg(n) => (None, Some(n)),
            EntityRef::Target(t) => (None, Some(s.target(t).goal)),
            EntityRef::Activity(_) => (None, None),
        };
        let r = row.and_then(|l| self.grid.rows.iter().position(|&x| x == l));
        let c = goal.and_then(|n| {
            self.grid
                .columns
                .iter()
                .position(|&col| column_goal(s, col) == n)
        });
        if row.is_some() && r.is_none()
            || goal.is_some() && c.is_none()
            || r.is_none() && c.is_none()
        {
            return false;
        }
        self.row = r.unwrap_or(self.row);
        self.col = c.unwrap_or(self.col);
        self.moved();
        true
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.regrid(ctx);
    }

    fn open(&mut self, _ctx: &Ctx, _show: Option<Show>) {
        self.row = 0;
        self.col = 0;
        self.pane = Pane::Main;
        self.moved();
    }

    fn reset(&mut self, ctx: &Ctx) {
        *self = Matrix::new(ctx);
    }

    fn show(&self) -> Show {
        Show::Links
    }

    fn shows(&self, show: Show) -> bool {
        show == Show::Links
    }

    fn focus_main(&mut self) {
        self.pane = Pane::Main;
        self.moved();
    }
}
