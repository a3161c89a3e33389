//! Card sections of a goal and of a target: the heading with its colour
//! chip, the official text, and the goal's counts under the view.

use ratatui::text::Span;

use super::builder::Card;
use super::links::status_counts;
use crate::entity::EntityRef;
use crate::tui::ui::card::Row;

/// A goal: its chip and name, title, and its targets, Matrix links and
/// activities (with how many the view keeps).
pub fn sdg(c: &mut Card, e: EntityRef) {
    let EntityRef::Sdg(n) = e else { return };
    let ctx = c.ctx;
    let (s, t) = (&ctx.snap, &ctx.theme);
    let Some(g) = s.sdg(n) else { return };
    c.push(Row::Text(vec![
        Span::styled(format!(" {n} "), t.goal(g.color)),
        Span::styled(format!(" {}", g.short_name), t.title),
    ]));
    c.text(g.title.clone(), t.base);
    c.blank();
    let ix = s.index();
    let targets = g.targets.iter().filter(|&&x| ctx.sel().target(x)).count();
    c.field("targets", c.count(g.targets.len(), targets));
    let links = ix.links_of_sdg(n);
    c.field(
        "Matrix links",
        status_counts(links.iter().map(|&k| s.link(k).status)),
    );
    activities_field(c, ix.activities_of_sdg(n));
}

/// `activities  16 (5 cross-cutting, not counted in Matrix cells)`: a
/// goal's or line's activities, with how many the view keeps, and how many
/// of those the Matrix's cells and `Σ` list apart, uncounted, for naming
/// every goal, unless `x` counts them (for activities tagged with a Matrix
/// row — all of the bundled ones — what is left is the column's or row's `Σ`).
pub fn activities_field(c: &mut Card, acts: &[crate::snapshot::ActivityId]) {
    let ctx = c.ctx;
    let shown: Vec<_> = acts
        .iter()
        .copied()
        .filter(|&a| ctx.sel().activity(a))
        .collect();
    let cross = shown
        .iter()
        .filter(|&&a| ctx.snap.is_cross_cutting(a))
        .count();
    let cross = (cross > 0 && !ctx.sel().cross_cutting())
        .then(|| format!("{cross} cross-cutting, not counted in Matrix cells"));
    // `16`, `16 (5 cross-cutting, …)`, `16 (12 in this view)`, or
    // `16 (12 in this view; 5 cross-cutting, …)`: one pair of brackets
    let v = match (acts.len() == shown.len(), cross) {
        (true, None) => acts.len().to_string(),
        (true, Some(x)) => format!("{} ({x})", acts.len()),
        (false, None) => c.count(acts.len(), shown.len()),
        (false, Some(x)) => format!("{} ({} in this view; {x})", acts.len(), shown.len()),
    };
    c.field("activities", v);
}

/// A goal's source.
pub fn sdg_source(c: &mut Card, e: EntityRef) {
    let EntityRef::Sdg(n) = e else { return };
    let s = &c.ctx.snap;
    let source = s
        .sdg(n)
        .and_then(|g| g.source)
        .map(|x| s.source(x).title.clone());
    c.source(source);
}

/// A target: its code chip, its goal and its official text.
pub fn target(c: &mut Card, e: EntityRef) {
    let EntityRef::Target(tg) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let target = s.target(tg);
    let chip = s.sdg(target.goal).map_or(t.title, |g| t.goal(g.color));
    c.push(Row::Text(vec![
        Span::styled(format!(" {} ", target.code), chip),
        Span::styled(format!(" target of SDG {}", target.goal), t.dim),
    ]));
    c.text(target.text.clone(), t.base);
}
