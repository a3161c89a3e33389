//! The keymap: the single source of truth for keys.
//!
//! One table of (contexts, keys, action, description). Key handling looks
//! actions up here, and the help overlay, the hint bar, the palette and the
//! overlays' titles are generated from the same rows, so what the screen
//! says a key does is what it does. Which contexts are active is for the
//! component that has the keys to say; this module only knows the table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::tour::Screen;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere except overlays.
    Global,
    /// The matrix screen.
    Matrix,
    /// The SDG and Action Line trees.
    Tree,
    /// The activity table.
    Table,
    /// The Countries screen's region list.
    Countries,
    /// List screens (SDGs, Action Lines, Activities): two panes.
    Panes,
    /// A drilled-in record.
    Drill,
    /// The help overlay.
    Help,
    /// Any text prompt (finder, palette, filter text): typing edits it.
    Input,
    /// The `/` finder.
    Finder,
    /// The `f` filter bar, text focused.
    Filter,
    /// The filter bar's chips or facet panel focused.
    FilterPanel,
    /// The `:` palette.
    Palette,
    /// The `'` bookmark list.
    Marks,
    /// Typing the bookmark list's filter.
    MarksFilter,
    /// A text question (bookmark name, view string).
    Ask,
    /// A yes/no question.
    Confirm,
    /// Presenting a tour, on its steps.
    Tour,
    /// The `:suggest` overlay.
    Suggest,
}

impl Context {
    /// The heading of this context's keys in the help.
    pub fn title(self) -> &'static str {
        match self {
            Global => "Everywhere",
            Matrix => "Matrix",
            Tree => "SDG and Action Line trees",
            Table => "Activities table",
            Countries => "Countries screen",
            Panes => "List screens",
            Drill => "Drill-down",
            Help => "This help",
            Input => "Typing",
            Finder => "Finder",
            Filter => "Filter bar",
            FilterPanel => "Filter bar: chips and facets",
            Palette => "Command palette",
            Marks => "Bookmarks",
            MarksFilter => "Bookmarks: filtering",
            Ask => "Question",
            Confirm => "Yes/no question",
            Tour => "On a tour",
            Suggest => "Suggestions",
        }
    }
}

/// A key: code plus required modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// One binding.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub contexts: &'static [Context],
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// How the keys are written in help.
    pub label: &'static str,
    /// What it does.
    pub action: Action,
    /// Help text.
    pub desc: &'static str,
    /// Short hint for the bottom bar, when it earns a place there.
    pub hint: Option<&'static str>,
}

use Context::*;

