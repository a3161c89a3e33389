//! The drill-down: one focused record, everything related to it, and a
//! preview of the related record under the cursor — over whichever screen
//! it was entered from.
//!
//! `Enter` on a related record focuses it in turn (SDG 9 → 9.c → C2 → an
//! activity …); the trail of focused records is the breadcrumb, and `Esc`
//! steps back along it. The component owns the trail, each level's cursor,
//! and the focus and scroll of the focused record's card.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::panes::delta;
use crate::entity::EntityRef;
use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout::{CardView, Cursor, Hit, Pane};
use crate::tui::matching;
use crate::tui::ui::cards::{card_above, render_card};
use crate::tui::ui::related::render_related;

/// One drill-down level: a focused record and the cursor in its related list.
#[derive(Debug, Clone)]
pub struct Crumb {
    /// The focused record.
    pub entity: EntityRef,
    /// Cursor over its related records.
    pub cursor: Cursor,
}

/// The drill-down trail and its panes.
#[derive(Debug, Default)]
pub struct Drill {
    /// The focused records, outermost first.
    pub trail: Vec<Crumb>,
    /// `Main` (the related list) or `Card` (the focused record's card).
    pub pane: Pane,
    /// The focused record's card.
    pub card: CardView,
    /// Rows of the related list that fit, last frame.
    page: Cell<usize>,
}

impl Drill {
    /// Whether nothing is drilled into.
    pub fn is_empty(&self) -> bool {
        self.trail.is_empty()
    }

    /// The focused record.
    pub fn focus(&self) -> Option<EntityRef> {
        self.trail.last().map(|c| c.entity)
    }

    /// The trail as records.
    pub fn entities(&self) -> Vec<EntityRef> {
        self.trail.iter().map(|c| c.entity).collect()
    }

    /// Focuses `e` one level deeper (nothing when it is focused already).
    pub fn push(&mut self, e: EntityRef) {
        if self.focus() == Some(e) {
            return;
        }
        self.trail.push(Crumb {
            entity: e,
            cursor: Cursor::default(),
        });
        self.pane = Pane::Main;
        self.card.scroll = 0;
    }

    /// Keeps the first `n` levels.
    pub fn truncate(&mut self, n: usize) {
        self.trail.truncate(n);
        self.pane = Pane::Main;
        self.card.scroll = 0;
    }

    /// Replaces the trail (history, a reload), every cursor at the top.
    pub fn set(&mut self, trail: Vec<EntityRef>) {
        self.trail = trail
            .into_iter()
            .map(|entity| Crumb {
                entity,
                cursor: Cursor::default(),
            })
            .collect();
        self.pane = Pane::Main;
        self.card.scroll = 0;
    }

    /// The focused record's related records, in one list.
    pub fn related(&self, ctx: &Ctx) -> Vec<EntityRef> {
        self.focus()
            .map(|e| ctx.related_flat(e))
            .unwrap_or_default()
    }

    /// The view changed: the cursor stays on something still listed.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let len = self.related(ctx).len();
        if let Some(c) = self.trail.last_mut() {
            c.cursor.clamp(len);
        }
    }

    fn page(&self) -> usize {
        if self.pane == Pane::Card {
            self.card.page()
        } else {
            self.page.get().max(1)
        }
    }
}

impl Component for Drill {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Drill]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        if let Some(d) = delta(action, self.page()) {
            if self.pane == Pane::Card {
                self.card.scroll_by(d);
            } else {
                let len = self.related(ctx).len();
                if let Some(c) = self.trail.last_mut() {
                    c.cursor.step(d, len);
                }
            }
            return Vec::new();
        }
        let pos = self.trail.last().map_or(0, |c| c.cursor.pos);
        match action {
            Action::Back if self.pane == Pane::Card => {
                self.pane = Pane::Main;
                self.card.scroll = 0;
            }
            Action::Back => {
                self.trail.pop();
                self.card.scroll = 0;
            }
            Action::DrillIn => match self.related(ctx).get(pos) {
                Some(&e) => self.push(e),
                None => return vec![Effect::Status("nothing to open here".into())],
            },
            Action::FocusNext | Action::FocusPrev => {
                self.pane = if self.pane == Pane::Main && self.card.shown.get() {
                    Pane::Card
                } else {
                    Pane::Main
                };
            }
            Action::Click(x, y) => {
                if let (Some(Hit::RelatedRow(n)), Some(c)) =
                    (ctx.layout.hit(x, y), self.trail.last_mut())
                {
                    c.cursor.pos = n;
                }
            }
            Action::NextMatch | Action::PrevMatch => {
                let items = self.related(ctx);
                let forward = action == Action::NextMatch;
                return vec![Effect::Status(
                    match matching::step(ctx, &items, pos, forward) {
                        Ok((i, msg)) => {
                            if let Some(c) = self.trail.last_mut() {
                                c.cursor.pos = i;
                            }
                            msg
                        }
                        Err(msg) => msg,
                    },
                )];
            }
            _ => {}
        }
        Vec::new()
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        self.card.shown.set(false);
        let Some(crumb) = self.trail.last() else {
            return;
        };
        let e = crumb.entity;
        let focused = self.pane == Pane::Card;
        let share = if focused { 3 } else { 2 };
        let below = card_above(
            frame,
            area,
            ctx,
            e,
            (&self.card, focused),
            area.height * share / 5,
        );
        if below.height < 3 {
            return;
        }
        let [list, preview] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(below);
        let groups = ctx.related_to(e);
        render_related(
            frame,
            list,
            ctx,
            &groups,
            &crumb.cursor,
            !focused,
            "related — Enter to open, Esc back",
            &self.page,
        );
        let flat: Vec<_> = groups
            .iter()
            .flat_map(|g| g.items.iter().copied())
            .collect();
        match flat.get(crumb.cursor.pos) {
            Some(&sel) => render_card(frame, preview, ctx, sel, "preview", None, false),
            None => frame.render_widget(
                Paragraph::new("Nothing related.").style(t.dim).block(
                    Block::new()
                        .borders(Borders::ALL)
                        .border_style(t.border)
                        .title(Span::styled(" preview ", t.dim)),
                ),
                preview,
            ),
        }
    }
}
