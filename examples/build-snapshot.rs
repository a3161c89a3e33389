//! Builds the bundled snapshot, `assets/snapshot.json`, from the curated
//! records (`assets/build/curated.json`), the reference files
//! (`../shared/reference/` by default) and the import mappings
//! (`assets/import/`), with sdgmap's own code (`sdgmap::build`).
//!
//! ```sh
//! cargo run --example build-snapshot                       # writes assets/snapshot.json
//! cargo run --example build-snapshot -- --reference DIR -o /tmp/s.json
//! ```
//!
//! What each import could not resolve (country strings that name no
//! country) is printed with its row; the snapshot is validated before it
//! is written, atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Build assets/snapshot.json from the facts.
#[derive(Parser)]
struct Args {
    /// The reference files (default: ../shared/reference beside the repository).
    #[arg(long)]
    reference: Option<PathBuf>,
    /// The assets directory with build/curated.json and import/ (default: assets).
    #[arg(long)]
    assets: Option<PathBuf>,
    /// Where to write (default: assets/snapshot.json).
    #[arg(short = 'o', long = "output")]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let reference = args
        .reference
        .unwrap_or_else(|| root.join("../shared/reference"));
    let assets = args.assets.unwrap_or_else(|| root.join("assets"));
    let output = args.output.unwrap_or_else(|| assets.join("snapshot.json"));
    let built = match sdgmap::build::bundled(&reference, &assets) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("build-snapshot: {e}");
            return ExitCode::from(2);
        }
    };
    for (csv, r) in &built.imports {
        for w in &r.warnings {
            eprintln!("{csv}: {w}");
        }
        let garbled = r
            .warnings
            .iter()
            .filter(|w| w.message.starts_with(sdgmap::import::encoding::WARNING))
            .count();
        eprintln!(
            "{csv}: {} added, {} updated, {} unchanged; {} country strings left out, {garbled} \
             cells that look mis-encoded (kept as the listing has them)",
            r.added.len(),
            r.updated.len(),
            r.unchanged.len(),
            r.warnings.len() - garbled
        );
    }
    // never over a file the build read (see sdgmap::atomic)
    let inputs: Vec<&std::path::Path> = built.inputs.iter().map(PathBuf::as_path).collect();
    if let Err(e) = sdgmap::import::write_snapshot_unless_input(&output, &built.raw, &inputs) {
        eprintln!("build-snapshot: {e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "build-snapshot: wrote {} ({} indicators, {} countries, {} activities)",
        output.display(),
        built.raw.indicators.len(),
        built.raw.countries.len(),
        built.raw.activities.len()
    );
    ExitCode::SUCCESS
}
