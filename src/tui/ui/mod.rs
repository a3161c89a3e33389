//! Drawing the explorer: `render(frame, &State)` and the frame's chrome.
//!
//! Rendering is a pure function of the state. Each screen has its own
//! `render_*` module; this one lays out the header, the tab and breadcrumb
//! line, the main area and the hint bar, and handles too-small terminals.
//! While drawing, it records click regions and the screen-reader cursor in
//! the state's `Layout` cells.

mod cards;
mod details;
mod drill;
mod help;
mod lists;
mod marks;
mod matrix;
mod popup;
mod present;
mod prompt;
mod text;

pub use text::clip;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::keymap;
use super::state::{Hit, Overlay, Screen, State};
use crate::check::Summary;

/// The smallest terminal the explorer draws in.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// The one-line strip of `area` at row `k` (counted from its top).
fn row_rect(area: Rect, k: usize) -> Rect {
    Rect {
        y: area.y + k as u16,
        height: 1,
        ..area
    }
}

/// Draws the whole frame.
pub fn render(frame: &mut Frame, st: &State) {
    st.layout.hits.borrow_mut().clear();
    st.layout.cursor.set(None);
    let area = frame.area();
    frame.render_widget(Block::new().style(st.theme.base), area);
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return render_too_small(frame, area, st);
    }
    if st.presenter.on {
        let main = present::render_presenter_chrome(frame, area, st);
        render_main(frame, main, st);
        render_overlay(frame, area, main, st);
        return;
    }
    let chips_h = u16::from(!st.chips.is_empty());
    let [header, tabs, chips, main, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(chips_h),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if chips_h > 0 {
        frame.render_widget(Paragraph::new(prompt::chips_line(st, false, 0)), chips);
    }
    render_header(frame, header, st);
    render_tabs(frame, tabs, st);
    render_main(frame, main, st);
    render_hints(frame, hints, st);
    render_overlay(frame, area, main, st);
}

fn render_too_small(frame: &mut Frame, area: Rect, st: &State) {
    let msg = format!(
        "terminal too small: need {}×{}, have {}×{}",
        MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
    );
    let y = area.y + area.height.saturating_sub(1) / 2;
    let line = Rect {
        x: area.x,
        y,
        width: area.width,
        height: area.bottom() - y,
    };
    frame.render_widget(
        Paragraph::new(msg)
            .style(st.theme.warn)
            .wrap(Wrap { trim: true })
            .centered(),
        line,
    );
}

fn render_header(frame: &mut Frame, area: Rect, st: &State) {
    let s = Summary::of(&st.snap);
    let t = &st.theme;
    let mut spans = vec![Span::styled(" sdgmap ", t.accent)];
    // what changes the picture comes first, so narrow terminals keep it
    let shown = st.sel.activity_count();
    if shown != s.activities {
        spans.push(Span::styled(
            format!("[{shown} of {} activities shown] ", s.activities),
            t.warn,
        ));
    }
    if let Some(c) = &st.compare {
        let msg = format!("[vs {}: {} cells changed] ", c.name, c.diff.cells().len());
        spans.push(Span::styled(msg, t.warn));
    }
    spans.push(Span::styled(format!("{} ", st.snap.meta().title), t.title));
    spans.push(Span::styled(
        format!("· {} ", st.snap.meta().snapshot_date),
        t.dim,
    ));
    let counts = format!(
        "· {} SDGs · {} targets · {} rows · {} links · {} activities",
        s.sdgs, s.targets, s.matrix_rows, s.links, s.activities
    );
    spans.push(Span::styled(counts, t.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.bar), area);
}

fn render_tabs(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let mut spans = Vec::new();
    let mut x = area.x;
    let mut hits = st.layout.hits.borrow_mut();
    for (i, screen) in Screen::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, screen.title());
        let w = label.chars().count() as u16;
        let style = if *screen == st.screen && st.trail.is_empty() {
            t.selected
        } else if *screen == st.screen {
            t.accent
        } else {
            t.dim
        };
        hits.push((
            Rect {
                x,
                y: area.y,
                width: w,
                height: 1,
            },
            Hit::Tab(*screen),
        ));
        x += w;
        spans.push(Span::styled(label, style));
    }
    if !st.trail.is_empty() {
        spans.push(Span::styled(" │ ", t.dim));
        x += 3;
        let mut crumbs = vec![st.screen.title().to_string()];
        crumbs.extend(
            st.trail
                .iter()
                .map(|c| text::clip(&c.entity.label(&st.snap), 28)),
        );
        let last = crumbs.len() - 1;
        for (i, c) in crumbs.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" › ", t.dim));
                x += 3;
            }
            let w = c.chars().count() as u16;
            hits.push((
                Rect {
                    x,
                    y: area.y,
                    width: w,
                    height: 1,
                },
                Hit::Crumb(i),
            ));
            x += w;
            spans.push(Span::styled(c, if i == last { t.title } else { t.accent }));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_hints(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let line = match &st.status {
        Some(msg) => Line::from(Span::styled(format!(" {msg}"), t.warn)),
        None => {
            let mut spans = vec![Span::raw(" ")];
            for b in keymap::active(st).into_iter().filter(|b| b.hint.is_some()) {
                let key = if b.action == super::action::Action::Show(Screen::Activities) {
                    "1-4"
                } else {
                    b.label
                };
                spans.push(Span::styled(
                    key.split(' ').next().unwrap_or(key).to_string(),
                    t.accent,
                ));
                spans.push(Span::styled(
                    format!(" {}  ", b.hint.unwrap_or_default()),
                    t.dim,
                ));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line).style(t.bar), area);
}

/// The screen itself (or the drill view) in `main`.
fn render_main(frame: &mut Frame, main: Rect, st: &State) {
    if st.trail.is_empty() {
        match st.screen {
            Screen::Matrix => matrix::render_matrix(frame, main, st),
            Screen::Sdgs | Screen::Lines | Screen::Activities => {
                lists::render_list_screen(frame, main, st)
            }
        }
    } else {
        drill::render_drill(frame, main, st);
    }
}

/// Whatever is open on top.
fn render_overlay(frame: &mut Frame, area: Rect, main: Rect, st: &State) {
    match &st.overlay {
        Some(Overlay::Help(_)) => help::render_help(frame, area, st),
        Some(Overlay::Finder(f)) => prompt::render_finder(frame, main, st, f),
        Some(Overlay::Filter(f)) => prompt::render_filter(frame, main, st, f),
        Some(Overlay::Palette(p)) => prompt::render_palette(frame, main, st, p),
        Some(Overlay::Prompt(p)) => marks::render_prompt(frame, main, st, p),
        Some(Overlay::Marks(l)) => marks::render_marks(frame, main, st, l),
        Some(Overlay::Message {
            title,
            lines,
            scroll,
        }) => help::render_message(frame, area, st, title, lines, *scroll),
        None => {}
    }
}
