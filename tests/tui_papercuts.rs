//! The interaction papercuts of issue 12, each reproduced as the user met
//! it — scripted actions, the effects performed against files in a
//! temporary folder, screens drawn through `TestBackend` — and each
//! failing on the code before the components redesign.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use sdgmap::bookmarks::{Store, snapshot_fingerprint};
use sdgmap::entity::EntityRef;
use sdgmap::paths::Paths;
use sdgmap::search::{CancelToken, Finder};
use sdgmap::snapshot::{BUNDLED, load_bundled};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::ask::Ask;
use sdgmap::tui::effect::Io;
use sdgmap::tui::overlays::{Help, Overlay};
use sdgmap::tui::worker::LIMIT;
use sdgmap::tui::{App, Env, Theme, ThemeChoice, render};

fn app() -> App {
    App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "test".into(),
    )
}

/// Applies actions, running searches to completion; returns the other effects.
fn run(st: &mut App, actions: &[Action]) -> Vec<Io> {
    let mut finder = Finder::with_corpus(st.ctx.filters.corpus().clone());
    let mut out = Vec::new();
    for &a in actions {
        for io in st.update(a) {
            match io {
                Io::Search(req) => {
                    let res = finder
                        .search(&req.query, LIMIT, &CancelToken::never())
                        .unwrap();
                    st.receive(req.generation, res);
                }
                other => out.push(other),
            }
        }
    }
    out
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Insert).collect()
}

fn draw(st: &App, w: u16, h: u16) -> (String, Terminal<TestBackend>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    let buf = t.backend().buffer().clone();
    let text = (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, t)
}

fn key(st: &App, e: EntityRef) -> String {
    e.key(&st.ctx.snap)
}

fn status(st: &App) -> String {
    st.ctx.status.clone().unwrap_or_default()
}

/// A store in a temporary folder, and the snapshot's fingerprint.
fn env(dir: &std::path::Path) -> Env {
    let snap = load_bundled().unwrap();
    Env {
        store: Ok(Store::open(&Paths::at(dir)).unwrap()),
        current: snapshot_fingerprint(&snap, BUNDLED.as_bytes()),
    }
}

fn perform(st: &mut App, env: &mut Env, ios: Vec<Io>) {
    let mut out = Vec::new();
    for io in ios {
        let more = st.perform(env, io, &mut out);
        perform(st, env, more);
    }
}

#[test]
fn after_a_resize_the_cursor_is_in_view_and_no_rows_are_wasted() {
    // the SDG 5 drill-down at 80×24, 21 rows down, then 200×60
    let mut st = app();
    run(
        &mut st,
        &[Show(Screen::Sdgs), Down, Down, Down, Down, DrillIn],
    );
    draw(&st, 80, 24);
    run(&mut st, &[Down; 21]);
    draw(&st, 80, 24);
    let (text, _) = draw(&st, 200, 60);
    for &(area, offset, height, len) in st.ctx.layout.marks.borrow().iter() {
        assert!(
            offset == 0 || offset + height <= len,
            "{area:?} shows {height} rows from {offset} of {len}: rows hidden above, empty rows below\n{text}"
        );
    }
    let (_, y) = st.ctx.layout.cursor.get().unwrap();
    assert!(y < 60, "the cursor row is on screen");
    assert!(text.contains('▌'), "the selected row is drawn");
}

#[test]
fn tour_and_export_questions_are_not_titled_bookmark() {
    let snap = load_bundled().unwrap();
    let tour = sdgmap::tour::load_bytes(
        "t",
        sdgmap::tour::bundled("itu-2030-agenda").unwrap().as_bytes(),
        &snap,
    )
    .unwrap();
    let mut st = app();
    st.start_tour(tour);
    for (actions, title) in [
        (vec![TourJump], "┌ tour "),
        (vec![StepOff, RecordStep], "┌ tour "),
        (vec![StepOff, ExportView], "┌ export "),
        (vec![StepOff, SaveBookmark], "┌ bookmark "),
    ] {
        st.overlays.clear();
        run(&mut st, &actions);
        let (text, _) = draw(&st, 80, 24);
        assert!(text.contains(title), "{actions:?}: {title}\n{text}");
        if title != "┌ bookmark " {
            assert!(!text.contains("bookmark"), "{actions:?}\n{text}");
        }
    }
}

