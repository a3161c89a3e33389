//! The card section listing a goal's, target's or line's Matrix links with
//! their rationale, and the words for link statuses the cards share.

use ratatui::text::Span;

use super::builder::Card;
use crate::entity::{EntityRef, Kind};
use crate::snapshot::{LinkId, LinkStatus, Snapshot};
use crate::tui::ui::card::Row;

/// The Matrix links of a goal, target or line (under the view) with their
/// rationale, each marked `~` partial or `?` disputed.
pub fn rationales(c: &mut Card, e: EntityRef) {
    let ctx = c.ctx;
    let (s, t) = (&ctx.snap, &ctx.theme);
    let links: Vec<EntityRef> = ctx
        .related_to(e)
        .iter()
        .filter(|g| g.kind == Kind::Link)
        .flat_map(|g| g.items.iter().copied())
        .collect();
    if links.is_empty() {
        return;
    }
    c.blank();
    c.text("Matrix links", t.title);
    for l in links {
        if let EntityRef::Link(k) = l {
            let link = s.link(k);
            let mark = match link.status {
                LinkStatus::Confirmed => ' ',
                LinkStatus::Partial => '~',
                LinkStatus::Disputed => '?',
            };
            let style = if mark == '?' { t.warn } else { t.accent };
            c.push(Row::Field {
                key: format!("{mark}{}", link_label(s, k)),
                key_style: style,
                value: vec![Span::styled(link.rationale.clone(), t.base)],
            });
        }
    }
}

/// `C2 × SDG 9`.
fn link_label(s: &Snapshot, k: LinkId) -> String {
    let link = s.link(k);
    format!("{} × SDG {}", s.line(link.action_line).id, link.sdg)
}

/// A link status in words.
pub fn status_word(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Confirmed => "confirmed",
        LinkStatus::Partial => "partial — the source's views disagree",
        LinkStatus::Disputed => "disputed — only one view of the source has it",
    }
}

/// `12 (10 confirmed, 1 partial, 1 disputed)`.
pub fn status_counts(it: impl Iterator<Item = LinkStatus>) -> String {
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
