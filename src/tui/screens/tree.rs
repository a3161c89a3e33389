//! The SDGs and Action Lines screens: a tree on the left (goals that open
//! into their targets, lines that open into their sub-lines), the selected
//! record's card and related records on the right.
//!
//! One component type serves both screens; each screen is its own
//! instance, owning its cursor, what is expanded and its panes. The right
//! side follows the left (linked panes): move to SDG 4 and its targets,
//! links and activities are what the related list shows.

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::panes::ListPanes;
use crate::entity::EntityRef;
use crate::snapshot::LineId;
use crate::tui::action::Action;
use crate::tui::component::{Component, ScreenView};
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::layout::{Cursor, Pane};
use crate::tui::ui::list::render_tree;
use crate::view::Show;

/// Which tree a [`Tree`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeKind {
    /// Goals and their targets.
    Sdgs,
    /// Action Lines and their sub-lines.
    Lines,
}

/// A tree screen.
#[derive(Debug)]
pub struct Tree {
    /// What it lists.
    pub kind: TreeKind,
    /// The cursor over the listed items.
    pub cursor: Cursor,
    /// Expanded goals (their numbers) or lines (their ids).
    pub open: BTreeSet<u32>,
    /// The card and related list beside the tree.
    pub panes: ListPanes,
}

impl Tree {
    /// A collapsed tree of `kind`, cursor on the first item.
    pub fn new(kind: TreeKind) -> Tree {
        Tree {
            kind,
            cursor: Cursor::default(),
            open: BTreeSet::new(),
            panes: ListPanes::default(),
        }
    }

    /// The items listed: top-level records under the view and the
    /// children of the expanded ones.
    pub fn items(&self, ctx: &Ctx) -> Vec<EntityRef> {
        let (s, sel) = (&ctx.snap, ctx.sel());
        let mut out = Vec::new();
        match self.kind {
            TreeKind::Sdgs => {
                for g in s.sdgs().iter().filter(|g| sel.sdg(g.number)) {
                    out.push(EntityRef::Sdg(g.number));
                    if self.open.contains(&u32::from(g.number)) {
                        out.extend(
                            g.targets
                                .iter()
                                .filter(|&&t| sel.target(t))
                                .map(|&t| EntityRef::Target(t)),
                        );
                    }
                }
            }
            TreeKind::Lines => {
                for (i, l) in s.action_lines().iter().enumerate() {
                    let id = LineId(i as u32);
                    if l.parent.is_some()
                        || !(sel.line(id) || l.children.iter().any(|&c| sel.line(c)))
                    {
                        continue;
                    }
                    out.push(EntityRef::Line(id));
                    if self.open.contains(&id.0) {
                        out.extend(
                            l.children
                                .iter()
                                .filter(|&&c| sel.line(c))
                                .map(|&c| EntityRef::Line(c)),
                        );
                    }
                }
            }
        }
        out
    }

    /// Whether `e` is an expanded goal or line.
    fn is_open(&self, e: EntityRef) -> bool {
        match e {
            EntityRef::Sdg(n) => self.open.contains(&u32::from(n)),
            EntityRef::Line(l) => self.open.contains(&l.0),
            _ => false,
        }
    }

    /// The parent item of `e` in this tree and its key in `open`.
    fn parent(&self, ctx: &Ctx, e: EntityRef) -> Option<(EntityRef, u32)> {
        match (self.kind, e) {
            (TreeKind::Sdgs, EntityRef::Target(t)) => {
                let g = ctx.snap.target(t).goal;
                Some((EntityRef::Sdg(g), u32::from(g)))
            }
            (TreeKind::Lines, EntityRef::Line(l)) => {
                let p = ctx.snap.line(l).parent?;
                Some((EntityRef::Line(p), p.0))
            }
            _ => None,
        }
    }

