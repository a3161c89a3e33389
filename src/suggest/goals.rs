//! Which goals a text gets: the target-focused wording score and the
//! decision rule.
//!
//! A text is about a goal when its words gather on a few of the goal's
//! targets, not when it merely shares many loose words with the goal's
//! whole body. So each word's weight for a goal (from the
//! [`Lexicon`](super::lexicon::Lexicon)) goes to the targets whose own
//! wording — target text, indicators, Aurora query — holds it; the goal's
//! wording score is the sum of its [`Params::focus_targets`] heaviest
//! targets, plus [`Params::other_words`] times the words that only the
//! goal's general wording holds (its name, the Aurora paragraph, sdgmap's
//! vocabulary), plus the vocabulary phrases found; all scaled by `10/√words`
//! so short and long texts compare. A goal is suggested when one of its
//! Aurora query lines matched, or when its wording score is high on its own
//! and close to the best goal's: `w − λ·(best − w) ≥ θ`. Every part of the
//! score is evidence the user sees: the targets with their words, the
//! other words, the phrases and the query lines.

use super::engine::Params;
use super::lexicon::WordScores;

/// The evidence weights of one goal for one text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalScore {
    /// The goal number.
    pub goal: u8,
    /// Word weight per target of the goal (engine index) that the text's
    /// words name, heaviest first.
    pub targets: Vec<(u16, f32)>,
    /// Weight of the goal's words that no target's own wording holds.
    pub other: f32,
    /// Weight of the vocabulary phrases of the goal found in the text.
    pub phrases: f32,
    /// The wording score (see the module's documentation).
    pub wording: f32,
    /// How many of the goal's Aurora query lines matched in full.
    pub lines: usize,
}

impl GoalScore {
    /// The score that ranks suggested goals: the wording score plus
    /// [`Params::line_weight`] per matched query line (at most three).
    pub fn rank_score(&self, p: &Params) -> f32 {
        self.wording + p.line_weight * self.lines.min(3) as f32
    }
}

/// The length scale of a text of `len` words: `10/√len`, texts under ten
/// words counting as ten, so weights compare as for a text of 100 words.
pub fn length_scale(len: usize) -> f32 {
    10.0 / (len.max(10) as f32).sqrt()
}

/// The scores of goals 1–17 for a text's weighed words, given the goal of
/// each target (by engine index), the matched query lines per goal (index
/// = goal number) and the text's length scale.
pub fn goal_scores(
    words: &WordScores,
    target_goal: &[u8],
    lines: &[usize; 18],
    scale: f32,
    p: &Params,
) -> Vec<GoalScore> {
    let mut by_target = vec![0f32; target_goal.len()];
    let mut other = [0f32; 18];
    for h in &words.words {
        for g in 1..18u8 {
            let w = h.weights[usize::from(g)];
            if w <= 0.0 {
                continue;
            }
            let mut named = false;
            for &t in &h.targets {
                if target_goal.get(usize::from(t)) == Some(&g) {
                    by_target[usize::from(t)] += w;
                    named = true;
                }
            }
            if !named {
                other[usize::from(g)] += w;
            }
        }
    }
    let mut phrases = [0f32; 18];
    for ph in &words.phrases {
        phrases[usize::from(ph.goal.min(17))] += p.phrase_weight;
    }
    (1..18u8)
        .map(|g| {
            let gi = usize::from(g);
            let mut targets: Vec<(u16, f32)> = by_target
                .iter()
                .enumerate()
                .filter(|&(t, &w)| w > 0.0 && target_goal[t] == g)
                .map(|(t, &w)| (t as u16, w))
                .collect();
            targets.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let focus: f32 = targets.iter().take(p.focus_targets).map(|t| t.1).sum();
            GoalScore {
                goal: g,
                wording: scale * (focus + p.other_words * other[gi] + phrases[gi]),
                targets,
                other: other[gi],
                phrases: phrases[gi],
                lines: lines[gi],
            }
        })
        .collect()
}

/// Whether each goal is suggested: a matched query line, or a wording
/// score `w` with `w − λ·(best − w) ≥ θ`, best being the highest wording
/// score of the text.
pub fn decide(scores: &[GoalScore], p: &Params) -> Vec<bool> {
    let best = scores.iter().map(|s| s.wording).fold(0f32, f32::max);
    scores
        .iter()
        .map(|s| s.lines > 0 || s.wording - p.lambda * (best - s.wording) >= p.threshold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::lexicon::{PhraseHit, WordHit};

    fn hit(weights: &[(usize, f32)], targets: &[u16]) -> WordHit {
        let mut w = [0f32; 18];
        for &(g, v) in weights {
            w[g] = v;
        }
        WordHit::for_test(w, targets.to_vec())
    }

    fn params() -> Params {
        Params {
            focus_targets: 2,
            other_words: 0.5,
            phrase_weight: 1.0,
            ..Params::default()
        }
    }

    #[test]
    fn words_gather_on_targets_and_only_the_best_count() {
        // targets 0, 1, 2 are of goal 7; 3 of goal 6
        let tg = [7, 7, 7, 6];
        let words = WordScores {
            goals: [0.0; 18],
            words: vec![
                hit(&[(7, 2.0)], &[0]),
                hit(&[(7, 1.5)], &[0, 1]),
                hit(&[(7, 1.0)], &[2]),
                hit(&[(7, 0.8), (6, 0.4)], &[3]),
            ],
            phrases: vec![PhraseHit {
                text: "mini-grid".into(),
                goal: 7,
                span: (0, 1),
            }],
        };
        let s = goal_scores(&words, &tg, &[0; 18], 1.0, &params());
        let g7 = &s[6];
        assert_eq!(g7.targets, [(0, 3.5), (1, 1.5), (2, 1.0)]);
        // 0.8 for goal 7 names no target of goal 7: "other"
        assert_eq!(g7.other, 0.8);
        assert!((g7.wording - (3.5 + 1.5 + 0.4 + 1.0)).abs() < 1e-5);
        let g6 = &s[5];
        assert_eq!((g6.targets.as_slice(), g6.other), (&[(3, 0.4)][..], 0.0));
    }

    #[test]
    fn a_matched_line_or_a_close_high_score_is_suggested() {
        let mk = |goal, wording, lines| GoalScore {
            goal,
            targets: Vec::new(),
            other: 0.0,
            phrases: 0.0,
            wording,
            lines,
        };
        let p = Params {
            threshold: 10.0,
            lambda: 0.5,
            ..Params::default()
        };
        let d = decide(
            &[
                mk(1, 20.0, 0),
                mk(2, 14.0, 0),
                mk(3, 12.0, 0),
                mk(4, 1.0, 1),
            ],
            &p,
        );
        // 14 − 0.5·6 = 11 ≥ 10; 12 − 0.5·8 = 8 < 10
        assert_eq!(d, [true, true, false, true]);
        assert_eq!(length_scale(4), length_scale(10));
        assert!((length_scale(100) - 1.0).abs() < 1e-6);
    }
}
