//! The SDG and Action Line trees: one record per row, in columns sized from
//! the data on screen, always separated by a space, each cut with `…`.
//!
//! A goal row is its colour chip, number, short name and its counts —
//! targets `t`, Matrix links `L`, activities `a` — counted under the
//! current view, so they agree with the related list beside the tree. A
//! target row is its code and text, marked `▸`/`▾` when it opens into its
//! indicators; an indicator row is its number, its text and its tier with
//! the month of the classification. An
//! Action Line row is its id, its short name (left out where it only
//! repeats the id, as for C7's sub-lines) and its facilitators. The name
//! is the column people read: the facilitators give way first.

use ratatui::text::{Line, Span};

use crate::entity::EntityRef;
use crate::tui::ctx::Ctx;
use crate::tui::matching;
use crate::tui::text::{clip, width};

/// Counts of a goal under the view: (targets, links, activities).
fn goal_counts(st: &Ctx, n: u8) -> (usize, usize, usize) {
    let s = &st.snap;
    let ix = s.index();
    let t = s.sdg(n).map_or(0, |g| {
        g.targets.iter().filter(|&&x| st.sel().target(x)).count()
    });
    let l = ix
        .links_of_sdg(n)
        .iter()
        .filter(|&&k| st.sel().link(k))
        .count();
    let a = ix
        .activities_of_sdg(n)
        .iter()
        .filter(|&&a| st.sel().activity(a))
        .count();
    (t, l, a)
}

/// Columns a goal's name keeps before the counts column gives way.
const NAME_ROOM: usize = 16;

/// The rows of a tree `width` columns wide (the highlight column
/// excluded); `open` says whether a goal or line is expanded.
pub fn tree_lines(
    st: &Ctx,
    items: &[EntityRef],
    width: usize,
    open: &dyn Fn(EntityRef) -> bool,
) -> Vec<Line<'static>> {
    let cols = Columns::measure(st, items);
    items
        .iter()
        .map(|&e| cols.line(st, e, width, open))
        .collect()
}

/// Column widths measured over the items.
struct Columns {
    /// Widths of the three goal counts.
    counts: (usize, usize, usize),
    /// Width of the id column of top-level lines and of sub-lines.
    id: (usize, usize),
    /// Width of the facilitators column, in full and shortened.
    facil: (usize, usize),
    /// Width of the indicator number column and of the tier column.
    indicator: (usize, usize),
}

/// Spaces between an Action Line's name and its facilitators.
const GAP: usize = 2;

/// Indent of a sub-line under its parent's id.
const SUB_INDENT: &str = "  ";

impl Columns {
    fn measure(st: &Ctx, items: &[EntityRef]) -> Columns {
        let mut c = Columns {
            counts: (1, 1, 1),
            id: (2, 0),
            facil: (0, 0),
            indicator: (0, 0),
        };
        for &e in items {
            match e {
                EntityRef::Sdg(n) => {
                    let (t, l, a) = goal_counts(st, n);
                    c.counts.0 = c.counts.0.max(t.to_string().len());
                    c.counts.1 = c.counts.1.max(l.to_string().len());
                    c.counts.2 = c.counts.2.max(a.to_string().len());
                }
                EntityRef::Line(l) => {
                    let w = width(&line_id(st, l));
                    if st.snap.line(l).parent.is_some() {
                        c.id.1 = c.id.1.max(w);
                    } else {
                        c.id.0 = c.id.0.max(w);
                    }
                    c.facil.0 = c.facil.0.max(width(&facilitators(st, l)));
                    c.facil.1 = c.facil.1.max(width(&facilitators_short(st, l)));
                }
                EntityRef::Indicator(i) => {
                    let ind = st.snap.indicator(i);
                    c.indicator.0 = c.indicator.0.max(width(&ind.code));
                    c.indicator.1 = c.indicator.1.max(width(&tier_short(&ind.tier)));
                }
                _ => {}
            }
        }
        c
    }

