//! Drawing the prompts: the `/` finder, the `f` filter bar and the `:`
//! palette, each an overlay over the current screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::popup::{centered_pct, frame_box};
use super::text::clip;
use crate::entity::EntityRef;
use crate::tui::filter::{FilterFocus, FilterOverlay, effective};
use crate::tui::finder::FinderOverlay;
use crate::tui::input::LineEdit;
use crate::tui::palette::{self, Command, PaletteOverlay};
use crate::tui::state::State;
use crate::view::apply_with;
use crate::view::facets::PANEL;

/// The prompt line `prefix text` (the text in `style`) with the cursor
/// parked at the edit position.
pub(super) fn prompt_line(
    st: &State,
    area: Rect,
    prefix: &str,
    input: &LineEdit,
    style: Style,
) -> Line<'static> {
    let t = &st.theme;
    let x = area.x + prefix.chars().count() as u16 + input.cursor() as u16;
    st.layout
        .cursor
        .set(Some((x.min(area.right().saturating_sub(1)), area.y)));
    Line::from(vec![
        Span::styled(prefix.to_string(), t.accent),
        Span::styled(input.text().to_string(), style),
    ])
}

/// Spans of `text` with the characters at `marks` (char indices) highlighted.
fn highlighted(text: &str, marks: &[usize], base: Style, hi: Style) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_hi = false;
    for (i, c) in text.chars().enumerate() {
        let h = marks.binary_search(&i).is_ok();
        if h != run_hi && !run.is_empty() {
            out.push(Span::styled(
                std::mem::take(&mut run),
                if run_hi { hi } else { base },
            ));
        }
        run_hi = h;
        run.push(c);
    }
    if !run.is_empty() {
        out.push(Span::styled(run, if run_hi { hi } else { base }));
    }
    out
}

/// The finder: prompt, counts, and results grouped by kind with highlights.
pub fn render_finder(frame: &mut Frame, area: Rect, st: &State, f: &FinderOverlay) {
    let t = &st.theme;
    let r = centered_pct(area, 80, 80);
    frame.render_widget(Clear, r);
    let status = if f.busy {
        "searching…".to_string()
    } else {
        format!("{} of {} shown", f.hits.len(), f.total)
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border_focus)
        .style(t.base)
        .title(Span::styled(
            " find — Enter to open, Esc to close ",
            t.accent,
        ))
        .title_bottom(Span::styled(format!(" {status} "), t.dim));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [input, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(prompt_line(st, input, "/ ", &f.input, st.theme.title)),
        Rect { height: 1, ..input },
    );
    // rows: a heading before each new kind
    let mut rows: Vec<Option<usize>> = Vec::new();
    let mut last = None;
    for (i, h) in f.hits.iter().enumerate() {
        if last != Some(h.kind()) {
            rows.push(None);
            last = Some(h.kind());
        }
        rows.push(Some(i));
    }
    let height = list.height as usize;
    let sel_row = rows.iter().position(|r| *r == Some(f.cursor));
    let offset = sel_row.map_or(0, |r| (r + 1).saturating_sub(height));
    let width = list.width.saturating_sub(2) as usize;
    let hi = t.accent;
    let items: Vec<ListItem> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(j, r)| match r {
            // a heading names the kind of the hit that follows it
            None => {
                let next = rows
                    .get(j + 1)
                    .copied()
                    .flatten()
                    .and_then(|i| f.hits.get(i));
                ListItem::new(Line::styled(
                    next.map_or("", |h| h.kind().heading()).to_string(),
                    t.title,
                ))
            }
            Some(i) => ListItem::new(hit_line(st, f, *i, width, hi)),
        })
        .collect();
    let list_w = List::new(items)
        .highlight_style(t.selected)
        .highlight_symbol("▌");
    let mut state = ListState::default().with_selected(sel_row.map(|r| r - offset));
    frame.render_stateful_widget(list_w, list, &mut state);
    if f.hits.is_empty() && !f.busy && !f.input.text().is_empty() {
        frame.render_widget(
            Paragraph::new("no match").style(t.dim),
            Rect { height: 1, ..list },
        );
    }
}

fn hit_line(st: &State, f: &FinderOverlay, i: usize, width: usize, hi: Style) -> Line<'static> {
    let t = &st.theme;
    let e = f.hits[i].entity;
    let (label, title) = match e {
        EntityRef::Activity(_) => (String::new(), e.title(&st.snap)),
        _ => (format!("{}  ", e.label(&st.snap)), e.title(&st.snap)),
    };
    let text = clip(&format!("{label}{title}"), width);
    let marks = f
        .query
        .as_ref()
        .map(|q| q.highlight(&text))
        .unwrap_or_default();
    Line::from(highlighted(
        &text,
        &marks,
        t.base,
        hi.patch(Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)),
    ))
}

