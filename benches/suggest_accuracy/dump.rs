//! `--dump FILE`: every benchmark row's raw signals as JSON lines, for
//! analysis outside the repository (the file holds the rows' ids and the
//! words of their texts that weigh, so write it outside the project). The
//! first line is the engine's goal body sizes and the goal of each target;
//! then per row its weighed words with their document counts per goal, every
//! goal's score, the query lines that match once their proximities are
//! widened to 10 and 30 words, and the Aurora query phrases found.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use sdgmap::suggest::aurora::{self, Expr, Phrase};
use sdgmap::suggest::text::Document;
use sdgmap::suggest::{Engine, Params};

use super::Row;

/// The expression with every `W/n` / `PRE/n` widened to at least `d`.
fn widen(e: &Expr, d: u16) -> Expr {
    match e {
        Expr::Phrase(_) => e.clone(),
        Expr::Or(v) => Expr::Or(v.iter().map(|c| widen(c, d)).collect()),
        Expr::And(v) => Expr::And(v.iter().map(|c| widen(c, d)).collect()),
        Expr::AndNot(l, r) => Expr::AndNot(Box::new(widen(l, d)), r.clone()),
        Expr::Near {
            left,
            right,
            distance,
            ordered,
        } => Expr::Near {
            left: Box::new(widen(left, d)),
            right: Box::new(widen(right, d)),
            distance: (*distance).max(d),
            ordered: *ordered,
        },
        Expr::Field { name, inner } => Expr::Field {
            name: name.clone(),
            inner: Box::new(widen(inner, d)),
        },
    }
}

/// Writes the signals of `rows` to `out`.
pub fn dump(snapshot: &sdgmap::snapshot::Snapshot, rows: &[Row], out: &Path) -> anyhow::Result<()> {
    let e = Engine::with_params(
        snapshot,
        Params {
            near_degree: 0.0,
            ..Params::default()
        },
    )?;
    let files = aurora::bundled().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut lines: Vec<(u8, String, Expr, Expr)> = Vec::new();
    let mut phrases: BTreeMap<String, (Phrase, BTreeSet<u8>)> = BTreeMap::new();
    for f in files {
        for tq in &f.targets {
            for l in &tq.lines {
                let wide = (widen(&l.expr, 10), widen(&l.expr, 30));
                lines.push((f.goal, tq.code.clone(), wide.0, wide.1));
                for (p, negated) in l.expr.phrases() {
                    if negated {
                        continue;
                    }
                    let key: Vec<&str> = p.words.iter().map(|w| w.text.as_str()).collect();
                    phrases
                        .entry(key.join(" "))
                        .or_insert_with(|| (p.clone(), BTreeSet::new()))
                        .1
                        .insert(f.goal);
                }
            }
        }
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
    serde_json::to_writer(
        &mut f,
        &serde_json::json!({"sizes": e.body_sizes().to_vec(), "target_goals": e.target_goals()}),
    )?;
    writeln!(f)?;
    for r in rows {
        let w = e.weigh(&r.text);
        let goals: Vec<_> = w
            .scores
            .iter()
            .map(|s| {
                serde_json::json!({
                    "goal": s.goal, "targets": s.targets, "other": s.other,
                    "phrases": s.phrases, "wording": s.wording, "lines": s.lines,
                    "near": w.near[usize::from(s.goal)],
                })
            })
            .collect();
        let words: Vec<_> = w
            .words
            .words
            .iter()
            .map(|h| {
                serde_json::json!({
                    "lemma": h.lemma, "n": h.positions.len(), "weights": h.weights.to_vec(),
                    "targets": h.targets, "counts": h.counts.to_vec(),
                })
            })
            .collect();
        let vocabulary: Vec<_> = w.words.phrases.iter().map(|p| p.goal).collect();
        let doc = Document::new(&r.text);
        let mut wide = Vec::new();
        for (g, code, e10, e30) in &lines {
            let m10 = aurora::eval(e10, &doc).matched();
            if m10 || aurora::eval(e30, &doc).matched() {
                wide.push(serde_json::json!([g, code, m10]));
            }
        }
        let mut found = Vec::new();
        for (k, (p, goals)) in &phrases {
            if !aurora::phrase_spans(p, &doc).is_empty() {
                found.push(serde_json::json!([k, p.words.len(), goals]));
            }
        }
        serde_json::to_writer(
            &mut f,
            &serde_json::json!({
                "id": r.id, "sdg": r.sdg, "label": r.label, "len": w.len,
                "goals": goals, "words": words, "phrases": vocabulary, "wide": wide, "qp": found,
            }),
        )?;
        writeln!(f)?;
    }
    f.flush()?;
    Ok(())
}
