//! The `/` finder, the `f` filter bar, the `:` palette and `n`/`N`, driven
//! by scripted actions (searches run synchronously here; the app runs them
//! on a worker thread), plus whole-screen snapshots of each prompt.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::entity::EntityRef;
use sdgmap::search::{CancelToken, Finder};
use sdgmap::snapshot::load_bundled;
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::Io;
use sdgmap::tui::overlays::Overlay;
use sdgmap::tui::render;
use sdgmap::tui::worker::LIMIT;
use sdgmap::tui::{App, Theme, ThemeChoice};

fn app() -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "test".into(),
    )
}

/// Applies actions, running any requested search to completion.
fn run(st: &mut App, actions: &[Action]) {
    let mut finder = Finder::with_corpus(st.ctx.filters.corpus().clone());
    for &a in actions {
        for io in st.update(a) {
            if let Io::Search(req) = io {
                let res = finder
                    .search(&req.query, LIMIT, &CancelToken::never())
                    .unwrap();
                st.receive(req.generation, res);
            }
        }
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Insert).collect()
}

fn script(parts: &[&[Action]]) -> Vec<Action> {
    parts.concat()
}

#[test]
fn finder_enter_drills_into_the_chosen_record() {
    let mut st = app();
    run(
        &mut st,
        &script(&[&[OpenFinder], &typed("digital health for africa")]),
    );
    let Some(Overlay::Finder(f)) = st.overlay() else {
        panic!("finder not open")
    };
    assert!(f.total > 0);
    // grouped by kind: the activity is in the Activities group
    let pos = f
        .hits
        .iter()
        .position(|h| h.entity.key(&st.ctx.snap) == "digital-health-for-africa")
        .unwrap();
    // grouped by kind: each kind forms one contiguous run, best group first
    let mut kinds: Vec<_> = f.hits.iter().map(|h| h.kind()).collect();
    kinds.dedup();
    let mut unique = kinds.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(kinds.len(), unique.len(), "grouped by kind: {kinds:?}");
    assert_eq!(
        f.hits[0].entity.key(&st.ctx.snap),
        "digital-health-for-africa",
        "the best hit leads"
    );
    let downs = vec![Down; pos];
    run(&mut st, &script(&[&downs, &[Accept]]));
    assert!(st.overlay().is_none());
    assert_eq!(
        st.drill.trail.last().unwrap().entity.key(&st.ctx.snap),
        "digital-health-for-africa"
    );
    // a drill-down step: Esc goes back to where we were
    run(&mut st, &[Back]);
    assert!(st.drill.trail.is_empty());
}

#[test]
fn finder_typing_keeps_only_matching_records_and_escape_closes() {
    let mut st = app();
    run(&mut st, &script(&[&[OpenFinder], &typed("9.c")]));
    let Some(Overlay::Finder(f)) = st.overlay() else {
        panic!()
    };
    assert!(f.hits.iter().any(|h| h.entity.key(&st.ctx.snap) == "9.c"));
    run(&mut st, &[DeleteBack, DeleteBack, DeleteBack, Cancel]);
    assert!(st.overlay().is_none());
    assert!(st.drill.trail.is_empty());
}

#[test]
fn filter_bar_recounts_the_matrix_live_and_escape_undoes() {
    let mut st = app();
    run(&mut st, &script(&[&[OpenFilter], &typed("sdg:3")]));
    assert_eq!(
        st.screens.matrix.grid.columns.len(),
        1,
        "the matrix shows only SDG 3"
    );
    assert_eq!(st.ctx.filters.chips.len(), 1);
    let acts = st.ctx.filters.sel.activity_count();
    assert_eq!(acts, st.ctx.snap.index().activities_of_sdg(3).len());
    run(&mut st, &[Cancel]);
    assert_eq!(
        st.screens.matrix.grid.columns.len(),
        17,
        "Esc restores the view"
    );
    assert!(st.ctx.filters.chips.is_empty());
}

#[test]
fn filter_bar_shows_parse_errors_and_keeps_the_last_good_view() {
    let mut st = app();
    run(&mut st, &script(&[&[OpenFilter], &typed("sgd:3")]));
    let Some(Overlay::Filter(f)) = st.overlay() else {
        panic!()
    };
    let err = f.error.as_ref().unwrap().render(f.input.text());
    assert!(
        err.contains("unknown facet 'sgd'") && err.contains("did you mean 'sdg'"),
        "{err}"
    );
    assert_eq!(st.screens.matrix.grid.columns.len(), 17);
    run(&mut st, &[Accept]);
    assert!(
        st.overlay().is_some(),
        "a view that does not parse is not applied"
    );
    assert!(st.ctx.status.as_deref().unwrap().contains("does not parse"));
}

