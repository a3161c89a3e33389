//! The details of any record: a card of its own facts, and the list of
//! everything related to it (which is where drill-down continues).
//!
//! Both are drawn from the core (`related`, the index) and shared by the
//! list screens' details pane, the matrix's cell panel and the drill view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use super::text::clip;
use crate::entity::{EntityRef, Kind};
use crate::related::{Group, link_targets};
use crate::snapshot::{LinkStatus, Snapshot};
use crate::tui::state::{Cursor, Hit, State};

/// The most of one text a card shows: a screenful and more, so that a huge
/// field costs a frame no more than a long one.
const SHOWN_BYTES: usize = 16 * 1024;

/// `v`, or its first [`SHOWN_BYTES`] and a note of how much is not shown.
fn shown(v: &str) -> std::borrow::Cow<'_, str> {
    if v.len() <= SHOWN_BYTES {
        return v.into();
    }
    let mut end = SHOWN_BYTES;
    while !v.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} more bytes not shown)", &v[..end], v.len() - end).into()
}

/// The card of `e`: heading, facts and texts, as wrapped-ready lines.
pub fn card_lines(st: &State, e: EntityRef, _width: usize) -> Vec<Line<'static>> {
    let s = &st.snap;
    let t = &st.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let field = |k: &str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<13}"), t.dim),
            Span::styled(v, t.base),
        ])
    };
    // Paragraph text keeps its line breaks (SCHEMA.md): one line each, a
    // labelled value's later lines under its first.
    let text = |v: &str| -> Vec<Line<'static>> {
        shown(v)
            .split('\n')
            .map(|l| Line::styled(l.to_owned(), t.base))
            .collect()
    };
    let fields = |k: &str, v: &str| -> Vec<Line<'static>> {
        shown(v)
            .split('\n')
            .enumerate()
            .map(|(i, l)| field(if i == 0 { k } else { "" }, l.to_owned()))
            .collect()
    };
    match e {
        EntityRef::Sdg(n) => {
            let Some(g) = s.sdg(n) else { return out };
            out.push(Line::from(vec![
                Span::styled(format!(" {n} "), t.goal(g.color)),
                Span::styled(format!(" {}", g.short_name), t.title),
            ]));
            out.push(Line::styled(g.title.clone(), t.base));
            out.push(Line::default());
            let ix = s.index();
            out.push(field("targets", g.targets.len().to_string()));
            out.push(field(
                "Matrix links",
                status_counts(s, ix.links_of_sdg(n).iter().map(|&k| s.link(k).status)),
            ));
            out.push(field(
                "activities",
                ix.activities_of_sdg(n).len().to_string(),
            ));
            let inds: Vec<String> = g
                .targets
                .iter()
                .flat_map(|&tg| ix.indicators_of_target(tg))
                .map(|&i| format!("{} {}", s.indicator(i).code, s.indicator(i).name))
                .collect();
            for (i, ind) in inds.into_iter().enumerate() {
                out.push(field(if i == 0 { "indicators" } else { "" }, ind));
            }
            source(&mut out, st, g.source.map(|x| s.source(x).title.clone()));
        }
        EntityRef::Target(tg) => {
            let target = s.target(tg);
            let goal = s.sdg(target.goal);
            let chip = goal.map_or(t.title, |g| t.goal(g.color));
            out.push(Line::from(vec![
                Span::styled(format!(" {} ", target.code), chip),
                Span::styled(format!(" target of SDG {}", target.goal), t.dim),
            ]));
            out.extend(text(&target.text));
            for &i in s.index().indicators_of_target(tg) {
                let ind = s.indicator(i);
                let mut v = format!("{} {}", ind.code, ind.name);
                if !ind.custodians.is_empty() {
                    v.push_str(&format!(" (custodian: {})", ind.custodians.join(", ")));
                }
                if !ind.former_codes.is_empty() {
                    v.push_str(&format!(" [formerly {}]", ind.former_codes.join(", ")));
                }
                out.push(field("indicator", v));
            }
            rationales(&mut out, st, e);
        }
        EntityRef::Line(l) => {
            let line = s.line(l);
            out.push(Line::from(vec![
                Span::styled(format!(" {} ", line.id), t.selected),
                Span::styled(format!(" {}", line.title), t.title),
            ]));
            if let Some(p) = line.parent {
                out.push(field(
                    "part of",
                    format!("{} {}", s.line(p).id, s.line(p).title),
                ));
            }
            if !line.children.is_empty() {
                out.push(field(
                    "sub-lines",
                    line.children
                        .iter()
                        .map(|&c| s.line(c).id.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            if !line.facilitators.is_empty() {
                out.push(field("facilitators", line.facilitators.join(", ")));
            }
            if let Some(p) = line.prize_category {
                out.push(field("WSIS Prizes", format!("category {p}")));
            }
            source(&mut out, st, line.source.map(|x| s.source(x).title.clone()));
            rationales(&mut out, st, e);
        }
        EntityRef::Link(_) | EntityRef::Cell(..) => {
            let (row, goal, links) = match e {
                EntityRef::Link(k) => (s.link(k).action_line, s.link(k).sdg, vec![k]),
                EntityRef::Cell(l, n) => (l, n, s.index().links_at(l, n).to_vec()),
                _ => return out,
            };
            let chip = s.sdg(goal).map_or(t.title, |g| t.goal(g.color));
            let name = s
                .sdg(goal)
                .map(|g| g.short_name.clone())
                .unwrap_or_default();
            out.push(Line::from(vec![
                Span::styled(format!(" {} ", s.line(row).id), t.selected),
                Span::styled(" × ", t.dim),
                Span::styled(format!(" SDG {goal} "), chip),
                Span::styled(format!(" {} × {name}", s.line(row).short_name), t.title),
            ]));
            let changes = crate::tui::lifecycle::cell_changes(st, row, goal);
            if !changes.is_empty() {
                let name = st.compare.as_ref().map_or("", |c| c.name.as_str());
                out.push(Line::default());
                out.push(Line::styled(format!("Changes since {name}"), t.warn));
                for c in changes {
                    out.push(Line::styled(format!("  {c}"), t.base));
                }
            }
            if links.is_empty() {
                out.push(Line::styled("No Matrix link at this cell.", t.dim));
            }
            for k in links {
                let link = s.link(k);
                out.push(Line::default());
                let st_style = if link.status == LinkStatus::Disputed {
                    t.warn
                } else {
                    t.accent
                };
                out.push(Line::from(vec![
                    Span::styled(format!("{:<13}", "status"), t.dim),
                    Span::styled(status_word(link.status).to_string(), st_style),
                ]));
                out.push(field(
                    "scope",
                    format!("{:?}", link.scope)
                        .to_lowercase()
                        .replace("alltargets", "all targets"),
                ));
                out.extend(fields("rationale", &link.rationale));
                if let Some(n) = &link.note {
                    out.extend(fields("note", n));
                }
                out.push(field("source", s.source(link.source).title.clone()));
                for tg in link_targets(s, k) {
                    let target = s.target(tg);
                    out.push(Line::from(vec![
                        Span::styled(format!("  {:<6} ", target.code), t.accent),
                        Span::styled(target.text.clone(), t.base),
                    ]));
                }
            }
            let acts = s
                .index()
                .activities_at(row, goal)
                .iter()
                .filter(|&&a| st.sel.activity(a))
                .count();
            out.push(Line::default());
            out.push(field("activities", acts.to_string()));
        }
        EntityRef::Activity(a) => {
            let act = s.activity(a);
            out.push(Line::styled(shown(act.title()).into_owned(), t.title));
            let mut facts = Vec::new();
            facts.extend(act.kind().map(str::to_owned));
            facts.extend(act.sector().map(str::to_owned));
            facts.extend(act.year().map(|y| y.to_string()));
            out.push(Line::styled(facts.join(" · "), t.dim));
            out.push(Line::default());
            if !act.summary().is_empty() {
                out.extend(text(act.summary()));
                out.push(Line::default());
            }
            out.push(field("lead", act.lead().unwrap_or("—").to_owned()));
            if act.partners().len() > 0 {
                out.push(field(
                    "partners",
                    act.partners().collect::<Vec<_>>().join(", "),
                ));
            }
            let mut chips = vec![Span::styled(format!("{:<13}", "SDGs"), t.dim)];
            for n in act.sdgs() {
                chips.push(Span::styled(
                    format!(" {n} "),
                    s.sdg(n).map_or(t.title, |g| t.goal(g.color)),
                ));
                chips.push(Span::raw(" "));
            }
            out.push(Line::from(chips));
            if !act.targets().is_empty() {
                out.push(field(
                    "targets",
                    act.targets()
                        .iter()
                        .map(|&x| s.target(x).code.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            out.push(field(
                "action lines",
                act.action_lines()
                    .iter()
                    .map(|&x| s.line(x).id.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
            out.push(field("source", s.source(act.source()).title.clone()));
            if let Some(u) = act.url() {
                out.push(field("url", u.to_owned()));
            }
            if let Some(n) = act.note() {
                out.extend(fields("note", n));
            }
        }
    }
    out
}

fn source(out: &mut Vec<Line<'static>>, st: &State, title: Option<String>) {
    if let Some(title) = title {
        out.push(Line::from(vec![
            Span::styled(format!("{:<13}", "source"), st.theme.dim),
            Span::styled(title, st.theme.base),
        ]));
    }
}

/// The Matrix links of a goal, target or line with their rationale.
fn rationales(out: &mut Vec<Line<'static>>, st: &State, e: EntityRef) {
    let s = &st.snap;
    let t = &st.theme;
    let links: Vec<EntityRef> = st
        .related_to(e)
        .iter()
        .filter(|g| g.kind == Kind::Link)
        .flat_map(|g| g.items.iter().copied())
        .collect();
    if links.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled("Matrix links", t.title));
    for l in links {
        if let EntityRef::Link(k) = l {
            let link = s.link(k);
            let mark = match link.status {
                LinkStatus::Confirmed => ' ',
                LinkStatus::Partial => '~',
                LinkStatus::Disputed => '?',
            };
            out.push(Line::from(vec![
                Span::styled(
                    format!("{mark}{:<18}", l.label(s).replace(" (disputed)", "")),
                    if mark == '?' { t.warn } else { t.accent },
                ),
                Span::styled(link.rationale.clone(), t.base),
            ]));
        }
    }
}

fn status_word(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Confirmed => "confirmed",
        LinkStatus::Partial => "partial — the source's views disagree",
        LinkStatus::Disputed => "disputed — only one view of the source has it",
    }
}

fn status_counts(_s: &Snapshot, it: impl Iterator<Item = LinkStatus>) -> String {
    let (mut c, mut p, mut d) = (0, 0, 0);
    for st in it {
        match st {
            LinkStatus::Confirmed => c += 1,
            LinkStatus::Partial => p += 1,
            LinkStatus::Disputed => d += 1,
        }
    }
    format!("{} ({c} confirmed, {p} partial, {d} disputed)", c + p + d)
}

/// One row of a related list.
pub fn related_item(st: &State, e: EntityRef, width: usize) -> Line<'static> {
    let s = &st.snap;
    let t = &st.theme;
    match e {
        EntityRef::Sdg(n) => {
            let g = s.sdg(n);
            Line::from(vec![
                Span::styled(format!(" {n:>2} "), g.map_or(t.title, |g| t.goal(g.color))),
                Span::styled(
                    format!(" {}", g.map(|g| g.short_name.clone()).unwrap_or_default()),
                    t.base,
                ),
            ])
        }
        EntityRef::Target(tg) => Line::from(vec![
            Span::styled(format!("{:<6}", s.target(tg).code), t.accent),
            Span::styled(clip(&s.target(tg).text, width.saturating_sub(6)), t.base),
        ]),
        EntityRef::Line(l) => Line::from(vec![
            Span::styled(format!("{:<18}", s.line(l).id), t.accent),
            Span::styled(clip(&s.line(l).title, width.saturating_sub(18)), t.base),
        ]),
        EntityRef::Link(_) | EntityRef::Cell(..) => {
            let label = e.label(s);
            let w = 26.min(width);
            Line::from(vec![
                Span::styled(
                    format!("{:<w$}", clip(&label, w.saturating_sub(1))),
                    if label.contains("disputed") {
                        t.warn
                    } else {
                        t.accent
                    },
                ),
                Span::styled(clip(&e.title(s), width.saturating_sub(w)), t.dim),
            ])
        }
        EntityRef::Activity(a) => {
            let act = s.activity(a);
            let year = act.year().map(|y| format!(" {y}")).unwrap_or_default();
            Line::from(vec![
                Span::styled(clip(act.title(), width.saturating_sub(6)), t.base),
                Span::styled(year, t.dim),
            ])
        }
    }
}

/// Draws grouped related records with a cursor; headings are not selectable.
pub fn render_related(
    frame: &mut Frame,
    area: Rect,
    st: &State,
    groups: &[Group],
    cursor: &Cursor,
    focused: bool,
    title: &str,
) {
    let t = &st.theme;
    let total: usize = groups.iter().map(|g| g.items.len()).sum();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            format!(" {title} ({total}) "),
            if focused { t.accent } else { t.dim },
        ));
    let inner = block.inner(area);
    let width = inner.width as usize;
    // Rows are group headings (None) or item numbers; only the visible
    // window is turned into styled lines, so a goal with 100k activities
    // costs no more to draw than one with ten.
    let mut rows: Vec<(Option<usize>, usize)> = Vec::with_capacity(total + groups.len());
    let mut n = 0;
    for (gi, g) in groups.iter().enumerate() {
        rows.push((None, gi));
        rows.extend((n..n + g.items.len()).map(|i| (Some(i), gi)));
        n += g.items.len();
    }
    let flat: Vec<(usize, EntityRef)> = groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| g.items.iter().map(move |&e| (gi, e)))
        .collect();
    let want = cursor.pos.min(total.saturating_sub(1));
    let sel_row = (total > 0).then(|| want + flat.get(want).map_or(0, |&(gi, _)| gi + 1));
    // Scroll so the selection (and its group heading, when it fits) stays in view.
    let height = inner.height as usize;
    let offset = match sel_row {
        Some(r) => {
            let c = Cursor {
                pos: r,
                offset: cursor.offset.clone(),
            };
            let off = c.scroll(height);
            cursor.offset.set(off);
            off
        }
        None => 0,
    };
    if focused {
        st.layout.page.set(height);
    }
    let mut hits = st.layout.hits.borrow_mut();
    for (i, (r, _)) in rows.iter().enumerate().skip(offset).take(height) {
        if let Some(n) = r {
            hits.push((super::row_rect(inner, i - offset), Hit::RelatedRow(*n)));
        }
    }
    if let (Some(r), true) = (sel_row, focused) {
        st.layout
            .cursor
            .set(Some((inner.x, inner.y + (r - offset) as u16)));
    }
    drop(hits);
    let highlight: Style = if focused { t.selected } else { t.selected_dim };
    let items: Vec<ListItem> = rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|&(r, gi)| match r {
            None => ListItem::new(Line::styled(
                format!("{} ({})", groups[gi].kind.heading(), groups[gi].items.len()),
                t.title,
            )),
            Some(i) => ListItem::new(related_item(st, flat[i].1, width.saturating_sub(2))),
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(highlight)
        .highlight_symbol("▌");
    let mut state = ListState::default().with_selected(sel_row.and_then(|r| r.checked_sub(offset)));
    frame.render_stateful_widget(list, area, &mut state);
}
