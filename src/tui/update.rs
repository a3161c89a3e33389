//! Applying an [`Action`] to the [`State`]: the explorer's state machine.
//!
//! `update` is the only function that changes state in response to input.
//! It performs no I/O: anything with an outside effect is returned as an
//! [`Effect`] for the event loop to carry out.

use super::action::Action;
use super::finder::SearchRequest;
use super::state::{Crumb, Cursor, Hit, Location, Overlay, Pane, Screen, State};
use crate::entity::EntityRef;
use crate::matrix::Column;

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing beyond redrawing.
    None,
    /// Leave the app.
    Quit,
    /// Run a finder search off the UI thread and hand back the results.
    Search(SearchRequest),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Read or change the bookmarks file.
    Bookmark(super::marks::Op),
    /// Append a step to a tour file.
    RecordStep(Box<super::marks::Record>),
    /// Reload the snapshot from disk.
    Reload,
}

/// Applies `action` to `st`.
pub fn update(st: &mut State, action: Action) -> Effect {
    st.status = None;
    if let Some(Overlay::Help(scroll)) = st.overlay {
        return help(st, action, scroll);
    }
    if let Some(Overlay::Message { scroll, .. }) = &mut st.overlay {
        match action {
            Action::ForceQuit => return quit(st),
            Action::Down | Action::ScrollDown | Action::PageDown => *scroll += 1,
            Action::Up | Action::ScrollUp | Action::PageUp => *scroll = scroll.saturating_sub(1),
            Action::Back | Action::Quit | Action::ToggleHelp | Action::Cancel | Action::DrillIn => {
                st.overlay = None
            }
            _ => {}
        }
        return Effect::None;
    }
    if st.overlay.is_some() {
        return super::overlays::update(st, action);
    }
    match action {
        Action::ForceQuit => return quit(st),
        Action::Quit if st.trail.is_empty() => return quit(st),
        Action::Quit => {
            leave_to_top(st);
            st.status = Some("back at the top level — press q again to quit".into());
        }
        Action::Back => back(st),
        Action::DrillIn => drill_in(st),
        Action::HistoryBack => travel(st, -1),
        Action::HistoryForward => travel(st, 1),
        Action::Show(screen) => {
            st.screen = screen;
            st.trail.clear();
            st.pane = Pane::Main;
            st.card_scroll = 0;
            st.rel_cursor = Cursor::default();
            record(st);
        }
        Action::FocusNext => focus_cycle(st, 1),
        Action::FocusPrev => focus_cycle(st, -1),
        Action::ToggleHelp => st.overlay = Some(Overlay::Help(0)),
        Action::OpenFinder => st.overlay = Some(Overlay::Finder(Default::default())),
        Action::OpenFilter => st.overlay = Some(Overlay::Filter(super::filter::open(st))),
        Action::OpenPalette => st.overlay = Some(Overlay::Palette(Default::default())),
        Action::SaveBookmark => {
            st.overlay = Some(Overlay::Prompt(super::marks::Prompt {
                ask: super::marks::Ask::SaveName,
                input: Default::default(),
            }))
        }
        Action::OpenBookmarks => {
            st.overlay = Some(Overlay::Marks(Default::default()));
            return Effect::Bookmark(super::marks::Op::Refresh);
        }
        Action::CopyView => return Effect::Copy(super::marks::current_view(st).to_string()),
        Action::TogglePresenter => super::present::toggle(st),
        Action::Reload => return Effect::Reload,
        Action::ToggleKeyEcho => {
            st.presenter.echo = !st.presenter.echo;
            st.presenter.keys.clear();
        }
        Action::TourNext => super::present::tour_action(st, crate::tour::TourAction::Next),
        Action::TourPrev => super::present::tour_action(st, crate::tour::TourAction::Prev),
        Action::StepOff => super::present::tour_action(st, crate::tour::TourAction::StepOff),
        Action::SnapBack => super::present::tour_action(st, crate::tour::TourAction::SnapBack),
        Action::TourJump => {
            st.overlay = Some(Overlay::Prompt(super::marks::Prompt {
                ask: super::marks::Ask::Jump,
                input: Default::default(),
            }))
        }
        Action::RecordStep => {
            st.overlay = Some(Overlay::Prompt(super::marks::Prompt {
                ask: super::marks::Ask::Caption,
                input: Default::default(),
            }))
        }
        Action::NextMatch => super::overlays::next_match(st, true),
        Action::PrevMatch => super::overlays::next_match(st, false),
        // Prompt actions do nothing without a prompt.
        Action::Insert(_)
        | Action::Edited
        | Action::DeleteBack
        | Action::ClearInput
        | Action::CursorLeft
        | Action::CursorRight
        | Action::Accept
        | Action::Cancel
        | Action::ToggleValue
        | Action::DeleteChip
        | Action::RenameBookmark
        | Action::DeleteBookmark
        | Action::EditBookmark
        | Action::FilterList
        | Action::Yes
        | Action::No => {}
        Action::CycleMetric => {
            st.metric = st.metric.next();
            st.regrid();
            st.status = Some(format!("matrix metric: {}", st.metric.name()));
        }
        Action::ToggleZoom => zoom(st),
        Action::ToggleCrossCutting => toggle_cross_cutting(st),
        Action::SortNext => {
            st.sort = st.sort.next();
            st.resort();
        }
        Action::SortReverse => {
            st.sort_desc = !st.sort_desc;
            st.resort();
        }
        Action::ToggleExpand => toggle_expand(st, None),
        Action::Click(x, y) => {
            click(st, x, y, false);
        }
        Action::DoubleClick(x, y) => {
            if click(st, x, y, true) {
                drill_in(st);
            }
        }
        Action::Crumb(n) => to_crumb(st, n),
        Action::ScrollUp => step(st, -3),
        Action::ScrollDown => step(st, 3),
        Action::Up => step(st, -1),
        Action::Down => step(st, 1),
        Action::Left => horizontal(st, -1),
        Action::Right => horizontal(st, 1),
        Action::Top => step(st, isize::MIN / 2),
        Action::Bottom => step(st, isize::MAX / 2),
        Action::PageUp => step(st, -(page(st) as isize)),
        Action::PageDown => step(st, page(st) as isize),
        Action::HalfPageUp => step(st, -(page(st) as isize / 2).max(1)),
        Action::HalfPageDown => step(st, (page(st) as isize / 2).max(1)),
    }
    Effect::None
}

