//! The explorer's state machine driven by scripted action sequences.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use sdgmap::entity::EntityRef;
use sdgmap::matrix::{Column, Metric};
use sdgmap::snapshot::load_bundled;
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::Io;
use sdgmap::tui::layout::Pane;
use sdgmap::tui::{App, Theme, ThemeChoice};

fn app() -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "test".into(),
    )
}

fn run(st: &mut App, actions: &[Action]) {
    for &a in actions {
        st.update(a);
    }
}

fn key(st: &App, e: EntityRef) -> String {
    e.key(&st.ctx.snap)
}

const TO_C2_SDG9: [Action; 9] = [Down, Right, Right, Right, Right, Right, Right, Right, Right];

#[test]
fn starts_on_the_matrix_at_c1_sdg1() {
    let st = app();
    assert_eq!(st.screen, Screen::Matrix);
    assert_eq!(key(&st, st.selected().unwrap()), "C1@1");
}

#[test]
fn drill_in_and_out_of_a_cell() {
    let mut st = app();
    run(&mut st, &TO_C2_SDG9);
    assert_eq!(key(&st, st.selected().unwrap()), "C2@9");
    run(&mut st, &[DrillIn]);
    assert_eq!(st.drill.trail.len(), 1);
    // related list: SDG 9 first, then the targets 9.1, 9.a, 9.c
    let flat: Vec<String> = st.related_flat().into_iter().map(|e| key(&st, e)).collect();
    assert_eq!(&flat[..4], ["9", "9.1", "9.a", "9.c"]);
    run(&mut st, &[Down, Down, Down, DrillIn]);
    assert_eq!(key(&st, st.drill.trail.last().unwrap().entity), "9.c");
    run(&mut st, &[Back]);
    assert_eq!(key(&st, st.drill.trail.last().unwrap().entity), "C2@9");
    run(&mut st, &[Back]);
    assert!(st.drill.trail.is_empty());
    assert_eq!(
        key(&st, st.selected().unwrap()),
        "C2@9",
        "the cursor is kept"
    );
}

#[test]
fn history_moves_back_and_forward() {
    let mut st = app();
    run(&mut st, &TO_C2_SDG9);
    run(&mut st, &[DrillIn, Down, DrillIn]); // C2@9 → 9.1? (second related item)
    let deepest = st.location();
    run(&mut st, &[HistoryBack]);
    assert_eq!(st.drill.trail.len(), 1);
    run(&mut st, &[HistoryBack]);
    assert!(st.drill.trail.is_empty());
    run(&mut st, &[HistoryForward, HistoryForward]);
    assert_eq!(st.location(), deepest);
    run(&mut st, &[HistoryForward]);
    assert_eq!(st.location(), deepest, "forward at the end stays put");
    assert!(
        st.ctx
            .status
            .as_deref()
            .unwrap_or("")
            .contains("end of history")
    );
}

#[test]
fn a_new_step_after_going_back_drops_forward_history() {
    let mut st = app();
    run(&mut st, &[DrillIn, HistoryBack, Show(Screen::Sdgs)]);
    run(&mut st, &[HistoryForward]);
    assert_eq!(st.screen, Screen::Sdgs);
    assert!(st.drill.trail.is_empty());
}

#[test]
fn zoom_keeps_the_cursor_on_the_goal() {
    let mut st = app();
    run(&mut st, &TO_C2_SDG9);
    run(&mut st, &[ToggleZoom]);
    assert_eq!(st.screens.matrix.zoom, Some(9));
    // C3 and C8 name goal 9 as a whole: their column leads the targets
    assert_eq!(st.screens.matrix.grid.columns[0], Column::Goal(9));
    assert!(matches!(
        st.screens.matrix.grid.columns[1],
        Column::Target(_)
    ));
    assert_eq!(
        st.screens.matrix.grid.columns.len(),
        1 + st.ctx.snap.sdg(9).unwrap().targets.len()
    );
    run(&mut st, &[Right, Right, ToggleZoom]);
    assert_eq!(st.screens.matrix.zoom, None);
    assert_eq!(
        st.screens.matrix.grid.columns[st.screens.matrix.col],
        Column::Sdg(9)
    );
    assert_eq!(st.screens.matrix.row, 1);
}

#[test]
fn metric_cycles_and_regrids() {
    let mut st = app();
    let targets = st.screens.matrix.grid.clone();
    run(&mut st, &[CycleMetric]);
    assert_eq!(st.screens.matrix.metric, Metric::Activities);
    assert_ne!(st.screens.matrix.grid.values, targets.values);
    run(&mut st, &[CycleMetric]);
    assert_eq!(st.screens.matrix.metric, Metric::Indicators);
    assert_ne!(st.screens.matrix.grid.values, targets.values);
    run(&mut st, &[CycleMetric]);
    assert_eq!(st.screens.matrix.grid, targets);
}

#[test]
fn screens_and_panes() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Sdgs), Down, Down, Down]);
    assert_eq!(key(&st, st.selected().unwrap()), "4");
    run(&mut st, &[Right]);
    assert_eq!(
        key(&st, st.screens.sdgs.items(&st.ctx)[4]),
        "4.1",
        "l expands the goal into its targets"
    );
    run(&mut st, &[FocusNext]);
    assert_eq!(st.screens.sdgs.panes.pane, Pane::Related);
    run(&mut st, &[FocusPrev, Left]);
    assert_eq!(st.screens.sdgs.panes.pane, Pane::Main);
    assert_eq!(st.screens.sdgs.items(&st.ctx).len(), 17);
    run(
        &mut st,
        &[Show(Screen::Lines), Down, Down, Down, Down, Down, Down],
    );
    assert_eq!(key(&st, st.selected().unwrap()), "C7");
    run(&mut st, &[ToggleExpand, Down]);
    assert_eq!(key(&st, st.selected().unwrap()), "C7-e-government");
}

