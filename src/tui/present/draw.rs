//! Presenter mode's frame: a large heading for what is in focus, the view
//! with the chrome hidden, the tour caption with its step counter, and the
//! optional key echo line. Sized for the back of a room at 80×24 and for a
//! projector at 200×60.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::{Presenter, heading};
use crate::entity::EntityRef;
use crate::tui::ctx::Ctx;
use crate::tui::text as txt;

/// Draws the presenter frame around the screen — the heading for `focus`
/// (what is in focus), the caption, the echo — and returns the area left
/// for the screen itself (`matrix`: the screen is the Matrix, which gets
/// the whole width).
pub fn render_presenter_chrome(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    p: &Presenter,
    focus: Option<EntityRef>,
    matrix: bool,
) -> Rect {
    let t = &ctx.theme;
    let big = area.width >= 100 && area.height >= 34;
    let (word, goal, line) = heading(&ctx.snap, focus);
    // nothing in focus (a step about the whole map): no heading — not the
    // cell the cursor happens to rest on; the caption says what it is about
    let head_h: u16 = match (&word, big) {
        (None, _) if line.is_empty() => 0,
        (Some(_), true) => 9,
        _ => 1,
    };
    let caption = p.tour.as_ref().map(|run| {
        let step = &run.tour.steps[run.state.step()];
        (
            run.state.counter(),
            run.tour.title.clone(),
            step.caption.clone(),
            run.state.is_off_tour(),
        )
    });
    // on a projector-sized screen the caption is drawn large
    let big_caption = caption
        .as_ref()
        .map(|(counter, _, text, _)| big_lines(&format!("{counter} · {text}"), area.width))
        .filter(|lines| big && lines.len() <= 3);
    let caption_h: u16 = match (&caption, &big_caption) {
        (Some(_), Some(lines)) => lines.len() as u16 * 4 + 1,
        (Some((_, _, text, _)), None) => {
            let w = area.width.saturating_sub(4).max(1) as usize;
            let lines: usize = text
                .lines()
                .map(|l| l.chars().count().div_ceil(w).max(1))
                .sum();
            (lines as u16 + 1).clamp(2, 5)
        }
        _ => 0,
    };
    let echo_h = u16::from(p.echo);
    let status_h = u16::from(ctx.status.is_some());
    let [head, main, cap, echo, status] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Min(3),
        Constraint::Length(caption_h),
        Constraint::Length(echo_h),
        Constraint::Length(status_h),
    ])
    .areas(area);

    let goal_style = match goal.and_then(|n| ctx.snap.sdg(n)) {
        Some(g) => t.title.patch(goal_fg(t, g.color)),
        None => t.accent,
    };
    if big && let Some(word) = &word {
        let width = (word.chars().count() as u16 * 8 + 2).min(head.width / 2);
        let [num, text] =
            Layout::horizontal([Constraint::Length(width), Constraint::Min(0)]).areas(head);
        let big_text = BigText::builder()
            .pixel_size(PixelSize::Full)
            .style(goal_style)
            .lines(vec![Line::from(word.clone())])
            .build();
        frame.render_widget(
            big_text,
            num.inner(Margin {
                horizontal: 1,
                vertical: 0,
            }),
        );
        let y = text.y + text.height / 2;
        frame.render_widget(
            Paragraph::new(Line::styled(line, t.title)).wrap(Wrap { trim: true }),
            Rect {
                y: y.saturating_sub(1),
                height: 3.min(text.height),
                ..text
            },
        );
    } else {
        let mut spans = Vec::new();
        if word.is_none() {
            spans.push(Span::raw(" "));
        }
        if let Some(word) = word {
            spans.push(Span::styled(
                format!(" {word} "),
                goal.and_then(|n| ctx.snap.sdg(n))
                    .map_or(t.selected, |g| t.goal(g.color)),
            ));
            spans.push(Span::raw(" "));
        }
        spans.push(Span::styled(line, t.title));
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect { height: 1, ..head },
        );
    }

    if let Some((counter, title, text, off)) = caption {
        let (label, style) = if off {
            (format!(" {counter} · off the tour — . snaps back "), t.warn)
        } else {
            (format!(" {counter} · {title} "), t.accent)
        };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(style)
            .title(Span::styled(
                txt::clip(&label, cap.width.saturating_sub(2) as usize),
                style,
            ));
        let inner = cap.inner(Margin {
            horizontal: 1,
            vertical: 0,
        });
        match big_caption {
            Some(lines) => {
                let body = block.inner(inner);
                frame.render_widget(block, inner);
                let big_text = BigText::builder()
                    .pixel_size(PixelSize::Quadrant)
                    .style(t.title)
                    .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                    .build();
                frame.render_widget(big_text, body);
            }
            None => frame.render_widget(
                Paragraph::new(text)
                    .style(t.title)
                    .block(block)
                    .wrap(Wrap { trim: true }),
                inner,
            ),
        }
    }
    if echo_h > 0 {
        frame.render_widget(Paragraph::new(echo_line(ctx, p, echo.width as usize)), echo);
    }
    if let Some(msg) = &ctx.status {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {msg}"), t.warn)),
            status,
        );
    }
    // a little air around the view on a projector
    let pad = if matrix || main.width < 100 { 0 } else { 2 };
    main.inner(Margin {
        horizontal: pad,
        vertical: 0,
    })
}

/// The key echo: the latest keys, newest last, older ones dropped from the
/// left to fit `width`.
fn echo_line(ctx: &Ctx, p: &Presenter, width: usize) -> Line<'static> {
    let t = &ctx.theme;
    let lead = " keys: ";
    let sep = "   ·   ";
    let mut shown: Vec<&str> = Vec::new();
    let mut used = txt::width(lead);
    for k in p.keys.iter().rev() {
        let w = txt::width(k) + if shown.is_empty() { 0 } else { txt::width(sep) };
        if used + w > width {
            if shown.is_empty() {
                // the newest key alone is too long: it is clipped, never dropped
                shown.push(k);
            }
            break;
        }
        used += w;
        shown.push(k);
    }
    shown.reverse();
    let line = txt::clip(&format!("{lead}{}", shown.join(sep)), width);
    Line::styled(line, t.title)
}

/// `text` broken at words into lines for the large (4×4 per letter) font
/// across `width` columns.
fn big_lines(text: &str, width: u16) -> Vec<String> {
    let per_line = (width.saturating_sub(4) / 4).max(1) as usize;
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let need = cur.chars().count() + usize::from(!cur.is_empty()) + word.chars().count();
        if need > per_line && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn goal_fg(t: &crate::tui::theme::Theme, c: crate::snapshot::Rgb) -> Style {
    if !t.goal_colors {
        return Style::new();
    }
    let crate::snapshot::Rgb(r, g, b) = c;
    Style::new().fg(ratatui::style::Color::Rgb(r, g, b))
}
