//! The Matrix screen's state: its cursor, metric and zoom, the grid they
//! give under the current view, and the focus and scroll of the cell's card.

use std::cell::Cell;

use crate::entity::EntityRef;
use crate::matrix::{Column, Matrix as Grid, Metric, column_goal};
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::layout::{CardView, Pane};

/// The Matrix screen.
#[derive(Debug)]
pub struct Matrix {
    /// Cursor row (index into the grid's rows).
    pub row: usize,
    /// Cursor column (index into the grid's columns).
    pub col: usize,
    /// What the cells count.
    pub metric: Metric,
    /// The goal zoomed into, if any.
    pub zoom: Option<u8>,
    /// The column to return to when un-zooming.
    pub(super) zoom_return: usize,
    /// The grid for the metric, zoom and view.
    pub grid: Grid,
    /// Which pane has the keys: the grid or the cell's card.
    pub pane: Pane,
    /// The focused cell's card.
    pub card: CardView,
    /// Rows of the grid that fit, last frame.
    pub(super) page: Cell<usize>,
}

impl Matrix {
    /// The Matrix under the view of `ctx`, cursor on the first cell.
    pub fn new(ctx: &Ctx) -> Matrix {
        Matrix {
            row: 0,
            col: 0,
            metric: Metric::default(),
            zoom: None,
            zoom_return: 0,
            grid: Grid::compute(&ctx.snap, Metric::default(), None, ctx.sel()),
            pane: Pane::Main,
            card: CardView::default(),
            page: Cell::new(0),
        }
    }

    /// Recomputes the grid after a change of metric, zoom or view.
    pub fn regrid(&mut self, ctx: &Ctx) {
        // a zoom into a goal the view no longer shows ends
        if self.zoom.is_some_and(|n| !ctx.sel().sdg(n)) {
            self.zoom = None;
        }
        self.grid = Grid::compute(&ctx.snap, self.metric, self.zoom, ctx.sel());
        self.row = self.row.min(self.grid.rows.len().saturating_sub(1));
        self.col = self.col.min(self.grid.columns.len().saturating_sub(1));
    }

    /// The cell under the cursor.
    pub fn cell(&self, ctx: &Ctx) -> Option<EntityRef> {
        let row = *self.grid.rows.get(self.row)?;
        let col = *self.grid.columns.get(self.col)?;
        Some(EntityRef::Cell(row, column_goal(&ctx.snap, col)))
    }

    /// `z`: zooms the focused goal's column into its targets, or back out.
    pub(super) fn toggle_zoom(&mut self, ctx: &Ctx) -> Vec<Effect> {
        match self.zoom {
            Some(n) => {
                self.zoom = None;
                self.regrid(ctx);
                self.col = self
                    .grid
                    .columns
                    .iter()
                    .position(|&c| c == Column::Sdg(n))
                    .unwrap_or(self.zoom_return)
                    .min(self.grid.columns.len().saturating_sub(1));
                Vec::new()
            }
            None => {
                let Some(&Column::Sdg(n)) = self.grid.columns.get(self.col) else {
                    return Vec::new();
                };
                self.zoom_return = self.col;
                self.zoom = Some(n);
                self.regrid(ctx);
                self.col = 0;
                vec![Effect::Status(format!(
                    "zoomed into SDG {n}: its targets as columns (z to zoom out)"
                ))]
            }
        }
    }

    /// Moves the cursor to another cell: the card starts from the top.
    pub(super) fn moved(&mut self) {
        self.card.scroll = 0;
    }
}