#[test]
fn the_filter_bar_says_what_is_wrong_and_keeps_only_what_parses() {
    let mut st = app();
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("sgd:3"));
    let (text, _) = draw(&st, 80, 24);
    assert!(
        text.contains("unknown facet 'sgd' — did you mean 'sdg'?"),
        "the CLI's message, inline:\n{text}"
    );
    assert!(text.contains("  ^^^"), "a caret under the word:\n{text}");
    assert!(st.chips().is_empty(), "no junk chip: {:?}", st.chips());
    assert_eq!(
        st.ctx.sel().activity_count(),
        st.ctx.snap.activities().len()
    );
    assert!(!text.contains("[● sgd]") && !text.contains("of 60 activities"));
    // what still parses keeps applying
    run(&mut st, &[ClearInput]);
    run(&mut st, &typed("sdg:4 sgd:3"));
    let words: Vec<String> = st.chips().iter().map(|c| c.view.to_string()).collect();
    assert_eq!(words, ["sdg:4"]);
}

#[test]
fn b_and_y_keep_the_cursor_and_the_chips_that_are_off() {
    // 4 j j y: the activity under the cursor
    let mut st = app();
    let io = run(&mut st, &[Show(Screen::Activities), Down, Down, CopyView]);
    let third = st.screens.activities.order[2];
    let id = st.ctx.snap.activity(third).id().to_string();
    assert_eq!(io, [Io::Copy(format!("show:activities at:{id}"))]);
    run(&mut st, &[SaveBookmark]);
    let Some(Overlay::Prompt(p)) = st.overlay() else {
        panic!("no prompt")
    };
    assert_eq!(
        p.ask,
        Ask::SaveName {
            view: format!("show:activities at:{id}")
        }
    );
    // a chip switched off with Space stays in the view, off
    let mut st = app();
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("sdg:9 al:C2"));
    run(&mut st, &[FocusNext, ToggleValue, Accept]);
    let io = run(&mut st, &[CopyView]);
    let view = "al:C2 ~sdg:9 show:links";
    assert_eq!(io, [Io::Copy(view.into())]);
    // and a view string brings back all of it
    let mut again = app();
    again.open_view(&format!("{view} at:C2@9"));
    assert_eq!(again.chips().len(), 2);
    assert!(
        again
            .chips()
            .iter()
            .any(|c| !c.on && c.view.to_string() == "sdg:9")
    );
    assert_eq!(key(&again, again.selected().unwrap()), "C2@9");
    let mut cursor = app();
    cursor.open_view(&format!("show:activities at:{id}"));
    assert_eq!(cursor.screen, Screen::Activities);
    assert_eq!(cursor.selected(), Some(EntityRef::Activity(third)));
    assert!(
        cursor.drill.is_empty(),
        "at: puts the cursor there, it does not drill in"
    );
}

#[test]
fn find_then_esc_leaves_the_cursor_on_the_found_record() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Activities), OpenFinder]);
    run(&mut st, &typed("digital health for africa"));
    run(&mut st, &[Accept]);
    assert_eq!(
        key(&st, st.drill.focus().unwrap()),
        "digital-health-for-africa"
    );
    run(&mut st, &[Back]);
    assert!(st.drill.is_empty());
    assert_eq!(
        key(&st, st.selected().unwrap()),
        "digital-health-for-africa"
    );
}

