//! `--sweep` and `--try`: accuracy around the published parameters, on the
//! whole dev half and on each half of it (rows split by the parity of their
//! hexadecimal id), so a choice made on one half can be checked on the
//! other. A flat neighbourhood says the defaults are not a lucky point.

use sdgmap::suggest::{Engine, Params};

use super::{Row, average, predict};

/// Average accuracy (all rows, even ids, odd ids) of the engine with `p`.
pub fn run(
    snapshot: &sdgmap::snapshot::Snapshot,
    rows: &[Row],
    p: Params,
) -> anyhow::Result<[f64; 3]> {
    let e = Engine::with_params(snapshot, p)?;
    let predicted = predict(&e, rows);
    Ok([None, Some(false), Some(true)].map(|half| average(rows, &predicted, half).0))
}

fn cell(a: [f64; 3]) -> String {
    format!("{:.1} ({:.1}/{:.1})", a[0], a[1], a[2])
}

/// Prints the sweep: θ × λ, then the other global numbers one at a time.
pub fn sweep(snapshot: &sdgmap::snapshot::Snapshot, rows: &[Row]) -> anyhow::Result<()> {
    let d = Params::default();
    let lambdas = [0.0, 0.25, 0.5, 1.0];
    println!(
        "\nsweep: average accuracy, all (even ids/odd ids), by θ (rows) and λ (columns); defaults θ {} λ {}",
        d.threshold, d.lambda
    );
    println!("| θ | {} |", lambdas.map(|l| format!("λ {l}")).join(" | "));
    println!("|---:|{}", "---:|".repeat(lambdas.len()));
    for threshold in [10.0, 11.0, 12.0, 13.0, 14.0] {
        let mut cells = Vec::new();
        for lambda in lambdas {
            cells.push(cell(run(
                snapshot,
                rows,
                Params {
                    threshold,
                    lambda,
                    ..d
                },
            )?));
        }
        println!("| {threshold} | {} |", cells.join(" | "));
    }
    for focus_targets in [1, 2, 3, 100] {
        let a = run(snapshot, rows, Params { focus_targets, ..d })?;
        println!("focus_targets {focus_targets:>3}: {}", cell(a));
    }
    for other_words in [0.0, 0.25, 0.5, 1.0] {
        let a = run(snapshot, rows, Params { other_words, ..d })?;
        println!("other_words {other_words}: {}", cell(a));
    }
    for vocabulary_weight in [0.0, 1.0, 2.0, 4.0] {
        let a = run(
            snapshot,
            rows,
            Params {
                vocabulary_weight,
                ..d
            },
        )?;
        println!("vocabulary_weight {vocabulary_weight}: {}", cell(a));
    }
    for query_weight in [0.25, 0.5, 1.0] {
        let a = run(snapshot, rows, Params { query_weight, ..d })?;
        println!("query_weight {query_weight}: {}", cell(a));
    }
    for indicator_weight in [0.5, 1.0, 2.0] {
        let a = run(
            snapshot,
            rows,
            Params {
                indicator_weight,
                ..d
            },
        )?;
        println!("indicator_weight {indicator_weight}: {}", cell(a));
    }
    Ok(())
}

/// `name=value,...` over the default parameters (`--try`).
pub fn parse_params(s: &str) -> anyhow::Result<Params> {
    let mut p = Params::default();
    for kv in s.split(',').filter(|k| !k.is_empty()) {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("{kv}: expected name=value"))?;
        let f: f32 = v.parse()?;
        match k {
            "threshold" => p.threshold = f,
            "lambda" => p.lambda = f,
            "focus" => p.focus_targets = f as usize,
            "other" => p.other_words = f,
            "vocab" => p.vocabulary_weight = f,
            "phrase" => p.phrase_weight = f,
            "query" => p.query_weight = f,
            "indicator" => p.indicator_weight = f,
            "description" => p.description_weight = f,
            _ => anyhow::bail!(
                "unknown parameter {k} (threshold lambda focus other vocab phrase query indicator description)"
            ),
        }
    }
    Ok(p)
}