/// The filter bar: text with count or error, chips, and the facet panel.
pub fn render_filter(frame: &mut Frame, area: Rect, st: &State, f: &FilterOverlay) {
    let t = &st.theme;
    let h = area.height.min(16).max(area.height.min(8));
    let r = Rect {
        y: area.bottom() - h,
        height: h,
        ..area
    };
    frame.render_widget(Clear, r);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(t.border_focus)
        .style(t.base)
        .title(Span::styled(
            " filter — Enter apply · Esc undo · Tab text/chips/facets · Space toggle ",
            t.accent,
        ));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [line, info, chips, panel] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let prompt = if f.focus == FilterFocus::Input {
        prompt_line(st, line, "f ", &f.input, st.theme.title)
    } else {
        Line::from(vec![
            Span::styled("f ", t.dim),
            Span::styled(f.input.text().to_string(), t.base),
        ])
    };
    frame.render_widget(Paragraph::new(prompt), line);
    let info_text: Vec<Line> = match &f.error {
        Some(e) => e
            .render(f.input.text())
            .lines()
            .map(|l| Line::styled(format!("  {l}"), t.warn))
            .collect(),
        None => {
            let view = effective(&st.chips);
            let sel = apply_with(&st.snap, &view, &st.corpus);
            vec![Line::styled(
                format!(
                    "  {} · {} · {} match",
                    plural(sel.activity_count(), "activity", "activities"),
                    plural(sel.link_count(), "link", "links"),
                    plural(
                        (0..st.snap.targets().len() as u32)
                            .filter(|&i| sel.target(crate::snapshot::TargetId(i)))
                            .count(),
                        "target",
                        "targets"
                    )
                ),
                t.dim,
            )]
        }
    };
    frame.render_widget(Paragraph::new(info_text), info);
    frame.render_widget(
        Paragraph::new(chips_line(st, f.focus == FilterFocus::Chips, f.chip_cursor)),
        chips,
    );
    if panel.height < 2 {
        return;
    }
    let [keys, values] =
        Layout::horizontal([Constraint::Length(12), Constraint::Min(0)]).areas(panel);
    let key_lines: Vec<Line> = PANEL
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let style = if i == f.facet {
                if f.focus == FilterFocus::Facets {
                    t.selected
                } else {
                    t.accent
                }
            } else {
                t.dim
            };
            Line::styled(format!(" {:<10}", k.name()), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(key_lines), keys);
    // when the values do not all fit, the last line says how many more
    let all = f.values.len();
    let vh = if all > values.height as usize {
        (values.height as usize).saturating_sub(1)
    } else {
        values.height as usize
    };
    let offset = (f.value_cursor + 1).saturating_sub(vh);
    let items: Vec<ListItem> = f
        .values
        .iter()
        .skip(offset)
        .take(vh)
        .map(|v| {
            let mark = if v.selected { "[x]" } else { "[ ]" };
            let label = if v.label.is_empty() {
                String::new()
            } else {
                format!(" {}", v.label)
            };
            let style = if v.count == 0 { t.dim } else { t.base };
            // the count is never cut: the label gives way
            let count = format!(" ({})", v.count);
            let room = (values.width as usize).saturating_sub(5 + super::text::width(&count));
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), t.accent),
                Span::styled(clip(&format!("{}{label}", v.value), room), style),
                Span::styled(count, style),
            ]))
        })
        .collect();
    let focused = f.focus == FilterFocus::Facets;
    let list = List::new(items).highlight_style(if focused { t.selected } else { t.base });
    let mut state = ListState::default().with_selected(focused.then_some(f.value_cursor - offset));
    let list_area = Rect {
        height: vh as u16,
        ..values
    };
    frame.render_stateful_widget(list, list_area, &mut state);
    if vh < all {
        let below = all - offset - vh.min(all - offset);
        let text = match (offset, below) {
            (0, b) => format!("  ↓ {b} more"),
            (a, 0) => format!("  ↑ {a} above"),
            (a, b) => format!("  ↑ {a} · ↓ {b} more"),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, t.accent)),
            Rect {
                y: values.bottom() - 1,
                height: 1,
                ..values
            },
        );
    }
    st.layout.marks.borrow_mut().push((values, offset, vh, all));
}

/// The chips: each active filter, dimmed and struck when switched off.
pub fn chips_line(st: &State, focused: bool, cursor: usize) -> Line<'static> {
    let t = &st.theme;
    let mut spans = vec![Span::styled(" filters ", t.dim)];
    if st.chips.is_empty() {
        spans.push(Span::styled("none", t.dim));
    }
    for (i, c) in st.chips.iter().enumerate() {
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

/// The palette: what is typed and the matching commands with their keys.
pub fn render_palette(frame: &mut Frame, area: Rect, st: &State, p: &PaletteOverlay) {
    let t = &st.theme;
    let r = centered_pct(area, 60, 60);
    let inner = frame_box(
        frame,
        r,
        st,
        t.border_focus,
        Span::styled(" commands — Enter to run ", t.accent),
    );
    let [input, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(prompt_line(st, input, ": ", &p.input, st.theme.title)),
        Rect { height: 1, ..input },
    );
    let cmds = palette::matches(p.input.text());
    let h = list.height as usize;
    let offset = (p.cursor + 1).saturating_sub(h);
    let items: Vec<ListItem> = cmds
        .iter()
        .skip(offset)
        .take(h)
        .map(|c| match c {
            Command::Run(b) => {
                let (label, desc) = (b.label, b.desc);
                let w = (list.width as usize).saturating_sub(label.chars().count() + 3);
                ListItem::new(Line::from(vec![
                    Span::styled(format!("{:<w$} ", clip(desc, w)), t.base),
                    Span::styled(label.to_string(), t.accent),
                ]))
            }
            Command::Open(v) if v.is_empty() => {
                ListItem::new(Line::styled("open VIEW — open a view string", t.base))
            }
            Command::Open(v) => ListItem::new(Line::styled(format!("open view: {v}"), t.base)),
        })
        .collect();
    let mut state =
        ListState::default().with_selected((!cmds.is_empty()).then_some(p.cursor - offset));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(t.selected)
            .highlight_symbol("▌"),
        list,
        &mut state,
    );
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
