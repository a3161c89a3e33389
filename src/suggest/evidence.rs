//! What the engine hands back: suggested goals, targets and Action Lines,
//! each with its score and the evidence behind it, plus the engine's
//! version and the Aurora credit.
//!
//! These types are plain data (serde both ways) so a caller can print
//! them, or store them on an activity as *suggestions* — never as stated
//! links — and read them back later with the engine version that made
//! them. Byte ranges in evidence point into the text that was suggested
//! for; [`Match::text`] carries the matched words too, so stored evidence
//! reads on its own.

use serde::{Deserialize, Serialize};

use super::lexicon::Source;
use crate::snapshot::{LinkStatus, Scope};

/// Suggestions for one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestions {
    /// The engine that made them ([`super::ENGINE_VERSION`]).
    pub engine: String,
    /// The credit owed for the Aurora queries ([`super::CREDIT`]).
    pub credit: String,
    /// Suggested goals, best first.
    pub goals: Vec<GoalSuggestion>,
    /// Action Lines the Matrix links the suggested targets and goals to, best first.
    pub action_lines: Vec<LineSuggestion>,
}

impl Suggestions {
    /// The suggested goal numbers, best first.
    pub fn goal_numbers(&self) -> Vec<u8> {
        self.goals.iter().map(|g| g.goal).collect()
    }

    /// The suggested target codes, by goal rank then target rank.
    pub fn target_codes(&self) -> Vec<&str> {
        self.goals
            .iter()
            .flat_map(|g| g.targets.iter().map(|t| t.code.as_str()))
            .collect()
    }

    /// The suggested Action Line ids, best first.
    pub fn line_ids(&self) -> Vec<&str> {
        self.action_lines.iter().map(|l| l.id.as_str()).collect()
    }
}

/// A suggested goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSuggestion {
    /// The goal number.
    pub goal: u8,
    /// The goal's short name, as the snapshot gives it.
    pub name: String,
    /// How strong the evidence is: the wording score plus a fixed weight
    /// per matched Aurora query line. Comparable within one text.
    pub score: f32,
    /// The wording score: the word weights of the goal's best targets, of
    /// its other words (halved) and its phrases, scaled to the text's length.
    #[serde(default)]
    pub wording: f32,
    /// How many of the goal's Aurora query lines matched in full.
    #[serde(default)]
    pub query_lines: usize,
    /// Suggested targets of the goal, best first (possibly none: the
    /// evidence may point at the goal without singling out a target).
    pub targets: Vec<TargetSuggestion>,
    /// Why: matched query lines first, then the weighing words and phrases.
    pub evidence: Vec<Evidence>,
}

/// A suggested target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetSuggestion {
    /// The target code (`7.2`).
    pub code: String,
    /// The weight of the evidence that names this target.
    pub score: f32,
    /// Why this target: its matched query lines and the words of its wording.
    pub evidence: Vec<Evidence>,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence {
    /// An Aurora query line that matched the text (or nearly did).
    QueryLine {
        /// The target whose query it is (`7.2`, or `13.0`).
        target: String,
        /// The Aurora file and the line where the query line starts.
        file: String,
        /// 1-based line in that file.
        line: usize,
        /// The query line as written.
        query: String,
        /// How much of it matched (1 = all of it).
        degree: f32,
        /// The words of the text it matched.
        matched: Vec<Match>,
    },
    /// Words of the text that weigh for the goal.
    Words {
        /// The words, heaviest first.
        words: Vec<WordEvidence>,
    },
    /// A phrase of sdgmap's vocabulary found in the text.
    Phrase {
        /// The phrase as the vocabulary writes it (`drinking-water`).
        phrase: String,
        /// The weight it adds.
        weight: f32,
        /// Where it occurs.
        at: Match,
    },
}

/// A stretch of the suggested-for text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The text there.
    pub text: String,
}

/// One weighing word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordEvidence {
    /// The word as the text first writes it.
    pub word: String,
    /// Its weight for the goal.
    pub weight: f32,
    /// How often the text uses it.
    pub count: usize,
    /// Where the goal's body has it from.
    pub sources: Vec<Source>,
}

/// A suggested Action Line (a Matrix row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineSuggestion {
    /// The row id (`C7-e-health`).
    pub id: String,
    /// Its short name.
    pub name: String,
    /// The summed score of the suggested targets and goals linking to it.
    pub score: f32,
    /// The Matrix links that lead here from suggested targets or goals.
    pub via: Vec<LineVia>,
}

/// A Matrix link behind a suggested Action Line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineVia {
    /// The goal of the link.
    pub goal: u8,
    /// The suggested target the link names, when it names one.
    pub target: Option<String>,
    /// What the link covers.
    pub scope: Scope,
    /// How sure the Matrix sources are of it.
    pub status: LinkStatus,
}

impl Evidence {
    /// The evidence in one line of words, the matched words marked «so».
    pub fn describe(&self) -> String {
        match self {
            Evidence::QueryLine {
                target,
                file,
                line,
                query,
                degree,
                matched,
            } => {
                let words: Vec<String> = matched.iter().map(|m| format!("«{}»", m.text)).collect();
                let how = if *degree >= 1.0 {
                    "matched".to_string()
                } else {
                    format!("{:.0}% matched", degree * 100.0)
                };
                format!(
                    "Aurora query {target} ({file}:{line}) {how}: {query} — on {}",
                    words.join(" ")
                )
            }
            Evidence::Words { words } => {
                let list: Vec<String> = words
                    .iter()
                    .map(|w| {
                        let src: Vec<&str> = w.sources.iter().map(|s| s.label()).collect();
                        // the count and the weight each named, never two bare numbers side by side
                        let times = if w.count > 1 {
                            format!(" ×{},", w.count)
                        } else {
                            String::new()
                        };
                        format!(
                            "«{}»{times} weight {:.1} ({})",
                            w.word,
                            w.weight,
                            src.join(", ")
                        )
                    })
                    .collect();
                format!("words: {}", list.join("; "))
            }
            Evidence::Phrase { phrase, weight, at } => {
                format!(
                    "sdgmap vocabulary phrase {phrase}: «{}» weight {weight:.1}",
                    at.text
                )
            }
        }
    }
}
