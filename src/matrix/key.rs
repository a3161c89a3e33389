//! The Matrix's key: how a grid is *shown*, wherever it is drawn.
//!
//! The terminal screen and the figures ([`crate::figure`]) must say the
//! same thing about a cell, so what a value, a mark or a total looks like
//! is defined here once: the heat scale (viridis, four levels, with a
//! shading glyph per level so it reads without colour), the ink that stays
//! readable on each fill, the glyph of each link mark, the text of the Σ
//! totals, row and column labels, and the legend's entries and wording.
//! Drawing them (spans, SVG) is left to the callers.

use super::{Column, Mark, Matrix, Metric};
use crate::snapshot::{LineId, Rgb, Snapshot};

/// The heat scale's fills for levels 1–4 ([`Matrix::shade`]): viridis,
/// readable with the common forms of colour blindness and ordered in
/// lightness, so a greyscale print keeps the order.
pub const VIRIDIS: [Rgb; 4] = [
    Rgb(59, 82, 139),
    Rgb(33, 145, 140),
    Rgb(94, 201, 98),
    Rgb(253, 231, 37),
];

/// The shading glyphs, one per heat level 0–4, so the heatmap reads
/// without colour.
pub const SHADES: [char; 5] = [' ', '░', '▒', '▓', '█'];

/// The fill of heat level 1–4 (`None` for 0: no fill).
pub fn heat_fill(level: usize) -> Option<Rgb> {
    level.checked_sub(1).and_then(|i| VIRIDIS.get(i)).copied()
}

/// Text colour on heat level `level`: light on the two dark levels, dark on
/// the two light ones.
pub fn heat_ink(level: usize) -> Rgb {
    if level >= 3 {
        Rgb(10, 10, 10)
    } else {
        Rgb(240, 240, 240)
    }
}

/// Whether text on the goal colour `c` should be dark (the colour is light).
pub fn dark_ink_on(c: Rgb) -> bool {
    let Rgb(r, g, b) = c;
    0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b) > 150.0
}

/// The glyph of a link mark: `•` whole goal, `~` partial, `?` disputed;
/// none for a confirmed link with targets or no link.
pub fn mark_glyph(mark: Mark) -> Option<char> {
    match mark {
        Mark::None | Mark::Confirmed => None,
        Mark::GoalLevel => Some('•'),
        Mark::Partial => Some('~'),
        Mark::Disputed => Some('?'),
    }
}

/// The mark shown at cell (r, c): its link kind, or `*` when a disputed
/// link sits beside a stronger one that has no glyph of its own.
pub fn cell_mark(m: &Matrix, r: usize, c: usize) -> Option<char> {
    let mark = m.mark(r, c);
    match mark_glyph(mark) {
        None if m.has_disputed(r, c) && mark != Mark::Disputed => Some('*'),
        other => other,
    }
}

/// What a mark glyph means, in the legend's words.
pub fn mark_meaning(glyph: char) -> &'static str {
    match glyph {
        '•' => "whole goal",
        '~' => "partial",
        '?' => "disputed",
        '*' => "also disputed",
        _ => "",
    }
}

/// A row's Σ: distinct targets (activities, indicators), `+N•` for goals
/// the row links as a whole, and — counting activities — `+N∅` for its
/// activities that state no goal (in the Σ, in no cell): `18+35∅`.
pub fn row_total(m: &Matrix, r: usize) -> String {
    let t = m.row_totals.get(r).copied().unwrap_or(0);
    let none = m.row_goalless.get(r).copied().unwrap_or(0);
    let mut out = if none > 0 {
        format!("{}+{none}∅", t.saturating_sub(none))
    } else {
        t.to_string()
    };
    if let Some(n) = m.row_goals.get(r).copied().filter(|&n| n > 0) {
        out.push_str(&format!("+{n}•"));
    }
    out
}

