//! Card sections listing SDG indicators: every indicator of a goal's
//! targets on the goal's card, and on a target's card its indicators with
//! their custodian agencies and former codes. (Where an indicator's tier
//! comes to the snapshot, it belongs here.)

use super::builder::Card;
use crate::entity::EntityRef;

/// The indicators of every target of a goal.
pub fn of_goal(c: &mut Card, e: EntityRef) {
    let EntityRef::Sdg(n) = e else { return };
    let s = &c.ctx.snap;
    let Some(g) = s.sdg(n) else { return };
    for &tg in &g.targets {
        for &i in s.index().indicators_of_target(tg) {
            let ind = s.indicator(i);
            c.field("indicator", format!("{} {}", ind.code, ind.name));
        }
    }
}

/// A target's indicators, with custodians and former codes.
pub fn of_target(c: &mut Card, e: EntityRef) {
    let EntityRef::Target(tg) = e else { return };
    let s = &c.ctx.snap;
    for &i in s.index().indicators_of_target(tg) {
        let ind = s.indicator(i);
        let mut v = format!("{} {}", ind.code, ind.name);
        if !ind.custodians.is_empty() {
            v.push_str(&format!(" (custodian: {})", ind.custodians.join(", ")));
        }
        if !ind.former_codes.is_empty() {
            v.push_str(&format!(" [formerly {}]", ind.former_codes.join(", ")));
        }
        c.field("indicator", v);
    }
}
