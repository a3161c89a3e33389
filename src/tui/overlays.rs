//! Applying actions while a prompt is open: the finder, the filter bar and
//! the palette, plus `n`/`N` stepping through the last search's matches.
//!
//! Kept apart from `update` so the main state machine stays about
//! navigation; like it, nothing here performs I/O — a finder search is
//! returned as an [`Effect::Search`] for the event loop to run off-thread.

use super::action::Action;
use super::filter::{self, FilterFocus, FilterOverlay};
use super::finder::{FinderOverlay, SearchRequest};
use super::input::LineEdit;
use super::marks::{Ask, List as MarkList, Op, Prompt, Row, current_view};
use super::palette::{self, Command, PaletteOverlay};
use super::state::{Overlay, Pane, Screen, State};
use super::update::{Effect, push, update as update_main};
use crate::entity::EntityRef;
use crate::search::{MAX_PATTERN_CHARS, Query, haystack, lower};
use crate::view::facets::PANEL;

/// Applies `action` to the open overlay.
pub fn update(st: &mut State, action: Action) -> Effect {
    if action == Action::ForceQuit {
        st.quit = true;
        return Effect::Quit;
    }
    if let Action::Insert(_) = action
        && let Some((input, limit)) = active_input(st)
        && input.len() >= limit
    {
        st.status = Some(too_long(limit));
        return Effect::None;
    }
    match st.overlay.take() {
        Some(Overlay::Finder(f)) => finder(st, f, action),
        Some(Overlay::Filter(f)) => {
            filter_bar(st, f, action);
            Effect::None
        }
        Some(Overlay::Palette(p)) => palette(st, p, action),
        Some(Overlay::Prompt(p)) => prompt(st, p, action),
        Some(Overlay::Marks(l)) => marks_list(st, l, action),
        other => {
            st.overlay = other;
            Effect::None
        }
    }
}

/// Pastes `text` into the open prompt as one edit: one re-parse or one
/// search however long it is, cut at what the prompt holds (and said so).
pub fn paste(st: &mut State, text: &str) -> Effect {
    let Some((input, limit)) = active_input(st) else {
        return Effect::None;
    };
    let complete = input.insert_str(text, limit);
    let effect = update_main(st, Action::Edited);
    if !complete {
        st.status = Some(too_long(limit));
    }
    effect
}

/// The text field that has the keys, and the most characters it holds: a
/// search at most what the matcher takes, a view at most a view's length.
fn active_input(st: &mut State) -> Option<(&mut LineEdit, usize)> {
    let view = crate::view::MAX_VIEW_CHARS;
    match st.overlay.as_mut()? {
        Overlay::Finder(f) => Some((&mut f.input, MAX_PATTERN_CHARS)),
        Overlay::Filter(f) if f.focus == FilterFocus::Input => Some((&mut f.input, view)),
        Overlay::Palette(p) => Some((&mut p.input, view + "open ".len())),
        Overlay::Prompt(p) => Some((&mut p.input, view)),
        Overlay::Marks(l) if l.filtering => Some((&mut l.filter, MAX_PATTERN_CHARS)),
        _ => None,
    }
}

fn too_long(limit: usize) -> String {
    format!("this field holds at most {limit} characters; the rest was not typed")
}

fn edit(input: &mut LineEdit, action: Action) -> bool {
    match action {
        Action::Insert(c) => input.insert(c),
        Action::Edited => {}
        Action::DeleteBack => return input.delete_back(),
        Action::ClearInput => input.clear(),
        Action::CursorLeft => {
            input.move_by(-1);
            return false;
        }
        Action::CursorRight => {
            input.move_by(1);
            return false;
        }
        _ => return false,
    }
    true
}

