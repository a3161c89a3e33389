//! The terminal explorer: components over the library core.
//!
//! Keys become [`action::Action`]s through the one [`keymap`] table; the
//! [`App`] routes each action to the component that has the keys — a
//! screen ([`screens`]), the drill-down, an overlay ([`overlays`]), the
//! presenter ([`present`]) — and applies the [`effect::Effect`]s they
//! return; drawing is each component's own, from the shared [`ctx::Ctx`].
//! [`run`] owns the terminal and the event loop, the only place that does
//! I/O: it performs what `update` returns ([`effect::Io`]). The terminal
//! is restored on every exit path, panics included, and the loop blocks on
//! input (no polling).
//!
//! Module layers, each using only those before it (no cycles; the
//! `tui_modules` test checks): `action ask filters history layout text
//! theme` → `compare effect input keymap` → `ctx worker` → `component
//! matching present` → `ui` → `overlays screens` → `app` → this module.

pub mod action;
pub mod app;
pub mod ask;
pub mod compare;
pub mod component;
pub mod ctx;
pub mod effect;
pub mod filters;
pub mod history;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod matching;
pub mod overlays;
pub mod present;
pub mod screens;
pub mod signals;
pub mod text;
pub mod theme;
pub mod ui;
pub mod worker;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

pub use app::App;
pub use app::draw::render;
pub use app::perform::{Env, osc52};
pub use theme::{Theme, ThemeChoice};

use crate::snapshot::Snapshot;
use action::Action;
use effect::Io;
use worker::SearchWorker;

/// How the explorer starts.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Requested theme (`NO_COLOR` overrides it with mono).
    pub theme: ThemeChoice,
    /// Capture the mouse.
    pub mouse: bool,
    /// Where the snapshot came from, for the header.
    pub source: String,
    /// A view string to open at start (`--view`, `--bookmark`).
    pub view: Option<String>,
    /// A message for the status line at start (bookmark warnings).
    pub status: Option<String>,
    /// Start in presenter mode.
    pub presenter: bool,
    /// A tour to present from its first step.
    pub tour: Option<crate::tour::Tour>,
    /// The tour file `T` suggests recording into (the one presented).
    pub record_to: Option<PathBuf>,
    /// The folder of the user's tours, where `T` records by name.
    pub tours_dir: Option<PathBuf>,
    /// The file `R` reloads (`--data`).
    pub reload_from: Option<PathBuf>,
    /// An older snapshot to compare the matrix with (`--compare`): its name and data.
    pub compare: Option<(String, Arc<Snapshot>)>,
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The app as `opts` asks it to start.
pub fn start(snap: Snapshot, opts: Options) -> App {
    let theme = Theme::resolve(opts.theme, no_color());
    let mut app = App::new(snap, theme, opts.source);
    app.tours_dir = opts.tours_dir;
    app.reload_from = opts.reload_from;
    app.presenter.record_to = opts.record_to;
    if let Some((name, old)) = opts.compare {
        app.ctx.compare = Some(compare::Compare::new(&name, old, &app.ctx.snap));
    }
    if let Some(v) = &opts.view {
        app.open_view(v);
    }
    if opts.presenter && !app.presenter.on {
        app.toggle_presenter();
    }
    if let Some(tour) = opts.tour {
        app.start_tour(tour);
    }
    if opts.status.is_some() {
        app.ctx.status = opts.status;
    }
    app
}

/// Runs the explorer until the user quits.
pub fn run(snap: Snapshot, opts: Options, mut env: Env) -> io::Result<()> {
    let mouse = opts.mouse;
    let mut app = start(snap, opts);
    // ratatui::init installs a panic hook that restores the terminal first,
    // so a panic message is readable; we add mouse and paste release to it.
    let mut terminal = ratatui::init();
    execute!(io::stdout(), EnableBracketedPaste)?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // A signal that ends the process restores the terminal first.
    let watching = signals::watch(mouse);
    let result = event_loop(&mut terminal, &mut app, &mut env);
    drop(watching);
    let held = signals::lock();
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    drop(held);
    result
}