fn quit(st: &mut State) -> Effect {
    st.quit = true;
    Effect::Quit
}

fn help(st: &mut State, action: Action, scroll: usize) -> Effect {
    // no further than the longest help can scroll
    let last = super::keymap::KEYMAP.len();
    let scroll = scroll.min(last);
    match action {
        Action::ForceQuit => return quit(st),
        Action::Back | Action::Quit | Action::ToggleHelp => st.overlay = None,
        Action::Down | Action::ScrollDown => {
            st.overlay = Some(Overlay::Help((scroll + 1).min(last)))
        }
        Action::Up | Action::ScrollUp => st.overlay = Some(Overlay::Help(scroll.saturating_sub(1))),
        Action::PageDown | Action::HalfPageDown => {
            st.overlay = Some(Overlay::Help((scroll + 10).min(last)))
        }
        Action::Bottom => st.overlay = Some(Overlay::Help(last)),
        Action::PageUp | Action::HalfPageUp => {
            st.overlay = Some(Overlay::Help(scroll.saturating_sub(10)))
        }
        Action::Top => st.overlay = Some(Overlay::Help(0)),
        _ => {}
    }
    Effect::None
}

fn page(st: &State) -> usize {
    if st.pane == Pane::Card {
        return st.layout.card_page.get().max(1);
    }
    st.layout.page.get().max(1)
}

/// Records the current location in history, dropping any forward entries.
fn record(st: &mut State) {
    let loc = st.location();
    if st.history.get(st.hist_pos) == Some(&loc) {
        return;
    }
    st.history.truncate(st.hist_pos + 1);
    st.history.push(loc);
    st.hist_pos = st.history.len() - 1;
}

fn travel(st: &mut State, dir: isize) {
    let Some(pos) = st
        .hist_pos
        .checked_add_signed(dir)
        .filter(|&p| p < st.history.len())
    else {
        st.status = Some(
            if dir < 0 {
                "at the start of history"
            } else {
                "at the end of history"
            }
            .into(),
        );
        return;
    };
    st.hist_pos = pos;
    let Location { screen, trail } = st.history[pos].clone();
    restore(st, screen, trail);
}