fn finder(st: &mut State, mut f: FinderOverlay, action: Action) -> Effect {
    match action {
        Action::Cancel => return Effect::None,
        Action::Accept => {
            if let Some(e) = f.selected() {
                st.last_query = f.query.clone();
                push(st, e);
            }
            return Effect::None;
        }
        Action::Up => f.cursor = f.cursor.saturating_sub(1),
        Action::Down => f.cursor = (f.cursor + 1).min(f.hits.len().saturating_sub(1)),
        Action::PageUp => f.cursor = f.cursor.saturating_sub(10),
        Action::PageDown => f.cursor = (f.cursor + 10).min(f.hits.len().saturating_sub(1)),
        a => {
            if edit(&mut f.input, a) {
                f.generation += 1;
                f.busy = true;
                let req = SearchRequest {
                    generation: f.generation,
                    query: f.input.text().to_string(),
                };
                st.overlay = Some(Overlay::Finder(f));
                return Effect::Search(req);
            }
        }
    }
    st.overlay = Some(Overlay::Finder(f));
    Effect::None
}

fn filter_bar(st: &mut State, mut f: FilterOverlay, action: Action) {
    match (action, f.focus) {
        (Action::Cancel, _) => {
            let before = std::mem::take(&mut f.before);
            filter::set_chips(st, before);
            return;
        }
        (Action::Accept, _) => {
            if let Some(e) = &f.error {
                st.status = Some(format!("the view does not parse: {}", e.message));
            } else {
                return;
            }
        }
        (Action::FocusNext, _) => f.focus = cycle(f.focus, 1),
        (Action::FocusPrev, _) => f.focus = cycle(f.focus, -1),
        (Action::Up, FilterFocus::Facets) => f.value_cursor = f.value_cursor.saturating_sub(1),
        (Action::Down, FilterFocus::Facets) => {
            f.value_cursor = (f.value_cursor + 1).min(f.values.len().saturating_sub(1))
        }
        (Action::Left | Action::Up, FilterFocus::Chips) => {
            f.chip_cursor = f.chip_cursor.saturating_sub(1)
        }
        (Action::Right | Action::Down, FilterFocus::Chips) => {
            f.chip_cursor = (f.chip_cursor + 1).min(st.chips.len().saturating_sub(1))
        }
        (Action::Left | Action::Right, FilterFocus::Facets) => {
            let n = PANEL.len();
            f.facet = if action == Action::Right {
                (f.facet + 1) % n
            } else {
                (f.facet + n - 1) % n
            };
            f.value_cursor = 0;
            filter::refresh_values(st, &mut f);
        }
        (Action::ToggleValue, FilterFocus::Facets) => filter::toggle_value(st, &mut f),
        (Action::ToggleValue, FilterFocus::Chips) => filter::toggle_chip(st, &mut f),
        (Action::DeleteChip, FilterFocus::Chips) => filter::delete_chip(st, &mut f),
        (a, FilterFocus::Input) if edit(&mut f.input, a) => filter::reparse(st, &mut f),
        _ => {}
    }
    st.overlay = Some(Overlay::Filter(f));
}

fn cycle(f: FilterFocus, dir: i32) -> FilterFocus {
    let all = [FilterFocus::Input, FilterFocus::Chips, FilterFocus::Facets];
    let i = all.iter().position(|&x| x == f).unwrap_or(0) as i32;
    all[(i + dir).rem_euclid(3) as usize]
}

fn palette(st: &mut State, mut p: PaletteOverlay, action: Action) -> Effect {
    match action {
        Action::Cancel => return Effect::None,
        Action::Accept => {
            return match palette::matches(p.input.text()).into_iter().nth(p.cursor) {
                Some(Command::Run(b)) => update_main(st, b.action),
                Some(Command::Open(view)) => {
                    open_view(st, &view);
                    Effect::None
                }
                None => Effect::None,
            };
        }
        Action::Up => p.cursor = p.cursor.saturating_sub(1),
        Action::Down => {
            p.cursor = (p.cursor + 1).min(palette::matches(p.input.text()).len().saturating_sub(1))
        }
        a => {
            if edit(&mut p.input, a) {
                p.cursor = 0;
            }
        }
    }
    st.overlay = Some(Overlay::Palette(p));
    Effect::None
}

