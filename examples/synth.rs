//! Writes a SYNTHETIC snapshot for load tests and benchmarks: the real SDGs,
//! targets, indicators, Action Lines and Matrix links of the bundled
//! snapshot plus N generated activities, deterministic for a seed.
//!
//! ```sh
//! cargo run --release --example synth -- --activities 100000 --seed 7 > /tmp/big.json
//! cargo run --release -- check /tmp/big.json
//! ```

#[path = "synth/generate.rs"]
mod generate;

use std::io::{BufWriter, Write};

use clap::Parser;

/// Write a synthetic sdgmap snapshot (test data, not real) to stdout.
#[derive(Parser)]
struct Args {
    /// How many activities to generate.
    #[arg(long, default_value_t = 100_000)]
    activities: usize,
    /// Seed of the random generator; the same seed gives the same file.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Write compact JSON instead of the indented layout of the bundled snapshot (one space per level).
    #[arg(long)]
    compact: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let base =
        sdgmap::snapshot::parse_raw(sdgmap::snapshot::BUNDLED_NAME, sdgmap::snapshot::BUNDLED)?;
    let snap = generate::generate(&base, args.activities, args.seed);
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.compact {
        serde_json::to_writer(&mut out, &snap)?;
    } else {
        // The bundled snapshot's layout: one space per level.
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
        serde::Serialize::serialize(
            &snap,
            &mut serde_json::Serializer::with_formatter(&mut out, fmt),
        )?;
    }
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}
