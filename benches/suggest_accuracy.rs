//! Accuracy of `sdgmap suggest` on the SDG Classification Benchmark's dev
//! half (616 expert-labelled rows `id,text,sdg,label`), by the benchmark's
//! own definition: a row is a prediction for goal `sdg` when that goal is
//! among the suggested goals; per goal, accuracy is the share of its rows
//! where prediction equals label, precision and recall as usual; the
//! figures are averaged over the 17 goals.
//!
//! The texts are read at run time and never copied into the project:
//!
//! ```sh
//! cargo bench --bench suggest_accuracy -- ../shared/reference/sdg-benchmark-dev.csv
//! cargo bench --bench suggest_accuracy -- FILE.csv --data SNAPSHOT.json
//! ```
//!
//! Without a file (and without `../shared` beside the repository) it says
//! so and exits 0, so `cargo bench` works on any machine. It always times
//! the engine over 100,000 SYNTHETIC activities (the generator of
//! `examples/synth.rs`, seed 7; title and summary of each) on all cores,
//! as `import --suggest` will; `--synth N` changes the count. It also prints the
//! Aurora queries alone (the engine with its wording rule switched off) as
//! the baseline.

use std::path::PathBuf;
use std::time::Instant;

use sdgmap::suggest::{Engine, Params};

#[path = "../examples/synth/generate.rs"]
mod generate;

/// Measure with the allocator the `sdgmap` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Suggests for `n` synthetic activities on all cores; prints the time.
fn synthetic(n: usize) -> anyhow::Result<()> {
    use sdgmap::snapshot::{BUNDLED, BUNDLED_NAME, parse_raw};
    let base = parse_raw(BUNDLED_NAME, BUNDLED)?;
    let raw = generate::generate(&base, n, 7);
    let bytes = serde_json::to_vec(&raw)?;
    let snap = sdgmap::snapshot::load_bytes("synthetic", &bytes)?;
    let texts: Vec<String> = snap
        .activities()
        .iter()
        .map(|a| format!("{}. {}", a.title(), a.summary()))
        .collect();
    let t0 = Instant::now();
    let engine = Engine::new(&snap)?;
    let goals: Vec<usize> = sdgmap::par::map(&texts, 256, |_, part| {
        part.iter().map(|t| engine.suggest(t).goals.len()).collect()
    });
    let took = t0.elapsed();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{n} synthetic activities suggested in {:.2} s on {threads} threads ({} goals suggested in all)",
        took.as_secs_f64(),
        goals.iter().sum::<usize>()
    );
    Ok(())
}

struct Row {
    text: String,
    sdg: u8,
    label: bool,
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<Row>> {
    let mut r = csv::Reader::from_path(path)?;
    let h = r.headers()?.clone();
    let col = |name: &str| {
        h.iter()
            .position(|c| c == name)
            .ok_or_else(|| anyhow::anyhow!("{}: no column '{name}'", path.display()))
    };
    let (t, s, l) = (col("text")?, col("sdg")?, col("label")?);
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        rows.push(Row {
            text: rec[t].to_string(),
            sdg: rec[s].trim().parse()?,
            label: rec[l].trim().eq_ignore_ascii_case("true"),
        });
    }
    Ok(rows)
}

/// Per goal: (rows, accuracy, precision, recall).
fn score(rows: &[Row], predicted: &[Vec<u8>]) -> Vec<(usize, f64, f64, f64)> {
    (1..=17u8)
        .map(|g| {
            let (mut tp, mut fp, mut tn, mut fn_) = (0f64, 0f64, 0f64, 0f64);
            for (r, p) in rows.iter().zip(predicted) {
                if r.sdg != g {
                    continue;
                }
                match (p.contains(&g), r.label) {
                    (true, true) => tp += 1.0,
                    (true, false) => fp += 1.0,
                    (false, true) => fn_ += 1.0,
                    (false, false) => tn += 1.0,
                }
            }
            let n = tp + fp + tn + fn_;
            let div = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
            (
                n as usize,
                div(tp + tn, n),
                div(tp, tp + fp),
                div(tp, tp + fn_),
            )
        })
        .collect()
}

fn report(name: &str, per: &[(usize, f64, f64, f64)], verbose: bool) {
    let avg =
        |f: fn(&(usize, f64, f64, f64)) -> f64| per.iter().map(f).sum::<f64>() / per.len() as f64;
    println!(
        "{name}: average accuracy {:.1} %, precision {:.1} %, recall {:.1} %",
        100.0 * avg(|p| p.1),
        100.0 * avg(|p| p.2),
        100.0 * avg(|p| p.3)
    );
    if verbose {
        println!("| goal | rows | accuracy | precision | recall |");
        println!("|---:|---:|---:|---:|---:|");
        for (i, p) in per.iter().enumerate() {
            println!(
                "| {} | {} | {:.1} | {:.1} | {:.1} |",
                i + 1,
                p.0,
                100.0 * p.1,
                100.0 * p.2,
                100.0 * p.3
            );
        }
    }
}