/// A column's Σ in full: distinct targets (activities, indicators), and
/// `+N•` for rows linking the goal as a whole.
pub fn column_total(m: &Matrix, c: usize) -> String {
    let t = m.column_totals.get(c).copied().unwrap_or(0);
    match m.column_goals.get(c).copied().unwrap_or(0) {
        0 => t.to_string(),
        n => format!("{t}+{n}•"),
    }
}

/// `C2 Infrastructure`, `C7 E-health`: a row's name (a sub-line goes by
/// its parent's id and its own short name).
pub fn row_name(s: &Snapshot, row: LineId) -> String {
    let line = s.line(row);
    match line.parent {
        Some(p) => format!("{} {}", s.line(p).id, line.short_name),
        None => format!("{} {}", line.id, line.short_name),
    }
}

/// A column's header: the goal number, `•` for a zoomed goal's whole-goal
/// column, or the target code.
pub fn column_label(s: &Snapshot, c: Column) -> String {
    match c {
        Column::Sdg(n) => n.to_string(),
        Column::Goal(_) => "•".to_string(),
        Column::Target(t) => s.target(t).code.clone(),
    }
}

/// How a legend entry is set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The heat scale (its key is the shading glyphs).
    Scale,
    /// A link mark or count note.
    Accent,
    /// A disputed mark.
    Warn,
}

/// One entry of the legend: a key (glyphs) and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendItem {
    /// The glyphs the entry explains (`░▒▓█`, `•`, `+N•`, …).
    pub key: String,
    /// What they mean.
    pub text: String,
    /// How the key is set off.
    pub tone: Tone,
    /// Higher is kept longer where space is short (0 first to go).
    pub priority: u8,
}

/// The legend of a grid: the scale, the marks the grid shows, and notes
/// that apply to this grid only (`+N•` totals, cross-cutting activities left out, the
/// whole-goal column of a zoom). `cross_cutting_counted` is the view's
/// `with:cross-cutting`.
pub fn legend(m: &Matrix, cross_cutting_counted: bool) -> Vec<LegendItem> {
    let item = |key: &str, text: &str, tone, priority| LegendItem {
        key: key.to_string(),
        text: text.to_string(),
        tone,
        priority,
    };
    let shades: String = SHADES[1..].iter().collect();
    // a mark is explained where the grid shows it, and only there
    let shown: Vec<char> = (0..m.rows.len())
        .flat_map(|r| (0..m.columns.len()).filter_map(move |c| cell_mark(m, r, c)))
        .collect();
    let on_grid = |g: char| shown.contains(&g);
    // the metric is also named in the grid's corner: its scale goes first
    let mut items = vec![item(&shades, m.metric.name(), Tone::Scale, 4)];
    if on_grid('•') {
        items.push(item("•", mark_meaning('•'), Tone::Accent, 6));
    }
    if m.metric.counts_link_cover() && m.row_goals.iter().any(|&n| n > 0) {
        items.push(item("+N•", "in Σ: linked whole", Tone::Accent, 5));
    }
    if m.row_goalless.iter().any(|&n| n > 0) {
        // what makes a row's Σ more than its cells: kept the longest
        items.push(item("+N∅", "in Σ: no stated goal", Tone::Accent, 8));
    }
    for (g, tone) in [('~', Tone::Accent), ('?', Tone::Warn), ('*', Tone::Warn)] {
        if on_grid(g) {
            items.push(item(&g.to_string(), mark_meaning(g), tone, 6));
        }
    }
    if m.metric == Metric::Activities {
        let n = m.cross_cutting;
        let text = if cross_cutting_counted {
            "cross-cutting activities counted".to_string()
        } else {
            format!("{n} cross-cutting left out")
        };
        items.push(item("x", &text, Tone::Accent, 7));
    }
    if matches!(m.columns.first(), Some(Column::Goal(_))) {
        items.push(item("• column:", "whole-goal links", Tone::Accent, 6));
    }
    items
}

