//! The details side of the list screens — the selected record's card over
//! its related records — and the keys they share: moving by line, page or
//! to the ends, `Tab` between the panes, `Esc` back to the list.
//!
//! Each list screen owns a [`ListPanes`] beside its own list, so its pane
//! focus, card scroll and related cursor are its own: switching screens
//! and coming back finds them as they were.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph};

use crate::entity::EntityRef;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::layout::{CardView, Cursor, Hit, Pane};
use crate::tui::matching;
use crate::tui::ui::cards::card_above;
use crate::tui::ui::related::render_related;

/// How far a movement action moves in a list whose page is `page` rows;
/// `None` for actions that do not move.
pub fn delta(action: Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::ScrollUp => -3,
        Action::ScrollDown => 3,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        Action::PageUp => -page,
        Action::PageDown => page,
        Action::HalfPageUp => -(page / 2).max(1),
        Action::HalfPageDown => (page / 2).max(1),
        _ => return None,
    })
}

/// The panes of a list screen beside its list: focus, the card and the
/// related list.
#[derive(Debug, Default)]
pub struct ListPanes {
    /// Which pane has the keys.
    pub pane: Pane,
    /// Cursor in the related list.
    pub related: Cursor,
    /// The selected record's card.
    pub card: CardView,
    /// Rows of the focused list that fit, last frame.
    pub page: Cell<usize>,
}

impl ListPanes {
    /// The main list's cursor moved to another record: the card and the
    /// related list start from the top.
    pub fn moved(&mut self) {
        self.related = Cursor::default();
        self.card.scroll = 0;
    }

    /// Back to the main list, the card scrolled to the top.
    pub fn focus_main(&mut self) {
        self.pane = Pane::Main;
        self.card.scroll = 0;
    }

    /// Back to the main list with the card and the related list from the
    /// top: what a screen does when it is opened or focused anew.
    pub fn restart(&mut self) {
        self.focus_main();
        self.moved();
    }

    /// The view changed: the related list of `sel` may be shorter now. Only
    /// when it has the keys is it counted (a large relation is not computed
    /// for a pane nobody is in); otherwise it starts from the top.
    pub fn refresh(&mut self, ctx: &Ctx, sel: Option<EntityRef>) {
        if self.pane == Pane::Related {
            let len = sel.map_or(0, |e| ctx.related_flat(e).len());
            self.related.clamp(len);
        } else {
            self.related = Cursor::default();
        }
    }

    /// A page of the pane that has the keys.
    pub fn page(&self) -> usize {
        if self.pane == Pane::Card {
            self.card.page()
        } else {
            self.page.get().max(1)
        }
    }

    /// Handles the keys every list screen's main list shares — open the
    /// selected record, click a row, step through matches, move — for a
    /// list of `len` rows whose cursor is `cursor`; `items` lists them
    /// (asked for only by `n`/`N`). `None` when the action is the
    /// screen's own.
    pub fn main_list(
        &mut self,
        ctx: &Ctx,
        cursor: &mut Cursor,
        action: Action,
        sel: Option<EntityRef>,
        len: usize,
        items: impl FnOnce() -> Vec<EntityRef>,
    ) -> Option<Vec<Effect>> {
        match action {
            Action::DrillIn => Some(vec![match sel {
                Some(e) => Effect::Drill(e),
                None => Effect::Status("nothing to open here".into()),
            }]),
            Action::Click(x, y) => {
                if let Some(Hit::MainRow(n)) = ctx.layout.hit(x, y) {
                    self.pane = Pane::Main;
                    cursor.pos = n;
                    self.moved();
                }
                Some(Vec::new())
            }
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                let msg = match matching::step(ctx, &items(), cursor.pos, forward) {
                    Ok((i, msg)) => {
                        cursor.pos = i;
                        self.moved();
                        msg
                    }
                    Err(msg) => msg,
                };
                Some(vec![Effect::Status(msg)])
            }
            a => {
                let d = delta(a, self.page())?;
                cursor.step(d, len);
                self.moved();
                Some(Vec::new())
            }
        }
    }

    /// Handles `action` when it is for the card or the related list of
    /// `sel` (the record selected in the main list); `None` when the main
    /// list must handle it.
    pub fn update(
        &mut self,
        ctx: &Ctx,
        action: Action,
        sel: Option<EntityRef>,
    ) -> Option<Vec<Effect>> {
        let related = || sel.map(|e| ctx.related_flat(e)).unwrap_or_default();
        match action {
            Action::FocusNext | Action::FocusPrev => {
                let dir = if action == Action::FocusNext { 1 } else { -1 };
                let order: Vec<Pane> = [Pane::Main, Pane::Card, Pane::Related]
                    .into_iter()
                    .filter(|&p| p != Pane::Card || self.card.shown.get())
                    .collect();
                let i = order.iter().position(|&p| p == self.pane).unwrap_or(0) as isize;
                self.pane = order[(i + dir).rem_euclid(order.len() as isize) as usize];
                Some(Vec::new())
            }
            Action::Back if self.pane != Pane::Main => {
                self.focus_main();
                Some(Vec::new())
            }
            Action::Left if self.pane == Pane::Related => {
                self.pane = Pane::Main;
                Some(Vec::new())
            }
            Action::DrillIn if self.pane == Pane::Related => {
                Some(match related().get(self.related.pos) {
                    Some(&e) => vec![Effect::Drill(e)],
                    None => vec![Effect::Status("nothing to open here".into())],
                })
            }
            Action::Click(x, y) => match ctx.layout.hit(x, y) {
                Some(Hit::RelatedRow(n)) => {
                    self.pane = Pane::Related;
                    self.related.pos = n;
                    Some(Vec::new())
                }
                _ => None,
            },
            Action::NextMatch | Action::PrevMatch if self.pane == Pane::Related => {
                let items = related();
                let forward = action == Action::NextMatch;
                Some(
                    match matching::step(ctx, &items, self.related.pos, forward) {
                        Ok((i, msg)) => {
                            self.related.pos = i;
                            vec![Effect::Status(msg)]
                        }
                        Err(msg) => vec![Effect::Status(msg)],
                    },
                )
            }
            a if self.pane != Pane::Main => {
                let d = delta(a, self.page())?;
                if self.pane == Pane::Card {
                    self.card.scroll_by(d);
                } else {
                    let len = related().len();
                    self.related.step(d, len);
                }
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// The right-hand side: the card of `sel` over its related records.
    pub fn draw_details(&self, frame: &mut Frame, area: Rect, ctx: &Ctx, sel: Option<EntityRef>) {
        let t = &ctx.theme;
        self.card.shown.set(false);
        let Some(e) = sel else {
            frame.render_widget(
                Paragraph::new("Nothing selected.")
                    .style(t.dim)
                    .block(Block::bordered().border_style(t.border)),
                area,
            );
            return;
        };
        let share = if self.pane == Pane::Card { 2 } else { 1 };
        let rel = card_above(
            frame,
            area,
            ctx,
            e,
            (&self.card, self.pane == Pane::Card),
            area.height * share / (share + 1),
        );
        if rel.height > 2 {
            let groups = ctx.related_to(e);
            render_related(
                frame,
                rel,
                ctx,
                &groups,
                &self.related,
                self.pane == Pane::Related,
                "related — Tab to focus, Enter to open",
                &self.page,
            );
        }
    }
}