fn restore(st: &mut State, screen: Screen, trail: Vec<EntityRef>) {
    st.screen = screen;
    st.pane = Pane::Main;
    st.trail = trail
        .into_iter()
        .map(|entity| Crumb {
            entity,
            cursor: Cursor::default(),
        })
        .collect();
}

fn back(st: &mut State) {
    st.card_scroll = 0;
    if st.pane == Pane::Card {
        st.pane = Pane::Main;
    } else if st.trail.pop().is_some() {
        record(st);
    } else if st.pane == Pane::Related {
        st.pane = Pane::Main;
    } else if st.zoom.is_some() && st.screen == Screen::Matrix {
        zoom(st);
    }
}

fn leave_to_top(st: &mut State) {
    st.trail.clear();
    record(st);
}

fn to_crumb(st: &mut State, n: usize) {
    if n < st.trail.len() + 1 {
        st.trail.truncate(n);
        record(st);
    }
}

/// Focuses what is under the cursor: a drill-down step.
fn drill_in(st: &mut State) {
    let target = if !st.trail.is_empty() || st.pane == Pane::Related {
        st.related_flat().get(st.related_cursor().pos).copied()
    } else {
        st.selected()
    };
    match target {
        Some(e) => push(st, e),
        None => st.status = Some("nothing to open here".into()),
    }
}

/// Pushes `e` on the trail (a drill-down step recorded in history).
pub fn push(st: &mut State, e: EntityRef) {
    if st.trail.last().map(|c| c.entity) == Some(e) {
        return;
    }
    st.trail.push(Crumb {
        entity: e,
        cursor: Cursor::default(),
    });
    st.pane = Pane::Main;
    st.rel_cursor = Cursor::default();
    st.card_scroll = 0;
    record(st);
}

fn zoom(st: &mut State) {
    if st.screen != Screen::Matrix || !st.trail.is_empty() {
        return;
    }
    match st.zoom {
        Some(n) => {
            st.zoom = None;
            st.regrid();
            st.mcol = st
                .grid
                .columns
                .iter()
                .position(|&c| c == Column::Sdg(n))
                .unwrap_or(st.zoom_return)
                .min(st.grid.columns.len().saturating_sub(1));
        }
        None => {
            let Some(&Column::Sdg(n)) = st.grid.columns.get(st.mcol) else {
                return;
            };
            st.zoom_return = st.mcol;
            st.zoom = Some(n);
            st.regrid();
            st.mcol = 0;
            st.status = Some(format!(
                "zoomed into SDG {n}: its targets as columns (z to zoom out)"
            ));
        }
    }
}

fn horizontal(st: &mut State, dir: isize) {
    if st.trail.is_empty() && st.pane == Pane::Main {
        match st.screen {
            Screen::Matrix => {
                st.mcol = st
                    .mcol
                    .saturating_add_signed(dir)
                    .min(st.grid.columns.len().saturating_sub(1));
                return;
            }
            Screen::Sdgs | Screen::Lines => return toggle_expand(st, Some(dir > 0)),
            Screen::Activities => {}
        }
    }
    if dir > 0 && st.pane == Pane::Main && st.trail.is_empty() {
        st.pane = Pane::Related;
    } else if dir < 0 && st.pane == Pane::Related {
        st.pane = Pane::Main;
    }
}

/// Expands (`Some(true)`), collapses (`Some(false)`) or toggles the tree item under the cursor.
fn toggle_expand(st: &mut State, want: Option<bool>) {
    if !st.trail.is_empty() {
        return;
    }
    match st.selected() {
        Some(EntityRef::Sdg(n)) if st.screen == Screen::Sdgs => {
            let open = want.unwrap_or(!st.sdg_open.contains(&n));
            if open {
                st.sdg_open.insert(n);
            } else {
                st.sdg_open.remove(&n);
            }
        }
        Some(EntityRef::Target(t)) if st.screen == Screen::Sdgs && want == Some(false) => {
            let goal = st.snap.target(t).goal;
            st.sdg_open.remove(&goal);
            st.sdg_cursor.pos = st
                .sdg_items()
                .iter()
                .position(|&e| e == EntityRef::Sdg(goal))
                .unwrap_or(0);
        }
        Some(EntityRef::Line(l)) if st.screen == Screen::Lines => {
            let line = st.snap.line(l);
            if let (Some(p), Some(false)) = (line.parent, want) {
                st.line_open.remove(&p.0);
                st.line_cursor.pos = st
                    .line_items()
                    .iter()
                    .position(|&e| e == EntityRef::Line(p))
                    .unwrap_or(0);
            } else if !line.children.is_empty() {
                let open = want.unwrap_or(!st.line_open.contains(&l.0));
                if open {
                    st.line_open.insert(l.0);
                } else {
                    st.line_open.remove(&l.0);
                }
            }
        }
        _ => {}
    }
}

