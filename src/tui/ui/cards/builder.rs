//! The card builder every section writes through: fields that wrap under
//! their value column, paragraphs, blank lines, and the view-aware count.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::tui::ctx::Ctx;
use crate::tui::ui::card::Row;

/// A card being built: the context it reads and the rows so far.
pub struct Card<'a> {
    /// The shared context (snapshot, view, theme).
    pub ctx: &'a Ctx,
    rows: Vec<Row>,
}

impl<'a> Card<'a> {
    /// An empty card reading `ctx`.
    pub fn new(ctx: &'a Ctx) -> Card<'a> {
        Card {
            ctx,
            rows: Vec::new(),
        }
    }
    /// The rows built.
    pub fn into_rows(self) -> Vec<Row> {
        self.rows
    }
    /// Adds `key  value` in the base style.
    pub fn field(&mut self, key: &str, value: impl Into<String>) {
        let t = &self.ctx.theme;
        self.rows.push(Row::field(key, t.dim, value, t.base));
    }
    /// Adds `key  value` with a styled value.
    pub fn field_styled(&mut self, key: &str, value: Vec<Span<'static>>) {
        self.rows.push(Row::Field {
            key: key.to_string(),
            key_style: self.ctx.theme.dim,
            value,
        });
    }
    /// Adds a paragraph.
    pub fn text(&mut self, s: impl Into<String>, style: Style) {
        self.rows.push(Row::text(s, style));
    }
    /// Adds a row as it is.
    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }
    /// Adds an empty line.
    pub fn blank(&mut self) {
        self.rows.push(Row::Blank);
    }
    /// Adds the `source` field when there is one.
    pub fn source(&mut self, title: Option<String>) {
        if let Some(title) = title {
            self.field("source", title);
        }
    }
    /// `16`, or `16 (3 in this view)` when the view keeps fewer.
    pub fn count(&self, all: usize, shown: usize) -> String {
        if all == shown {
            all.to_string()
        } else {
            format!("{all} ({shown} in this view)")
        }
    }
}
