//! The frame around the screens: the header, the tab line with the
//! breadcrumb, the hint bar, and the message for a terminal too small.
//!
//! Every line of separate items goes through `fit_items`, which drops the
//! least important items whole instead of cutting one mid-phrase; the hint
//! bar is generated from the keymap for the contexts that have the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::check::Summary;
use crate::tour::Screen;
use crate::tui::ctx::Ctx;
use crate::tui::keymap::{self, Context};
use crate::tui::layout::Hit;
use crate::tui::text::{self, Item, fit_items};

/// The smallest terminal the explorer draws in.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Below this height the header shares the tab line.
pub const MERGE_BELOW: u16 = 30;

/// Says the terminal is too small, and how small.
pub fn render_too_small(frame: &mut Frame, area: Rect, ctx: &Ctx) {
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
            .style(ctx.theme.warn)
            .wrap(Wrap { trim: true })
            .centered(),
        line,
    );
}

/// What the header must say whatever the width, most important first:
/// how many activities the view shows (`[74 of 722 activities shown]`,
/// or `[74 of 722 shown]` when that does not fit) and what `--compare`
/// changed. Each entry is its full text and its short one.
fn must_say(ctx: &Ctx) -> Vec<(String, String)> {
    let total = Summary::counts(&ctx.snap).activities;
    let mut out = Vec::new();
    let shown = ctx.sel().activity_count();
    if shown != total {
        out.push((
            format!("[{shown} of {total} activities shown]"),
            format!("[{shown} of {total} shown]"),
        ));
    }
    if let Some(c) = &ctx.compare {
        let n = c.diff.cells().len();
        let msg = format!(
            "[vs {}: {n} cell{} changed]",
            c.name,
            if n == 1 { "" } else { "s" }
        );
        out.push((
            msg.clone(),
            format!("[{n} cell{} changed]", if n == 1 { "" } else { "s" }),
        ));
    }
    out
}

/// The columns the header needs on the tab line for what it must say in
/// its short form (0 when it must say nothing).
fn header_needs(ctx: &Ctx) -> usize {
    let must = must_say(ctx);
    if must.is_empty() {
        return 0;
    }
    let w: usize = must.iter().map(|(_, short)| text::width(short)).sum();
    w + 3 * must.len() + 1
}

/// The header: what changes the picture first (the view's count, the
/// comparison — never cut: its short form when the full one does not
/// fit), then the snapshot's title and date, then its counts (left out
/// under a filter, where they would read as the view's); the least
/// important items are dropped whole to fit, never cut. `merged`: drawn on
/// the tab line, so it leaves out the program name.
pub fn render_header(frame: &mut Frame, area: Rect, ctx: &Ctx, merged: bool) {
    let s = Summary::counts(&ctx.snap);
    let t = &ctx.theme;
    let sep = Span::styled(" · ", t.dim);
    let lead = if merged { " │ " } else { " " };
    let room = (area.width as usize).saturating_sub(1 + text::width(lead));
    let mut items = Vec::new();
    if !merged {
        items.push(Item::new(10, "sdgmap", t.accent));
    }
    let must = must_say(ctx);
    let full_w: usize = must.iter().map(|(f, _)| text::width(f) + 3).sum();
    for (full, short) in &must {
        let text = if full_w <= room + 3 { full } else { short };
        items.push(Item::new(9, text.clone(), t.warn));
    }
    items.push(Item::new(5, ctx.snap.meta().title.clone(), t.title));
    items.push(Item::new(4, ctx.snap.meta().snapshot_date.clone(), t.dim));
    if ctx.sel().activity_count() == s.activities {
        let totals = [
            (2, format!("{} activities", s.activities)),
            (1, format!("{} links", s.links)),
            (1, format!("{} rows", s.matrix_rows)),
            (1, format!("{} targets", s.targets)),
            (1, format!("{} SDGs", s.sdgs)),
        ];
        if merged {
            // beside the tabs the totals go together or not at all: a lone
            // `18 rows` says nothing
            let all: Vec<String> = totals.into_iter().map(|(_, x)| x).collect();
            items.push(Item::new(2, all.join(" · "), t.dim));
        } else {
            for (p, text) in totals {
                items.push(Item::new(p, text, t.dim));
            }
        }
    }
    // an item too wide for the line even alone is left out, not cut
    items.retain(|i| {
        i.spans
            .iter()
            .map(|s| text::width(&s.content))
            .sum::<usize>()
            <= room
    });
    let mut line = fit_items(&items, sep, room);
    if !line.spans.is_empty() {
        line.spans.insert(0, Span::styled(lead, t.dim));
    }
    let style = if merged { t.base } else { t.bar };
    frame.render_widget(Paragraph::new(line).style(style), area);
}

