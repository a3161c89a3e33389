//! The terminal explorer: state, keymap, update and rendering.
//!
//! This is the thin UI over the library core: [`state::State`] holds what
//! is on screen, the [`keymap`] turns keys into [`action::Action`]s,
//! [`update::update`] applies them, and [`ui::render`] draws from `&State`.
//! [`run`] owns the terminal: it is restored on every exit path, panics
//! included, and the loop blocks on input (no polling).

pub mod action;
pub mod filter;
pub mod finder;
pub mod input;
pub mod keymap;
pub mod lifecycle;
pub mod marks;
pub mod overlays;
pub mod palette;
pub mod present;
pub mod signals;
pub mod state;
pub mod theme;
pub mod ui;
pub mod update;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

pub use state::State;
pub use theme::{Theme, ThemeChoice};

use crate::snapshot::Snapshot;
use action::Action;
use update::{Effect, update};

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
    /// The tour file `T` appends recorded steps to.
    pub record_to: Option<std::path::PathBuf>,
    /// The file `R` reloads (`--data`).
    pub reload_from: Option<std::path::PathBuf>,
    /// An older snapshot to compare the matrix with (`--compare`): its name and data.
    pub compare: Option<(String, std::sync::Arc<Snapshot>)>,
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Runs the explorer until the user quits.
pub fn run(snap: Snapshot, opts: Options, mut env: marks::Env) -> io::Result<()> {
    let theme = Theme::resolve(opts.theme, no_color());
    let mut st = State::new(snap, theme, opts.source);
    if let Some(v) = &opts.view {
        overlays::open_view(&mut st, v);
    }
    st.presenter.record_to = opts.record_to.clone();
    if let Some((name, old)) = opts.compare.clone() {
        st.compare = Some(lifecycle::Compare::new(&name, old, &st.snap));
    }
    if opts.presenter && !st.presenter.on {
        present::toggle(&mut st);
    }
    if let Some(tour) = opts.tour.clone() {
        present::start(&mut st, tour);
    }
    if opts.status.is_some() {
        st.status = opts.status.clone();
    }
    // ratatui::init installs a panic hook that restores the terminal first,
    // so a panic message is readable; we add mouse and paste release to it.
    let mut terminal = ratatui::init();
    execute!(io::stdout(), EnableBracketedPaste)?;
    let mouse = opts.mouse;
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
    let result = event_loop(
        &mut terminal,
        &mut st,
        &mut env,
        opts.reload_from.as_deref(),
    );
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    st: &mut State,
    env: &mut marks::Env,
    reload_from: Option<&std::path::Path>,
) -> io::Result<()> {
    let mut last_click: Option<(Instant, u16, u16)> = None;
    // The finder's matching runs here, off the UI thread.
    let mut worker =
        finder::SearchWorker::start(crate::search::Finder::with_corpus(st.corpus.clone()));
    // An event read while gathering typed characters, handled next.
    let mut pending: Option<Event> = None;
    loop {
        draw(terminal, st)?;
        // Block until the next event (idle costs nothing); while a search
        // runs, wake up often enough to show its results.
        let searching = matches!(&st.overlay, Some(state::Overlay::Finder(f)) if f.busy);
        if pending.is_none() && searching && !event::poll(Duration::from_millis(15))? {
            while let Ok((generation, results)) = worker.results.try_recv() {
                if let Some(state::Overlay::Finder(f)) = &mut st.overlay {
                    f.receive(generation, results);
                }
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
        if let Some(c) = typed(st, &ev) {
            let mut text = String::from(c);
            // (a zero timeout would not even look at keys crossterm has read
            // but not handed out yet; a millisecond is not felt)
            while pending.is_none() && event::poll(Duration::from_millis(1))? {
                let next = event::read()?;
                match typed(st, &next) {
                    Some(c) => text.push(c),
                    None => pending = Some(next),
                }
            }
            if st.presenter.echo {
                for c in text.chars().skip(text.chars().count().saturating_sub(3)) {
                    let key = event::KeyEvent::from(event::KeyCode::Char(c));
                    present::echo(st, key, Action::Insert(c));
                }
            }
            if let Effect::Search(req) = overlays::paste(st, &text) {
                worker.submit(req);
            }
            continue;
        }
        let action = match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                // Lets the end-to-end tests prove that a panic restores the
                // terminal and leaves its message readable (an unbound key
                // otherwise; only in test builds, see `testhooks`).
                if k.code == event::KeyCode::Char('!') && crate::testhooks::panic_requested() {
                    panic!("test panic requested with SDGMAP_TEST_PANIC");
                }
                let action = keymap::lookup(st, k);
                if let Some(a) = action {
                    present::echo(st, k, a);
                }
                action
            }
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
            Event::Paste(text) => {
                // Pasting into a prompt types the text, as one edit cut at
                // what the prompt holds; elsewhere a pasted view string
                // opens (e.g. one a colleague sent).
                if st.overlay.is_some() {
                    if let Effect::Search(req) = overlays::paste(st, &text) {
                        worker.submit(req);
                    }
                } else {
                    overlays::open_view(st, text.trim());
                }
                None
            }
            _ => None, // resize and focus events just redraw
        };
        match action.map(|a| update(st, a)) {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Search(req)) => worker.submit(req),
            Some(Effect::Reload) => match reload_from {
                Some(path) => {
                    if lifecycle::reload(st, path) {
                        // bookmarks saved from now on belong to the new file
                        match crate::bookmarks::content_hash_file(path) {
                            Ok(hash) => {
                                env.current = crate::bookmarks::SnapshotRef {
                                    title: st.snap.meta().title.clone(),
                                    date: st.snap.meta().snapshot_date.clone(),
                                    hash,
                                }
                            }
                            Err(e) => {
                                st.status = Some(format!(
                                    "reloaded, but could not fingerprint the file: {e}"
                                ))
                            }
                        }
                    }
                    // the finder must search the new records
                    worker = finder::SearchWorker::start(crate::search::Finder::with_corpus(
                        st.corpus.clone(),
                    ));
                }
                None => {
                    st.status = Some(
                        "R reloads a snapshot opened with --data; this is the bundled one".into(),
                    )
                }
            },
            Some(effect @ (Effect::Copy(_) | Effect::Bookmark(_) | Effect::RecordStep(_))) => {
                marks::perform(st, env, effect, &mut io::stdout())
            }
            _ => {}
        }
    }
}

/// The character a key event types into the open prompt, if it does.
fn typed(st: &State, ev: &Event) -> Option<char> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => match keymap::lookup(st, *k) {
            Some(Action::Insert(c)) => Some(c),
            _ => None,
        },
        _ => None,
    }
}

/// Draws a frame, then parks the (hidden) cursor on the focused row or cell
/// so screen readers and magnifiers can follow the focus.
pub fn draw(terminal: &mut DefaultTerminal, st: &State) -> io::Result<()> {
    let _frame = signals::lock();
    terminal.draw(|f| ui::render(f, st))?;
    if let Some((x, y)) = st.layout.cursor.get() {
        terminal.set_cursor_position((x, y))?;
    }
    Ok(())
}

/// Clips text for one-line messages (shared by modules outside `ui`).
pub(crate) fn ui_text_clip(s: &str, width: usize) -> String {
    ui::clip(s, width)
}
