//! Drawing the explorer: `render(frame, &State)` and the frame's chrome.
//!
//! Rendering is a pure function of the state. Each screen has its own
//! `render_*` module; this one lays out the header, the tab and breadcrumb
//! line, the main area and the hint bar, and handles too-small terminals.
//! While drawing, it records click regions and the screen-reader cursor in
//! the state's `Layout` cells.

mod card;
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
mod table;
mod text;
mod tree;

pub use text::clip;
use text::{Item, fit_items};

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
    st.layout.card_shown.set(false);
    st.layout.marks.borrow_mut().clear();
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
    // short terminals put the header on the tab line
    let merged = area.height < MERGE_BELOW;
    let [header, tabs, chips, main, hints] = Layout::vertical([
        Constraint::Length(u16::from(!merged)),
        Constraint::Length(1),
        Constraint::Length(chips_h),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if chips_h > 0 {
        frame.render_widget(Paragraph::new(prompt::chips_line(st, false, 0)), chips);
    }
    let used = render_tabs(frame, tabs, st, merged);
    if merged {
        let rest = Rect {
            x: tabs.x + used,
            width: tabs.width.saturating_sub(used),
            ..tabs
        };
        render_header(frame, rest, st, true);
    } else {
        render_header(frame, header, st, false);
    }
    render_main(frame, main, st);
    render_hints(frame, hints, st);
    render_overlay(frame, area, main, st);
}

/// Below this height the header shares the tab line.
const MERGE_BELOW: u16 = 30;

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

/// The header: what changes the picture first (the view's count, the
/// comparison), then the snapshot's title and date, then its counts; the
/// least important items are dropped whole to fit. `merged`: drawn on the
/// tab line, so it leaves out the program name.
fn render_header(frame: &mut Frame, area: Rect, st: &State, merged: bool) {
    let s = Summary::of(&st.snap);
    let t = &st.theme;
    let mut items = Vec::new();
    if !merged {
        items.push(Item::new(10, "sdgmap", t.accent));
    }
    let shown = st.sel.activity_count();
    if shown != s.activities {
        items.push(Item::new(
            9,
            format!("[{shown} of {} activities shown]", s.activities),
            t.warn,
        ));
    }
    if let Some(c) = &st.compare {
        let n = c.diff.cells().len();
        let msg = format!(
            "[vs {}: {n} cell{} changed]",
            c.name,
            if n == 1 { "" } else { "s" }
        );
        items.push(Item::new(9, msg, t.warn));
    }
    items.push(Item::new(5, st.snap.meta().title.clone(), t.title));
    items.push(Item::new(4, st.snap.meta().snapshot_date.clone(), t.dim));
    for (p, text) in [
        (2, format!("{} activities", s.activities)),
        (1, format!("{} links", s.links)),
        (1, format!("{} rows", s.matrix_rows)),
        (1, format!("{} targets", s.targets)),
        (1, format!("{} SDGs", s.sdgs)),
    ] {
        items.push(Item::new(p, text, t.dim));
    }
    let sep = Span::styled(" · ", t.dim);
    let lead = if merged { " │ " } else { " " };
    let mut line = fit_items(
        &items,
        sep,
        (area.width as usize).saturating_sub(1 + lead.len()),
    );
    if !line.spans.is_empty() {
        line.spans.insert(0, Span::styled(lead, t.dim));
    }
    let style = if merged { t.base } else { t.bar };
    frame.render_widget(Paragraph::new(line).style(style), area);
}

/// The tabs and, in a drill-down, the breadcrumb (its first crumbs give
/// way to `…` when it is too long); returns the width used.
fn render_tabs(frame: &mut Frame, area: Rect, st: &State, merged: bool) -> u16 {
    let t = &st.theme;
    let mut spans = Vec::new();
    let mut x = area.x;
    let mut hits = st.layout.hits.borrow_mut();
    // the program's name gives way to a breadcrumb
    if merged && st.trail.is_empty() {
        spans.push(Span::styled(" sdgmap ", t.accent));
        x += 8;
    }
    for (i, screen) in Screen::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, screen.title());
        let w = text::width(&label) as u16;
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
        let mut crumbs: Vec<(usize, String)> = vec![(0, st.screen.title().to_string())];
        crumbs.extend(
            st.trail
                .iter()
                .enumerate()
                .map(|(i, c)| (i + 1, text::clip(&c.entity.label(&st.snap), 28))),
        );
        let room = area.right().saturating_sub(x) as usize;
        let total =
            |c: &[(usize, String)]| c.iter().map(|(_, s)| text::width(s) + 3).sum::<usize>();
        // drop the oldest crumbs (after the screen) until the rest fit
        let mut dropped = false;
        while total(&crumbs) > room && crumbs.len() > 2 {
            crumbs.remove(1);
            dropped = true;
        }
        let last = crumbs.last().map_or(0, |c| c.0);
        for (k, (i, c)) in crumbs.into_iter().enumerate() {
            if k > 0 {
                let sep = if k == 1 && dropped {
                    " › … › "
                } else {
                    " › "
                };
                spans.push(Span::styled(sep, t.dim));
                x += text::width(sep) as u16;
            }
            let c = text::clip(&c, area.right().saturating_sub(x) as usize);
            let w = text::width(&c) as u16;
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
    x.saturating_sub(area.x).min(area.width)
}

/// The hint bar: the status message, or the keys that work here, dropped
/// from the end to fit.
fn render_hints(frame: &mut Frame, area: Rect, st: &State) {
    let t = &st.theme;
    let line = match &st.status {
        Some(msg) => Line::from(Span::styled(
            text::clip(&format!(" {msg}"), area.width as usize),
            t.warn,
        )),
        None => {
            let items: Vec<Item> = keymap::active(st)
                .into_iter()
                .filter(|b| b.hint.is_some())
                .enumerate()
                .map(|(i, b)| {
                    let key = if b.action == super::action::Action::Show(Screen::Activities) {
                        "1-4"
                    } else {
                        b.label
                    };
                    Item::spans(
                        u8::MAX - i.min(200) as u8,
                        vec![
                            Span::styled(
                                key.split(' ').next().unwrap_or(key).to_string(),
                                t.accent,
                            ),
                            Span::styled(format!(" {}", b.hint.unwrap_or_default()), t.dim),
                        ],
                    )
                })
                .collect();
            let mut line = fit_items(
                &items,
                Span::raw("  "),
                area.width.saturating_sub(1) as usize,
            );
            line.spans.insert(0, Span::raw(" "));
            line
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

/// Whatever is open on top. What it covers is no longer on screen, so
/// only the overlay's own scrolling lists stay recorded.
fn render_overlay(frame: &mut Frame, area: Rect, main: Rect, st: &State) {
    if st.overlay.is_some() {
        st.layout.marks.borrow_mut().clear();
    }
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