/// Every binding, in help order.
#[rustfmt::skip] // a table: one binding per line reads best
pub static KEYMAP: &[Binding] = &[
    Binding { contexts: &[Global, Help, Input, FilterPanel, Marks, Confirm, Suggest], keys: &[ctrl('c')], label: "Ctrl-c", action: Action::ForceQuit, desc: "quit at once", hint: None },
    Binding { contexts: &[Global], keys: &[k('q')], label: "q", action: Action::Quit, desc: "quit (from a drill-down: back to the top first)", hint: Some("quit") },
    Binding { contexts: &[Global], keys: &[k('?')], label: "?", action: Action::ToggleHelp, desc: "show the keys that work here", hint: Some("help") },
    Binding { contexts: &[Global], keys: &[k('1')], label: "1", action: Action::Show(Screen::Matrix), desc: "Matrix screen", hint: None },
    Binding { contexts: &[Global], keys: &[k('2')], label: "2", action: Action::Show(Screen::Sdgs), desc: "SDGs screen", hint: None },
    Binding { contexts: &[Global], keys: &[k('3')], label: "3", action: Action::Show(Screen::Lines), desc: "Action Lines screen", hint: None },
    Binding { contexts: &[Global], keys: &[k('4')], label: "4", action: Action::Show(Screen::Activities), desc: "Activities screen", hint: None },
    Binding { contexts: &[Global], keys: &[k('5')], label: "5", action: Action::Show(Screen::Countries), desc: "Countries screen: regions, countries and their activities", hint: Some("screens") },
    Binding { contexts: &[Global], keys: &[k('k'), code(KeyCode::Up)], label: "k ↑", action: Action::Up, desc: "move up", hint: None },
    Binding { contexts: &[Global], keys: &[k('j'), code(KeyCode::Down)], label: "j ↓", action: Action::Down, desc: "move down", hint: Some("move") },
    Binding { contexts: &[Matrix], keys: &[k('h'), code(KeyCode::Left)], label: "h ←", action: Action::Left, desc: "previous column", hint: None },
    Binding { contexts: &[Matrix], keys: &[k('l'), code(KeyCode::Right)], label: "l →", action: Action::Right, desc: "next column", hint: None },
    Binding { contexts: &[Tree], keys: &[k('h'), code(KeyCode::Left)], label: "h ←", action: Action::Left, desc: "collapse, or go to the parent", hint: None },
    Binding { contexts: &[Tree], keys: &[k('l'), code(KeyCode::Right)], label: "l →", action: Action::Right, desc: "expand: a goal into targets, a target into indicators, a line into sub-lines", hint: None },
    Binding { contexts: &[Tree], keys: &[code(KeyCode::Char(' '))], label: "Space", action: Action::ToggleExpand, desc: "expand or collapse", hint: Some("expand") },
    Binding { contexts: &[Table], keys: &[k('l'), code(KeyCode::Right)], label: "l →", action: Action::Right, desc: "focus the details pane", hint: None },
    Binding { contexts: &[Table], keys: &[k('h'), code(KeyCode::Left)], label: "h ←", action: Action::Left, desc: "focus the table", hint: None },
    Binding { contexts: &[Global], keys: &[k('g'), code(KeyCode::Home)], label: "g Home", action: Action::Top, desc: "first item", hint: None },
    Binding { contexts: &[Global], keys: &[ k('G'), Key(KeyCode::Char('G'), KeyModifiers::SHIFT), code(KeyCode::End), ], label: "G End", action: Action::Bottom, desc: "last item", hint: None },
    Binding { contexts: &[Global], keys: &[code(KeyCode::PageUp)], label: "PgUp", action: Action::PageUp, desc: "page up", hint: None },
    Binding { contexts: &[Global], keys: &[code(KeyCode::PageDown)], label: "PgDn", action: Action::PageDown, desc: "page down", hint: None },
    Binding { contexts: &[Global], keys: &[ctrl('u')], label: "Ctrl-u", action: Action::HalfPageUp, desc: "half a page up", hint: None },
    Binding { contexts: &[Global], keys: &[ctrl('d')], label: "Ctrl-d", action: Action::HalfPageDown, desc: "half a page down", hint: None },
    Binding { contexts: &[Global], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::DrillIn, desc: "drill in: focus it and everything related", hint: Some("open") },
    Binding { contexts: &[Drill, Panes, Matrix], keys: &[code(KeyCode::Esc), code(KeyCode::Backspace)], label: "Esc Bksp", action: Action::Back, desc: "back one level", hint: Some("back") },
    Binding { contexts: &[Global], keys: &[k('[')], label: "[", action: Action::HistoryBack, desc: "back in history", hint: None },
    Binding { contexts: &[Global], keys: &[k(']')], label: "]", action: Action::HistoryForward, desc: "forward in history", hint: Some("history") },
    Binding { contexts: &[Panes], keys: &[code(KeyCode::Tab)], label: "Tab", action: Action::FocusNext, desc: "next pane", hint: Some("pane") },
    Binding { contexts: &[Matrix, Drill], keys: &[code(KeyCode::Tab)], label: "Tab", action: Action::FocusNext, desc: "focus the card (j/k scroll it), or back", hint: None },
    Binding { contexts: &[Panes], keys: &[ code(KeyCode::BackTab), Key(KeyCode::BackTab, KeyModifiers::SHIFT), ], label: "Shift-Tab", action: Action::FocusPrev, desc: "previous pane", hint: None },
    Binding { contexts: &[Matrix, Drill], keys: &[ code(KeyCode::BackTab), Key(KeyCode::BackTab, KeyModifiers::SHIFT), ], label: "Shift-Tab", action: Action::FocusPrev, desc: "focus the card, or back from it", hint: None },
    Binding { contexts: &[Matrix], keys: &[k('m')], label: "m", action: Action::CycleMetric, desc: "cycle metric: linked targets, activities, indicators", hint: Some("metric") },
    Binding { contexts: &[Matrix], keys: &[k('x')], label: "x", action: Action::ToggleCrossCutting, desc: "count cross-cutting activities in the cells, or not (with:cross-cutting)", hint: None },
    Binding { contexts: &[Matrix], keys: &[k('z')], label: "z", action: Action::ToggleZoom, desc: "zoom the SDG column into its targets, and back", hint: Some("zoom") },
    Binding { contexts: &[Table], keys: &[k('s')], label: "s", action: Action::SortNext, desc: "sort by the next column", hint: Some("sort") },
    Binding { contexts: &[Countries], keys: &[k('l'), code(KeyCode::Right)], label: "l →", action: Action::Right, desc: "open a region into its countries", hint: None },
    Binding { contexts: &[Countries], keys: &[k('h'), code(KeyCode::Left)], label: "h ←", action: Action::Left, desc: "close a region, or go to a country's region", hint: None },
    Binding { contexts: &[Countries], keys: &[code(KeyCode::Char(' '))], label: "Space", action: Action::ToggleExpand, desc: "open or close a region", hint: Some("expand") },
    Binding { contexts: &[Countries], keys: &[k('s')], label: "s", action: Action::SortNext, desc: "sort by name or by activities in the view", hint: Some("sort") },
    Binding { contexts: &[Table], keys: &[k('S'), Key(KeyCode::Char('S'), KeyModifiers::SHIFT)], label: "S", action: Action::SortReverse, desc: "reverse the sort order", hint: None },
    Binding { contexts: &[Help], keys: &[code(KeyCode::Esc), k('q'), k('?')], label: "Esc q ?", action: Action::Back, desc: "close the help", hint: Some("close") },
    Binding { contexts: &[Help], keys: &[k('j'), code(KeyCode::Down)], label: "j ↓", action: Action::Down, desc: "scroll the help down", hint: Some("scroll") },
    Binding { contexts: &[Help], keys: &[k('k'), code(KeyCode::Up)], label: "k ↑", action: Action::Up, desc: "scroll the help up", hint: None },
    Binding { contexts: &[Global], keys: &[k('/')], label: "/", action: Action::OpenFinder, desc: "find anything: goals, targets, lines, links, activities, indicators, countries", hint: Some("find") },
    Binding { contexts: &[Global], keys: &[k('f')], label: "f", action: Action::OpenFilter, desc: "filter the view (facets, text, chips)", hint: Some("filter") },
    Binding { contexts: &[Global], keys: &[k(':')], label: ":", action: Action::OpenPalette, desc: "command palette (also: open VIEW, suggest TEXT)", hint: None },
    Binding { contexts: &[Global], keys: &[k('n')], label: "n", action: Action::NextMatch, desc: "next match of the last search in this pane", hint: None },
    Binding { contexts: &[Global], keys: &[k('N'), Key(KeyCode::Char('N'), KeyModifiers::SHIFT)], label: "N", action: Action::PrevMatch, desc: "previous match of the last search", hint: None },
    Binding { contexts: &[Filter, FilterPanel], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::Accept, desc: "apply the view and close the bar", hint: Some("apply") },
    Binding { contexts: &[Filter, FilterPanel], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::Cancel, desc: "close the bar, putting the view back as it was", hint: Some("undo") },
    Binding { contexts: &[Finder], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::Accept, desc: "open the record under the cursor (after :suggest TEXT: suggest for TEXT)", hint: Some("open") },
    Binding { contexts: &[Finder], keys: &[ctrl('s')], label: "Ctrl-s", action: Action::Suggest, desc: "suggest SDGs, targets and Action Lines for the text typed (inferred, with evidence)", hint: None },
    Binding { contexts: &[Palette], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::Accept, desc: "run the command", hint: Some("run") },
    Binding { contexts: &[Finder, Palette], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::Cancel, desc: "close", hint: Some("close") },
    Binding { contexts: &[Input], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::Cancel, desc: "cancel", hint: Some("cancel") },
    Binding { contexts: &[Input], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::Accept, desc: "accept", hint: Some("accept") },
    Binding { contexts: &[Input], keys: &[code(KeyCode::Backspace)], label: "Bksp", action: Action::DeleteBack, desc: "delete the character before the cursor", hint: None },
    Binding { contexts: &[Input], keys: &[ctrl('u')], label: "Ctrl-u", action: Action::ClearInput, desc: "clear the text", hint: None },
    Binding { contexts: &[Input], keys: &[code(KeyCode::Left)], label: "←", action: Action::CursorLeft, desc: "cursor left", hint: None },
    Binding { contexts: &[Input], keys: &[code(KeyCode::Right)], label: "→", action: Action::CursorRight, desc: "cursor right", hint: None },
    Binding { contexts: &[Finder, Palette], keys: &[code(KeyCode::Up), ctrl('p'), ctrl('k')], label: "↑ Ctrl-p", action: Action::Up, desc: "previous result", hint: None },
    Binding { contexts: &[Finder, Palette], keys: &[code(KeyCode::Down), ctrl('n'), ctrl('j')], label: "↓ Ctrl-n", action: Action::Down, desc: "next result", hint: Some("move") },
    Binding { contexts: &[Finder], keys: &[code(KeyCode::PageUp)], label: "PgUp", action: Action::PageUp, desc: "page up", hint: None },
    Binding { contexts: &[Finder], keys: &[code(KeyCode::PageDown)], label: "PgDn", action: Action::PageDown, desc: "page down", hint: None },
    Binding { contexts: &[Filter, FilterPanel], keys: &[code(KeyCode::Tab)], label: "Tab", action: Action::FocusNext, desc: "next part: text, chips, facets", hint: Some("text/chips/facets") },
    Binding { contexts: &[Filter, FilterPanel], keys: &[ code(KeyCode::BackTab), Key(KeyCode::BackTab, KeyModifiers::SHIFT), ], label: "Shift-Tab", action: Action::FocusPrev, desc: "previous part", hint: None },
    Binding { contexts: &[FilterPanel], keys: &[k('j'), code(KeyCode::Down)], label: "j ↓", action: Action::Down, desc: "next value", hint: None },
    Binding { contexts: &[FilterPanel], keys: &[k('k'), code(KeyCode::Up)], label: "k ↑", action: Action::Up, desc: "previous value", hint: None },
    Binding { contexts: &[FilterPanel], keys: &[k('h'), code(KeyCode::Left)], label: "h ←", action: Action::Left, desc: "previous facet or chip", hint: None },
    Binding { contexts: &[FilterPanel], keys: &[k('l'), code(KeyCode::Right)], label: "l →", action: Action::Right, desc: "next facet or chip", hint: None },
    Binding { contexts: &[FilterPanel], keys: &[code(KeyCode::Char(' '))], label: "Space", action: Action::ToggleValue, desc: "toggle the value or switch the chip on/off", hint: Some("toggle") },
    Binding { contexts: &[FilterPanel], keys: &[k('d'), code(KeyCode::Delete)], label: "d Del", action: Action::DeleteChip, desc: "delete the chip", hint: None },
    Binding { contexts: &[Global], keys: &[k('b')], label: "b", action: Action::SaveBookmark, desc: "save this view as a bookmark", hint: None },
    Binding { contexts: &[Global], keys: &[k('\'')], label: "'", action: Action::OpenBookmarks, desc: "bookmarks: open, rename, delete, edit", hint: Some("marks") },
    Binding { contexts: &[Global], keys: &[k('y')], label: "y", action: Action::CopyView, desc: "copy this view's string to the clipboard", hint: None },
    Binding { contexts: &[Global], keys: &[k('F'), Key(KeyCode::Char('F'), KeyModifiers::SHIFT)], label: "F", action: Action::ClearFilters, desc: "clear all filters: the whole snapshot again", hint: None },
    Binding { contexts: &[Global], keys: &[k('E'), Key(KeyCode::Char('E'), KeyModifiers::SHIFT)], label: "E", action: Action::ExportView, desc: "export this view to a file (.csv, .json, .md, or the Matrix as .svg, .html)", hint: None },
    Binding { contexts: &[Marks], keys: &[code(KeyCode::Esc), k('q')], label: "Esc q", action: Action::Cancel, desc: "close the list", hint: Some("close") },
    Binding { contexts: &[Confirm], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::Cancel, desc: "cancel", hint: Some("cancel") },
    Binding { contexts: &[Marks, MarksFilter], keys: &[code(KeyCode::Enter)], label: "Enter", action: Action::Accept, desc: "open the bookmark", hint: Some("open") },
    Binding { contexts: &[MarksFilter], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::Cancel, desc: "stop filtering", hint: Some("done") },
    Binding { contexts: &[MarksFilter], keys: &[code(KeyCode::Up)], label: "↑", action: Action::Up, desc: "previous bookmark", hint: None },
    Binding { contexts: &[MarksFilter], keys: &[code(KeyCode::Down)], label: "↓", action: Action::Down, desc: "next bookmark", hint: Some("move") },
    Binding { contexts: &[Marks], keys: &[k('j'), code(KeyCode::Down)], label: "j ↓", action: Action::Down, desc: "next bookmark", hint: None },
    Binding { contexts: &[Marks], keys: &[k('k'), code(KeyCode::Up)], label: "k ↑", action: Action::Up, desc: "previous bookmark", hint: None },
    Binding { contexts: &[Marks], keys: &[k('/')], label: "/", action: Action::FilterList, desc: "filter the list", hint: Some("filter") },
    Binding { contexts: &[Marks], keys: &[k('r')], label: "r", action: Action::RenameBookmark, desc: "rename", hint: Some("rename") },
    Binding { contexts: &[Marks], keys: &[k('d')], label: "d", action: Action::DeleteBookmark, desc: "delete (asks first)", hint: Some("delete") },
    Binding { contexts: &[Marks], keys: &[k('e')], label: "e", action: Action::EditBookmark, desc: "edit the view string", hint: Some("edit") },
    Binding { contexts: &[Confirm], keys: &[k('y'), k('Y')], label: "y", action: Action::Yes, desc: "yes", hint: Some("yes") },
    Binding { contexts: &[Confirm], keys: &[k('n'), k('N')], label: "n", action: Action::No, desc: "no", hint: Some("no") },
    Binding { contexts: &[Tour], keys: &[code(KeyCode::Right), code(KeyCode::Char(' ')), k('l')], label: "→ Space", action: Action::TourNext, desc: "next tour step", hint: Some("next") },
    Binding { contexts: &[Tour], keys: &[code(KeyCode::Left), k('h')], label: "←", action: Action::TourPrev, desc: "previous tour step", hint: Some("back") },
    Binding { contexts: &[Tour], keys: &[k('g')], label: "g", action: Action::TourJump, desc: "jump to a step by number", hint: Some("go to") },
    Binding { contexts: &[Tour], keys: &[code(KeyCode::Esc)], label: "Esc", action: Action::StepOff, desc: "step off the tour to explore freely", hint: Some("step off") },
    Binding { contexts: &[Global], keys: &[k('.')], label: ".", action: Action::SnapBack, desc: "snap back to the current tour step", hint: None },
    Binding { contexts: &[Global], keys: &[k('P'), Key(KeyCode::Char('P'), KeyModifiers::SHIFT)], label: "P", action: Action::TogglePresenter, desc: "presenter mode on/off", hint: None },
    Binding { contexts: &[Global], keys: &[k('K'), Key(KeyCode::Char('K'), KeyModifiers::SHIFT)], label: "K", action: Action::ToggleKeyEcho, desc: "show the keys pressed (presenter)", hint: None },
    Binding { contexts: &[Global], keys: &[k('T'), Key(KeyCode::Char('T'), KeyModifiers::SHIFT)], label: "T", action: Action::RecordStep, desc: "record this view as a step of a tour (asks its name)", hint: None },
    Binding { contexts: &[Global], keys: &[k('R'), Key(KeyCode::Char('R'), KeyModifiers::SHIFT)], label: "R", action: Action::Reload, desc: "reload the snapshot from disk, keeping the view", hint: None },
    Binding { contexts: &[Help], keys: &[code(KeyCode::PageDown), ctrl('d')], label: "PgDn", action: Action::PageDown, desc: "a page of the help down", hint: None },
    Binding { contexts: &[Help], keys: &[code(KeyCode::PageUp), ctrl('u')], label: "PgUp", action: Action::PageUp, desc: "a page of the help up", hint: None },
    Binding { contexts: &[Help], keys: &[k('g'), code(KeyCode::Home)], label: "g Home", action: Action::Top, desc: "top of the help", hint: None },
    Binding { contexts: &[Help], keys: &[ k('G'), Key(KeyCode::Char('G'), KeyModifiers::SHIFT), code(KeyCode::End), ], label: "G End", action: Action::Bottom, desc: "end of the help", hint: None },
    Binding { contexts: &[Suggest], keys: &[code(KeyCode::Esc), k('q')], label: "Esc q", action: Action::Back, desc: "close the suggestions", hint: Some("close") },
    Binding { contexts: &[Suggest], keys: &[k('j'), code(KeyCode::Down)], label: "j ↓", action: Action::Down, desc: "scroll the suggestions down", hint: Some("scroll") },
    Binding { contexts: &[Suggest], keys: &[k('k'), code(KeyCode::Up)], label: "k ↑", action: Action::Up, desc: "scroll the suggestions up", hint: None },
    Binding { contexts: &[Suggest], keys: &[code(KeyCode::PageDown), ctrl('d')], label: "PgDn", action: Action::PageDown, desc: "a page down", hint: None },
    Binding { contexts: &[Suggest], keys: &[code(KeyCode::PageUp), ctrl('u')], label: "PgUp", action: Action::PageUp, desc: "a page up", hint: None },
    Binding { contexts: &[Suggest], keys: &[k('g'), code(KeyCode::Home)], label: "g Home", action: Action::Top, desc: "top", hint: None },
    Binding { contexts: &[Suggest], keys: &[ k('G'), Key(KeyCode::Char('G'), KeyModifiers::SHIFT), code(KeyCode::End), ], label: "G End", action: Action::Bottom, desc: "end", hint: None },
    Binding { contexts: &[Suggest], keys: &[k('?')], label: "?", action: Action::ToggleHelp, desc: "close the suggestions", hint: None },
];