    fn line(
        &self,
        st: &Ctx,
        e: EntityRef,
        w: usize,
        is_open: &dyn Fn(EntityRef) -> bool,
    ) -> Line<'static> {
        let s = &st.snap;
        let t = &st.theme;
        match e {
            EntityRef::Sdg(n) => {
                let Some(g) = s.sdg(n) else {
                    return Line::default();
                };
                let open = if is_open(e) { "▾ " } else { "▸ " };
                let (ct, cl, ca) = goal_counts(st, n);
                let (wt, wl, wa) = self.counts;
                let mut counts = format!(" {ct:>wt$}t {cl:>wl$}L {ca:>wa$}a");
                // the name is what people read: the counts (also on the
                // card) give way when names would get too short — for every
                // goal at once, so no row looks as if it had no counts
                if w.saturating_sub(7 + width(&counts)) < NAME_ROOM {
                    counts.clear();
                }
                let name_w = w.saturating_sub(2 + 4 + 1 + width(&counts));
                let name = clip(&g.short_name, name_w);
                let pad = name_w.saturating_sub(width(&name));
                let mut spans = vec![
                    Span::styled(open, t.dim),
                    Span::styled(format!(" {n:>2} "), t.goal(g.color)),
                    Span::styled(" ", t.base),
                ];
                spans.extend(matching::spans(st, e, &name, t.base));
                spans.push(Span::styled(" ".repeat(pad), t.base));
                spans.push(Span::styled(counts, t.dim));
                Line::from(spans)
            }
            EntityRef::Target(tg) => {
                let target = s.target(tg);
                let has = s
                    .index()
                    .indicators_of_target(tg)
                    .iter()
                    .any(|&i| st.sel().indicator(i));
                let mark = match (has, is_open(e)) {
                    (false, _) => "  ",
                    (true, true) => "▾ ",
                    (true, false) => "▸ ",
                };
                let code = format!("{:<6}", target.code);
                let text = clip(&target.text, w.saturating_sub(4 + width(&code)));
                let mut spans = vec![
                    Span::styled(format!("  {mark}"), t.dim),
                    Span::styled(code, t.accent),
                ];
                spans.extend(matching::spans(st, e, &text, t.base));
                Line::from(spans)
            }
            EntityRef::Indicator(i) => {
                let ind = s.indicator(i);
                let lead = "      ";
                let code = format!("{:<cw$} ", ind.code, cw = self.indicator.0);
                let tier = tier_short(&ind.tier);
                let rest = w.saturating_sub(width(lead) + width(&code));
                // the tier keeps its column while the text keeps 12 columns
                let tier_w = self.indicator.1.max(width(&tier));
                let tier_w = if rest >= tier_w + 1 + 12 { tier_w } else { 0 };
                let name_w = rest.saturating_sub(if tier_w > 0 { tier_w + 1 } else { 0 });
                let name = clip(&ind.name, name_w);
                let pad = name_w.saturating_sub(width(&name));
                let mut spans = vec![Span::styled(lead, t.dim), Span::styled(code, t.accent)];
                spans.extend(matching::spans(st, e, &name, t.base));
                spans.push(Span::styled(" ".repeat(pad), t.base));
                if tier_w > 0 {
                    spans.push(Span::styled(format!(" {tier:>tier_w$}"), t.dim));
                }
                Line::from(spans)
            }
            EntityRef::Line(l) => self.action_line(st, l, w, is_open(e)),
            _ => Line::default(),
        }
    }

    /// `▸ C7  ICT applications     ITU` or, for a sub-line,
    /// `    e-health             WHO, ITU`: the id, the name (left out
    /// where it repeats the id), the facilitators in a column of their own
    /// at the right; the name keeps at least 12 columns before the
    /// facilitators are cut.
    fn action_line(
        &self,
        st: &Ctx,
        l: crate::snapshot::LineId,
        w: usize,
        expanded: bool,
    ) -> Line<'static> {
        let s = &st.snap;
        let t = &st.theme;
        let line = s.line(l);
        let sub = line.parent.is_some();
        let open = match (sub, line.children.is_empty()) {
            (true, _) | (false, true) => "  ",
            (false, false) if expanded => "▾ ",
            (false, false) => "▸ ",
        };
        let id = line_id(st, l);
        let (lead, id_w) = if sub {
            (format!("{open}{SUB_INDENT}"), self.id.1.max(width(&id)) + 1)
        } else {
            (open.to_string(), self.id.0.max(width(&id)) + 1)
        };
        let rest = w.saturating_sub(width(&lead) + id_w);
        let name = if repeats_id(line) {
            String::new()
        } else {
            line.short_name.clone()
        };
        // One facilitators column for the whole tree, decided on its
        // narrowest rows, so it stands straight: the room beside a
        // top-level line's id (whose name keeps 12 columns) and beside a
        // sub-line's longer indent and id (which has no name of its own).
        let top = w.saturating_sub(2 + self.id.0 + 1);
        let sub = if self.id.1 > 0 {
            w.saturating_sub(2 + width(SUB_INDENT) + self.id.1 + 1)
        } else {
            top
        };
        // facilitators in full when the names keep 16 columns beside them,
        // else the lead one and how many more (`UNDESA +1`)
        let short = top.saturating_sub(self.facil.0 + GAP) < 16 || sub < self.facil.0 + GAP;
        let (fac, col) = if short {
            (facilitators_short(st, l), self.facil.1)
        } else {
            (facilitators(st, l), self.facil.0)
        };
        // two spaces from the names, so a name and a facilitator never read
        // as one phrase (`Capacity building  ITU`)
        let fac_w = col
            .min(top.saturating_sub(12 + GAP))
            .min(sub.saturating_sub(GAP));
        let name_w = rest.saturating_sub(if fac_w > 0 { fac_w + GAP } else { 0 });
        let name = clip(&name, name_w);
        let pad = name_w.saturating_sub(width(&name));
        let mut spans = vec![
            Span::styled(lead, t.dim),
            Span::styled(format!("{id:<id_w$}"), t.accent),
        ];
        spans.extend(matching::spans(st, EntityRef::Line(l), &name, t.base));
        spans.push(Span::styled(" ".repeat(pad), t.base));
        if fac_w > 0 {
            spans.push(Span::styled(
                format!("{}{:<fac_w$}", " ".repeat(GAP), clip(&fac, fac_w)),
                t.dim,
            ));
        }
        Line::from(spans)
    }
}

