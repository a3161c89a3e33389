//! The use sdgmap is for, measured on real records: how `suggest` agrees
//! with the goals the snapshot records for its activities (by default the
//! bundled activities of the seed document, their goals where the document
//! places them or, as each activity's note says, by the compilers'
//! judgement).
//!
//! A record names the goals chosen for it, not every goal an activity
//! serves, so a suggested goal it does not name is not necessarily wrong:
//! the figures say how often a recorded goal is among the suggested ones
//! and how many goals are suggested beside it, not an accuracy. Activities
//! that record every goal (platforms such as the WSIS Forum) are left out.

use sdgmap::snapshot::Snapshot;
use sdgmap::suggest::Engine;

/// What `suggest` says for the activities that record some goals.
#[derive(Debug, Default, PartialEq)]
pub struct Agreement {
    /// Activities recording between one and sixteen goals.
    pub activities: usize,
    /// Those with a recorded goal among the suggested.
    pub recorded_suggested: usize,
    /// Those with nothing suggested.
    pub nothing: usize,
    /// Goals recorded, in all.
    pub recorded: usize,
    /// Goals suggested, in all.
    pub suggested: usize,
    /// Suggested goals the record names.
    pub both: usize,
}

/// Compares the engine's goals with the recorded ones on `s`'s activities.
/// With `titles`, on the titles alone: what a user gets who has no more
/// than a spreadsheet's title column.
pub fn agreement(s: &Snapshot, e: &Engine, titles: bool) -> Agreement {
    let mut a = Agreement::default();
    for act in s.activities() {
        let recorded = act.sdgs();
        if recorded.is_empty() || recorded.len() == 17 {
            continue;
        }
        let text = if titles {
            act.title().to_string()
        } else {
            sdgmap::import::activity_text(act.title(), act.summary())
        };
        let goals = e.suggest(&text).goal_numbers();
        let both = goals.iter().filter(|&&g| recorded.contains(g)).count();
        a.activities += 1;
        a.recorded_suggested += usize::from(both > 0);
        a.nothing += usize::from(goals.is_empty());
        a.recorded += recorded.len();
        a.suggested += goals.len();
        a.both += both;
    }
    a
}

/// Prints [`agreement`] in one paragraph, then on the titles alone.
pub fn report(s: &Snapshot, e: &Engine) {
    let a = agreement(s, e, false);
    if a.activities == 0 {
        println!("no activity of the snapshot records between 1 and 16 SDGs");
        return;
    }
    print(&a, "titles and summaries");
    print(&agreement(s, e, true), "titles alone");
}

fn print(a: &Agreement, what: &str) {
    let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
    println!(
        "recorded SDGs ({} activities of the snapshot that record 1-16 goals; {what}): a recorded \
         goal suggested for {} ({:.0} %), nothing suggested for {}; {:.1} goals suggested per \
         activity ({:.1} recorded), {:.0} % of them recorded, {:.0} % of the recorded ones suggested",
        a.activities,
        a.recorded_suggested,
        pct(a.recorded_suggested, a.activities),
        a.nothing,
        a.suggested as f64 / a.activities as f64,
        a.recorded as f64 / a.activities as f64,
        pct(a.both, a.suggested),
        pct(a.both, a.recorded),
    );
}
