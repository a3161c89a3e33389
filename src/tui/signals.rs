//! Ending on a signal with the terminal restored.
//!
//! SIGTERM, SIGINT, SIGHUP and SIGQUIT end the process; without this, the
//! shell would be left in raw mode on the alternate screen with the mouse
//! captured. A thread waits for them (signal-hook's safe iterator: nothing
//! runs inside the signal handler itself), takes the terminal lock so it
//! never writes in the middle of a frame, restores everything the app
//! turned on, and ends the process the way the signal would have (the
//! default action, so a parent sees "killed by SIGTERM"; exit code 128 + n
//! where that is not possible).

use std::io;
use std::sync::{Mutex, MutexGuard, PoisonError};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};

/// Held while a frame is written, and by a signal's restore: one never
/// interleaves with the other.
static TERMINAL: Mutex<()> = Mutex::new(());

/// The terminal lock (a panic while drawing does not poison it for good).
pub fn lock() -> MutexGuard<'static, ()> {
    TERMINAL.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Puts the terminal back as it was before the app: mouse and bracketed
/// paste off, the normal screen, the cursor shown, raw mode off. Errors
/// are ignored: the terminal may be gone (SIGHUP).
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Watches for the signals that end the process until dropped.
pub struct Guard {
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
}

/// Starts watching; `mouse` says whether mouse capture is on.
#[cfg(unix)]
pub fn watch(mouse: bool) -> io::Result<Guard> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // never released: no frame is drawn after this
                let held = lock();
                restore(mouse);
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                drop(held);
                std::process::exit(128 + sig);
            }
        })?;
    Ok(Guard { handle })
}

/// Starts watching (nothing to watch on this platform).
#[cfg(not(unix))]
pub fn watch(_mouse: bool) -> io::Result<Guard> {
    Ok(Guard {})
}

impl Drop for Guard {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.handle.close();
    }
}