/// The values each heat level 1–4 stands for in `m`, as inclusive ranges
/// (`None` for a level no value in 1..=max reaches).
pub fn scale_ranges(m: &Matrix) -> [Option<(u32, u32)>; 4] {
    let mut out = [None; 4];
    for (i, slot) in out.iter_mut().enumerate() {
        // level L holds v with (v-1)*4/max == L-1 (the last level takes the rest)
        let level = i as u64;
        let max = u64::from(m.max);
        if max == 0 {
            break;
        }
        let lo = (level * max).div_ceil(4) + 1;
        let hi = if i == 3 {
            max
        } else {
            ((level + 1) * max).div_ceil(4)
        };
        if lo <= hi {
            *slot = Some((lo as u32, hi as u32));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::Selection;
    use crate::snapshot::load_bundled;

    #[test]
    fn scale_ranges_are_the_values_of_each_shade() {
        let s = load_bundled().unwrap();
        let mut m = Matrix::compute(&s, Metric::Targets, None, &Selection::all(&s));
        for max in [1u32, 2, 3, 4, 5, 7, 8, 13, 100] {
            m.max = max;
            let ranges = scale_ranges(&m);
            for v in 1..=max {
                let level = m.shade(v);
                let (lo, hi) = ranges[level - 1].unwrap();
                assert!(
                    (lo..=hi).contains(&v),
                    "max {max}: {v} not in level {level}"
                );
            }
            let covered: u32 = ranges.iter().flatten().map(|(lo, hi)| hi - lo + 1).sum();
            assert_eq!(covered, max, "max {max}: ranges overlap or leave gaps");
        }
    }

    #[test]
    fn marks_and_totals_read_as_on_screen() {
        let s = load_bundled().unwrap();
        let m = Matrix::compute(&s, Metric::Targets, None, &Selection::all(&s));
        let r = |id: &str| m.rows.iter().position(|&l| s.line(l).id == id).unwrap();
        let c = |n: u8| m.columns.iter().position(|&x| x == Column::Sdg(n)).unwrap();
        assert_eq!(cell_mark(&m, r("C3"), c(1)), Some('•'));
        assert_eq!(cell_mark(&m, r("C3"), c(4)), Some('~'));
        assert_eq!(cell_mark(&m, r("C4"), c(8)), Some('?'));
        // C6 × 16: confirmed targets beside a disputed one
        assert_eq!(cell_mark(&m, r("C6"), c(16)), Some('*'));
        assert_eq!(cell_mark(&m, r("C2"), c(9)), None);
        assert!(row_total(&m, r("C3")).ends_with('•'));
        assert_eq!(row_name(&s, m.rows[r("C7-e-health")]), "C7 E-health");
        let items = legend(&m, false);
        assert_eq!(items[0].key, "░▒▓█");
        assert_eq!(items[0].text, "linked targets");
        assert!(items.iter().any(|i| i.key == "+N•"));
        assert!(!items.iter().any(|i| i.key == "x"));
    }

    #[test]
    fn the_indicator_legend_names_its_metric_and_whole_goal_totals() {
        let s = load_bundled().unwrap();
        let m = Matrix::compute(&s, Metric::Indicators, None, &Selection::all(&s));
        let r = m.rows.iter().position(|&l| s.line(l).id == "C3").unwrap();
        assert!(row_total(&m, r).ends_with('•'), "{}", row_total(&m, r));
        let items = legend(&m, false);
        assert_eq!(items[0].text, "indicators of linked targets");
        assert!(items.iter().any(|i| i.key == "+N•"));
        assert!(!items.iter().any(|i| i.key == "x"));
    }

    #[test]
    fn ink_stays_readable() {
        assert!(dark_ink_on(Rgb(253, 231, 37)));
        assert!(!dark_ink_on(Rgb(229, 36, 59)));
        assert_eq!(heat_fill(0), None);
        assert_eq!(heat_fill(4), Some(Rgb(253, 231, 37)));
        assert_eq!(heat_ink(4), Rgb(10, 10, 10));
        assert_eq!(heat_ink(1), Rgb(240, 240, 240));
    }
}
