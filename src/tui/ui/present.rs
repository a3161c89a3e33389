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

use crate::tui::present::heading;
use crate::tui::state::{Screen, State};

/// Draws the presenter frame; returns the area left for the screen itself.
pub fn render_presenter_chrome(frame: &mut Frame, area: Rect, st: &State) -> Rect {
    let t = &st.theme;
    let big = area.width >= 100 && area.height >= 34;
    let head_h: u16 = if big { 9 } else { 2 };
    let caption = st.presenter.tour.as_ref().map(|run| {
        let step = &run.tour.steps[run.state.step()];
        (
            run.state.counter(),
            run.tour.title.clone(),
            step.caption.clone(),
            run.state.is_off_tour(),
        )
    });
    let caption_h: u16 = match &caption {
        Some((_, _, text, _)) => {
            let w = area.width.saturating_sub(4).max(1) as usize;
            let lines: usize = text
                .lines()
                .map(|l| l.chars().count().div_ceil(w).max(1))
                .sum();
            (lines as u16 + 2).clamp(3, if big { 7 } else { 5 })
        }
        None => 0,
    };
    let echo_h = u16::from(st.presenter.echo);
    let status_h = u16::from(st.status.is_some());
    let [head, main, cap, echo, status] = Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Min(3),
        Constraint::Length(caption_h),
        Constraint::Length(echo_h),
        Constraint::Length(status_h),
    ])
    .areas(area);

    let (word, goal, line) = heading(st);
    let goal_style = match goal.and_then(|n| st.snap.sdg(n)) {
        Some(g) => t.title.patch(goal_fg(st, g.color)),
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
        if let Some(word) = word {
            spans.push(Span::styled(
                format!(" {word} "),
                goal.and_then(|n| st.snap.sdg(n))
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
            .title(Span::styled(label, style));
        frame.render_widget(
            Paragraph::new(text)
                .style(t.title)
                .block(block)
                .wrap(Wrap { trim: true }),
            cap.inner(Margin {
                horizontal: 1,
                vertical: 0,
            }),
        );
    }
    if echo_h > 0 {
        let keys = st.presenter.keys.join("   ·   ");
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" keys: {keys}"), t.dim)),
            echo,
        );
    }
    if let Some(msg) = &st.status {
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {msg}"), t.warn)),
            status,
        );
    }
    // a little air around the view on a projector
    let pad = if st.screen == Screen::Matrix || main.width < 100 {
        0
    } else {
        2
    };
    main.inner(Margin {
        horizontal: pad,
        vertical: 0,
    })
}

fn goal_fg(st: &State, c: crate::snapshot::Rgb) -> Style {
    if !st.theme.goal_colors {
        return Style::new();
    }
    let crate::snapshot::Rgb(r, g, b) = c;
    Style::new().fg(ratatui::style::Color::Rgb(r, g, b))
}
