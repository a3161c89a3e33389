//! Measures the peak heap of loading a snapshot file: reading the bytes,
//! parsing, validating and indexing (`sdgmap::snapshot::load_file`), all
//! counted by a wrapping global allocator (`cap`, which counts the bytes
//! requested from mimalloc, the allocator the `sdgmap` binary ships with; a
//! `realloc` counts as growing in place). Also prints the
//! process's peak resident set (`VmHWM`, Linux) and the wall time — the time
//! includes the allocator's bookkeeping; `cargo bench --bench load` times
//! loading without it.
//!
//! ```sh
//! cargo run --release --example synth -- --activities 100000 --seed 7 > /tmp/big.json
//! cargo run --release --example loadmem -- /tmp/big.json
//! ```

use std::path::PathBuf;
use std::time::Instant;

use cap::Cap;
use clap::Parser;

#[global_allocator]
static ALLOC: Cap<mimalloc::MiMalloc> = Cap::new(mimalloc::MiMalloc, usize::MAX);

/// Load a snapshot file and report its peak heap as a multiple of its size.
#[derive(Parser)]
struct Args {
    /// The snapshot file to load.
    file: PathBuf,
}

const MIB: f64 = 1024.0 * 1024.0;

/// A `VmHWM`/`VmRSS`-style line of /proc/self/status, in bytes.
fn proc_status(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let size = std::fs::metadata(&args.file)?.len();
    // Everything allocated before loading (arguments, runtime) is tiny and
    // stays allocated; `max_allocated` is the high-water mark since start.
    let base = ALLOC.allocated();
    let rss_before = proc_status("VmRSS:");

    let start = Instant::now();
    let snapshot = sdgmap::snapshot::load_file(&args.file);
    let elapsed = start.elapsed();

    let peak = ALLOC.max_allocated().saturating_sub(base);
    let kept = ALLOC.allocated().saturating_sub(base);
    let hwm = proc_status("VmHWM:");
    let snapshot = snapshot?;

    println!("file:        {}", args.file.display());
    println!(
        "activities:  {} (warnings: {})",
        snapshot.activities().len(),
        snapshot.warnings().len()
    );
    println!("json size:   {:.1} MiB ({size} bytes)", size as f64 / MIB);
    println!(
        "peak heap:   {:.1} MiB = {:.2}× the JSON size (file bytes, parse, validate, index)",
        peak as f64 / MIB,
        peak as f64 / size as f64
    );
    println!(
        "kept heap:   {:.1} MiB = {:.2}× the JSON size (the loaded snapshot)",
        kept as f64 / MIB,
        kept as f64 / size as f64
    );
    if let (Some(hwm), Some(before)) = (hwm, rss_before) {
        println!(
            "peak RSS:    {:.1} MiB (VmHWM; {:.1} MiB before loading) = {:.2}× the JSON size",
            hwm as f64 / MIB,
            before as f64 / MIB,
            hwm as f64 / size as f64
        );
    }
    println!(
        "load time:   {:.0} ms (with allocation counting; see `cargo bench --bench load`)",
        elapsed.as_secs_f64() * 1000.0
    );
    Ok(())
}
