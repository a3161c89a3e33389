//! The card sections of an activity: title, kind, sector and year, summary,
//! lead and partners, the SDGs, targets, Action Lines and countries its
//! source states, source, url and note, and a word when its text looks
//! mis-encoded by its source; and, for an activity whose source
//! states no goal, the goals the Matrix links its Action Lines to — in a
//! section of its own, worded and drawn apart from stated goals, because
//! sdgmap infers them and the source does not say them.

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
    // text its source garbled (UTF-8 read as Windows-1252): said under the
    // title it may garble, never repaired
    let garbled = [act.title(), act.summary(), act.lead().unwrap_or_default()]
        .into_iter()
        .chain(act.partners())
        .chain(act.note())
        .find_map(crate::import::encoding::mojibake);
    if let Some(g) = garbled {
        let meant = g
            .meant
            .map_or(String::new(), |m| format!(", probably «{m}» there"));
        c.text(
            format!(
                "text shown as the source has it, which looks mis-encoded (UTF-8 read as \
                 Windows-1252): «{}»{meant}",
                g.found
            ),
            t.dim,
        );
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
    let countries: Vec<String> = act
        .countries()
        .iter()
        .map(|&k| {
            let k = s.country(k);
            format!("{} {}", k.code, k.name)
        })
        .collect();
    if !countries.is_empty() {
        c.field("countries", countries.join(", "));
    }
    c.field("source", s.source(act.source()).title.clone());
    if let Some(u) = act.url() {
        c.field("url", u.to_owned());
    }
    if let Some(n) = act.note() {
        c.field("note", n.to_owned());
    }
}

/// For an activity whose source states no goal: the goals the Matrix links
/// its Action Lines to (confirmed or partial links), under a heading that
/// says they are the Matrix's, not the activity's, as plain numbers rather
/// than the goal chips stated goals get.
pub fn matrix_goals(c: &mut Card, e: EntityRef) {
    let EntityRef::Activity(a) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let act = s.activity(a);
    if !act.sdgs().is_empty() || act.action_lines().is_empty() {
        return;
    }
    let ix = s.index();
    let mut lines: Vec<crate::snapshot::LineId> = Vec::new();
    for &l in act.action_lines() {
        lines.push(l);
        lines.extend(&s.line(l).children);
    }
    let mut goals: Vec<u8> = lines
        .iter()
        .flat_map(|&l| ix.links_of_line(l).iter())
        .map(|&k| s.link(k))
        .filter(|k| k.status != crate::snapshot::LinkStatus::Disputed)
        .map(|k| k.sdg)
        .collect();
    goals.sort_unstable();
    goals.dedup();
    if goals.is_empty() {
        return;
    }
    let ids: Vec<&str> = act
        .action_lines()
        .iter()
        .map(|&l| s.line(l).id.as_str())
        .collect();
    c.blank();
    c.text(
        format!(
            "Goals the Matrix links {} to — not stated for this activity",
            ids.join(", ")
        ),
        t.dim,
    );
    let numbers: Vec<String> = goals.iter().map(u8::to_string).collect();
    c.field_styled(
        "via Matrix",
        vec![Span::styled(numbers.join(" "), t.accent)],
    );
}
