//! A tiny harness that runs the real `sdgmap` binary in a real
//! pseudo-terminal and reads its screen through a `vt100` parser.
//!
//! A reader thread feeds every byte the app writes into the parser (for
//! the screen) and into a raw log (for checks on the escape sequences
//! themselves, such as leaving the alternate screen).

#![allow(dead_code)] // each test binary uses a different part of it

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long `wait_for` and friends wait by default.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// How long the output must be quiet before a screen counts as settled:
/// a frame can arrive in several reads, and a half-drawn screen may
/// already contain the text being waited for.
const SETTLE: Duration = Duration::from_millis(40);

/// Key sequences as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
}

struct Shared {
    parser: vt100::Parser,
    raw: Vec<u8>,
    eof: bool,
    /// When the app last wrote anything.
    last_output: Instant,
}

/// How to start the app.
pub struct Spawn {
    args: Vec<String>,
    envs: Vec<(String, String)>,
    cols: u16,
    rows: u16,
    mouse: bool,
}

impl Default for Spawn {
    fn default() -> Self {
        Spawn {
            args: Vec::new(),
            envs: Vec::new(),
            cols: 80,
            rows: 24,
            mouse: false,
        }
    }
}

impl Spawn {
    /// An 80×24 terminal, `--no-mouse`, no extra arguments.
    pub fn new() -> Self {
        Self::default()
    }
    /// Terminal size in columns × rows.
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }
    /// Adds a command-line argument.
    pub fn arg(mut self, a: &str) -> Self {
        self.args.push(a.to_string());
        self
    }
    /// Sets an environment variable for the app.
    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.envs.push((k.to_string(), v.to_string()));
        self
    }
    /// Leaves mouse capture on (no `--no-mouse`).
    pub fn mouse(mut self) -> Self {
        self.mouse = true;
        self
    }
    /// Starts the app.
    pub fn start(self) -> Pty {
        Pty::start(self)
    }
}

