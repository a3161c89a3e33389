//! The Matrix of a view as a figure: an SVG for slides and reports, and a
//! self-contained HTML page that says what each cell holds.
//!
//! A [`Figure`] is the grid [`Matrix::compute`] gives for a view, a metric
//! and an optional zoom into one goal, drawn as the explorer draws it: the
//! same values, the same marks (from [`crate::matrix::key`]), the same heat
//! scale and legend, with the view string, the snapshot's title and date
//! and the sources the figure draws on. Goal headers wear the goals'
//! official colours; every value is written in its cell and every mark is a
//! glyph, so a greyscale print loses nothing. The output is deterministic:
//! the same snapshot and view give the same bytes. [`Figure::svg`] writes the
//! vector figure, [`Figure::html`] wraps it in a page with the cells' details.

mod detail;
mod html;
mod layout;
mod legend;
mod svg;
mod text;

use std::io::{self, Write};
use std::path::Path;

use crate::matrix::{Column, Matrix, Metric, cell_content, column_goal, key};
use crate::selection::Selection;
use crate::snapshot::{Snapshot, SourceId};

pub use text::esc;

/// The figure formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// A standalone SVG document.
    Svg,
    /// One HTML file: the SVG inline, its cells' details, no outside references.
    Html,
}

impl FigureFormat {
    /// The figure format a file name's extension names (`.svg`, `.html`,
    /// `.htm`, any case), the way the record formats are told apart.
    pub fn from_path(path: &Path) -> Option<FigureFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(FigureFormat::Svg),
            "html" | "htm" => Some(FigureFormat::Html),
            _ => None,
        }
    }
    /// `svg` or `html`.
    pub fn name(self) -> &'static str {
        match self {
            FigureFormat::Svg => "svg",
            FigureFormat::Html => "html",
        }
    }
}

/// The grid of a view, ready to be written as a figure.
#[derive(Debug)]
pub struct Figure<'a> {
    s: &'a Snapshot,
    sel: &'a Selection,
    view: String,
    zoom: Option<u8>,
    matrix: Matrix,
}

