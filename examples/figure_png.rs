//! Renders an SVG figure to PNG with resvg, the renderer the tests use:
//! `cargo run --example figure_png -- IN.svg OUT.png [SCALE]`. The README
//! picture (docs/figure-c7.png) is made this way from
//! `sdgmap export "al:C7" --format svg -o c7.svg`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: figure_png IN.svg OUT.png [SCALE]");
        return ExitCode::from(2);
    };
    let scale: f32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let svg = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = match resvg::usvg::Tree::from_data(&svg, &opt) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(1);
        }
    };
    let size = tree.size().to_int_size().scale_by(scale);
    let Some(size) = size else {
        eprintln!("bad scale {scale}");
        return ExitCode::from(2);
    };
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(size.width(), size.height()) else {
        eprintln!("empty picture");
        return ExitCode::from(1);
    };
    let t = resvg::tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, t, &mut pixmap.as_mut());
    match pixmap.save_png(output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{output}: {e}");
            ExitCode::from(1)
        }
    }
}
