//! The `'` bookmark list: every saved view with its string, marked when it
//! was made on another snapshot (`~`) or names records that are gone (`!`).
//!
//! The rows are a copy of the store, refreshed by the event loop after
//! every bookmark operation ([`Effect::MarkRows`]); the list itself only
//! turns keys into operations: `Enter` opens (also straight from `/`'s
//! filter), `r` renames, `e` edits the view string, `d` deletes (asking
//! first), `Esc` or `q` closes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::tui::action::Action;
use crate::tui::ask::{Ask, MarkRow, Op};
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::{Effect, Io, Open};
use crate::tui::input::LineEdit;
use crate::tui::keymap::Context;
use crate::tui::text::clip;
use crate::tui::ui::popup::{centered, frame_box};

/// The bookmark list.
#[derive(Debug, Clone, Default)]
pub struct MarkList {
    /// The bookmarks as last read, with their staleness.
    pub rows: Vec<MarkRow>,
    /// Fuzzy filter over names and views.
    pub filter: LineEdit,
    /// Typing goes to the filter (after `/`).
    pub filtering: bool,
    /// Cursor over the shown rows.
    pub cursor: usize,
}

impl MarkList {
    /// The rows matching the filter (closely, in their name, view or
    /// state: `/stale` finds the stale ones), in name order.
    pub fn shown(&self) -> Vec<&MarkRow> {
        let q = crate::search::Query::parse(self.filter.text());
        self.rows
            .iter()
            .filter(|r| {
                let text = format!("{}\n{}\n{}", r.name, r.view, r.status);
                q.is_empty() || q.matches_closely(&crate::search::lower(&text))
            })
            .collect()
    }

    /// Takes freshly read rows, keeping the cursor in range.
    pub fn set_rows(&mut self, rows: Vec<MarkRow>) {
        self.rows = rows;
        self.cursor = self.cursor.min(self.shown().len().saturating_sub(1));
    }
}

impl Component for MarkList {
    fn contexts(&self) -> Vec<Context> {
        if self.filtering {
            vec![Context::MarksFilter, Context::Input]
        } else {
            vec![Context::Marks]
        }
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        let shown = self.shown();
        let n = shown.len();
        let selected = shown.get(self.cursor).map(|r| (*r).clone());
        let ask = |ask: Ask, text: &str| vec![Effect::Open(Open::Ask(ask, text.to_string()))];
        match action {
            Action::Cancel if self.filtering => self.filtering = false,
            Action::Cancel => return vec![Effect::Close],
            Action::Accept => match selected {
                Some(r) => return vec![Effect::Close, Effect::Io(Io::Bookmark(Op::Open(r.name)))],
                None => self.filtering = false,
            },
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Action::FilterList => self.filtering = true,
            Action::RenameBookmark => {
                if let Some(r) = selected {
                    return ask(Ask::Rename(r.name.clone()), &r.name);
                }
            }
            Action::EditBookmark => {
                if let Some(r) = selected {
                    return ask(Ask::Edit(r.name.clone()), &r.view);
                }
            }
            Action::DeleteBookmark => {
                if let Some(r) = selected {
                    return ask(Ask::Delete(r.name), "");
                }
            }
            a if self.filtering && self.filter.edit(a) => self.cursor = 0,
            _ => {}
        }
        Vec::new()
    }

    /// The list: name, view string and whether it is stale.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let r = centered(area, area.width * 9 / 10, area.height * 8 / 10);
        let rows = self.shown();
        let title = format!(
            " bookmarks ({}) — Enter open · r rename · d delete · e edit · / filter ",
            rows.len()
        );
        let inner = frame_box(
            frame,
            r,
            t,
            t.border_focus,
            Span::styled(clip(&title, r.width.saturating_sub(2) as usize), t.accent),
        );
        let [filter, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        if self.filtering || !self.filter.text().is_empty() {
            let line = Line::from(vec![
                Span::styled("/ ", t.accent),
                Span::styled(self.filter.text().to_string(), t.base),
            ]);
            if self.filtering {
                ctx.layout
                    .cursor
                    .set(Some((filter.x + 2 + self.filter.cursor() as u16, filter.y)));
            }
            frame.render_widget(Paragraph::new(line), filter);
        }
        if rows.is_empty() {
            let msg = if self.rows.is_empty() {
                "No bookmarks yet — press b on any view to save one."
            } else {
                "No bookmark matches."
            };
            frame.render_widget(Paragraph::new(msg).style(t.dim), list);
            return;
        }
        let w = list.width as usize;
        // a name keeps a third of the width (24 columns at least), and all
        // that the longest view leaves over
        let longest = |f: fn(&MarkRow) -> &str| {
            rows.iter()
                .map(|r| crate::tui::text::width(f(r)))
                .max()
                .unwrap_or(0)
        };
        let name_w = longest(|r| &r.name).min(
            (w / 3)
                .max(24)
                .max(w.saturating_sub(longest(|r| &r.view) + 5)),
        );
        let items: Vec<ListItem> = rows
            .iter()
            .map(|r| {
                let (mark, style) = if r.broken {
                    ("!", t.warn)
                } else if r.stale {
                    ("~", t.warn)
                } else {
                    (" ", t.dim)
                };
                let view_w = w.saturating_sub(name_w + 5);
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::styled(format!("{:<name_w$}  ", clip(&r.name, name_w)), t.title),
                    Span::styled(clip(&r.view, view_w), t.accent),
                ])];
                if r.stale || r.broken {
                    // the highlight column takes one of the list's columns
                    lines.push(Line::styled(
                        format!("    {}", clip(&r.status, w.saturating_sub(5))),
                        style,
                    ));
                }
                ListItem::new(lines)
            })
            .collect();
        let cursor = self.cursor.min(rows.len() - 1);
        // each row is one or two lines: scroll by lines so the cursor shows
        let heights: Vec<usize> = rows
            .iter()
            .map(|r| 1 + usize::from(r.stale || r.broken))
            .collect();
        let total: usize = heights.iter().sum();
        let height = list.height as usize;
        let mut first = 0;
        while heights[first..=cursor].iter().sum::<usize>() > height && first < cursor {
            first += 1;
        }
        let shown_lines: usize = {
            let mut used = 0;
            for h in &heights[first..] {
                if used + h > height {
                    break;
                }
                used += h;
            }
            used
        };
        let above: usize = heights[..first].iter().sum();
        let mut state = ListState::default()
            .with_offset(first)
            .with_selected(Some(cursor));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(t.selected)
                .highlight_symbol("▌"),
            list,
            &mut state,
        );
        ctx.layout.cursor.set(Some((
            list.x,
            list.y + heights[first..cursor].iter().sum::<usize>() as u16,
        )));
        let below = total.saturating_sub(above + shown_lines);
        if above + below > 0 {
            let text = match (above, below) {
                (0, b) => format!(" ↓ {b} more "),
                (a, 0) => format!(" ↑ {a} above "),
                (a, b) => format!(" ↑ {a} · ↓ {b} more "),
            };
            let w = crate::tui::text::width(&text) as u16;
            if w + 2 <= r.width {
                frame.render_widget(
                    Paragraph::new(Span::styled(text, t.accent)),
                    Rect {
                        x: r.x + r.width - w - 1,
                        y: r.bottom() - 1,
                        width: w,
                        height: 1,
                    },
                );
            }
        }
        ctx.layout.push_mark((r, above, shown_lines, total));
    }
}
