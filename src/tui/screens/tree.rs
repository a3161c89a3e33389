//! The SDGs and Action Lines screens: a tree on the left (goals that open
//! into their targets and targets into their indicators, lines that open
//! into their sub-lines), the selected record's card and related records on
//! the right.
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
    /// Targets expanded into their indicators (their ids; SDGs tree only).
    pub open_targets: BTreeSet<u32>,
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
            open_targets: BTreeSet::new(),
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
                    if !self.open.contains(&u32::from(g.number)) {
                        continue;
                    }
                    for &t in g.targets.iter().filter(|&&t| sel.target(t)) {
                        out.push(EntityRef::Target(t));
                        if self.open_targets.contains(&t.0) {
                            out.extend(
                                s.index()
                                    .indicators_of_target(t)
                                    .iter()
                                    .filter(|&&i| sel.indicator(i))
                                    .map(|&i| EntityRef::Indicator(i)),
                            );
                        }
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

    /// Whether `e` is an expanded goal, target or line.
    fn is_open(&self, e: EntityRef) -> bool {
        match e {
            EntityRef::Sdg(n) => self.open.contains(&u32::from(n)),
            EntityRef::Target(t) => self.open_targets.contains(&t.0),
            EntityRef::Line(l) => self.open.contains(&l.0),
            _ => false,
        }
    }

    /// Whether `e` opens into anything under the view: a goal into its
    /// targets, a target into its indicators, a line into its sub-lines.
    fn can_open(&self, ctx: &Ctx, e: EntityRef) -> bool {
        match (self.kind, e) {
            (TreeKind::Sdgs, EntityRef::Sdg(_)) => true,
            (TreeKind::Sdgs, EntityRef::Target(t)) => ctx
                .snap
                .index()
                .indicators_of_target(t)
                .iter()
                .any(|&i| ctx.sel().indicator(i)),
            (TreeKind::Lines, EntityRef::Line(l)) => !ctx.snap.line(l).children.is_empty(),
            _ => false,
        }
    }

    /// Opens or closes `e`.
    fn set_open(&mut self, e: EntityRef, on: bool) {
        let (set, key) = match e {
            EntityRef::Sdg(n) => (&mut self.open, u32::from(n)),
            EntityRef::Line(l) => (&mut self.open, l.0),
            EntityRef::Target(t) => (&mut self.open_targets, t.0),
            _ => return,
        };
        if on {
            set.insert(key);
        } else {
            set.remove(&key);
        }
    }

    /// The parent item of `e` in this tree.
    fn parent(&self, ctx: &Ctx, e: EntityRef) -> Option<EntityRef> {
        match (self.kind, e) {
            (TreeKind::Sdgs, EntityRef::Target(t)) => Some(EntityRef::Sdg(ctx.snap.target(t).goal)),
            (TreeKind::Sdgs, EntityRef::Indicator(i)) => {
                Some(EntityRef::Target(ctx.snap.indicator(i).target))
            }
            (TreeKind::Lines, EntityRef::Line(l)) => ctx.snap.line(l).parent.map(EntityRef::Line),
            _ => None,
        }
    }

    /// Expands (`Some(true)`), collapses (`Some(false)`) or toggles the item
    /// under the cursor. Collapsing an item that is not open goes to its
    /// parent and closes it.
    fn expand(&mut self, ctx: &Ctx, want: Option<bool>) {
        let Some(e) = self.selected(ctx) else { return };
        let open = self.is_open(e);
        if want == Some(false) && !open {
            if let Some(parent) = self.parent(ctx, e) {
                self.set_open(parent, false);
                self.cursor.pos = self
                    .items(ctx)
                    .iter()
                    .position(|&x| x == parent)
                    .unwrap_or(0);
                self.panes.moved();
            }
            return;
        }
        if !self.can_open(ctx, e) {
            return;
        }
        self.set_open(e, want.unwrap_or(!open));
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
        let mut up = self.parent(ctx, e);
        while let Some(p) = up {
            self.set_open(p, true);
            up = self.parent(ctx, p);
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
        if self.kind == TreeKind::Sdgs && matches!(show, Some(Show::Targets | Show::Indicators)) {
            // the targets (indicators) are what the view shows: every goal
            // (and target) opens
            self.open.extend(
                ctx.snap
                    .sdgs()
                    .iter()
                    .filter(|g| ctx.sel().sdg(g.number))
                    .map(|g| u32::from(g.number)),
            );
            if show == Some(Show::Indicators) {
                let (s, sel) = (&ctx.snap, ctx.sel());
                self.open_targets.extend(
                    s.indicators()
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| sel.indicator(crate::snapshot::IndicatorId(i as u32)))
                        .map(|(_, ind)| ind.target.0),
                );
            }
        }
        self.cursor = Cursor::default();
        self.panes.restart();
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
            TreeKind::Sdgs => matches!(show, Show::Sdgs | Show::Targets | Show::Indicators),
            TreeKind::Lines => show == Show::Rows,
        }
    }

    fn focus_main(&mut self) {
        self.panes.restart();
    }
}
