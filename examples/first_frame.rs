//! Time to first frame: how long from starting `sdgmap` (on the bundled
//! snapshot, in a real pseudo-terminal) until its first screen is drawn.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example first_frame -- [BINARY] [RUNS]
//! ```
//!
//! Each run spawns the binary (default `target/release/sdgmap`) in an 80×24
//! and then a 200×60 pty, feeds everything it writes to a terminal emulator
//! (`vt100`), and stops the clock when the screen shows the Matrix's status
//! line for the focused cell (`C1 × SDG 1`), the last row of the first
//! frame; then it presses `q`. This counts process start, loading and
//! indexing the bundled snapshot, entering the alternate screen and drawing —
//! what a user waits for — plus the pty's own latency. It prints the median,
//! 95th percentile and fastest of the runs.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Text of the first frame's last-drawn row (the focused cell, in words).
const MARK: &str = "C1 × SDG 1";

fn once(bin: &str, cols: u16, rows: u16) -> Result<Duration, Box<dyn std::error::Error>> {
    let pair = native_pty_system().openpty(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg("--no-mouse");
    cmd.env("TERM", "xterm-256color");
    for k in ["NO_COLOR", "SDGMAP_DATA", "COLORTERM"] {
        cmd.env_remove(k);
    }
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    let pump = std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut term = vt100::Parser::new(rows, cols, 0);
    let drawn = loop {
        let bytes = rx.recv_timeout(Duration::from_secs(20))?;
        term.process(&bytes);
        if term.screen().contents().contains(MARK) {
            break start.elapsed();
        }
    };
    writer.write_all(b"q")?;
    writer.flush()?;
    child.wait()?;
    drop(rx);
    drop(pair.master);
    let _ = pump.join();
    Ok(drawn)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let bin = args
        .next()
        .unwrap_or_else(|| "target/release/sdgmap".to_string());
    // the pty looks a relative name up in PATH
    let bin = std::fs::canonicalize(&bin)?.display().to_string();
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    for (cols, rows) in [(80, 24), (200, 60)] {
        once(&bin, cols, rows)?; // warm the page cache
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| once(&bin, cols, rows))
            .collect::<Result<_, _>>()?;
        times.sort();
        let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!(
            "first frame {cols}x{rows}: median {:.1} ms, p95 {:.1} ms, fastest {:.1} ms ({runs} runs of {bin})",
            at(0.5).as_secs_f64() * 1e3,
            at(0.95).as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
        );
    }
    Ok(())
}
