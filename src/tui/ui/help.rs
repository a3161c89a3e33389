//! The help overlay, generated from the keymap for the current context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup::frame_box;
use crate::tui::keymap;
use crate::tui::state::{Overlay, State};

/// Draws the help box over `area`.
pub fn render_help(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let Some(Overlay::Help(scroll)) = st.overlay else {
        return;
    };
    // The keys of the view under the overlay, plus the overlay's own.
    // the overlay's own keys first, then those of the view under it
    let under = {
        let mut ctx = vec![keymap::Context::Help];
        ctx.extend(keymap::contexts_without_overlay(st));
        ctx
    };
    let mut lines = vec![
        Line::styled("Keys that work here", t.title),
        Line::default(),
    ];
    for b in keymap::bindings_for(&under) {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<12}", b.label), t.accent),
            Span::styled(b.desc.to_string(), t.base),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "  Mouse: click selects, double-click opens, wheel scrolls.",
        t.dim,
    ));
    let w = 90.min(area.width.saturating_sub(4));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let max_scroll = (lines.len() as u16 + 2).saturating_sub(h) as usize;
    let inner = frame_box(
        frame,
        r,
        st,
        t.border_focus,
        Span::styled(" help — Esc to close ", t.accent),
    );
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll.min(max_scroll) as u16, 0)),
        inner,
    );
}

/// A scrollable message box (e.g. why a reload failed).
pub fn render_message(
    frame: &mut Frame,
    area: Rect,
    st: &State,
    title: &str,
    lines: &[String],
    scroll: usize,
) {
    let t = &st.theme;
    let w = area.width.saturating_sub(4).min(110);
    let h = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let inner = frame_box(
        frame,
        r,
        st,
        t.warn,
        Span::styled(format!(" {title} — Esc to close "), t.warn),
    );
    let text: Vec<Line> = lines
        .iter()
        .map(|l| Line::styled(l.clone(), t.base))
        .collect();
    frame.render_widget(
        Paragraph::new(text)
            .scroll((scroll as u16, 0))
            .wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
}