/// Opens a view string: its filters become the chips, `show:` picks the
/// screen and `focus:` drills into the record. Problems go to the status line.
pub fn open_view(st: &mut State, text: &str) {
    let view = match crate::view::parse_checked(text, &st.snap) {
        Ok(v) => v,
        Err(errs) => {
            let msg = errs.first().map_or_else(String::new, |e| e.message.clone());
            st.status = Some(format!("cannot open view: {msg}"));
            return;
        }
    };
    let chips = crate::view::chips::split(&view)
        .into_iter()
        .map(|view| filter::Chip { view, on: true })
        .collect();
    filter::set_chips(st, chips);
    if let Some(show) = view.show {
        st.screen = screen_for(show);
        st.trail.clear();
        st.pane = Pane::Main;
    }
    if let Some(e) = view
        .focus
        .as_deref()
        .and_then(|k| EntityRef::resolve(&st.snap, k))
    {
        push(st, e);
    }
}

/// The screen that shows what a view's `show:` names.
pub fn screen_for(show: crate::view::Show) -> Screen {
    match show {
        crate::view::Show::Activities => Screen::Activities,
        crate::view::Show::Sdgs | crate::view::Show::Targets | crate::view::Show::Indicators => {
            Screen::Sdgs
        }
        crate::view::Show::Countries => Screen::Activities,
        crate::view::Show::Rows => Screen::Lines,
        crate::view::Show::Links => Screen::Matrix,
    }
}

/// Moves the focused list's cursor to the next (or previous) record that
/// matches the last finder query.
pub fn next_match(st: &mut State, forward: bool) {
    let Some(q) = st.last_query.clone() else {
        st.status = Some("no search yet — press / to find".into());
        return;
    };
    let items: Vec<EntityRef> = if !st.trail.is_empty() || st.pane == Pane::Related {
        st.related_flat()
    } else {
        match st.screen {
            Screen::Sdgs => st.sdg_items(),
            Screen::Lines => st.line_items(),
            Screen::Activities => st
                .act_order
                .iter()
                .map(|&a| EntityRef::Activity(a))
                .collect(),
            Screen::Matrix => {
                st.status = Some("n/N step through matches in lists".into());
                return;
            }
        }
    };
    let n = items.len();
    if n == 0 {
        return;
    }
    let start = current(st);
    let mut buf = String::new();
    let hit = (1..=n)
        .map(|d| {
            if forward {
                (start + d) % n
            } else {
                (start + n - d % n) % n
            }
        })
        .find(|&i| {
            buf.clear();
            haystack(&st.snap, items[i], &mut buf);
            matches(&q, &buf)
        });
    match hit {
        Some(i) => set_current(st, i),
        None => st.status = Some("no match in this pane".into()),
    }
}

fn matches(q: &Query, text: &str) -> bool {
    q.matches(&lower(text))
}

fn current(st: &State) -> usize {
    if !st.trail.is_empty() || st.pane == Pane::Related {
        return st.related_cursor().pos;
    }
    match st.screen {
        Screen::Sdgs => st.sdg_cursor.pos,
        Screen::Lines => st.line_cursor.pos,
        Screen::Activities => st.act_cursor.pos,
        Screen::Matrix => 0,
    }
}

fn set_current(st: &mut State, i: usize) {
    if !st.trail.is_empty() || st.pane == Pane::Related {
        st.related_cursor_mut().pos = i;
        return;
    }
    match st.screen {
        Screen::Sdgs => st.sdg_cursor.pos = i,
        Screen::Lines => st.line_cursor.pos = i,
        Screen::Activities => st.act_cursor.pos = i,
        Screen::Matrix => {}
    }
}

