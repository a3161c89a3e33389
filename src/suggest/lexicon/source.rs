//! Where a word of a goal's body comes from, so every word shown as
//! evidence can say why it counts for the goal: the official target or
//! indicator text, the goal's name, the Aurora paragraph or queries, or
//! sdgmap's own vocabulary.

use serde::{Deserialize, Serialize};

/// Where a word of a goal's body comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The official text of a target.
    TargetText,
    /// The official text of an indicator.
    IndicatorText,
    /// The goal's official name and title.
    GoalName,
    /// The Aurora file's paragraph on the goal.
    AuroraDescription,
    /// A word of an Aurora query.
    AuroraQuery,
    /// sdgmap's own topical vocabulary.
    Vocabulary,
    /// An indicator text as the Aurora file quotes it (used for targets
    /// whose indicators the snapshot does not hold).
    AuroraIndicator,
}

impl Source {
    pub(super) const ALL: [Source; 7] = [
        Source::TargetText,
        Source::IndicatorText,
        Source::GoalName,
        Source::AuroraDescription,
        Source::AuroraQuery,
        Source::Vocabulary,
        Source::AuroraIndicator,
    ];

    pub(super) fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Source::TargetText => "target text",
            Source::IndicatorText => "indicator text",
            Source::GoalName => "goal name",
            Source::AuroraDescription => "Aurora goal description",
            Source::AuroraQuery => "Aurora query",
            Source::Vocabulary => "sdgmap vocabulary",
            Source::AuroraIndicator => "indicator text (Aurora file)",
        }
    }
}
