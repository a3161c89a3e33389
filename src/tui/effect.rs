//! What a component asks for beyond its own state, as data.
//!
//! A component's `update` changes only what it owns and returns
//! [`Effect`]s for the rest: a new view, a drill-down step, an overlay to
//! open, a status message. The app applies them — the one place that
//! changes shared state, so every screen hears about a new view. Effects
//! that touch the outside world ([`Io`]) are not applied by the app but
//! handed to the event loop, which performs them (bookmark file, tour file,
//! export, clipboard, search thread, reload); `update` itself never does
//! I/O, so every transition is testable without a disk or a terminal.

use std::path::PathBuf;

use super::action::Action;
use super::ask::{Ask, MarkRow, Op};
use super::filters::Chip;
use super::theme::Theme;
use crate::entity::EntityRef;
use crate::tour::{Step, TourAction};
use crate::view::{Show, View};

/// A change a component asks the app to make.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Show a message on the status line.
    Status(String),
    /// Open an overlay on top.
    Open(Open),
    /// Close the overlay on top.
    Close,
    /// Run an action as if its key had been pressed (the palette).
    Run(Action),
    /// Drill into a record: push it on the drill-down trail.
    Drill(EntityRef),
    /// The finder found a record for `query`: put the screen's cursor on it
    /// where the screen lists it, drill into it, and remember the query
    /// for `n`/`N`.
    Found {
        /// The record.
        entity: EntityRef,
        /// The query as typed.
        query: String,
    },
    /// Replace the filters (and apply the view they make).
    SetChips(Vec<Chip>),
    /// Open a view string: filters, screen, cursor and focus.
    OpenView(String),
    /// The bookmark list's rows, as just read from the store.
    MarkRows(Vec<MarkRow>),
    /// Show a tour step exactly as written.
    ShowStep(Box<Step>),
    /// Act on the tour being presented.
    Tour(TourAction),
    /// Use this theme (presenter mode switches to the projector look).
    SetTheme(Box<Theme>),
    /// Something for the event loop to do.
    Io(Io),
}

/// An overlay to open.
#[derive(Debug, Clone, PartialEq)]
pub enum Open {
    /// The key help for what is under it.
    Help,
    /// The `/` finder.
    Finder,
    /// The `f` filter bar.
    Filter,
    /// The `:` command palette.
    Palette,
    /// The `'` bookmark list.
    Marks,
    /// A question, with the answer's text so far.
    Ask(Ask, String),
    /// A message with several lines (e.g. why a reload failed).
    Message {
        /// Heading.
        title: String,
        /// The text.
        lines: Vec<String>,
    },
}

/// What the event loop must do: everything that touches the outside world.
#[derive(Debug, Clone, PartialEq)]
pub enum Io {
    /// Leave the app.
    Quit,
    /// Run a finder search off the UI thread and hand back the results.
    Search(SearchRequest),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Read or change the bookmarks file.
    Bookmark(Op),
    /// Append a step to a tour file.
    Record(Box<Record>),
    /// Write what a view selects to a file.
    Export(Box<Export>),
    /// Reload the snapshot from disk.
    Reload,
}

/// A request to search: the generation it belongs to and the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Generation (for matching answers to questions).
    pub generation: u64,
    /// The query text.
    pub query: String,
}

/// A step to append to a tour file.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The tour file.
    pub path: PathBuf,
    /// The caption.
    pub caption: String,
    /// The view, with its focus.
    pub view: View,
    /// The screen it was recorded on.
    pub screen: crate::tour::Screen,
}

/// A file to write what a view selects to.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The file; its extension picks the format.
    pub path: PathBuf,
    /// The view.
    pub view: View,
    /// What to write.
    pub show: Show,
    /// Replace the file when it exists (asked first).
    pub replace: bool,
}