/// A tier in a few columns, with the month of its classification (a tier
/// is never shown without its date): `Tier I · 2022-11`, `Tier I/II ·
/// 2022-11` (the classes a mixed tier names), `no tier · 2022-11` when that
/// classification has no row for the indicator; empty when the snapshot
/// holds no tier.
fn tier_short(t: &crate::snapshot::Tier) -> String {
    use crate::snapshot::Tier;
    let month = |d: &str| d.get(..7).unwrap_or(d).to_string();
    match t {
        Tier::Unknown => String::new(),
        Tier::Unclassified { as_of } => format!("no tier · {}", month(as_of)),
        Tier::Classified { text, as_of, .. } => {
            let classes: Vec<&str> = t.classes().iter().map(|c| c.name()).collect();
            let tier = if classes.is_empty() {
                text.clone()
            } else {
                format!("Tier {}", classes.join("/"))
            };
            format!("{tier} · {}", month(as_of))
        }
    }
}

/// What the id column shows: `C7`, or `e-health` for a sub-line of C7.
fn line_id(st: &Ctx, l: crate::snapshot::LineId) -> String {
    let line = st.snap.line(l);
    match line.parent {
        Some(p) => {
            let parent = &st.snap.line(p).id;
            line.id
                .strip_prefix(parent.as_str())
                .map(|x| x.trim_start_matches('-').to_string())
                .filter(|x| !x.is_empty())
                .unwrap_or_else(|| line.id.clone())
        }
        None => line.id.clone(),
    }
}

/// Whether a sub-line's short name only repeats its id (`E-health`).
fn repeats_id(line: &crate::snapshot::ActionLine) -> bool {
    line.parent.is_some()
        && line
            .id
            .to_lowercase()
            .ends_with(&line.short_name.to_lowercase())
}

fn facilitators(st: &Ctx, l: crate::snapshot::LineId) -> String {
    st.snap.line(l).facilitators.join(", ")
}

/// The lead facilitator and how many more: `UNDESA +1`.
fn facilitators_short(st: &Ctx, l: crate::snapshot::LineId) -> String {
    let f = &st.snap.line(l).facilitators;
    match f.len() {
        0 => String::new(),
        1 => f[0].clone(),
        n => format!("{} +{}", f[0], n - 1),
    }
}