/// The app running in a pseudo-terminal.
pub struct Pty {
    shared: Arc<Mutex<Shared>>,
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    fn start(spec: Spawn) -> Pty {
        let pair = native_pty_system()
            .openpty(pty_size(spec.cols, spec.rows))
            .unwrap_or_else(|e| panic!("open a pty: {e}"));
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_sdgmap"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        if !spec.mouse {
            cmd.arg("--no-mouse");
        }
        cmd.args(&spec.args);
        cmd.env("TERM", "xterm-256color");
        for k in ["NO_COLOR", "SDGMAP_DATA", "COLORTERM"] {
            cmd.env_remove(k);
        }
        for (k, v) in &spec.envs {
            cmd.env(k, v);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("spawn sdgmap in the pty: {e}"));
        // Close our copy of the slave so the reader sees EOF once the app exits.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("clone the pty reader: {e}"));
        let writer = master
            .take_writer()
            .unwrap_or_else(|e| panic!("take the pty writer: {e}"));
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(spec.rows, spec.cols, 0),
            raw: Vec::new(),
            eof: false,
            last_output: Instant::now(),
        }));
        let sink = Arc::clone(&shared);
        let handle = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = sink.lock().unwrap_or_else(|e| e.into_inner());
                        s.parser.process(&buf[..n]);
                        s.raw.extend_from_slice(&buf[..n]);
                        s.last_output = Instant::now();
                    }
                }
            }
            sink.lock().unwrap_or_else(|e| e.into_inner()).eof = true;
        });
        Pty {
            shared,
            master,
            writer: Arc::new(Mutex::new(writer)),
            child,
            reader: Some(handle),
            status: None,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Types `keys` (raw bytes: "\r" is Enter, "\x1b" Esc, "\x1b[C" →).
    pub fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        w.write_all(keys.as_bytes())
            .unwrap_or_else(|e| panic!("write to the pty: {e}"));
        w.flush().unwrap_or_else(|e| panic!("flush the pty: {e}"));
    }

    /// Types `bytes` from another thread, so a test can go on watching the
    /// screen while the app reads them (a write to a pty blocks until the
    /// app reads; an app too busy to read would block the test).
    pub fn send_in_background(&self, bytes: Vec<u8>) -> JoinHandle<()> {
        let writer = Arc::clone(&self.writer);
        thread::spawn(move || {
            let mut w = writer.lock().unwrap_or_else(|e| e.into_inner());
            let _ = w.write_all(&bytes);
            let _ = w.flush();
        })
    }

    /// Whether the app has exited (without waiting).
    pub fn try_exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// The app's process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child
            .process_id()
            .unwrap_or_else(|| panic!("the pty child has no process id"))
    }

    /// Types each key of `keys` on its own, pausing briefly in between,
    /// so Esc is never read together with the next key as Alt-key.
    pub fn send_each(&mut self, keys: &[&str]) {
        for k in keys {
            self.send(k);
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Sends Esc and waits long enough that the next key is not taken as Alt-key.
    pub fn esc(&mut self) {
        self.send(keys::ESC);
        thread::sleep(Duration::from_millis(150));
    }

    /// The screen's text, one line per row.
    pub fn screen(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// Row `row` of the screen cell by cell, so that the char index is the
    /// column (every cell gives exactly one char; blanks are spaces).
    pub fn row_text(&self, row: u16) -> String {
        let s = self.lock();
        let screen = s.parser.screen();
        let (_, cols) = screen.size();
        (0..cols)
            .map(|c| {
                screen
                    .cell(row, c)
                    .map(|cell| cell.contents())
                    .and_then(|t| t.chars().next())
                    .unwrap_or(' ')
            })
            .collect()
    }

    /// Everything the app wrote so far, escape sequences included.
    pub fn raw(&self) -> Vec<u8> {
        self.lock().raw.clone()
    }

    /// The terminal size as (rows, cols).
    pub fn size(&self) -> (u16, u16) {
        self.lock().parser.screen().size()
    }

    /// Whether the app has hidden the cursor.
    pub fn hide_cursor(&self) -> bool {
        self.lock().parser.screen().hide_cursor()
    }

    /// The pty's termios local flags (`ICANON`, `ECHO`, …) in `Debug`
    /// form, where the platform can report them.
    pub fn local_termios_flags(&self) -> Option<String> {
        self.master
            .get_termios()
            .map(|t| format!("{:?}", t.local_flags))
    }

    /// Whether the app is in the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.lock().parser.screen().alternate_screen()
    }

    /// Waits until `cond(screen)` holds on a settled screen (no output for
    /// a moment); panics with the screen on timeout.
    pub fn wait_until(&self, what: &str, timeout: Duration, cond: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let (screen, quiet) = {
                let s = self.lock();
                (
                    s.parser.screen().contents(),
                    s.last_output.elapsed() >= SETTLE,
                )
            };
            if quiet && cond(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for {what}; the screen was:\n{}",
                    frame(&screen)
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), TIMEOUT, |s| s.contains(text))
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go away"), TIMEOUT, |s| {
            !s.contains(text)
        })
    }

    /// Waits until the whitespace-normalized screen, with box borders
    /// removed, contains `text`: finds text that wraps over lines.
    pub fn wait_for_wrapped(&self, text: &str) -> String {
        self.wait_until(&format!("wrapped {text:?}"), TIMEOUT, |s| {
            flatten(s).contains(text)
        })
    }

    /// Resizes the terminal (the app gets SIGWINCH) and the parser.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.lock().parser.screen_mut().set_size(rows, cols);
        self.master
            .resize(pty_size(cols, rows))
            .unwrap_or_else(|e| panic!("resize the pty: {e}"));
    }

    /// Waits for the app to exit and for its output to be read to the end.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(st) = self
                .child
                .try_wait()
                .unwrap_or_else(|e| panic!("poll the child: {e}"))
            {
                break st;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                panic!(
                    "sdgmap did not exit within {timeout:?}; the screen was:\n{}",
                    frame(&self.screen())
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        self.status = Some(status.clone());
        // The reader ends at EOF (EIO on Linux) once the slave side is closed.
        while !self.lock().eof && Instant::now() < deadline + Duration::from_secs(2) {
            thread::sleep(Duration::from_millis(10));
        }
        status
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() && !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Do not join the reader if it may still block: it ends on its own at EOF.
        if self.lock().eof
            && let Some(h) = self.reader.take()
        {
            let _ = h.join();
        }
    }
}

/// The screen with row numbers, for failure messages.
pub fn frame(screen: &str) -> String {
    screen
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{i:>3}│{l}\n"))
        .collect()
}

/// Screen text without box-drawing borders and with whitespace collapsed.
pub fn flatten(screen: &str) -> String {
    let cleaned: String = screen
        .chars()
        .map(|c| if matches!(c, '│' | '▌') { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `hay` contains the byte string `needle`.
pub fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    find_last(hay, needle).is_some()
}

/// Where `needle` last starts in `hay`.
pub fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}