#[test]
fn n_counts_the_matches_skips_loose_ones_and_they_are_underlined() {
    let mut st = app();
    run(&mut st, &[Show(Screen::Activities), OpenFinder]);
    run(&mut st, &typed("health"));
    run(&mut st, &[Accept, Back, Top]);
    let close: Vec<EntityRef> = st
        .screens
        .activities
        .order
        .iter()
        .map(|&a| EntityRef::Activity(a))
        .filter(|&e| {
            let mut hay = String::new();
            sdgmap::search::haystack(&st.ctx.snap, e, &mut hay);
            hay.to_lowercase().contains("health")
        })
        .collect();
    assert!(close.len() >= 2, "{close:?}");
    let mut seen = Vec::new();
    for k in 1..=close.len() {
        run(&mut st, &[NextMatch]);
        seen.push(st.selected().unwrap());
        assert!(
            status(&st).starts_with(&format!("match {k} of {} for 'health'", close.len())),
            "{}",
            status(&st)
        );
    }
    seen.sort();
    let mut want = close.clone();
    want.sort();
    assert_eq!(seen, want, "n visits the close matches, and only them");
    run(&mut st, &[PrevMatch]);
    assert!(status(&st).starts_with("match "), "{}", status(&st));
    // the matched letters are underlined in the table
    let (_, t) = draw(&st, 160, 48);
    let buf = t.backend().buffer();
    let underlined = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .count();
    assert!(
        underlined >= "health".len(),
        "{underlined} underlined cells"
    );
}

/// The help's text for what is under it.
fn help_text(st: &App) -> Vec<String> {
    let help = Help::new(st.view_contexts());
    sdgmap::tui::ui::card::wrap(&help.rows(&st.ctx.theme), 100)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn help_groups_keys_by_context_with_quit_and_the_view_language() {
    let st = app();
    let lines = help_text(&st);
    let titles: Vec<&String> = lines
        .iter()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        titles[..3],
        ["Matrix", "Everywhere", "This help"],
        "this screen's keys first: {titles:?}"
    );
    let has = |label: &str, desc: &str| {
        lines
            .iter()
            .any(|l| l.trim_start().starts_with(label) && l.contains(desc))
    };
    assert!(has("q ", "quit"), "{lines:#?}");
    assert!(has("j ↓", "move down") && has("j ↓", "scroll the help down"));
    assert!(lines.iter().any(|l| l.starts_with("The view language")));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("sdg:4,9") && l.contains("OR-ed"))
    );
    assert!(lines.iter().any(|l| l.contains("~sdg:9")));
    // on a tour, g jumps to a step, and the tour's keys come first
    let snap = load_bundled().unwrap();
    let tour = sdgmap::tour::load_bytes(
        "t",
        sdgmap::tour::bundled("itu-2030-agenda").unwrap().as_bytes(),
        &snap,
    )
    .unwrap();
    let mut st = app();
    st.start_tour(tour);
    let lines = help_text(&st);
    assert_eq!(lines[0], "On a tour");
    let g: Vec<&String> = lines
        .iter()
        .filter(|l| l.trim_start().starts_with("g "))
        .collect();
    assert!(g[0].contains("jump to a step by number"), "{g:?}");
    assert!(g.iter().all(|l| !l.trim_end().ends_with(" top")), "{g:?}");
}

#[test]
fn shift_f_clears_every_filter_and_the_palette_ranks_whole_words_first() {
    let mut st = app();
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("sdg:3 al:C7"));
    run(&mut st, &[Accept, ClearFilters]);
    assert!(st.chips().is_empty());
    assert_eq!(
        st.ctx.sel().activity_count(),
        st.ctx.snap.activities().len()
    );
    assert!(status(&st).contains("sdg:3 al:C7"), "{}", status(&st));
    // :clear runs it too
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("sdg:3"));
    run(&mut st, &[Accept, OpenPalette]);
    run(&mut st, &typed("clear"));
    run(&mut st, &[Accept]);
    assert!(st.chips().is_empty(), "{:?}", st.chips());
    let first = |text: &str| match sdgmap::tui::overlays::palette::matches(text)
        .into_iter()
        .next()
    {
        Some(sdgmap::tui::overlays::palette::Command::Run(b)) => Some(b.action),
        _ => None,
    };
    assert_eq!(first("export"), Some(ExportView));
    assert_eq!(first("clear"), Some(ClearFilters));
}

