//! Frame rendering benchmark: one full frame of each screen at 200×60
//! through ratatui's TestBackend, on the bundled snapshot and on a SYNTHETIC
//! snapshot of 100k generated activities. Bar: ≤ 2 ms per frame.
//!
//! ```sh
//! cargo bench --bench render
//! ```

#[path = "../examples/synth/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::snapshot::{BUNDLED, BUNDLED_NAME, Snapshot, build, load_bundled, parse_raw};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::render;
use sdgmap::tui::{App, Theme, ThemeChoice};

/// Measure with the allocator the `sdgmap` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn synthetic(n: usize) -> Snapshot {
    let base = parse_raw(BUNDLED_NAME, BUNDLED).unwrap_or_else(|e| panic!("{e}"));
    build(generate::generate(&base, n, 7)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn bench_screens(c: &mut Criterion, label: &str, make: &dyn Fn() -> Snapshot) {
    let screens: [(&str, &[Action]); 5] = [
        (
            "matrix",
            &[Down, Right, Right, Right, Right, Right, Right, Right, Right],
        ),
        ("sdgs", &[Show(Screen::Sdgs), Down, Down, Down]),
        ("lines", &[Show(Screen::Lines), Down]),
        ("activities", &[Show(Screen::Activities), Down]),
        (
            "drill",
            &[
                Down, Right, Right, Right, Right, Right, Right, Right, Right, DrillIn,
            ],
        ),
    ];
    let mut group = c.benchmark_group(format!("frame_200x60/{label}"));
    for (name, actions) in screens {
        let mut st = App::new(make(), Theme::new(ThemeChoice::Dark), "bench".into());
        for &a in actions {
            st.update(a);
        }
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|e| panic!("{e}"));
        group.bench_function(name, |b| {
            b.iter(|| {
                term.draw(|f| render(f, black_box(&st)))
                    .unwrap_or_else(|e| panic!("{e}"));
            })
        });
    }
    group.finish();
}

/// The floor: a frame that only paints the background, to show what the
/// terminal diff itself costs at this size.
fn bench_floor(c: &mut Criterion) {
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("frame_200x60/floor", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(ratatui::widgets::Block::new(), f.area()))
                .unwrap_or_else(|e| panic!("{e}"));
        })
    });
}

fn benches(c: &mut Criterion) {
    bench_floor(c);
    bench_screens(c, "bundled", &|| {
        load_bundled().unwrap_or_else(|e| panic!("{e}"))
    });
    bench_screens(c, "synthetic-100k", &|| synthetic(100_000));
}

criterion_group! {
    name = render_benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(render_benches);
