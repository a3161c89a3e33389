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
//! the baseline, and, without any benchmark file, how the suggestions
//! agree with the goals the snapshot records for its activities
//! (`stated.rs`).
//!
//! Besides the average over all rows it reports each half of the dev half
//! (rows split by the parity of their hexadecimal id), so a change made
//! while looking at one half can be checked on the other. `--sweep` prints
//! accuracy around the defaults (all, even, odd); `--try
//! threshold=11,lambda=0.5` scores other global parameters; `--dump FILE`
//! writes every row's raw signals as JSON lines for analysis (write it
//! outside the repository: it holds words of the benchmark's texts).

use std::path::PathBuf;
use std::time::Instant;

use sdgmap::suggest::{Engine, Params};

#[path = "suggest_accuracy/dump.rs"]
mod dump;
#[path = "../examples/synth/generate.rs"]
mod generate;
#[path = "suggest_accuracy/stated.rs"]
mod stated;
#[path = "suggest_accuracy/sweep.rs"]
mod sweep;

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

/// One benchmark row.
pub struct Row {
    id: String,
    text: String,
    sdg: u8,
    label: bool,
}

impl Row {
    /// Whether the row's id (hexadecimal) is odd: the split-half check.
    fn odd(&self) -> bool {
        u64::from_str_radix(&self.id, 16).is_ok_and(|v| v % 2 == 1)
    }
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<Row>> {
    let mut r = csv::Reader::from_path(path)?;
    let h = r.headers()?.clone();
    let col = |name: &str| {
        h.iter()
            .position(|c| c == name)
            .ok_or_else(|| anyhow::anyhow!("{}: no column '{name}'", path.display()))
    };
    let (i, t, s, l) = (col("id")?, col("text")?, col("sdg")?, col("label")?);
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        rows.push(Row {
            id: rec[i].to_string(),
            text: rec[t].to_string(),
            sdg: rec[s].trim().parse()?,
            label: rec[l].trim().eq_ignore_ascii_case("true"),
        });
    }
    Ok(rows)
}

/// The goals suggested for each row.
fn predict(e: &Engine, rows: &[Row]) -> Vec<Vec<u8>> {
    rows.iter()
        .map(|r| e.suggest(&r.text).goal_numbers())
        .collect()
}

/// Per goal: (rows, accuracy, precision, recall), over the rows of one
/// half (`Some(odd)`) or all (`None`).
fn score(rows: &[Row], predicted: &[Vec<u8>], half: Option<bool>) -> Vec<(usize, f64, f64, f64)> {
    (1..=17u8)
        .map(|g| {
            let (mut tp, mut fp, mut tn, mut fn_) = (0f64, 0f64, 0f64, 0f64);
            for (r, p) in rows.iter().zip(predicted) {
                if r.sdg != g || half.is_some_and(|odd| r.odd() != odd) {
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

/// Average accuracy, precision and recall over the goals, in per cent.
fn average(rows: &[Row], predicted: &[Vec<u8>], half: Option<bool>) -> (f64, f64, f64) {
    let per = score(rows, predicted, half);
    let avg = |f: fn(&(usize, f64, f64, f64)) -> f64| {
        100.0 * per.iter().map(f).sum::<f64>() / per.len() as f64
    };
    (avg(|p| p.1), avg(|p| p.2), avg(|p| p.3))
}

fn report(name: &str, rows: &[Row], predicted: &[Vec<u8>], verbose: bool) {
    let (a, p, r) = average(rows, predicted, None);
    println!("{name}: average accuracy {a:.1} %, precision {p:.1} %, recall {r:.1} %");
    if !verbose {
        return;
    }
    let (even, odd) = (
        average(rows, predicted, Some(false)),
        average(rows, predicted, Some(true)),
    );
    println!(
        "  halves: even ids {:.1} % ({} rows), odd ids {:.1} % ({} rows)",
        even.0,
        rows.iter().filter(|r| !r.odd()).count(),
        odd.0,
        rows.iter().filter(|r| r.odd()).count()
    );
    println!("| goal | rows | accuracy | precision | recall |");
    println!("|---:|---:|---:|---:|---:|");
    for (i, p) in score(rows, predicted, None).iter().enumerate() {
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

fn main() -> anyhow::Result<()> {
    let mut path = None;
    let mut data = None;
    let mut synth = 100_000;
    let mut sweep = false;
    let mut dump_to = None;
    let mut tries: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bench" => {}
            "--data" => data = args.next().map(PathBuf::from),
            "--sweep" => sweep = true,
            "--dump" => dump_to = args.next().map(PathBuf::from),
            "--try" => tries.extend(args.next()),
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
    let snapshot = match &data {
        Some(p) => sdgmap::snapshot::load_file(p)?,
        None => sdgmap::snapshot::load_bundled()?,
    };
    stated::report(&snapshot, &Engine::new(&snapshot)?);
    if !path.exists() {
        println!(
            "suggest_accuracy: {} not found; pass the benchmark CSV as an argument",
            path.display()
        );
        return Ok(());
    }
    let rows = read(&path)?;
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
    let predicted = predict(&engine, &rows);
    let took = t0.elapsed();
    report("sdgmap suggest", &rows, &predicted, true);
    println!(
        "({} texts in {:.0} ms, one thread, engine build included)",
        rows.len(),
        took.as_secs_f64() * 1e3
    );
    for t in &tries {
        let a = sweep::run(&snapshot, &rows, sweep::parse_params(t)?)?;
        println!(
            "try {t}: average accuracy {:.2} % (even ids {:.2}, odd ids {:.2})",
            a[0], a[1], a[2]
        );
    }
    if let Some(out) = &dump_to {
        dump::dump(&snapshot, &rows, out)?;
        println!("signals of every row written to {}", out.display());
    }
    if sweep {
        sweep::sweep(&snapshot, &rows)?;
    }
    let aurora_only = Engine::with_params(
        &snapshot,
        Params {
            threshold: f32::INFINITY,
            ..Params::default()
        },
    )?;
    report(
        "Aurora queries alone (same evaluator)",
        &rows,
        &predict(&aurora_only, &rows),
        false,
    );
    Ok(())
}
