//! The card section of an Action Line: its id and title, where it belongs,
//! its sub-lines, facilitators, activities, WSIS Prizes category and source.

use ratatui::text::Span;

use super::builder::Card;
use crate::entity::EntityRef;
use crate::tui::ui::card::Row;

/// An Action Line's own facts.
pub fn line(c: &mut Card, e: EntityRef) {
    let EntityRef::Line(l) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let line = s.line(l);
    c.push(Row::Text(vec![
        Span::styled(format!(" {} ", line.id), t.selected),
        Span::styled(format!(" {}", line.title), t.title),
    ]));
    if let Some(p) = line.parent {
        c.field("part of", format!("{} {}", s.line(p).id, s.line(p).title));
    }
    if !line.children.is_empty() {
        let ids: Vec<String> = line
            .children
            .iter()
            .map(|&x| s.line(x).id.clone())
            .collect();
        c.field("sub-lines", ids.join(", "));
    }
    if !line.facilitators.is_empty() {
        c.field("facilitators", line.facilitators.join(", "));
    }
    super::goal::activities_field(c, &crate::related::line_activities(s, l));
    if let Some(p) = line.prize_category {
        c.field("WSIS Prizes", format!("category {p}"));
    }
    c.source(line.source.map(|x| s.source(x).title.clone()));
}
