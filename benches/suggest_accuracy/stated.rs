//! The use sdgmap is for, measured on real records: how `suggest` agrees
//! with what a source states for the snapshot's activities (by default the
//! bundled ITU activities of the seed document, whose SDGs ITU states).
//!
//! A source usually states one or two goals where an activity serves more,
//! so a suggested goal the source does not state is not necessarily wrong:
//! the figures say how often a stated goal is among the suggested ones and
//! how many goals are suggested beside it, not an accuracy. Activities that
//! state every goal (platforms such as the WSIS Forum) are left out.

use sdgmap::snapshot::Snapshot;
use sdgmap::suggest::Engine;

/// What `suggest` says for the activities whose source states some goals.
#[derive(Debug, Default, PartialEq)]
pub struct Agreement {
    /// Activities stating between one and sixteen goals.
    pub activities: usize,
    /// Those with a stated goal among the suggested.
    pub stated_suggested: usize,
    /// Those with nothing suggested.
    pub nothing: usize,
    /// Goals stated, in all.
    pub stated: usize,
    /// Goals suggested, in all.
    pub suggested: usize,
    /// Suggested goals the source states.
    pub both: usize,
}

/// Compares the engine's goals with the stated ones on `s`'s activities.
pub fn agreement(s: &Snapshot, e: &Engine) -> Agreement {
    let mut a = Agreement::default();
    for act in s.activities() {
        let stated = act.sdgs();
        if stated.is_empty() || stated.len() == 17 {
            continue;
        }
        let text = sdgmap::import::activity_text(act.title(), act.summary());
        let goals = e.suggest(&text).goal_numbers();
        let both = goals.iter().filter(|&&g| stated.contains(g)).count();
        a.activities += 1;
        a.stated_suggested += usize::from(both > 0);
        a.nothing += usize::from(goals.is_empty());
        a.stated += stated.len();
        a.suggested += goals.len();
        a.both += both;
    }
    a
}

/// Prints [`agreement`] in one paragraph.
pub fn report(s: &Snapshot, e: &Engine) {
    let a = agreement(s, e);
    if a.activities == 0 {
        println!("no activity of the snapshot states between 1 and 16 SDGs");
        return;
    }
    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    println!(
        "stated SDGs ({} activities of the snapshot whose source states 1-16 goals): a stated goal \
         suggested for {} ({:.0} %), nothing suggested for {}; {:.1} goals suggested per activity \
         ({:.1} stated), {:.0} % of them stated, {:.0} % of the stated ones suggested",
        a.activities,
        a.stated_suggested,
        pct(a.stated_suggested, a.activities),
        a.nothing,
        a.suggested as f64 / a.activities as f64,
        a.stated as f64 / a.activities as f64,
        pct(a.both, a.suggested),
        pct(a.both, a.stated),
    );
}
