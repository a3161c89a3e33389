//! Drawing the bookmark list and one-line questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::popup::{centered, frame_box};
use super::prompt::prompt_line;
use super::text::clip;
use crate::tui::marks::{self, Prompt};
use crate::tui::state::State;

/// A question with its answer line (or y/n).
pub fn render_prompt(frame: &mut Frame, area: Rect, st: &State, p: &Prompt) {
    let t = &st.theme;
    let r = centered(area, 72, 5);
    let inner = frame_box(
        frame,
        r,
        st,
        t.border_focus,
        Span::styled(" bookmark ", t.accent),
    );
    let [q, a] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(
            clip(&p.ask.title(), q.width as usize),
            t.title,
        )),
        q,
    );
    if p.ask.is_confirm() {
        frame.render_widget(
            Paragraph::new(Line::styled("y yes · n no · Esc cancel", t.dim)),
            a,
        );
    } else {
        frame.render_widget(
            Paragraph::new(prompt_line(st, a, "> ", &p.input, t.base)),
            a,
        );
    }
}

/// The bookmark list: name, view string and whether it is stale.
pub fn render_marks(frame: &mut Frame, area: Rect, st: &State, l: &marks::List) {
    let t = &st.theme;
    let r = centered(area, area.width * 9 / 10, area.height * 8 / 10);
    let rows = marks::shown(st, l);
    let title = format!(
        " bookmarks ({}) — Enter open · r rename · d delete · e edit · / filter ",
        rows.len()
    );
    let inner = frame_box(frame, r, st, t.border_focus, Span::styled(title, t.accent));
    let [filter, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    if l.filtering || !l.filter.text().is_empty() {
        let line = Line::from(vec![
            Span::styled("/ ", t.accent),
            Span::styled(l.filter.text().to_string(), t.base),
        ]);
        if l.filtering {
            st.layout
                .cursor
                .set(Some((filter.x + 2 + l.filter.cursor() as u16, filter.y)));
        }
        frame.render_widget(Paragraph::new(line), filter);
    }
    if rows.is_empty() {
        let msg = if st.marks.is_empty() {
            "No bookmarks yet — press b on any view to save one."
        } else {
            "No bookmark matches."
        };
        frame.render_widget(Paragraph::new(msg).style(t.dim), list);
        return;
    }
    let w = list.width as usize;
    let name_w = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(8)
        .min(24);
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
                lines.push(Line::styled(
                    format!("    {}", clip(&r.status, w.saturating_sub(4))),
                    style,
                ));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(l.cursor.min(rows.len() - 1)));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(t.selected)
            .highlight_symbol("▌"),
        list,
        &mut state,
    );
}
