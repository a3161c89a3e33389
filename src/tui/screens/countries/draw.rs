//! Drawing the Countries screen: the region list on the left — a region row
//! is `▸ Africa   54c 123a` (countries the view lists, activities of the
//! view naming one of them), a country row its ISO code, name, groups and
//! activities — and, on the right, a country's card over its activities or
//! a region's summary: its sub-regions, groups and busiest countries.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use super::model::{Countries, Row};
use crate::entity::EntityRef;
use crate::tui::ctx::Ctx;
use crate::tui::layout::Pane;
use crate::tui::matching;
use crate::tui::text::{clip, width};
use crate::tui::ui::card::{self, Row as CardRow};
use crate::tui::ui::list::{register_rows, scroll_marks};

/// Column widths measured over the rows shown.
struct Widths {
    /// `54c` and `123a` of region rows; the `15a` of country rows.
    counts: (usize, usize),
    /// The groups column of country rows (`ldc, sids`).
    groups: usize,
}

fn groups(ctx: &Ctx, c: crate::snapshot::CountryId) -> String {
    ctx.snap.country(c).groups.join(" ").to_uppercase()
}

impl Widths {
    fn measure(ctx: &Ctx, m: &Countries, rows: &[Row]) -> Widths {
        let mut w = Widths {
            counts: (2, 2),
            groups: 0,
        };
        for &r in rows {
            match r {
                Row::Region(i) => {
                    w.counts.0 = w.counts.0.max(format!("{}c", m.counts.listed[i]).len());
                    w.counts.1 = w.counts.1.max(format!("{}a", m.counts.region[i]).len());
                }
                Row::Country(c) => {
                    w.counts.1 = w
                        .counts
                        .1
                        .max(format!("{}a", m.counts.country[c.ix()]).len());
                    w.groups = w.groups.max(width(&groups(ctx, c)));
                }
            }
        }
        w
    }
}

/// One row `w` columns wide.
fn line(ctx: &Ctx, m: &Countries, r: Row, w: usize, cols: &Widths) -> Line<'static> {
    let t = &ctx.theme;
    let (wc, wa) = cols.counts;
    match r {
        Row::Region(i) => {
            let region = &m.regions[i];
            let open = if m.open.contains(&region.name) {
                "▾ "
            } else {
                "▸ "
            };
            let counts = format!(
                " {:>wc$} {:>wa$}",
                format!("{}c", m.counts.listed[i]),
                format!("{}a", m.counts.region[i])
            );
            let name_w = w.saturating_sub(2 + width(&counts));
            let name = clip(&region.name, name_w);
            let pad = name_w.saturating_sub(width(&name));
            Line::from(vec![
                Span::styled(open, t.dim),
                Span::styled(name, t.title),
                Span::styled(" ".repeat(pad), t.base),
                Span::styled(counts, t.dim),
            ])
        }
        Row::Country(c) => {
            let country = ctx.snap.country(c);
            let lead = format!("    {:<3} ", country.code);
            let count = format!(" {:>wa$}", format!("{}a", m.counts.country[c.ix()]));
            let rest = w.saturating_sub(width(&lead) + width(&count));
            // the groups keep their column while the name keeps 18 columns
            let gw = if cols.groups > 0 && rest >= cols.groups + 1 + 18 {
                cols.groups
            } else {
                0
            };
            let name_w = rest.saturating_sub(if gw > 0 { gw + 1 } else { 0 });
            let name = clip(&country.name, name_w);
            let pad = name_w.saturating_sub(width(&name));
            let mut spans = vec![Span::styled(lead, t.accent)];
            spans.extend(matching::spans(ctx, EntityRef::Country(c), &name, t.base));
            spans.push(Span::styled(" ".repeat(pad), t.base));
            if gw > 0 {
                spans.push(Span::styled(format!(" {:<gw$}", groups(ctx, c)), t.dim));
            }
            let style = if m.counts.country[c.ix()] == 0 {
                t.dim
            } else {
                t.base
            };
            spans.push(Span::styled(count, style));
            Line::from(spans)
        }
    }
}

/// The list of regions and countries in `area`.
pub fn list(frame: &mut Frame, area: Rect, ctx: &Ctx, m: &Countries, rows: &[Row]) {
    let t = &ctx.theme;
    let focused = m.panes.pane == Pane::Main;
    let title = format!("Countries {}", m.sort.name());
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            card::pane_title(
                &title,
                Some(m.counts.listed.iter().sum::<u32>() as usize),
                area.width,
            ),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = m.cursor.scroll(height, rows.len());
    if focused {
        m.panes.page.set(height);
    }
    let w = inner.width.saturating_sub(1) as usize;
    let shown: Vec<Row> = rows.iter().skip(offset).take(height).copied().collect();
    let cols = Widths::measure(ctx, m, &shown);
    let items: Vec<ListItem> = shown
        .iter()
        .map(|&r| ListItem::new(line(ctx, m, r, w, &cols)))
        .collect();
    register_rows(ctx, inner, offset, rows.len(), m.cursor.pos, focused);
    let list = List::new(items)
        .block(block)
        .highlight_style(if focused { t.selected } else { t.selected_dim })
        .highlight_symbol("▌");
    let mut state = ListState::default().with_selected(
        m.cursor
            .pos
            .checked_sub(offset)
            .filter(|_| !rows.is_empty()),
    );
    frame.render_stateful_widget(list, area, &mut state);
    scroll_marks(frame, area, ctx, offset, height, rows.len());
}

