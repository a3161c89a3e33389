//! The card section of an activity: title, kind, sector and year, summary,
//! lead and partners, the SDGs, targets and Action Lines its source states,
//! source, url and note. (What sdgmap infers about an activity belongs in a
//! section of its own, shown as inferred.)

use ratatui::text::Span;

use super::builder::Card;
use crate::entity::EntityRef;

/// An activity's own facts.
pub fn activity(c: &mut Card, e: EntityRef) {
    let EntityRef::Activity(a) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let act = s.activity(a);
    c.text(act.title().to_owned(), t.title);
    let mut facts = Vec::new();
    facts.extend(act.kind().map(str::to_owned));
    facts.extend(act.sector().map(str::to_owned));
    facts.extend(act.year().map(|y| y.to_string()));
    if !facts.is_empty() {
        c.text(facts.join(" · "), t.dim);
    }
    c.blank();
    if !act.summary().is_empty() {
        c.text(act.summary().to_owned(), t.base);
        c.blank();
    }
    c.field("lead", act.lead().unwrap_or("—").to_owned());
    if act.partners().len() > 0 {
        c.field("partners", act.partners().collect::<Vec<_>>().join(", "));
    }
    if s.is_cross_cutting(a) {
        c.field_styled(
            "SDGs",
            vec![Span::styled(
                "all 17 — cross-cutting: listed, not counted in Matrix cells (x)",
                t.accent,
            )],
        );
    } else if !act.sdgs().is_empty() {
        let mut chips = Vec::new();
        for n in act.sdgs() {
            chips.push(Span::styled(
                format!(" {n} "),
                s.sdg(n).map_or(t.title, |g| t.goal(g.color)),
            ));
            chips.push(Span::raw(" "));
        }
        c.field_styled("SDGs", chips);
    } else {
        c.field("SDGs", "none stated by the source");
    }
    if !act.targets().is_empty() {
        let codes: Vec<String> = act
            .targets()
            .iter()
            .map(|&x| s.target(x).code.clone())
            .collect();
        c.field("targets", codes.join(", "));
    }
    let lines: Vec<String> = act
        .action_lines()
        .iter()
        .map(|&x| s.line(x).id.clone())
        .collect();
    c.field("action lines", lines.join(", "));
    c.field("source", s.source(act.source()).title.clone());
    if let Some(u) = act.url() {
        c.field("url", u.to_owned());
    }
    if let Some(n) = act.note() {
        c.field("note", n.to_owned());
    }
}