#[test]
fn facet_panel_toggles_values_and_chips_switch_off_without_deleting() {
    let mut st = app();
    // Tab twice: text → chips → facets; the first facet is sdg; value 9 is the ninth
    let nine = vec![Down; 8];
    run(
        &mut st,
        &script(&[&[OpenFilter, FocusNext, FocusNext], &nine, &[ToggleValue]]),
    );
    assert_eq!(st.screens.matrix.grid.columns.len(), 1);
    assert_eq!(st.ctx.filters.chips[0].view.to_string(), "sdg:9");
    // next facet (al): toggle its first value, C1
    run(&mut st, &[Right, ToggleValue]);
    assert_eq!(
        st.ctx
            .filters
            .chips
            .iter()
            .map(|c| c.view.to_string())
            .collect::<Vec<_>>(),
        ["sdg:9", "al:C1"]
    );
    // chips: switch the sdg chip off
    run(&mut st, &[FocusPrev, ToggleValue]);
    assert!(!st.ctx.filters.chips[0].on);
    assert_eq!(st.ctx.filters.chips.len(), 2, "switched off, not deleted");
    // SDG 9 no longer filters; al:C1 still does (the goals C1 links to)
    let c1 = st.ctx.snap.index().line("C1").unwrap();
    let mut goals: Vec<u8> = st
        .ctx
        .snap
        .index()
        .links_of_line(c1)
        .iter()
        .map(|&k| st.ctx.snap.link(k).sdg)
        .collect();
    goals.dedup();
    assert_eq!(st.screens.matrix.grid.columns.len(), goals.len());
    assert_eq!(st.screens.matrix.grid.rows.len(), 1);
    run(&mut st, &[Accept]);
    assert!(st.overlay().is_none());
    // delete the off chip
    run(&mut st, &[OpenFilter, FocusNext, DeleteChip, Accept]);
    assert_eq!(st.ctx.filters.chips.len(), 1);
}

#[test]
fn palette_runs_actions_by_name_and_opens_views() {
    let mut st = app();
    run(
        &mut st,
        &script(&[&[OpenPalette], &typed("activities screen"), &[Accept]]),
    );
    assert_eq!(st.screen, Screen::Activities);
    run(
        &mut st,
        &script(&[
            &[OpenPalette],
            &typed("open sdg:4 show:sdgs focus:4.4"),
            &[Accept],
        ]),
    );
    assert_eq!(st.screen, Screen::Sdgs);
    assert_eq!(
        st.drill.trail.last().unwrap().entity.key(&st.ctx.snap),
        "4.4"
    );
    assert_eq!(st.ctx.filters.chips[0].view.to_string(), "sdg:4");
    run(
        &mut st,
        &script(&[&[OpenPalette], &typed("open al:C12"), &[Accept]]),
    );
    assert!(
        st.ctx
            .status
            .as_deref()
            .unwrap()
            .contains("unknown action line"),
        "{:?}",
        st.ctx.status
    );
}

#[test]
fn n_and_shift_n_step_through_matches_in_the_pane() {
    let mut st = app();
    run(&mut st, &[NextMatch]);
    assert!(st.ctx.status.as_deref().unwrap().contains("no search yet"));
    // search "health", open the first hit, go back, then step in the activity table
    run(
        &mut st,
        &script(&[
            &[OpenFinder],
            &typed("health"),
            &[Accept, Back, Show(Screen::Activities)],
        ]),
    );
    run(&mut st, &[NextMatch]);
    let at = |st: &App| {
        st.ctx
            .snap
            .activity(st.screens.activities.order[st.screens.activities.cursor.pos])
            .clone()
    };
    let first = at(&st);
    // A match is judged on the record's whole haystack (title, summary, lead, partners).
    let mut text = String::new();
    let id = st.screens.activities.order[st.screens.activities.cursor.pos];
    sdgmap::search::haystack(
        &st.ctx.snap,
        sdgmap::entity::EntityRef::Activity(id),
        &mut text,
    );
    assert!(
        sdgmap::search::is_subsequence("health", &text.to_lowercase()),
        "{}",
        first.title()
    );
    run(&mut st, &[NextMatch]);
    let second = at(&st);
    assert_ne!(first.id(), second.id());
    run(&mut st, &[PrevMatch]);
    assert_eq!(at(&st).id(), first.id());
}

#[test]
fn typing_q_in_a_prompt_types_instead_of_quitting() {
    let st = app();
    let ev = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('q'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(st.lookup(ev), Some(Quit));
    let mut st = st;
    run(&mut st, &[OpenFinder]);
    assert_eq!(st.lookup(ev), Some(Insert('q')));
}

#[test]
fn prompt_screens() {
    let shots: [(&str, Vec<Action>); 4] = [
        ("finder", script(&[&[OpenFinder], &typed("digital health")])),
        (
            "filter",
            script(&[&[OpenFilter], &typed("sdg:3,9 -status:disputed")]),
        ),
        (
            "filter_panel",
            script(&[
                &[OpenFilter],
                &typed("sdg:3"),
                &[FocusNext, FocusNext, Right],
            ]),
        ),
        ("palette", script(&[&[OpenPalette], &typed("zoom")])),
    ];
    for (name, actions) in shots {
        let mut st = app();
        run(&mut st, &actions);
        for (w, h) in [(80, 24), (160, 48)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| render(f, &st)).unwrap();
            if name == "filter" && h == 24 {
                // the bar docks under the screen, which keeps the rows
                // above it and says how many it no longer shows
                let text = format!("{}", t.backend());
                assert!(text.contains(" Σ ↓12 more"), "{text}");
            }
            if name == "filter_panel" {
                // the chosen facet is marked without colour, and its name
                // is ruled off from the values of the facet beside it
                let text = format!("{}", t.backend());
                assert!(
                    text.contains("\"▸al        │ [ ] C2 Infrastructure"),
                    "{text}"
                );
                assert!(text.contains("\" status    │ [ ]"), "{text}");
            }
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
        }
    }
    // the chips stay visible under the tabs once the bar is closed
    let mut st = app();
    run(
        &mut st,
        &script(&[&[OpenFilter], &typed("sdg:3 al:C7"), &[Accept]]),
    );
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| render(f, &st)).unwrap();
    insta::assert_snapshot!("chips_after_filter_80x24", t.backend());
    let _ = EntityRef::Sdg(3);
}
