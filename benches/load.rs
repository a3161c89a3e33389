//! Load benchmarks: parse + validate + index (`sdgmap::snapshot::load_bytes`)
//! of the bundled snapshot and of SYNTHETIC snapshots with 100k and 1M
//! generated activities (the generator of `examples/synth.rs`, same layout
//! and seed as `cargo run --release --example synth -- --seed 7`).
//!
//! ```sh
//! cargo bench --bench load            # all three
//! cargo bench --bench load -- 100k    # one of them
//! ```

#[path = "../examples/synth/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use sdgmap::snapshot::{BUNDLED, BUNDLED_NAME, Snapshot, load_bytes, load_file, parse_raw};

/// Measure with the allocator the `sdgmap` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A synthetic snapshot of `activities` activities as the `synth` example
/// writes it (one-space indentation, like the bundled snapshot).
fn synthetic(activities: usize) -> Vec<u8> {
    let base = match parse_raw(BUNDLED_NAME, BUNDLED) {
        Ok(base) => base,
        Err(e) => panic!("the bundled snapshot does not parse: {e}"),
    };
    let snap = generate::generate(&base, activities, 7);
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    if let Err(e) = serde::Serialize::serialize(
        &snap,
        &mut serde_json::Serializer::with_formatter(&mut out, fmt),
    ) {
        panic!("serializing the synthetic snapshot failed: {e}");
    }
    out.push(b'\n');
    out
}

/// Loads `bytes`; the snapshot is returned so that criterion drops it
/// outside the timed section (`iter_with_large_drop`): freeing is not loading.
fn load(name: &str, bytes: &[u8]) -> Snapshot {
    match load_bytes(name, black_box(bytes)) {
        Ok(snapshot) => snapshot,
        Err(e) => panic!("{name} does not load: {e}"),
    }
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");

    group.throughput(Throughput::Bytes(BUNDLED.len() as u64));
    group.bench_function("bundled", |b| {
        b.iter_with_large_drop(|| load("bundled", BUNDLED.as_bytes()))
    });

    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    for (label, n, secs) in [("100k", 100_000, 5), ("1M", 1_000_000, 20)] {
        // skip generating data when criterion's filter (a substring of the
        // benchmark id) matches neither benchmark of this size
        let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
        let ids = [format!("load/{label}"), format!("load/{label}-file")];
        if filter.is_some_and(|f| !ids.iter().any(|id| id.contains(&f))) {
            continue;
        }
        let bytes = synthetic(n);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.measurement_time(Duration::from_secs(secs));
        group.bench_function(label, |b| b.iter_with_large_drop(|| load(label, &bytes)));
        // What the app and `check` do with a path: read the file, then load.
        let path = std::env::temp_dir().join(format!("sdgmap-bench-load-{label}.json"));
        if let Err(e) = std::fs::write(&path, &bytes) {
            panic!("cannot write {}: {e}", path.display());
        }
        drop(bytes);
        group.bench_function(format!("{label}-file"), |b| {
            b.iter_with_large_drop(|| match load_file(black_box(&path)) {
                Ok(snapshot) => snapshot,
                Err(e) => panic!("{label} does not load: {e}"),
            })
        });
        let _ = std::fs::remove_file(&path);
    }
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