    /// Expands (`Some(true)`), collapses (`Some(false)`) or toggles the item
    /// under the cursor; collapsing a child goes to its parent.
    fn expand(&mut self, ctx: &Ctx, want: Option<bool>) {
        let Some(e) = self.selected(ctx) else { return };
        if let Some((parent, key)) = self.parent(ctx, e) {
            if want == Some(false) {
                self.open.remove(&key);
                self.cursor.pos = self
                    .items(ctx)
                    .iter()
                    .position(|&x| x == parent)
                    .unwrap_or(0);
            }
            return;
        }
        let key = match e {
            EntityRef::Sdg(n) => u32::from(n),
            EntityRef::Line(l) if !ctx.snap.line(l).children.is_empty() => l.0,
            _ => return,
        };
        if want.unwrap_or(!self.open.contains(&key)) {
            self.open.insert(key);
        } else {
            self.open.remove(&key);
        }
    }
}

impl Component for Tree {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Tree, Context::Panes]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let sel = self.selected(ctx);
        if let Some(effects) = self.panes.update(ctx, action, sel) {
            return effects;
        }
        match action {
            Action::Left | Action::Right => self.expand(ctx, Some(action == Action::Right)),
            Action::ToggleExpand => self.expand(ctx, None),
            a => {
                let items = self.items(ctx);
                let len = items.len();
                let (panes, cursor) = (&mut self.panes, &mut self.cursor);
                if let Some(effects) = panes.main_list(ctx, cursor, a, sel, len, || items) {
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
        let title = match self.kind {
            TreeKind::Sdgs => "SDGs",
            TreeKind::Lines => "Action Lines",
        };
        render_tree(
            frame,
            left,
            ctx,
            &self.items(ctx),
            &self.cursor,
            self.panes.pane == Pane::Main,
            title,
            &|e| self.is_open(e),
            &self.panes.page,
        );
        self.panes
            .draw_details(frame, right, ctx, self.selected(ctx));
    }
}

impl ScreenView for Tree {
    fn selected(&self, ctx: &Ctx) -> Option<EntityRef> {
        self.items(ctx).get(self.cursor.pos).copied()
    }

    fn moved_to(&self, ctx: &Ctx) -> Option<EntityRef> {
        (self.cursor.pos > 0).then(|| self.selected(ctx)).flatten()
    }

    fn select(&mut self, ctx: &Ctx, e: EntityRef) -> bool {
        if let Some((_, key)) = self.parent(ctx, e) {
            self.open.insert(key);
        }
        match self.items(ctx).iter().position(|&x| x == e) {
            Some(i) => {
                self.cursor.pos = i;
                self.panes.moved();
                true
            }
            None => false,
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let len = self.items(ctx).len();
        self.cursor.clamp(len);
        let sel = self.selected(ctx);
        self.panes.refresh(ctx, sel);
    }

    fn open(&mut self, ctx: &Ctx, show: Option<Show>) {
        if self.kind == TreeKind::Sdgs && show == Some(Show::Targets) {
            // the targets are what the view shows: every goal opens
            self.open.extend(
                ctx.snap
                    .sdgs()
                    .iter()
                    .filter(|g| ctx.sel().sdg(g.number))
                    .map(|g| u32::from(g.number)),
            );
        }
        self.cursor = Cursor::default();
        self.panes.focus_main();
        self.panes.moved();
    }

    fn reset(&mut self, _ctx: &Ctx) {
        *self = Tree::new(self.kind);
    }

    fn show(&self) -> Show {
        match self.kind {
            TreeKind::Sdgs => Show::Sdgs,
            TreeKind::Lines => Show::Rows,
        }
    }

    fn shows(&self, show: Show) -> bool {
        match self.kind {
            TreeKind::Sdgs => matches!(show, Show::Sdgs | Show::Targets),
            TreeKind::Lines => show == Show::Rows,
        }
    }

    fn focus_main(&mut self) {
        self.panes.focus_main();
        self.panes.related = Cursor::default();
    }
}