fn prompt(st: &mut State, mut p: Prompt, action: Action) -> Effect {
    let answer = p.input.text().trim().to_string();
    match (action, &p.ask) {
        (Action::Cancel | Action::No, _) => return Effect::None,
        (Action::Yes, Ask::Overwrite { name, view }) => {
            return Effect::Bookmark(Op::Save {
                name: name.clone(),
                view: view.clone(),
                overwrite: true,
            });
        }
        (Action::Yes, Ask::Delete(name)) => {
            st.overlay = Some(Overlay::Marks(Default::default()));
            return Effect::Bookmark(Op::Delete(name.clone()));
        }
        (Action::Accept, Ask::SaveName) if !answer.is_empty() => {
            let view = current_view(st).to_string();
            return Effect::Bookmark(Op::Save {
                name: answer,
                view,
                overwrite: false,
            });
        }
        (Action::Accept, Ask::Caption) if !answer.is_empty() => {
            let path = st
                .presenter
                .record_to
                .clone()
                .unwrap_or_else(|| std::path::PathBuf::from("sdgmap-tour.json"));
            let rec = super::marks::Record {
                path,
                caption: answer,
                view: current_view(st),
                screen: st.screen,
            };
            return Effect::RecordStep(Box::new(rec));
        }
        (Action::Accept, Ask::Jump) => {
            match answer.parse::<usize>() {
                Ok(n) => super::present::tour_action(st, crate::tour::TourAction::Jump(n)),
                Err(_) => st.status = Some(format!("'{answer}' is not a step number")),
            }
            return Effect::None;
        }
        (Action::Accept, Ask::Rename(old)) if !answer.is_empty() => {
            st.overlay = Some(Overlay::Marks(Default::default()));
            return Effect::Bookmark(Op::Rename {
                old: old.clone(),
                new: answer,
            });
        }
        (Action::Accept, Ask::Edit(name)) => {
            if let Err(e) = crate::view::parse_checked(&answer, &st.snap) {
                let msg = e.first().map_or_else(String::new, |e| e.message.clone());
                st.status = Some(format!("not a valid view: {msg}"));
            } else {
                st.overlay = Some(Overlay::Marks(Default::default()));
                return Effect::Bookmark(Op::Edit {
                    name: name.clone(),
                    view: answer,
                });
            }
        }
        (a, ask) if !ask.is_confirm() => {
            edit(&mut p.input, a);
        }
        _ => {}
    }
    st.overlay = Some(Overlay::Prompt(p));
    Effect::None
}

fn marks_list(st: &mut State, mut l: MarkList, action: Action) -> Effect {
    let rows: Vec<Row> = crate::tui::marks::shown(st, &l)
        .into_iter()
        .cloned()
        .collect();
    let selected = rows.get(l.cursor).cloned();
    let ask = |st: &mut State, ask: Ask, text: &str| {
        st.overlay = Some(Overlay::Prompt(Prompt {
            ask,
            input: LineEdit::new(text),
        }));
        Effect::None
    };
    match action {
        Action::Cancel if l.filtering => l.filtering = false,
        Action::Cancel => return Effect::None,
        Action::Accept if l.filtering => l.filtering = false,
        Action::Accept => {
            if let Some(r) = selected {
                return Effect::Bookmark(Op::Open(r.name));
            }
        }
        Action::Up => l.cursor = l.cursor.saturating_sub(1),
        Action::Down => l.cursor = (l.cursor + 1).min(rows.len().saturating_sub(1)),
        Action::FilterList => l.filtering = true,
        Action::RenameBookmark => {
            if let Some(r) = selected {
                return ask(st, Ask::Rename(r.name.clone()), &r.name);
            }
        }
        Action::EditBookmark => {
            if let Some(r) = selected {
                return ask(st, Ask::Edit(r.name.clone()), &r.view);
            }
        }
        Action::DeleteBookmark => {
            if let Some(r) = selected {
                return ask(st, Ask::Delete(r.name), "");
            }
        }
        a if l.filtering && edit(&mut l.filter, a) => l.cursor = 0,
        _ => {}
    }
    st.overlay = Some(Overlay::Marks(l));
    Effect::None
}
