//! Everything a user can ask the explorer to do, as named intents.
//!
//! Keys and mouse events are translated into an [`Action`] by the keymap
//! before anything changes; the app routes each action to the component
//! that has the keys. Scripted action sequences therefore test the whole
//! state machine without a terminal.

use crate::tour::Screen;

/// A user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the app (from the top level) or step out to it.
    Quit,
    /// Leave the app at once (Ctrl-C).
    ForceQuit,
    /// Close the overlay, or go back one drill-down level.
    Back,
    /// Focus the selected record and show everything related to it.
    DrillIn,
    /// Go back in navigation history.
    HistoryBack,
    /// Go forward in navigation history.
    HistoryForward,
    /// Move the cursor up.
    Up,
    /// Move the cursor down.
    Down,
    /// Move left (matrix) or collapse (tree lists).
    Left,
    /// Move right (matrix) or expand (tree lists).
    Right,
    /// Jump to the first item.
    Top,
    /// Jump to the last item.
    Bottom,
    /// Move one page up.
    PageUp,
    /// Move one page down.
    PageDown,
    /// Move half a page up.
    HalfPageUp,
    /// Move half a page down.
    HalfPageDown,
    /// Switch to a screen.
    Show(Screen),
    /// Move focus to the next pane.
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrev,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Cycle the matrix metric.
    CycleMetric,
    /// Zoom the focused SDG column into its targets, or back out.
    ToggleZoom,
    /// Count cross-cutting activities in the Matrix cells, or stop counting
    /// them (the view term `with:cross-cutting`).
    ToggleCrossCutting,
    /// Sort the activity table by the next column.
    SortNext,
    /// Reverse the activity table's sort order.
    SortReverse,
    /// Expand or collapse the selected tree item.
    ToggleExpand,
    /// A click at (column, row) of the terminal.
    Click(u16, u16),
    /// A double click at (column, row).
    DoubleClick(u16, u16),
    /// Mouse wheel up.
    ScrollUp,
    /// Mouse wheel down.
    ScrollDown,
    /// Jump to breadcrumb `n` (0 is the screen itself).
    Crumb(usize),
    /// Open the `/` finder.
    OpenFinder,
    /// Open the `f` filter bar.
    OpenFilter,
    /// Open the `:` command palette.
    OpenPalette,
    /// Move to the next record matching the last search in this pane.
    NextMatch,
    /// Move to the previous record matching the last search in this pane.
    PrevMatch,
    /// Type a character into the open prompt.
    Insert(char),
    /// The open prompt's text was changed outside the keymap (a paste, a
    /// burst of typed keys): apply it as one edit.
    Edited,
    /// Delete the character before the prompt cursor.
    DeleteBack,
    /// Empty the prompt.
    ClearInput,
    /// Move the prompt cursor left.
    CursorLeft,
    /// Move the prompt cursor right.
    CursorRight,
    /// Accept the prompt (open, apply, run).
    Accept,
    /// Close the prompt, undoing what it changed.
    Cancel,
    /// Toggle the facet value or chip under the cursor.
    ToggleValue,
    /// Delete the chip under the cursor.
    DeleteChip,
    /// Save the current view as a bookmark (asks for a name).
    SaveBookmark,
    /// Open the bookmark list.
    OpenBookmarks,
    /// Copy the current view string to the clipboard (OSC 52).
    CopyView,
    /// Rename the bookmark under the cursor.
    RenameBookmark,
    /// Delete the bookmark under the cursor (asks first).
    DeleteBookmark,
    /// Edit the view string of the bookmark under the cursor.
    EditBookmark,
    /// Start typing a filter in a list.
    FilterList,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Switch presenter mode on or off.
    TogglePresenter,
    /// Show or hide the key echo line.
    ToggleKeyEcho,
    /// Next tour step.
    TourNext,
    /// Previous tour step.
    TourPrev,
    /// Jump to a tour step (asks for its number).
    TourJump,
    /// Step off the tour to explore.
    StepOff,
    /// Snap back to the current tour step.
    SnapBack,
    /// Append the current view to a tour file (asks for a caption).
    RecordStep,
    /// Reload the snapshot from disk.
    Reload,
    /// Switch every filter off and forget them: the whole snapshot again.
    ClearFilters,
    /// Write what the current view selects to a file (asks for its name).
    ExportView,
}
