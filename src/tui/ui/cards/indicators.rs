//! Card sections of SDG indicators: how many a goal's targets have (on the
//! goal's card), each indicator of a target with its tier, the tier's date
//! and its custodians (on the target's card), and an indicator's own card.
//! A tier is never shown without the date of its classification, and an
//! indicator the framework repeats under other targets says so.

use ratatui::text::Span;

use super::builder::Card;
use crate::entity::EntityRef;
use crate::snapshot::IndicatorId;
use crate::tui::ui::card::Row;

/// How many indicators measure a goal's targets (the indicators themselves
/// are on each target's card: the framework has a dozen or more per goal).
pub fn of_goal(c: &mut Card, e: EntityRef) {
    let EntityRef::Sdg(n) = e else { return };
    let ctx = c.ctx;
    let s = &ctx.snap;
    let Some(g) = s.sdg(n) else { return };
    let inds: Vec<IndicatorId> = g
        .targets
        .iter()
        .flat_map(|&tg| s.index().indicators_of_target(tg).iter().copied())
        .collect();
    if inds.is_empty() {
        return;
    }
    let shown = inds.iter().filter(|&&i| ctx.sel().indicator(i)).count();
    c.field("indicators", c.count(inds.len(), shown));
}

/// The tier with its date, the custodians, and the other numbers of a
/// repeated indicator: `Tier I (as of 2022-11-30) · custodian ITU`.
fn facts(c: &Card, i: IndicatorId) -> String {
    let s = &c.ctx.snap;
    let ind = s.indicator(i);
    let mut parts = Vec::new();
    if ind.tier.as_of().is_some() {
        parts.push(ind.tier.to_string());
    }
    if !ind.custodians.is_empty() {
        parts.push(format!("custodian {}", ind.custodians.join(", ")));
    }
    let repeats: Vec<String> = s
        .indicator_repeats(i)
        .into_iter()
        .map(|o| s.indicator(o).code.clone())
        .collect();
    if !repeats.is_empty() {
        parts.push(format!("the same indicator as {}", repeats.join(", ")));
    }
    if !ind.former_codes.is_empty() {
        parts.push(format!("formerly {}", ind.former_codes.join(", ")));
    }
    parts.join(" · ")
}

/// A target's indicators: code, official text, then tier with its date,
/// custodians and repeats, dimmed, under the text.
pub fn of_target(c: &mut Card, e: EntityRef) {
    let EntityRef::Target(tg) = e else { return };
    let ctx = c.ctx;
    let (s, t) = (&ctx.snap, &ctx.theme);
    let inds = s.index().indicators_of_target(tg);
    if inds.is_empty() {
        return;
    }
    c.blank();
    for &i in inds {
        let ind = s.indicator(i);
        c.push(Row::Field {
            key: format!("  {}", ind.code),
            key_style: t.accent,
            value: vec![Span::styled(ind.name.clone(), t.base)],
        });
        let facts = facts(c, i);
        if !facts.is_empty() {
            c.push(Row::Field {
                key: String::new(),
                key_style: t.dim,
                value: vec![Span::styled(facts, t.dim)],
            });
        }
    }
}

/// An indicator's own card: code chip, target, text, tier with its date,
/// agencies, UNSD code, where the framework repeats it, former numbers,
/// sources.
pub fn indicator(c: &mut Card, e: EntityRef) {
    let EntityRef::Indicator(i) = e else { return };
    let (s, t) = (&c.ctx.snap, &c.ctx.theme);
    let ind = s.indicator(i);
    let target = s.target(ind.target);
    let chip = s.sdg(target.goal).map_or(t.title, |g| t.goal(g.color));
    c.push(Row::Text(vec![
        Span::styled(format!(" {} ", ind.code), chip),
        Span::styled(format!(" indicator of target {}", target.code), t.dim),
    ]));
    c.text(ind.name.clone(), t.base);
    c.blank();
    c.field(
        "tier",
        if ind.tier.as_of().is_some() {
            ind.tier.to_string()
        } else {
            "not stated".to_string()
        },
    );
    if !ind.custodians.is_empty() {
        c.field("custodians", ind.custodians.join(", "));
    }
    if !ind.partners.is_empty() {
        c.field("partners", ind.partners.join(", "));
    }
    if let Some(code) = &ind.unsd_code {
        c.field("UNSD code", code.clone());
    }
    let repeats: Vec<String> = s
        .indicator_repeats(i)
        .into_iter()
        .map(|o| s.indicator(o).code.clone())
        .collect();
    if !repeats.is_empty() {
        c.field(
            "also listed",
            format!("{} (the same indicator, one UNSD code)", repeats.join(", ")),
        );
    }
    if !ind.former_codes.is_empty() {
        c.field("formerly", ind.former_codes.join(", "));
    }
    c.source(ind.source.map(|x| s.source(x).title.clone()));
    if let Some(x) = ind.tier_source.filter(|&x| Some(x) != ind.source) {
        c.field("tier source", s.source(x).title.clone());
    }
}
