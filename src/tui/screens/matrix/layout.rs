//! Where the matrix's parts go at a given size: a pure function of the
//! sizes involved, so every terminal size can be tested without drawing.
//!
//! The row names and every row come first. To make room the grid, in
//! order: drops the shading glyph from its cells (colour and the number
//! still carry the value), shortens the row names (with `…`), and only then
//! scrolls — columns sideways and rows up and down — always with the cursor
//! in view and a mark saying how much is hidden (`‹3`, `›4`, `↓ 5`). Cells
//! never shrink below the width where their values stay apart.

/// The sizes the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    /// Width of the area.
    pub width: usize,
    /// Height of the area.
    pub height: usize,
    /// Rows of the grid.
    pub rows: usize,
    /// Columns of the grid.
    pub cols: usize,
    /// The widest full row name.
    pub label_full: usize,
    /// The narrowest a row name may get before the grid scrolls sideways.
    pub label_min: usize,
    /// The widest column header.
    pub head_w: usize,
    /// The widest cell value (digits).
    pub value_w: usize,
    /// The widest row-total text.
    pub sum_w: usize,
    /// Lines under the grid that must stay (the Σ row, the cell line).
    pub below: usize,
    /// The focused (row, column).
    pub cursor: (usize, usize),
}

/// The layout of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    /// Width of the row-name column, its trailing space included.
    pub label_w: usize,
    /// Width of a cell.
    pub cell_w: usize,
    /// Whether cells show the shading glyph.
    pub glyphs: bool,
    /// Width of the Σ column, its leading space included.
    pub sum_w: usize,
    /// First visible column and how many are visible.
    pub cols: (usize, usize),
    /// First visible row and how many are visible.
    pub rows: (usize, usize),
    /// Width kept right of the cells for the `›N` mark (0 when all fit).
    pub more_w: usize,
    /// Whether the legend line fits under the grid.
    pub legend: bool,
    /// Lines left under the legend (for the cell's card).
    pub spare: usize,
}

/// The widest a cell grows to when there is room.
const CELL_MAX: usize = 8;

/// Lays out the grid.
pub fn layout(i: Input) -> Grid {
    let value = i.value_w.max(2);
    let wide = (value + 2).max(i.head_w + 1); // glyph, value, mark
    let narrow = (value + 1).max(i.head_w + 1); // value, mark
    let sum_w = i.sum_w.max(1) + 1;
    let avail = i.width.saturating_sub(sum_w);
    let cols = i.cols.max(1);
    let need = |label: usize, cw: usize| label + cols * cw;
    let (label_w, cell_w, glyphs, shown, more_w) = if need(i.label_full + 1, wide) <= avail {
        let grow = (avail - need(i.label_full + 1, wide)) / cols;
        (
            i.label_full + 1,
            (wide + grow).min(CELL_MAX.max(wide)),
            true,
            i.cols,
            0,
        )
    } else if need(i.label_full + 1, narrow) <= avail {
        (i.label_full + 1, narrow, false, i.cols, 0)
    } else if need(i.label_min + 1, narrow) <= avail {
        (avail - cols * narrow, narrow, false, i.cols, 0)
    } else {
        // scroll sideways: room for `›NN` right of the cells
        let more_w = 3;
        let fit = (avail.saturating_sub(i.label_min + 1 + more_w) / narrow).max(1);
        (i.label_min + 1, narrow, false, fit.min(i.cols), more_w)
    };
    let first_col = window(i.cursor.1, shown, i.cols);

    // rows: everything under the grid must stay, the legend if it can
    let room = i.height.saturating_sub(1 + i.below); // the header line
    let n_rows = i.rows.min(room);
    let first_row = window(i.cursor.0, n_rows, i.rows);
    let left = i.height.saturating_sub(1 + n_rows + i.below);
    Grid {
        label_w,
        cell_w,
        glyphs,
        sum_w,
        cols: (first_col, shown),
        rows: (first_row, n_rows),
        more_w,
        legend: left >= 1,
        spare: left.saturating_sub(1),
    }
}

/// The first of `shown` items out of `len` so that `cursor` is in view,
/// and no space is wasted past the end.
fn window(cursor: usize, shown: usize, len: usize) -> usize {
    if shown == 0 || len <= shown {
        return 0;
    }
    let first = (cursor + 1).saturating_sub(shown);
    first.min(len - shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(width: usize, height: usize) -> Input {
        Input {
            width,
            height,
            rows: 18,
            cols: 17,
            label_full: 23,
            label_min: 8,
            head_w: 2,
            value_w: 2,
            sum_w: 5,
            below: 2,
            cursor: (0, 0),
        }
    }

    #[test]
    fn wide_terminals_get_glyphs_and_whole_names() {
        let g = layout(bundled(200, 60));
        assert!(g.glyphs);
        assert_eq!(g.label_w, 24);
        assert_eq!((g.cols, g.rows), ((0, 17), (0, 18)));
        assert!(g.cell_w >= 4 && g.label_w + 17 * g.cell_w + g.sum_w <= 200);
        assert!(g.legend);
    }

    #[test]
    fn at_80_columns_cells_lose_the_glyph_before_names_shrink() {
        let g = layout(bundled(80, 22));
        assert!(!g.glyphs);
        assert_eq!(g.cell_w, 3);
        assert_eq!(g.cols, (0, 17));
        assert!(g.label_w >= 20, "{g:?}");
        assert_eq!(g.rows, (0, 18));
        assert!(g.label_w + 17 * g.cell_w + g.sum_w <= 80);
    }

    #[test]
    fn at_60_columns_it_scrolls_with_the_cursor_in_view() {
        let mut i = bundled(60, 14);
        i.cursor = (17, 16);
        let g = layout(i);
        assert!(g.cols.1 < 17 && g.more_w > 0);
        assert_eq!(g.cols.0 + g.cols.1, 17, "the last column is in view");
        assert_eq!(g.rows.0 + g.rows.1, 18, "the last row is in view");
        assert!(g.label_w + g.cols.1 * g.cell_w + g.more_w + g.sum_w <= 60);
    }

    #[test]
    fn windows_keep_the_cursor_and_waste_nothing() {
        assert_eq!(window(0, 5, 18), 0);
        assert_eq!(window(4, 5, 18), 0);
        assert_eq!(window(5, 5, 18), 1);
        assert_eq!(window(17, 5, 18), 13);
        assert_eq!(window(3, 18, 18), 0);
    }
}