#[test]
fn linked_panes_follow_the_selection() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Sdgs), Down, Down, Down]);
    let acts: Vec<EntityRef> = st
        .related_flat()
        .into_iter()
        .filter(|e| matches!(e, EntityRef::Activity(_)))
        .collect();
    let expected = st.ctx.snap.index().activities_of_sdg(4).len();
    assert_eq!(acts.len(), expected);
    assert!(expected > 0);
}

#[test]
fn activity_table_sorts() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Activities)]);
    let titles: Vec<String> = st
        .screens
        .activities
        .order
        .iter()
        .map(|&a| sdgmap::collate::key(st.ctx.snap.activity(a).title()))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    // a title opening with a quote sorts by its first letter, not first or last
    let quoted = (0..st.ctx.snap.activities().len()).position(|i| {
        let t = st.ctx.snap.activities()[i].title();
        t.starts_with(['"', '“', '‘', '\''])
    });
    if let Some(i) = quoted {
        let t = st.ctx.snap.activities()[i].title();
        let at = st
            .screens
            .activities
            .order
            .iter()
            .position(|a| a.0 as usize == i)
            .unwrap();
        let first = t.chars().find(|c| c.is_alphanumeric()).unwrap();
        assert_eq!(
            titles[at].chars().next(),
            first.to_lowercase().next(),
            "{t}"
        );
    }
    run(&mut st, &[SortNext, SortNext]); // year
    let years: Vec<Option<i32>> = st
        .screens
        .activities
        .order
        .iter()
        .map(|&a| st.ctx.snap.activity(a).year())
        .collect();
    // undated activities last, whichever way round
    let dated = years.iter().take_while(|y| y.is_some()).count();
    assert!(dated > 0 && dated < years.len(), "{years:?}");
    assert!(years[dated..].iter().all(Option::is_none), "{years:?}");
    assert!(years[..dated].windows(2).all(|w| w[0] <= w[1]));
    run(&mut st, &[SortReverse]);
    let years: Vec<Option<i32>> = st
        .screens
        .activities
        .order
        .iter()
        .map(|&a| st.ctx.snap.activity(a).year())
        .collect();
    assert!(years[..dated].windows(2).all(|w| w[0] >= w[1]));
    assert!(years[dated..].iter().all(Option::is_none), "{years:?}");
    // and the same for leads, ascending and descending: the first row has
    // one, the last has none
    let mut st = app();
    run(&mut st, &[Show(Screen::Activities), SortNext]);
    assert_eq!(
        st.screens.activities.sort,
        sdgmap::tui::screens::activities::SortKey::Lead
    );
    for desc in [false, true] {
        assert_eq!(st.screens.activities.desc, desc);
        let order = &st.screens.activities.order;
        let lead = |i: usize| {
            st.ctx
                .snap
                .activity(order[i])
                .lead()
                .unwrap_or("")
                .trim()
                .to_string()
        };
        assert!(!lead(0).is_empty(), "desc {desc}: {:?}", lead(0));
        assert!(lead(order.len() - 1).is_empty(), "desc {desc}");
        run(&mut st, &[SortReverse]);
    }
}

#[test]
fn quit_steps_out_of_a_drill_first_and_help_closes_first() {
    let mut st = app();
    run(&mut st, &[DrillIn, ToggleHelp]);
    assert_eq!(st.update(Quit), Vec::<Io>::new(), "q closes the overlay");
    assert!(st.overlay().is_none());
    assert_eq!(st.update(Quit), Vec::<Io>::new(), "q leaves the drill-down");
    assert!(st.drill.trail.is_empty());
    assert_eq!(st.update(Quit), vec![Io::Quit]);
}

#[test]
fn movement_is_clamped() {
    let mut st = app();
    run(&mut st, &[Up, Left, PageUp]);
    assert_eq!((st.screens.matrix.row, st.screens.matrix.col), (0, 0));
    run(&mut st, &[Bottom]);
    assert_eq!(st.screens.matrix.row, 17);
    for _ in 0..30 {
        st.update(Right);
    }
    assert_eq!(st.screens.matrix.col, 16);
}

#[test]
fn unzooming_after_the_zoomed_goal_is_filtered_out_stays_in_range() {
    let mut st = app();
    for _ in 0..16 {
        st.update(Right);
    }
    run(&mut st, &[ToggleZoom]);
    assert_eq!(st.screens.matrix.zoom, Some(17));
    run(&mut st, &[OpenFilter]);
    for c in "sdg:3".chars() {
        st.update(Insert(c));
    }
    run(&mut st, &[Accept]);
    assert_eq!(st.screens.matrix.zoom, None, "the zoom ends with its goal");
    run(&mut st, &[ToggleZoom, ToggleZoom, Back]);
    assert!(st.screens.matrix.col < st.screens.matrix.grid.columns.len());
    assert!(st.selected().is_some());
}

#[test]
fn tree_cursors_stay_on_a_listed_item_after_filtering() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Sdgs), Bottom]);
    run(&mut st, &[OpenFilter]);
    for c in "sdg:1".chars() {
        st.update(Insert(c));
    }
    run(&mut st, &[Accept]);
    assert_eq!(key(&st, st.selected().unwrap()), "1");
    run(&mut st, &[Show(Screen::Lines), Bottom, DrillIn]);
    assert!(!st.drill.trail.is_empty());
}
