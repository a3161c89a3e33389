//! The terminal explorer: state, keymap, update and rendering.
//!
//! This is the thin UI over the library core: [`state::State`] holds what
//! is on screen, the [`keymap`] turns keys into [`action::Action`]s,
//! [`update::update`] applies them, and [`ui::render`] draws from `&State`.
//! [`run`] owns the terminal: it is restored on every exit path, panics
//! included, and the loop blocks on input (no polling).

pub mod action;
pub mod keymap;
pub mod state;
pub mod theme;
pub mod ui;
pub mod update;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

pub use state::State;
pub use theme::{Theme, ThemeChoice};

use crate::snapshot::Snapshot;
use action::Action;
use update::{Effect, update};

/// How the explorer starts.
#[derive(Debug, Clone)]
pub struct Options {
    /// Requested theme (`NO_COLOR` overrides it with mono).
    pub theme: ThemeChoice,
    /// Capture the mouse.
    pub mouse: bool,
    /// Where the snapshot came from, for the header.
    pub source: String,
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the explorer until the user quits.
pub fn run(snap: Snapshot, opts: Options) -> io::Result<()> {
    let theme = Theme::resolve(opts.theme, no_color());
    let mut st = State::new(snap, theme, opts.source);
    // ratatui::init installs a panic hook that restores the terminal first,
    // so a panic message is readable; we add mouse release to it.
    let mut terminal = ratatui::init();
    let mouse = opts.mouse;
    if mouse {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            hook(info);
        }));
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    let result = event_loop(&mut terminal, &mut st);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, st: &mut State) -> io::Result<()> {
    let mut last_click: Option<(Instant, u16, u16)> = None;
    loop {
        draw(terminal, st)?;
        // Blocks until the next event: idle costs nothing.
        let action = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => keymap::lookup(st, k),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    let now = Instant::now();
                    let double = last_click.is_some_and(|(t, x, y)| {
                        now.duration_since(t) < Duration::from_millis(400)
                            && x == m.column
                            && y == m.row
                    });
                    last_click = Some((now, m.column, m.row));
                    Some(if double {
                        Action::DoubleClick(m.column, m.row)
                    } else {
                        Action::Click(m.column, m.row)
                    })
                }
                MouseEventKind::ScrollUp => Some(Action::ScrollUp),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown),
                _ => None,
            },
            _ => None, // resize and focus events just redraw
        };
        if let Some(a) = action
            && update(st, a) == Effect::Quit
        {
            return Ok(());
        }
    }
}

/// Draws a frame, then parks the (hidden) cursor on the focused row or cell
/// so screen readers and magnifiers can follow the focus.
pub fn draw(terminal: &mut DefaultTerminal, st: &State) -> io::Result<()> {
    terminal.draw(|f| ui::render(f, st))?;
    if let Some((x, y)) = st.layout.cursor.get() {
        terminal.set_cursor_position((x, y))?;
    }
    Ok(())
}
