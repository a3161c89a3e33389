//! The explorer on the data of issue 13, through ratatui's TestBackend:
//! the Countries screen (regions → countries with activity counts under the
//! view, a region's summary, a country's card and activities), the SDGs
//! tree opening a target into its indicators, the Matrix counting
//! indicators, and the card of an activity whose source states no goal —
//! snapshots at 80×24 and 160×48, and the state behind them.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::entity::EntityRef;
use sdgmap::matrix::Metric;
use sdgmap::snapshot::load_bundled;
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::component::ScreenView;
use sdgmap::tui::render;
use sdgmap::tui::screens::countries::{CountrySort, Row};
use sdgmap::tui::{App, Theme, ThemeChoice};

fn app() -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "<bundled snapshot>".into(),
    )
}

fn run(st: &mut App, actions: &[Action]) {
    for &a in actions {
        st.update(a);
    }
}

fn script(actions: &[Action]) -> App {
    let mut st = app();
    run(&mut st, actions);
    st
}

fn text(st: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    format!("{}", t.backend())
}

fn snapshots(name: &str, st: &App) {
    for (w, h) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(st, w, h));
    }
}

/// The app with the cursor of the Countries screen on `code`'s row.
fn on_country(code: &str, actions: &[Action]) -> App {
    let mut st = script(actions);
    let c = st.ctx.snap.index().country(code).unwrap();
    run(&mut st, &[Show(Screen::Countries)]);
    let ctx = &st.ctx;
    assert!(
        st.screens.countries.select(ctx, EntityRef::Country(c)),
        "{code} is not listed"
    );
    st
}

#[test]
fn countries_screen() {
    snapshots("countries_start", &script(&[Show(Screen::Countries)]));
    snapshots("countries_asia_thailand", &on_country("THA", &[]));
    snapshots(
        "countries_region_summary",
        &script(&[Show(Screen::Countries), Down, Down]),
    );
    let ldc = script(&[
        OpenFilter,
        Insert('g'),
        Insert('r'),
        Insert('o'),
        Insert('u'),
        Insert('p'),
        Insert(':'),
        Insert('l'),
        Insert('d'),
        Insert('c'),
        Accept,
        Show(Screen::Countries),
        SortNext,
        Right,
    ]);
    // under a filter, a region's groups say all its members and how many
    // this view lists, as its countries and activities do: Africa has 16
    // LLDCs, 13 of them LDCs
    let wide = text(&ldc, 160, 48);
    assert!(
        wide.contains("LDC 33 · LLDC 16 (13 in this view)"),
        "{wide}"
    );
    snapshots("countries_by_activities_ldc", &ldc);
}

#[test]
fn a_country_drills_into_its_activities_under_the_view() {
    let mut st = on_country("THA", &[]);
    let tha = st.ctx.snap.index().country("THA").unwrap();
    let all = st.ctx.snap.index().activities_of_country(tha).len();
    run(&mut st, &[DrillIn]);
    let screen = text(&st, 160, 48);
    assert!(screen.contains("Countries › Thailand"), "{screen}");
    assert!(screen.contains(&format!("Activities ({all})")), "{screen}");
    snapshots("drill_country", &st);
    // under a view, the counts and the drill-down follow it
    let mut st = app();
    st.open_view("year:2015");
    let y2015 = st
        .ctx
        .snap
        .index()
        .activities_of_country(tha)
        .iter()
        .filter(|&&a| st.ctx.snap.activity(a).year() == Some(2015))
        .count();
    assert!(y2015 > 0 && y2015 < all);
    assert_eq!(
        st.screens.countries.counts.country[tha.ix()] as usize,
        y2015
    );
    run(&mut st, &[Show(Screen::Countries)]);
    let ctx = &st.ctx;
    assert!(st.screens.countries.select(ctx, EntityRef::Country(tha)));
    run(&mut st, &[DrillIn]);
    let screen = text(&st, 160, 48);
    assert!(
        screen.contains(&format!("Activities ({y2015})")),
        "{screen}"
    );
}

#[test]
fn regions_open_close_and_sort() {
    let mut st = script(&[Show(Screen::Countries), Down, Down]);
    let asia = || Row::Region(2);
    assert_eq!(st.screens.countries.row(&st.ctx), Some(asia()));
    run(&mut st, &[Right, Down]);
    let first = st.screens.countries.row(&st.ctx);
    assert!(matches!(first, Some(Row::Country(_))), "{first:?}");
    // h on a country goes back to its region, closed
    run(&mut st, &[Left]);
    assert_eq!(st.screens.countries.row(&st.ctx), Some(asia()));
    assert!(st.screens.countries.open.is_empty());
    // Enter on a region opens it (a region has no record to drill into)
    run(&mut st, &[DrillIn]);
    assert!(st.screens.countries.open.contains("Asia"));
    assert!(st.drill.is_empty());
    // s keeps the cursor on its row
    run(&mut st, &[Down, Down, Down]);
    let at = st.screens.countries.row(&st.ctx);
    run(&mut st, &[SortNext]);
    assert_eq!(st.screens.countries.sort, CountrySort::Activities);
    assert_eq!(st.screens.countries.row(&st.ctx), at);
}