/// The finder's search thread over the app's records.
fn search_worker(app: &App) -> SearchWorker {
    SearchWorker::start(crate::search::Finder::with_corpus(
        app.ctx.filters.corpus().clone(),
    ))
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, env: &mut Env) -> io::Result<()> {
    let mut last_click: Option<(Instant, u16, u16)> = None;
    // The finder's matching runs here, off the UI thread.
    let mut worker = search_worker(app);
    // An event read while gathering typed characters, handled next.
    let mut pending: Option<Event> = None;
    loop {
        draw(terminal, app)?;
        // Block until the next event (idle costs nothing); while a search
        // runs, wake up often enough to show its results.
        if pending.is_none() && app.searching() && !event::poll(Duration::from_millis(15))? {
            while let Ok((generation, results)) = worker.results.try_recv() {
                app.receive(generation, results);
            }
            continue;
        }
        let ev = match pending.take() {
            Some(ev) => ev,
            None => event::read()?,
        };
        // Characters typed into a prompt faster than one frame (a paste the
        // terminal does not bracket, key repeat) are gathered and applied as
        // one edit: the text is parsed or searched once, not per key, and
        // the key after them (Ctrl-C too) is handled next, not minutes later.
        let ios = if let Some(c) = typed(app, &ev) {
            let mut text = String::from(c);
            // (a zero timeout would not even look at keys crossterm has read
            // but not handed out yet; a millisecond is not felt)
            while pending.is_none() && event::poll(Duration::from_millis(1))? {
                let next = event::read()?;
                match typed(app, &next) {
                    Some(c) => text.push(c),
                    None => pending = Some(next),
                }
            }
            for c in text.chars().skip(text.chars().count().saturating_sub(3)) {
                let key = event::KeyEvent::from(event::KeyCode::Char(c));
                app.presenter.echo(key, Action::Insert(c));
            }
            if text.chars().count() == 1 {
                app.update(Action::Insert(c))
            } else {
                app.paste(&text)
            }
        } else {
            match ev {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    // Lets the end-to-end tests prove that a panic restores the
                    // terminal and leaves its message readable (an unbound key
                    // otherwise; only in test builds, see `testhooks`).
                    if k.code == event::KeyCode::Char('!') && crate::testhooks::panic_requested() {
                        panic!("test panic requested with SDGMAP_TEST_PANIC");
                    }
                    match app.lookup(k) {
                        Some(a) => {
                            app.presenter.echo(k, a);
                            app.update(a)
                        }
                        None => Vec::new(),
                    }
                }
                Event::Mouse(m) => {
                    let action = match m.kind {
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
                    };
                    action.map(|a| app.update(a)).unwrap_or_default()
                }
                Event::Paste(text) => app.paste(&text),
                _ => Vec::new(), // resize and focus events just redraw
            }
        };
        let mut queue: std::collections::VecDeque<Io> = ios.into();
        while let Some(io) = queue.pop_front() {
            match io {
                Io::Quit => return Ok(()),
                Io::Search(req) => worker.submit(req),
                Io::Reload => {
                    reload(app, env);
                    // the finder must search the new records
                    worker = search_worker(app);
                }
                other => queue.extend(app.perform(env, other, &mut io::stdout())),
            }
        }
    }
}

/// `R`: reloads the `--data` file, and from then on saves bookmarks
/// against the new file's fingerprint.
fn reload(app: &mut App, env: &mut Env) {
    let Some(path) = app.reload_from.clone() else {
        app.ctx.status =
            Some("R reloads a snapshot opened with --data; this is the bundled one".into());
        return;
    };
    if !app.reload(&path) {
        return;
    }
    match crate::bookmarks::content_hash_file(&path) {
        Ok(hash) => {
            env.current = crate::bookmarks::SnapshotRef {
                title: app.ctx.snap.meta().title.clone(),
                date: app.ctx.snap.meta().snapshot_date.clone(),
                hash,
            }
        }
        Err(e) => {
            app.ctx.status = Some(format!("reloaded, but could not fingerprint the file: {e}"))
        }
    }
}

/// The character a key event types into the open prompt, if it does.
fn typed(app: &App, ev: &Event) -> Option<char> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.typed(*k),
        _ => None,
    }
}

/// Draws a frame, then parks the (hidden) cursor on the focused row or cell
/// so screen readers and magnifiers can follow the focus.
pub fn draw(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    let _frame = signals::lock();
    terminal.draw(|f| render(f, app))?;
    if let Some((x, y)) = app.ctx.layout.cursor.get() {
        terminal.set_cursor_position((x, y))?;
    }
    Ok(())
}