/// The tabs of `screens` with `current` highlighted and, in a drill-down,
/// the breadcrumb of `crumbs` (its first crumbs give way to `…` when it is
/// too long); the other tabs shrink to their key when the names do not
/// fit. Returns the width used.
pub fn render_tabs(
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
    screens: &[Screen],
    current: Screen,
    crumbs: &[String],
    merged: bool,
) -> u16 {
    let t = &ctx.theme;
    let mut spans = Vec::new();
    let mut x = area.x;
    // what the header must say on this line keeps its room
    let needs = if merged { header_needs(ctx) } else { 0 };
    let keys: u16 = (1..=screens.len())
        .map(|i| text::width(&format!(" {i} ")) as u16)
        .sum();
    // the program's name gives way to a breadcrumb, and to the header's
    // must-say when the tabs by key would leave it no room
    let named = merged
        && crumbs.is_empty()
        && usize::from(8 + keys + 20) + needs <= usize::from(area.width);
    if named {
        spans.push(Span::styled(" sdgmap ", t.accent));
        x += 8;
    }
    // every tab by name when they fit (with room for a breadcrumb);
    // else the other tabs by their key alone
    let full: u16 = screens
        .iter()
        .enumerate()
        .map(|(i, s)| text::width(&format!(" {} {} ", i + 1, s.title())) as u16)
        .sum();
    // the breadcrumb as it would be drawn in full: ` │ ` and ` › ` between
    // the screen's title and each crumb (cut at 28 columns)
    let trail: usize = if crumbs.is_empty() {
        0
    } else {
        3 + text::width(current.title())
            + crumbs
                .iter()
                .map(|c| 3 + text::width(&text::clip(c, 28)))
                .sum::<usize>()
    };
    let compact = usize::from(x - area.x + full) + trail + needs > usize::from(area.width);
    for (i, screen) in screens.iter().enumerate() {
        let label = if compact && *screen != current {
            format!(" {} ", i + 1)
        } else {
            format!(" {} {} ", i + 1, screen.title())
        };
        let w = text::width(&label) as u16;
        let style = if *screen == current && crumbs.is_empty() {
            t.selected
        } else if *screen == current {
            t.accent
        } else {
            t.dim
        };
        ctx.layout.push_hit(
            Rect {
                x,
                y: area.y,
                width: w,
                height: 1,
            },
            Hit::Tab(*screen),
        );
        x += w;
        spans.push(Span::styled(label, style));
    }
    if !crumbs.is_empty() {
        spans.push(Span::styled(" │ ", t.dim));
        x += 3;
        let mut all: Vec<(usize, String)> = vec![(0, current.title().to_string())];
        all.extend(
            crumbs
                .iter()
                .enumerate()
                .map(|(i, c)| (i + 1, text::clip(c, 28))),
        );
        let room = area.right().saturating_sub(x) as usize;
        let total =
            |c: &[(usize, String)]| c.iter().map(|(_, s)| text::width(s) + 3).sum::<usize>();
        // drop the oldest crumbs (after the screen) until the rest fit
        let mut dropped = false;
        while total(&all) > room && all.len() > 2 {
            all.remove(1);
            dropped = true;
        }
        let last = all.last().map_or(0, |c| c.0);
        for (k, (i, c)) in all.into_iter().enumerate() {
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
            ctx.layout.push_hit(
                Rect {
                    x,
                    y: area.y,
                    width: w,
                    height: 1,
                },
                Hit::Crumb(i),
            );
            x += w;
            spans.push(Span::styled(c, if i == last { t.title } else { t.accent }));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    x.saturating_sub(area.x).min(area.width)
}

/// The hint bar: the status message, or the keys that work in `contexts`,
/// dropped from the end to fit.
pub fn render_hints(frame: &mut Frame, area: Rect, ctx: &Ctx, contexts: &[Context]) {
    let t = &ctx.theme;
    let line = match &ctx.status {
        Some(msg) => Line::from(Span::styled(
            text::clip(&format!(" {msg}"), area.width as usize),
            t.warn,
        )),
        None => {
            let items: Vec<Item> = keymap::hints(contexts)
                .into_iter()
                .enumerate()
                .map(|(i, (key, hint))| {
                    Item::spans(
                        u8::MAX - i.min(200) as u8,
                        vec![
                            Span::styled(key, t.accent),
                            Span::styled(format!(" {hint}"), t.dim),
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

/// The chips: each active filter, dimmed and struck when switched off;
/// the one at `cursor` highlighted while the chips have the keys.
pub fn chips_line(ctx: &Ctx, focused: bool, cursor: usize) -> Line<'static> {
    let t = &ctx.theme;
    let chips = &ctx.filters.chips;
    let mut spans = vec![Span::styled(" filters ", t.dim)];
    if chips.is_empty() {
        spans.push(Span::styled("none", t.dim));
    }
    for (i, c) in chips.iter().enumerate() {
        let mut style = if c.on {
            t.accent
        } else {
            t.dim.add_modifier(ratatui::style::Modifier::CROSSED_OUT)
        };
        if focused && i == cursor {
            style = t.selected;
        }
        let mark = if c.on { "●" } else { "○" };
        spans.push(Span::styled(format!("[{mark} {}]", c.view), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}
