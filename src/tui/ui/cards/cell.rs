//! Card sections of a Matrix cell and of one Matrix link: the row × goal
//! heading, what changed since `--compare`, each link with its status,
//! scope, rationale and targets, and what the cell counts — read from the
//! same [`cell_content`] as the grid, so card and number agree.

use ratatui::text::Span;

use super::builder::Card;
use super::links::status_word;
use crate::entity::EntityRef;
use crate::matrix::{Column, cell_content};
use crate::snapshot::{LineId, LinkStatus, Scope};
use crate::tui::ui::card::Row;

/// `C2 × SDG 9 Infrastructure × Industry, …`.
fn head(c: &mut Card, row: LineId, goal: u8) {
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let chip = s.sdg(goal).map_or(t.title, |g| t.goal(g.color));
    let name = s
        .sdg(goal)
        .map(|g| g.short_name.clone())
        .unwrap_or_default();
    c.push(Row::Text(vec![
        Span::styled(format!(" {} ", s.line(row).id), t.selected),
        Span::styled(" × ", t.dim),
        Span::styled(format!(" SDG {goal} "), chip),
        Span::styled(format!(" {} × {name}", s.line(row).short_name), t.title),
    ]));
}

/// The heading of a link's card: its cell.
pub fn link_head(c: &mut Card, e: EntityRef) {
    let EntityRef::Link(k) = e else { return };
    let link = c.ctx.snap.link(k);
    head(c, link.action_line, link.sdg);
}

/// A Matrix cell: changes, its links, what it counts.
pub fn cell(c: &mut Card, e: EntityRef) {
    let EntityRef::Cell(row, goal) = e else {
        return;
    };
    let ctx = c.ctx;
    let (s, t) = (&ctx.snap, &ctx.theme);
    head(c, row, goal);
    if let Some(cmp) = &ctx.compare {
        let changes = cmp.cell_changes(s, row, goal);
        if !changes.is_empty() {
            c.blank();
            c.text(format!("Changes since {}", cmp.name), t.warn);
            for ch in changes {
                c.text(format!("  {ch}"), t.base);
            }
        }
    }
    let cell = cell_content(s, ctx.sel(), row, Column::Sdg(goal));
    if cell.links.is_empty() {
        let outside = s.index().links_at(row, goal).len();
        c.text(
            if outside > 0 {
                format!("No Matrix link in this view ({outside} outside it).")
            } else {
                "No Matrix link at this cell.".to_string()
            },
            t.dim,
        );
    }
    for &k in &cell.links {
        link(c, EntityRef::Link(k));
    }
    if !cell.disputed_targets.is_empty() {
        let codes: Vec<&str> = cell
            .disputed_targets
            .iter()
            .map(|&x| s.target(x).code.as_str())
            .collect();
        c.blank();
        c.push(Row::Field {
            key: "not counted".into(),
            key_style: t.warn,
            value: vec![Span::styled(
                format!("{} — only the disputed link names it", codes.join(", ")),
                t.warn,
            )],
        });
    }
    c.blank();
    c.field("counted", {
        let n = cell.targets.len();
        let mut v = format!("{n} target{}", if n == 1 { "" } else { "s" });
        let inds = cell.indicators.len();
        if inds > 0 {
            v.push_str(&format!(
                " with {inds} indicator{}",
                if inds == 1 { "" } else { "s" }
            ));
        }
        v
    });
    let acts = cell.activities.len();
    let mut v = format!("{acts} activit{}", if acts == 1 { "y" } else { "ies" });
    if !cell.cross_cutting.is_empty() {
        v.push_str(&format!(
            " (+{} cross-cutting, not counted; x counts them)",
            cell.cross_cutting.len()
        ));
    }
    c.field("", v);
}

/// What a link's card counts at its cell: `6 + 5 cross-cutting` — the
/// activities its cell counts and the cross-cutting ones it leaves out (the
/// CLI's `activities` column is their sum).
pub fn link_counts(c: &mut Card, e: EntityRef) {
    let EntityRef::Link(k) = e else { return };
    let ctx = c.ctx;
    let link = ctx.snap.link(k);
    let cell = cell_content(
        &ctx.snap,
        ctx.sel(),
        link.action_line,
        Column::Sdg(link.sdg),
    );
    c.field("activities", activities_text(&cell));
}

/// `6 + 5 cross-cutting (not counted; x counts them)`, or `6`.
pub fn activities_text(cell: &crate::matrix::CellContent) -> String {
    let n = cell.activities.len();
    match cell.cross_cutting.len() {
        0 => n.to_string(),
        x => format!("{n} + {x} cross-cutting (not counted; x counts them)"),
    }
}

/// One Matrix link: status, scope, rationale, note, source and targets.
pub fn link(c: &mut Card, e: EntityRef) {
    let EntityRef::Link(k) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let link = s.link(k);
    c.blank();
    let st_style = if link.status == LinkStatus::Disputed {
        t.warn
    } else {
        t.accent
    };
    c.field_styled(
        "status",
        vec![Span::styled(status_word(link.status), st_style)],
    );
    let goal_targets = s.sdg(link.sdg).map_or(0, |g| g.targets.len());
    let scope = match link.scope {
        Scope::Targets => "the targets below".to_string(),
        Scope::Goal => "the goal as a whole (no target named)".to_string(),
        Scope::AllTargets => format!("all {goal_targets} targets of SDG {}", link.sdg),
    };
    c.field("scope", scope);
    c.field("rationale", link.rationale.clone());
    if let Some(n) = &link.note {
        c.field("note", n.clone());
    }
    c.field("source", s.source(link.source).title.clone());
    let named = &link.targets;
    if link.scope == Scope::AllTargets && !named.is_empty() {
        let codes: Vec<&str> = named.iter().map(|&x| s.target(x).code.as_str()).collect();
        c.field("emphasis", codes.join(", "));
    } else {
        for &tg in named {
            let target = s.target(tg);
            c.push(Row::Field {
                key: format!("  {}", target.code),
                key_style: t.accent,
                value: vec![Span::styled(target.text.clone(), t.base)],
            });
        }
    }
}