/// `12`, or `12 (5 in this view)`.
fn count(all: u32, shown: u32) -> String {
    if all == shown {
        all.to_string()
    } else {
        format!("{all} ({shown} in this view)")
    }
}

/// The rows of a region's summary.
pub fn region_card(ctx: &Ctx, m: &Countries, r: usize) -> Vec<CardRow> {
    let (s, t, sel) = (&ctx.snap, &ctx.theme, ctx.sel());
    let region = &m.regions[r];
    let mut out = vec![CardRow::text(region.name.clone(), t.title), CardRow::Blank];
    let field = |k: &str, v: String| CardRow::field(k, t.dim, v, t.base);
    out.push(field(
        "countries",
        count(region.countries.len() as u32, m.counts.listed[r]),
    ));
    out.push(field(
        "activities",
        count(m.totals.region[r], m.counts.region[r]),
    ));
    let listed: Vec<_> = region
        .countries
        .iter()
        .copied()
        .filter(|&c| sel.country(c))
        .collect();
    // the region's members of each group, and (under a filter) how many
    // of them this view lists, worded like the counts above
    let members = |cs: &[crate::snapshot::CountryId], g: &str| {
        cs.iter().filter(|&&c| s.country(c).in_group(g)).count() as u32
    };
    let groups: Vec<String> = [("LDC", "ldc"), ("LLDC", "lldc"), ("SIDS", "sids")]
        .into_iter()
        .map(|(label, g)| (label, members(&region.countries, g), members(&listed, g)))
        .filter(|&(_, all, _)| all > 0)
        .map(|(label, all, shown)| format!("{label} {}", count(all, shown)))
        .collect();
    if !groups.is_empty() {
        out.push(field("groups", groups.join(" · ")));
    }
    // sub-regions (intermediate regions where M49 has them), by activities
    let mut subs: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    for &c in &listed {
        let k = s.country(c);
        let name = k
            .intermediate_region
            .clone()
            .or_else(|| k.subregion.clone())
            .unwrap_or_else(|| "—".into());
        let e = subs.entry(name).or_default();
        e.0 += 1;
        e.1 += m.counts.country[c.ix()];
    }
    // aligned rows: name, then countries and activities right-aligned
    let table = |rows: Vec<(String, String, String)>, out: &mut Vec<CardRow>| {
        let nw = rows.iter().map(|r| width(&r.0)).max().unwrap_or(0).min(32);
        let cw = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0);
        let aw = rows.iter().map(|r| width(&r.2)).max().unwrap_or(0);
        for (name, c, a) in rows {
            let name = clip(&name, nw);
            let pad = nw.saturating_sub(width(&name));
            out.push(CardRow::Text(vec![
                Span::styled(format!("  {name}{}", " ".repeat(pad)), t.base),
                Span::styled(format!("  {c:>cw$}  {a:>aw$}"), t.dim),
            ]));
        }
    };
    if !subs.is_empty() {
        out.push(CardRow::Blank);
        out.push(CardRow::text("Sub-regions", t.dim));
        let mut subs: Vec<(String, (u32, u32))> = subs.into_iter().collect();
        subs.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(&b.0)));
        let rows = subs
            .into_iter()
            .map(|(name, (n, a))| (name, format!("{n}c"), format!("{a}a")))
            .collect();
        table(rows, &mut out);
    }
    let mut busiest: Vec<_> = listed
        .iter()
        .copied()
        .filter(|c| m.counts.country[c.ix()] > 0)
        .collect();
    busiest.sort_by_key(|c| std::cmp::Reverse(m.counts.country[c.ix()]));
    if !busiest.is_empty() {
        out.push(CardRow::Blank);
        out.push(CardRow::text("Most activities", t.dim));
        let rows = busiest
            .into_iter()
            .take(5)
            .map(|c| {
                let k = s.country(c);
                (
                    format!("{} {}", k.code, k.name),
                    String::new(),
                    format!("{}a", m.counts.country[c.ix()]),
                )
            })
            .collect();
        table(rows, &mut out);
    }
    out.push(CardRow::Blank);
    out.push(CardRow::text(
        "c countries, a activities of the view; l opens the region. An \
         activity naming several countries of a region counts once in it.",
        t.dim,
    ));
    out
}

/// The right-hand side for a region: its summary in one pane.
pub fn region_pane(frame: &mut Frame, area: Rect, ctx: &Ctx, m: &Countries, r: usize) {
    let t = &ctx.theme;
    m.panes.card.shown.set(false);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            card::pane_title(&m.regions[r].name, None, area.width),
            t.dim,
        ));
    let lines = card::wrap(
        &region_card(ctx, m, r),
        area.width.saturating_sub(2) as usize,
    );
    card::render(frame, area, block, lines, 0, t.accent, &ctx.layout);
}