/// Accuracy around the published parameters: θ and λ over a grid, then
/// the focus (targets counted) and the share of other words. A flat
/// neighbourhood says the defaults are not a lucky point of this half.
fn sweep_params(snapshot: &sdgmap::snapshot::Snapshot, rows: &[Row]) -> anyhow::Result<()> {
    let d = Params::default();
    let run = |p: Params| -> anyhow::Result<f64> {
        let e = Engine::with_params(snapshot, p)?;
        let predicted: Vec<Vec<u8>> = rows
            .iter()
            .map(|r| e.suggest(&r.text).goal_numbers())
            .collect();
        let per = score(rows, &predicted);
        Ok(100.0 * per.iter().map(|p| p.1).sum::<f64>() / per.len() as f64)
    };
    let lambdas = [0.0, 0.25, 0.5, 1.0];
    println!(
        "\nsweep: average accuracy by θ (rows) and λ (columns); defaults θ {} λ {}",
        d.threshold, d.lambda
    );
    println!("| θ | {} |", lambdas.map(|l| format!("λ {l}")).join(" | "));
    println!("|---:|{}", "---:|".repeat(lambdas.len()));
    for th in [8.0, 10.0, 11.0, 12.0, 13.0, 14.0, 16.0] {
        let mut cells = Vec::new();
        for lambda in lambdas {
            cells.push(format!(
                "{:.1}",
                run(Params {
                    threshold: th,
                    lambda,
                    ..d
                })?
            ));
        }
        println!("| {th} | {} |", cells.join(" | "));
    }
    for focus in [1, 2, 3, 100] {
        for other in [0.0, 0.5, 1.0] {
            let a = run(Params {
                focus_targets: focus,
                other_words: other,
                ..d
            })?;
            println!("focus_targets {focus:>3}, other_words {other}: {a:.1} %");
        }
    }
    for v in [0.0, 1.0, 2.0, 4.0] {
        let a = run(Params {
            vocabulary_weight: v,
            ..d
        })?;
        println!("vocabulary_weight {v}: {a:.1} %");
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let mut path = None;
    let mut data = None;
    let mut synth = 100_000;
    let mut sweep = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {}
            "--data" => data = args.next().map(PathBuf::from),
            "--sweep" => sweep = true,
            "--synth" => synth = args.next().and_then(|n| n.parse().ok()).unwrap_or(synth),
            _ => path = Some(PathBuf::from(a)),
        }
    }
    let path = path.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/sdg-benchmark-dev.csv")
    });
    if synth > 0 {
        synthetic(synth)?;
    }
    if !path.exists() {
        println!(
            "suggest_accuracy: {} not found; pass the benchmark CSV as an argument",
            path.display()
        );
        return Ok(());
    }
    let rows = read(&path)?;
    let snapshot = match &data {
        Some(p) => sdgmap::snapshot::load_file(p)?,
        None => sdgmap::snapshot::load_bundled()?,
    };
    println!(
        "{} rows from {}; snapshot {} ({} indicators)",
        rows.len(),
        path.display(),
        data.as_ref()
            .map_or("bundled".into(), |p| p.display().to_string()),
        snapshot.indicators().len()
    );
    let t0 = Instant::now();
    let engine = Engine::new(&snapshot)?;
    let predicted: Vec<Vec<u8>> = rows
        .iter()
        .map(|r| engine.suggest(&r.text).goal_numbers())
        .collect();
    let took = t0.elapsed();
    report("sdgmap suggest", &score(&rows, &predicted), true);
    println!(
        "({} texts in {:.0} ms, one thread, engine build included)",
        rows.len(),
        took.as_secs_f64() * 1e3
    );

    if sweep {
        sweep_params(&snapshot, &rows)?;
    }
    let aurora_only = Engine::with_params(
        &snapshot,
        Params {
            threshold: f32::INFINITY,
            ..Params::default()
        },
    )?;
    let predicted: Vec<Vec<u8>> = rows
        .iter()
        .map(|r| aurora_only.suggest(&r.text).goal_numbers())
        .collect();
    report(
        "Aurora queries alone (same evaluator)",
        &score(&rows, &predicted),
        false,
    );
    Ok(())
}