impl<'a> Figure<'a> {
    /// The figure of `sel` (the view whose canonical text is `view`) under
    /// `metric`, zoomed into goal `zoom`'s targets when given — a goal the
    /// snapshot lacks leaves the goals as columns, as [`Matrix::compute`]
    /// does.
    pub fn new(
        s: &'a Snapshot,
        sel: &'a Selection,
        view: &str,
        metric: Metric,
        zoom: Option<u8>,
    ) -> Figure<'a> {
        let zoom = zoom.filter(|&n| s.sdg(n).is_some());
        Figure {
            s,
            sel,
            view: view.to_string(),
            zoom,
            matrix: Matrix::compute(s, metric, zoom, sel),
        }
    }

    /// The grid the figure shows.
    pub fn matrix(&self) -> &Matrix {
        &self.matrix
    }

    /// Writes the figure in `format`.
    pub fn write(&self, format: FigureFormat, out: &mut dyn Write) -> io::Result<()> {
        match format {
            FigureFormat::Svg => out.write_all(svg::document(self).as_bytes()),
            FigureFormat::Html => out.write_all(html::page(self).as_bytes()),
        }
    }

    /// Writes the figure to `path` in `format`, atomically: a reader never
    /// sees half a file (see [`crate::export::write_atomic`]).
    pub fn write_file(
        &self,
        format: FigureFormat,
        path: &Path,
    ) -> Result<(), crate::export::ExportError> {
        crate::export::write_atomic(path, |w| Ok(self.write(format, w)?))
    }

    /// The figure as an SVG document.
    pub fn svg(&self) -> String {
        svg::document(self)
    }

    /// The figure as a self-contained HTML page.
    pub fn html(&self) -> String {
        html::page(self)
    }

    /// "Linked targets per Action Line and SDG", or, zoomed, "… per Action
    /// Line and target of SDG 9 Industry, innovation and infrastructure".
    pub fn heading(&self) -> String {
        let name = self.matrix.metric.name();
        let mut metric: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
        metric.push_str(name.get(1..).unwrap_or(""));
        match self.zoom.and_then(|n| self.s.sdg(n)) {
            Some(g) => format!(
                "{metric} per Action Line and target of SDG {}: {}",
                g.number, g.short_name
            ),
            None => format!("{metric} per Action Line and SDG"),
        }
    }

    /// The view as the title states it.
    pub fn view_text(&self) -> String {
        if self.view.trim().is_empty() {
            "(none: the whole snapshot)".to_string()
        } else {
            self.view.clone()
        }
    }

    /// The sources the figure draws on, in the snapshot's order: those of
    /// the goals shown (names, colours, target texts), of the links in its
    /// cells and, under the activities metric, of the activities counted.
    pub fn sources(&self) -> Vec<SourceId> {
        let s = self.s;
        let m = &self.matrix;
        let mut used = vec![false; s.meta().sources.len()];
        let mut mark = |id: SourceId| {
            if let Some(u) = used.get_mut(id.ix()) {
                *u = true;
            }
        };
        let mut goals: Vec<u8> = m.columns.iter().map(|&c| column_goal(s, c)).collect();
        goals.dedup();
        for n in goals {
            if let Some(id) = s.sdg(n).and_then(|g| g.source) {
                mark(id);
            }
        }
        for &row in &m.rows {
            for &col in &m.columns {
                let cell = cell_content(s, self.sel, row, col);
                for &k in &cell.links {
                    mark(s.link(k).source);
                }
                if m.metric == Metric::Activities {
                    for &a in &cell.activities {
                        mark(s.activity(a).source());
                    }
                }
            }
        }
        (0..used.len() as u32)
            .map(SourceId)
            .filter(|id| used[id.ix()])
            .collect()
    }

    /// `SDG 9`, `SDG 9 as a whole`, `target 9.c`: a column in words.
    fn column_name(&self, c: Column) -> String {
        match c {
            Column::Sdg(n) => format!("SDG {n}"),
            Column::Goal(n) => format!("SDG {n} as a whole"),
            Column::Target(t) => format!("target {}", self.s.target(t).code),
        }
    }

    /// The stable key of a column for data attributes: `9`, `9/goal`, `9.c`.
    fn column_key(&self, c: Column) -> String {
        match c {
            Column::Sdg(n) => n.to_string(),
            Column::Goal(n) => format!("{n}/goal"),
            Column::Target(t) => self.s.target(t).code.clone(),
        }
    }

    /// Cell (r, c) in words: "C2 Infrastructure × SDG 9: 3 linked
    /// targets, partial".
    fn cell_words(&self, r: usize, c: usize) -> String {
        let m = &self.matrix;
        let (Some(&row), Some(&col)) = (m.rows.get(r), m.columns.get(c)) else {
            return String::new();
        };
        let mut out = format!(
            "{} × {}: {} {}",
            key::row_name(self.s, row),
            self.column_name(col),
            m.value(r, c),
            m.metric.name()
        );
        if let Some(g) = key::cell_mark(m, r, c) {
            out.push_str(", ");
            out.push_str(key::mark_meaning(g));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    #[test]
    fn format_follows_the_extension() {
        let f = |p: &str| FigureFormat::from_path(Path::new(p));
        assert_eq!(f("c7.svg"), Some(FigureFormat::Svg));
        assert_eq!(f("dir/Matrix.HTML"), Some(FigureFormat::Html));
        assert_eq!(f("m.htm"), Some(FigureFormat::Html));
        assert_eq!(f("m.csv"), None);
        assert_eq!(f("svg"), None);
    }

    #[test]
    fn sources_are_those_the_figure_draws_on() {
        let s = load_bundled().unwrap();
        let sel = Selection::all(&s);
        let fig = Figure::new(&s, &sel, "", Metric::Targets, None);
        let ids: Vec<&str> = fig
            .sources()
            .into_iter()
            .map(|id| s.source(id).id.as_str())
            .collect();
        assert!(ids.contains(&"wsis-sdg-matrix"), "{ids:?}");
        // the goals' colours and names
        let g = s.sdg(1).unwrap().source.unwrap();
        assert!(ids.contains(&s.source(g).id.as_str()), "{ids:?}");
        // not the indicator framework: the figure shows no indicator
        assert!(!ids.contains(&"itu-ict-indicators"), "{ids:?}");
    }

    #[test]
    fn heading_names_the_metric_and_the_zoom() {
        let s = load_bundled().unwrap();
        let sel = Selection::all(&s);
        let fig = Figure::new(&s, &sel, "", Metric::Activities, None);
        assert_eq!(fig.heading(), "Activities per Action Line and SDG");
        let fig = Figure::new(&s, &sel, "", Metric::Targets, Some(9));
        assert!(
            fig.heading()
                .starts_with("Linked targets per Action Line and target of SDG 9: ")
        );
        let fig = Figure::new(&s, &sel, "", Metric::Targets, Some(99));
        assert_eq!(fig.heading(), "Linked targets per Action Line and SDG");
    }
}
