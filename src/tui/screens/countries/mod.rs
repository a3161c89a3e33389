//! The Countries screen: the UN regions, each opening into its countries,
//! with how many activities of the current view name each; a country's
//! card and its activities on the right (a region's summary when the
//! cursor is on a region), and Enter on a country drills into it.
//!
//! The component owns its cursor, which regions are open, the order (`s`:
//! by name or by activities) and its panes. Counts are made when the view
//! changes ([`ScreenView::refresh`]), never while drawing.

mod draw;
mod model;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::entity::EntityRef;
use crate::tui::action::Action;
use crate::tui::component::{Component, ScreenView};
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout::Cursor;
use crate::tui::matching;
use crate::view::Show;

pub use model::{Countries, CountrySort, Counts, NO_REGION, Region, Row};

impl Countries {
    /// The screen under the view of `ctx`, every region closed.
    pub fn new(ctx: &Ctx) -> Countries {
        Countries::with(&ctx.snap, ctx.sel())
    }

    /// The row under the cursor.
    pub fn row(&self, ctx: &Ctx) -> Option<Row> {
        self.rows(ctx.sel()).get(self.cursor.pos).copied()
    }

    /// `n`/`N`: the next or previous country matching the last search,
    /// in the list's order as if every region were open; its region opens.
    fn step_match(&mut self, ctx: &Ctx, forward: bool) -> String {
        let all: Vec<EntityRef> = self
            .rows_in(ctx.sel(), true)
            .into_iter()
            .filter_map(|r| match r {
                Row::Country(c) => Some(EntityRef::Country(c)),
                Row::Region(_) => None,
            })
            .collect();
        // where the cursor is in that list: on a country, that country; on
        // a region, just before its first country
        let first_of = |r: usize| {
            all.iter()
                .position(|e| matches!(e, EntityRef::Country(c) if self.region_of(*c) == Some(r)))
                .unwrap_or(0)
        };
        let current = match self.row(ctx) {
            Some(Row::Country(c)) => all
                .iter()
                .position(|&e| e == EntityRef::Country(c))
                .unwrap_or(0),
            Some(Row::Region(r)) if forward => first_of(r).wrapping_sub(1),
            Some(Row::Region(r)) => first_of(r),
            None => 0,
        };
        match matching::step(ctx, &all, current, forward) {
            Ok((i, msg)) => {
                self.select(ctx, all[i]);
                msg
            }
            Err(msg) => msg,
        }
    }

    /// Opens (`Some(true)`), closes (`Some(false)`) or toggles the region
    /// under the cursor; on a country, closing goes to its region.
    fn expand(&mut self, ctx: &Ctx, want: Option<bool>) {
        let Some(row) = self.row(ctx) else { return };
        let r = match row {
            Row::Region(r) => r,
            Row::Country(c) => {
                if want == Some(false)
                    && let Some(r) = self.region_of(c)
                {
                    self.open.remove(&self.regions[r].name);
                    self.cursor.pos = self
                        .rows(ctx.sel())
                        .iter()
                        .position(|&x| x == Row::Region(r))
                        .unwrap_or(0);
                    self.panes.moved();
                }
                return;
            }
        };
        let name = self.regions[r].name.clone();
        if want.unwrap_or(!self.open.contains(&name)) {
            self.open.insert(name);
        } else {
            self.open.remove(&name);
        }
    }

    /// Re-sorts, keeping the cursor on the same row.
    fn resort(&mut self, ctx: &Ctx) {
        let at = self.row(ctx);
        self.sort = self.sort.next();
        if let Some(at) = at {
            self.cursor.pos = self
                .rows(ctx.sel())
                .iter()
                .position(|&x| x == at)
                .unwrap_or(0);
        }
    }
}

impl Component for Countries {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Countries, Context::Panes]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let sel = self.selected(ctx);
        let on_region = matches!(self.row(ctx), Some(Row::Region(_)));
        if on_region && matches!(action, Action::FocusNext | Action::FocusPrev) {
            return vec![Effect::Status(
                "a region has no list of its own: open it (l) and choose a country".into(),
            )];
        }
        if let Some(effects) = self.panes.update(ctx, action, sel) {
            return effects;
        }
        match action {
            Action::Left | Action::Right => self.expand(ctx, Some(action == Action::Right)),
            Action::ToggleExpand => self.expand(ctx, None),
            Action::SortNext => self.resort(ctx),
            // a region holds no record: Enter opens it
            Action::DrillIn if on_region => self.expand(ctx, None),
            // n/N step through every country, opening its region
            Action::NextMatch | Action::PrevMatch => {
                let msg = self.step_match(ctx, action == Action::NextMatch);
                return vec![Effect::Status(msg)];
            }
            a => {
                let len = self.rows(ctx.sel()).len();
                let (panes, cursor) = (&mut self.panes, &mut self.cursor);
                if let Some(effects) = panes.main_list(ctx, cursor, a, sel, len, Vec::new) {
                    return effects;
                }
            }
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let rows = self.rows(ctx.sel());
        draw::list(frame, left, ctx, self, &rows);
        match rows.get(self.cursor.pos) {
            Some(&Row::Region(r)) => draw::region_pane(frame, right, ctx, self, r),
            _ => self
                .panes
                .draw_details(frame, right, ctx, self.selected(ctx)),
        }
    }
}

impl ScreenView for Countries {
    fn selected(&self, ctx: &Ctx) -> Option<EntityRef> {
        match self.row(ctx)? {
            Row::Country(c) => Some(EntityRef::Country(c)),
            Row::Region(_) => None,
        }
    }

    fn moved_to(&self, ctx: &Ctx) -> Option<EntityRef> {
        (self.cursor.pos > 0).then(|| self.selected(ctx)).flatten()
    }

    fn select(&mut self, ctx: &Ctx, e: EntityRef) -> bool {
        let EntityRef::Country(c) = e else {
            return false;
        };
        if let Some(r) = self.region_of(c) {
            self.open.insert(self.regions[r].name.clone());
        }
        match self
            .rows(ctx.sel())
            .iter()
            .position(|&x| x == Row::Country(c))
        {
            Some(i) => {
                self.cursor.pos = i;
                self.panes.moved();
                true
            }
            None => false,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.recount(&ctx.snap, ctx.sel());
        let len = self.rows(ctx.sel()).len();
        self.cursor.clamp(len);
        let sel = self.selected(ctx);
        self.panes.refresh(ctx, sel);
    }

    fn open(&mut self, _ctx: &Ctx, show: Option<Show>) {
        if show == Some(Show::Countries) {
            // the countries are what the view shows: every region opens
            let names: Vec<String> = self.regions.iter().map(|r| r.name.clone()).collect();
            self.open.extend(names);
        }
        self.cursor = Cursor::default();
        self.panes.restart();
    }

    fn reset(&mut self, ctx: &Ctx) {
        *self = Countries::new(ctx);
    }

    fn show(&self) -> Show {
        Show::Countries
    }

    fn shows(&self, show: Show) -> bool {
        show == Show::Countries
    }

    fn focus_main(&mut self) {
        self.panes.restart();
    }
}