#[test]
fn show_countries_opens_the_screen_with_every_region_open() {
    let mut st = app();
    st.open_view("region:Africa show:countries");
    assert_eq!(st.screen, Screen::Countries);
    let rows = st.screens.countries.rows(st.ctx.sel());
    assert_eq!(rows[0], Row::Region(0));
    assert!(rows.len() > 1, "Africa is open");
    assert!(
        rows.iter().all(|r| match r {
            Row::Region(i) => st.screens.countries.regions[*i].name == "Africa",
            Row::Country(c) => st.ctx.snap.country(*c).region.as_deref() == Some("Africa"),
        }),
        "only Africa under region:Africa"
    );
}

#[test]
fn a_target_opens_into_its_indicators() {
    // SDG 9 opened, then its target 9.c (the eighth) into 9.c.1
    let mut st = script(&[Show(Screen::Sdgs)]);
    for _ in 0..8 {
        st.update(Down);
    }
    run(&mut st, &[Right]);
    for _ in 0..8 {
        st.update(Down);
    }
    let s = &st.ctx.snap;
    let t9c = s.index().target("9.c").unwrap();
    assert_eq!(
        st.screens.sdgs.selected(&st.ctx),
        Some(EntityRef::Target(t9c))
    );
    run(&mut st, &[Right, Down]);
    let i = st.ctx.snap.index().indicator("9.c.1").unwrap();
    assert_eq!(
        st.screens.sdgs.selected(&st.ctx),
        Some(EntityRef::Indicator(i))
    );
    snapshots("sdgs_target_indicators", &st);
    // h on an indicator closes its target and goes to it
    run(&mut st, &[Left]);
    assert_eq!(
        st.screens.sdgs.selected(&st.ctx),
        Some(EntityRef::Target(t9c))
    );
    assert!(st.screens.sdgs.open_targets.is_empty());
    // show:indicators opens every goal and target the view keeps
    let mut st = app();
    st.open_view("custodian:ITU show:indicators");
    assert_eq!(st.screen, Screen::Sdgs);
    let items = st.screens.sdgs.items(&st.ctx);
    let codes: Vec<String> = items
        .iter()
        .filter_map(|e| match e {
            EntityRef::Indicator(i) => Some(st.ctx.snap.indicator(*i).code.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(codes, ["4.4.1", "5.b.1", "9.c.1", "17.6.1", "17.8.1"]);
}

#[test]
fn the_matrix_counts_indicators_and_its_cell_lists_them() {
    let mut st = script(&[Down, Right, Right, Right, Right, Right, Right, Right, Right]);
    run(&mut st, &[CycleMetric, CycleMetric]);
    assert_eq!(st.screens.matrix.metric, Metric::Indicators);
    snapshots("matrix_indicators_metric", &st);
    let screen = text(&st, 160, 48);
    assert!(screen.contains("indicators of linked targets"), "{screen}");
    run(&mut st, &[DrillIn]);
    let screen = text(&st, 160, 48);
    let s = &st.ctx.snap;
    let cell = EntityRef::Cell(s.index().line("C2").unwrap(), 9);
    let groups = st.ctx.related_to(cell);
    let inds: Vec<String> = groups
        .iter()
        .filter(|g| g.kind == sdgmap::entity::Kind::Indicator)
        .flat_map(|g| g.items.iter().map(|&e| e.key(s)))
        .collect();
    assert_eq!(inds, ["9.1.1", "9.1.2", "9.a.1", "9.c.1"]);
    assert!(screen.contains("3 targets with 4 indicators"), "{screen}");
}

/// The app on the one 2015 e-health nominee from Thailand, its card shown
/// beside the list at 160×48, and that screen's text.
fn thai_ehealth_nominee() -> (App, String) {
    let mut st = app();
    st.open_view("country:THA al:C7-e-health year:2015");
    run(&mut st, &[Show(Screen::Activities)]);
    let screen = text(&st, 160, 48);
    (st, screen)
}

#[test]
fn a_nominee_card_shows_the_matrix_goals_apart_from_stated_ones() {
    let (st, screen) = thai_ehealth_nominee();
    assert!(screen.contains("none stated by the source"), "{screen}");
    assert!(
        screen.contains("Goals the Matrix links C7-e-health to — not stated for this activity"),
        "{screen}"
    );
    assert!(screen.contains("THA Thailand"), "{screen}");
    snapshots("nominee_card", &st);
}

#[test]
fn a_nominee_whose_listing_garbled_its_text_says_so_on_its_card() {
    let mut st = app();
    let a = st
        .ctx
        .snap
        .index()
        .activity("wsis-prizes-2015-plan-ceibal-clases-de-ingla-s-uruguay")
        .unwrap();
    st.apply(vec![sdgmap::tui::effect::Effect::Drill(
        EntityRef::Activity(a),
    )]);
    let screen = text(&st, 160, 48);
    // the text as the listing has it, and a word on what it probably was
    assert!(screen.contains("Clases de InglÃ©s"), "{screen}");
    assert!(
        screen.contains("text shown as the source has it, which looks mis-encoded"),
        "{screen}"
    );
    assert!(screen.contains("«InglÃ©s», probably «é» there"), "{screen}");
    // a nominee whose listing is clean gets no such line
    let (_, screen) = thai_ehealth_nominee();
    assert!(!screen.contains("mis-encoded"), "{screen}");
}