/// The bindings of `ctx` (most specific first), in table order, each key once.
pub fn bindings_for(ctx: &[Context]) -> Vec<&'static Binding> {
    let mut seen: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    // most specific context first, so its meaning of a shared key wins
    for c in ctx {
        for b in KEYMAP.iter().filter(|b| b.contexts.contains(c)) {
            if b.keys.iter().all(|k| seen.contains(k)) {
                continue;
            }
            seen.extend(b.keys);
            out.push(b);
        }
    }
    out.sort_by_key(|b| KEYMAP.iter().position(|x| std::ptr::eq(x, *b)));
    out
}

/// How `key` is written in help: `j`, `↓`, `Ctrl-u`, `PgDn`, `Esc`.
pub fn key_name(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Delete => "Del".into(),
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The keys and hints of the bindings of `ctx` that earn a place in the
/// hint bar, in table order: `("Enter", "apply")`; the screen keys are one
/// hint, `1-5 screens`. Overlays build their titles from the same list, so
/// a title and the hint bar never disagree.
pub fn hints(ctx: &[Context]) -> Vec<(String, &'static str)> {
    let screens = KEYMAP
        .iter()
        .filter(|b| matches!(b.action, Action::Show(_)))
        .count();
    bindings_for(ctx)
        .into_iter()
        .filter_map(|b| {
            let key = match b.action {
                Action::Show(_) => format!("1-{screens}"),
                _ => b.label.split(' ').next().unwrap_or(b.label).to_string(),
            };
            b.hint.map(|h| (key, h))
        })
        .collect()
}

/// The action a key press means where the contexts `ctx` (most specific
/// first) are active.
pub fn lookup(ctx: &[Context], ev: KeyEvent) -> Option<Action> {
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    let pressed = |key: &Key| key.0 == ev.code && (key.1 - KeyModifiers::SHIFT) == mods;
    let bound = ctx
        .iter()
        .find_map(|c| {
            KEYMAP
                .iter()
                .filter(|b| b.contexts.contains(c))
                .find(|b| b.keys.iter().any(pressed))
        })
        .map(|b| b.action);
    match (bound, ev.code) {
        // In a prompt, any other printable key is text.
        (None, KeyCode::Char(c))
            if ctx.contains(&Input)
                && !ev
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Insert(c))
        }
        (bound, _) => bound,
    }
}
