//! Boxes drawn over the screen (finder, palette, prompts, lists, help):
//! where they go, their frame and their input line, so every overlay looks
//! the same.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::ctx::Ctx;
use crate::tui::input::LineEdit;
use crate::tui::theme::Theme;

/// A `w`×`h` box centred in `area` (clamped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A box of `pct_w`% × `pct_h`% of `area`, at least 40×10 where it fits.
pub fn centered_pct(area: Rect, pct_w: u16, pct_h: u16) -> Rect {
    let w = (area.width * pct_w / 100).max(area.width.min(40));
    let h = (area.height * pct_h / 100).max(area.height.min(10));
    centered(area, w, h)
}

/// Clears `r`, draws a bordered box titled `title` in `style`, and returns its inside.
pub fn frame_box(frame: &mut Frame, r: Rect, theme: &Theme, style: Style, title: Span<'_>) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .style(theme.base)
        .title(title);
    let inner = block.inner(r);
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    inner
}

/// The prompt line `prefix text` (the text in `style`) with the cursor
/// parked at the edit position.
pub fn prompt_line(
    ctx: &Ctx,
    area: Rect,
    prefix: &str,
    input: &LineEdit,
    style: Style,
) -> Line<'static> {
    let t = &ctx.theme;
    let x = area.x + prefix.chars().count() as u16 + input.cursor() as u16;
    ctx.layout
        .cursor
        .set(Some((x.min(area.right().saturating_sub(1)), area.y)));
    Line::from(vec![
        Span::styled(prefix.to_string(), t.accent),
        Span::styled(input.text().to_string(), style),
    ])
}