/// `Tab`: the panes in order — on the list screens the list, the card and
/// the related list; in a drill-down the related list and the card; on the
/// matrix the grid and, when it is shown, the cell card.
fn focus_cycle(st: &mut State, dir: isize) {
    let card = st.layout.card_shown.get();
    let order: Vec<Pane> = if !st.trail.is_empty() || st.screen == Screen::Matrix {
        vec![Pane::Main, Pane::Card]
    } else {
        vec![Pane::Main, Pane::Card, Pane::Related]
    };
    let order: Vec<Pane> = order
        .into_iter()
        .filter(|&p| p != Pane::Card || card)
        .collect();
    let i = order.iter().position(|&p| p == st.pane).unwrap_or(0) as isize;
    let n = order.len() as isize;
    st.pane = order[(i + dir).rem_euclid(n) as usize];
}

/// Moves the focused cursor by `delta` rows (clamped); on a focused card,
/// scrolls it.
fn step(st: &mut State, delta: isize) {
    if st.pane == Pane::Card {
        st.card_scroll = st
            .card_scroll
            .saturating_add_signed(delta)
            .min(st.layout.card_max.get());
        return;
    }
    if !st.trail.is_empty() || st.pane == Pane::Related {
        let len = st.related_flat().len();
        st.related_cursor_mut().step(delta, len);
        return;
    }
    match st.screen {
        Screen::Matrix => {
            st.mrow = st
                .mrow
                .saturating_add_signed(delta)
                .min(st.grid.rows.len().saturating_sub(1));
        }
        Screen::Sdgs => {
            let len = st.sdg_items().len();
            st.sdg_cursor.step(delta, len);
        }
        Screen::Lines => {
            let len = st.line_items().len();
            st.line_cursor.step(delta, len);
        }
        Screen::Activities => {
            let len = st.act_order.len();
            st.act_cursor.step(delta, len);
        }
    }
    st.rel_cursor = Cursor::default();
    st.card_scroll = 0;
}

/// Selects what is under (x, y); returns whether anything was hit.
fn click(st: &mut State, x: u16, y: u16, double: bool) -> bool {
    let hit = st
        .layout
        .hits
        .borrow()
        .iter()
        .rev()
        .find(|(r, _)| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
        .map(|&(_, h)| h);
    match hit {
        Some(Hit::MainRow(n)) => {
            st.pane = Pane::Main;
            match st.screen {
                Screen::Sdgs => st.sdg_cursor.pos = n,
                Screen::Lines => st.line_cursor.pos = n,
                Screen::Activities => st.act_cursor.pos = n,
                Screen::Matrix => {}
            }
            st.rel_cursor = Cursor::default();
        }
        Some(Hit::RelatedRow(n)) => {
            if st.trail.is_empty() {
                st.pane = Pane::Related;
            }
            st.related_cursor_mut().pos = n;
        }
        Some(Hit::Cell(r, c)) => {
            st.mrow = r;
            st.mcol = c;
        }
        Some(Hit::Crumb(n)) => {
            to_crumb(st, n);
            return !double;
        }
        Some(Hit::Tab(s)) => {
            update(st, Action::Show(s));
            return false;
        }
        None => return false,
    }
    true
}

/// `x`: adds or removes the `with:cross-cutting` chip, so Matrix cells count
/// cross-cutting activities or leave them out.
fn toggle_cross_cutting(st: &mut State) {
    let mut chips = st.chips.clone();
    let on = !super::filter::effective(&chips).cross_cutting;
    chips.retain(|c| !c.view.cross_cutting);
    if on {
        chips.push(super::filter::Chip {
            view: crate::view::View {
                cross_cutting: true,
                ..crate::view::View::default()
            },
            on: true,
        });
    }
    super::filter::set_chips(st, chips);
    st.status = Some(if on {
        "cross-cutting activities now count in the Matrix cells (x: leave them out)".into()
    } else {
        "cross-cutting activities left out of the Matrix cells (x: count them)".into()
    });
}