#[test]
fn the_current_view_exports_to_a_file_and_asks_before_replacing_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = env(dir.path());
    let mut st = app();
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("sdg:3"));
    run(
        &mut st,
        &[Accept, Show(Screen::Activities), ExportView, ClearInput],
    );
    let file = dir.path().join("health.csv");
    run(&mut st, &typed(&file.display().to_string()));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    let n = st.ctx.snap.index().activities_of_sdg(3).len();
    assert_eq!(
        status(&st),
        format!("wrote {n} activities to {}", file.display())
    );
    let csv = std::fs::read_to_string(&file).unwrap();
    assert_eq!(csv.lines().count(), n + 1, "{csv}");
    // again: it asks first; n keeps the file
    std::fs::write(&file, "mine").unwrap();
    run(&mut st, &[ExportView, ClearInput]);
    run(&mut st, &typed(&file.display().to_string()));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    assert!(matches!(st.overlay(), Some(Overlay::Prompt(p)) if p.ask.is_confirm()));
    run(&mut st, &[No]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    // a name without a known extension is refused
    run(&mut st, &[ExportView, ClearInput]);
    run(&mut st, &typed("out.txt"));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    assert!(
        status(&st).contains(".csv, .json, .md, .svg or .html"),
        "{}",
        status(&st)
    );
}

#[test]
fn t_asks_for_a_tour_name_and_records_into_the_users_tours() {
    let dir = tempfile::tempdir().unwrap();
    let tours = dir.path().join("tours");
    let mut e = env(dir.path());
    let mut st = app();
    st.tours_dir = Some(tours.clone());
    run(&mut st, &[Down, DrillIn, RecordStep]);
    let Some(Overlay::Prompt(p)) = st.overlay() else {
        panic!("no prompt")
    };
    assert!(p.ask.title().contains("record this view into tour"));
    assert_eq!(p.input.text(), "", "no name is chosen for the user");
    // a bundled tour's name is refused, the question stays
    run(&mut st, &typed("itu-2030-agenda"));
    run(&mut st, &[Accept]);
    assert!(status(&st).contains("a bundled tour has this name"));
    assert!(st.overlay().is_some());
    run(&mut st, &[ClearInput]);
    run(&mut st, &typed("board"));
    run(&mut st, &[Accept]);
    let Some(Overlay::Prompt(p)) = st.overlay() else {
        panic!("no caption prompt")
    };
    assert_eq!(p.ask.title(), "caption for the new step of tour 'board':");
    run(&mut st, &typed("C2 at work"));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    let file = tours.join("board.json");
    assert!(
        status(&st).starts_with("step 1 added to"),
        "{}",
        status(&st)
    );
    let (_, tour) =
        sdgmap::tour::load_named_in("board".as_ref(), Some(&tours), &st.ctx.snap).unwrap();
    assert_eq!(tour.steps[0].caption, "C2 at work");
    assert!(file.is_file());
    // the next T suggests the same tour
    run(&mut st, &[RecordStep]);
    let Some(Overlay::Prompt(p)) = st.overlay() else {
        panic!("no prompt")
    };
    assert_eq!(p.input.text(), "board");
}

#[test]
fn q_closes_the_bookmark_list_and_one_enter_opens_from_its_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = env(dir.path());
    let mut st = app();
    for (name, view) in [("alpha", "sdg:1"), ("beta", "sdg:2 show:sdgs")] {
        let io = run(&mut st, &[OpenPalette]);
        perform(&mut st, &mut e, io);
        run(&mut st, &typed(&format!("open {view}")));
        run(&mut st, &[Accept, SaveBookmark]);
        run(&mut st, &typed(name));
        let io = run(&mut st, &[Accept]);
        perform(&mut st, &mut e, io);
    }
    let io = run(&mut st, &[OpenBookmarks]);
    perform(&mut st, &mut e, io);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(st.lookup(q), Some(Cancel));
    run(&mut st, &[Cancel]);
    assert!(st.overlay().is_none(), "q closed the list");
    // / filters; Enter opens the bookmark it leaves
    let io = run(&mut st, &[OpenBookmarks, FilterList]);
    perform(&mut st, &mut e, io);
    run(&mut st, &typed("bet"));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    assert!(st.overlay().is_none());
    assert!(
        status(&st).starts_with("opened bookmark 'beta'"),
        "{}",
        status(&st)
    );
    assert_eq!(st.screen, Screen::Sdgs);
}

