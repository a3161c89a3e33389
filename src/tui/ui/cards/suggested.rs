//! The activity card's "Suggested (not stated by the source)" section: what
//! `import --suggest` stored for the activity, with scores, evidence, the
//! engine's version and the Aurora credit — drawn apart from the stated
//! links above it (see [`crate::tui::ui::suggested`]).

use super::builder::Card;
use crate::entity::EntityRef;
use crate::tui::ui::suggested::{rows, stored_of};

/// The stored suggestions of an activity, when it has any record of them.
pub fn suggested(c: &mut Card, e: EntityRef) {
    let EntityRef::Activity(a) = e else { return };
    let s = &c.ctx.snap;
    let Some(g) = s.activity(a).suggested() else {
        return;
    };
    let rows = rows(&c.ctx.theme, s, &stored_of(s, g));
    c.blank();
    for r in rows {
        c.push(r);
    }
}