#[test]
fn the_filter_bar_title_and_the_hint_bar_say_the_same() {
    for focus in [vec![], vec![FocusNext, FocusNext]] {
        let mut st = app();
        run(&mut st, &[OpenFilter]);
        run(&mut st, &focus);
        let (text, _) = draw(&st, 160, 48);
        let lines: Vec<&str> = text.lines().collect();
        let title = lines.iter().find(|l| l.contains("filter — ")).unwrap();
        let hints = lines.last().unwrap();
        let pairs: Vec<&str> = hints
            .split("  ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert!(pairs.len() >= 3, "{hints}");
        for p in pairs {
            assert!(
                title.contains(p),
                "the hint bar's {p:?} is not in the title {title:?}"
            );
        }
    }
}

#[test]
fn show_targets_opens_the_sdgs_screen_with_the_goals_open() {
    let mut st = app();
    st.open_view("sdg:9 show:targets");
    assert_eq!(st.screen, Screen::Sdgs);
    let items: Vec<String> = st
        .screens
        .sdgs
        .items(&st.ctx)
        .into_iter()
        .map(|e| key(&st, e))
        .collect();
    assert_eq!(items[..3], ["9", "9.1", "9.2"]);
    assert_eq!(items.len(), 1 + st.ctx.snap.sdg(9).unwrap().targets.len());
}

#[test]
fn the_matrix_exports_as_a_figure_with_the_screens_metric_and_zoom() {
    use sdgmap::matrix::{Matrix, Metric};
    let dir = tempfile::tempdir().unwrap();
    let mut e = env(dir.path());
    let mut st = app();
    run(&mut st, &[OpenFilter]);
    run(&mut st, &typed("al:C7"));
    // the activities metric, zoomed into SDG 3 (cursor on C1 × SDG 3)
    run(&mut st, &[Accept, CycleMetric, Right, Right, ToggleZoom]);
    assert_eq!(st.screens.matrix.metric, Metric::Activities);
    assert_eq!(st.screens.matrix.zoom, Some(3));
    let file = dir.path().join("c7.svg");
    run(&mut st, &[ExportView, ClearInput]);
    run(&mut st, &typed(&file.display().to_string()));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    let sel = sdgmap::view::apply(&st.ctx.snap, &sdgmap::view::parse("al:C7").unwrap());
    let g = Matrix::compute(&st.ctx.snap, Metric::Activities, Some(3), &sel);
    assert!(
        status(&st).starts_with("wrote the Matrix"),
        "{}",
        status(&st)
    );
    assert!(status(&st).contains("as svg"), "{}", status(&st));
    let svg = std::fs::read_to_string(&file).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let cells: Vec<_> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("g")
                && n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == "cell"))
        })
        .collect();
    assert_eq!(cells.len(), g.rows.len() * g.columns.len());
    for n in &cells {
        let r: usize = n.attribute("data-r").unwrap().parse().unwrap();
        let c: usize = n.attribute("data-c").unwrap().parse().unwrap();
        assert_eq!(
            n.attribute("data-value"),
            Some(g.value(r, c).to_string().as_str()),
            "cell {r},{c}"
        );
    }
    // and as one HTML page
    let page = dir.path().join("c7.html");
    run(&mut st, &[ExportView, ClearInput]);
    run(&mut st, &typed(&page.display().to_string()));
    let io = run(&mut st, &[Accept]);
    perform(&mut st, &mut e, io);
    assert!(status(&st).contains("as html"), "{}", status(&st));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("<svg"));
}
