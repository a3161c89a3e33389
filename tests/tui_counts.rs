//! The numbers on the screens agree with one another: a related list's
//! `↑`/`↓` marks count the records its title counts (group headings are not
//! records), a tree's title counts the kind it names, a link's card and
//! its cell's card split the activities alike, the finder's marks and group
//! counts add up to what it lists, and the header never cuts the view's
//! count. Each test reads the screen as its user does, through
//! ratatui's TestBackend.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::entity::EntityRef;
use sdgmap::search::{CancelToken, Finder};
use sdgmap::snapshot::load_bundled;
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::{Effect, Io};
use sdgmap::tui::layout::Hit;
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

fn script(actions: &[Action]) -> App {
    let mut st = app();
    run(&mut st, actions);
    st
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Insert).collect()
}

/// The screen's lines after drawing `st` at `w`×`h`.
fn screen(st: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    let b = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| b[(x, y)].symbol()).collect())
        .collect()
}

/// A bordered pane: its top and bottom border lines (the part between its
/// corners).
struct Pane {
    top: String,
    bottom: String,
}

/// The pane whose left border is at column `x0` and that holds row `y`.
fn pane_at(lines: &[String], x0: usize, y: usize) -> Pane {
    let chars: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    let at = |y: usize, x: usize| chars[y].get(x).copied();
    let (mut top, mut bottom) = (y, y);
    while top > 0 && at(top, x0) != Some('┌') {
        top -= 1;
    }
    while bottom + 1 < chars.len() && at(bottom, x0) != Some('└') {
        bottom += 1;
    }
    let border = |y: usize, end: char| -> String {
        let row = &chars[y][x0..];
        let n = row.iter().skip(1).position(|&c| c == end).unwrap() + 2;
        row[..n].iter().collect()
    };
    Pane {
        top: border(top, '┐'),
        bottom: border(bottom, '┘'),
    }
}

/// The number right after `key` in `text`.
fn number_after(text: &str, key: &str) -> Option<usize> {
    let at = text.find(key)? + key.len();
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .ok()
}

/// (title count, above, shown, below) of the related list just drawn.
fn related_numbers(st: &App, lines: &[String]) -> (usize, usize, usize, usize) {
    let hits: Vec<_> = st
        .ctx
        .layout
        .hits
        .borrow()
        .iter()
        .filter(|(_, h)| matches!(h, Hit::RelatedRow(_)))
        .map(|(r, _)| *r)
        .collect();
    let first = hits[0];
    let p = pane_at(lines, first.x as usize - 1, first.y as usize);
    let i = p.top.rfind('(').unwrap();
    let total = number_after(&p.top[i..], "(").unwrap();
    (
        total,
        number_after(&p.bottom, "↑ ").unwrap_or(0),
        hits.len(),
        number_after(&p.bottom, "↓ ").unwrap_or(0),
    )
}

/// Keys, screen size, the title's count, records shown, records below.
type Case<'a> = (&'a [Action], (u16, u16), usize, usize, usize);

const C2_SDG9: [Action; 9] = [Down, Right, Right, Right, Right, Right, Right, Right, Right];

#[test]
fn related_marks_count_the_records_the_title_counts() {
    let drill_cell = [&C2_SDG9[..], &[DrillIn]].concat();
    let drill_target = [&drill_cell[..], &[Down, Down, Down, DrillIn]].concat();
    let sdgs = [
        &[Show(Screen::Sdgs)][..],
        &[Down; 8],
        &[Right, FocusNext, FocusNext],
    ]
    .concat();
    let lines_c7 = [&[Show(Screen::Lines)][..], &[Down; 6], &[ToggleExpand]].concat();
    // (keys, size, the title's count, records shown, records below)
    let cases: [Case; 4] = [
        // 6 headings among the first 13 rows: 7 records shown, 14 below
        (&drill_cell, (80, 24), 21, 7, 14),
        (&drill_target, (80, 24), 23, 9, 14),
        (&sdgs, (160, 48), 46, 27, 19),
        (&lines_c7, (80, 24), 387, 8, 379),
    ];
    for (keys, (w, h), total, shown, below) in cases {
        let st = script(keys);
        let lines = screen(&st, w, h);
        let n = related_numbers(&st, &lines);
        assert_eq!(n, (total, 0, shown, below), "{}", lines.join("\n"));
        assert_eq!(n.1 + n.2 + n.3, n.0);
    }
    // scrolled to the end: everything above, nothing below
    let st = script(&[&drill_cell[..], &[FocusNext, Bottom]].concat());
    let lines = screen(&st, 80, 24);
    let (total, above, shown, below) = related_numbers(&st, &lines);
    assert_eq!((total, below), (21, 0), "{}", lines.join("\n"));
    assert_eq!(above + shown, 21, "{}", lines.join("\n"));
}

/// The top border of the first pane on the screen's line `y`.
fn title_on(lines: &[String], y: usize) -> String {
    let l = &lines[y];
    let end = l.find('┐').unwrap();
    l[..end].to_string()
}

#[test]
fn tree_titles_count_the_kind_they_name() {
    // SDG 9 open into its 8 targets: 17 goals, not 25 rows
    let sdgs = [&[Show(Screen::Sdgs)][..], &[Down; 8], &[Right]].concat();
    let st = script(&sdgs);
    assert!(title_on(&screen(&st, 160, 48), 2).contains(" SDGs (17) · 8 targets open "));
    assert!(title_on(&screen(&st, 80, 24), 1).contains(" SDGs (17) · 8 targets open "));
    let st = script(&[Show(Screen::Sdgs)]);
    assert!(title_on(&screen(&st, 80, 24), 1).contains(" SDGs (17) ─"));
    // C7 open or not, there are 11 Action Lines
    let closed = script(&[Show(Screen::Lines)]);
    let open = script(&[&[Show(Screen::Lines)][..], &[Down; 6], &[ToggleExpand]].concat());
    assert!(title_on(&screen(&closed, 80, 24), 1).contains(" Action Lines (11) ─"));
    assert!(
        title_on(&screen(&open, 160, 48), 2).contains(" Action Lines (11) · 8 sub-lines open ")
    );
    assert!(title_on(&screen(&open, 80, 24), 1).contains(" Action Lines (11) · +8 open "));
    // under a filter: the goals the view keeps
    let mut st = app();
    run(
        &mut st,
        &[
            &[OpenFilter][..],
            &typed("sdg:3,9"),
            &[Accept],
            &[Show(Screen::Sdgs)],
        ]
        .concat(),
    );
    assert!(title_on(&screen(&st, 160, 48), 3).contains(" SDGs (2) ─"));
}

#[test]
fn a_link_card_splits_activities_as_its_cell_card_does() {
    let mut st = app();
    let s = &st.ctx.snap;
    let c2 = s.index().line("C2").unwrap();
    let k = s.index().links_at(c2, 9)[0];
    st.apply(vec![Effect::Drill(EntityRef::Link(k))]);
    let link = screen(&st, 160, 48).join("\n");
    assert!(link.contains("┌ C2 × SDG 9 link ─"), "{link}");
    assert!(
        link.contains("activities   6 + 5 cross-cutting (not counted; x counts them)"),
        "{link}"
    );
    assert!(link.contains(" Activities (6) "), "{link}");
    assert!(
        link.contains(" Activities — cross-cutting, not counted (x counts them) (5) "),
        "{link}"
    );
    // the cell's card and list say the same
    let cell = screen(&script(&[&C2_SDG9[..], &[DrillIn]].concat()), 160, 48).join("\n");
    assert!(
        cell.contains("6 activities (+5 cross-cutting, not counted"),
        "{cell}"
    );
    assert!(cell.contains(" Activities (6) "), "{cell}");
    assert!(
        cell.contains(" Activities — cross-cutting, not counted (x counts them) (5) "),
        "{cell}"
    );
}

#[test]
fn activity_years_stand_in_a_column_of_their_own() {
    let st = script(&[&C2_SDG9[..], &[DrillIn, FocusNext, Bottom]].concat());
    for (w, h) in [(80, 24), (160, 48)] {
        let lines = screen(&st, w, h);
        let s = &st.ctx.snap;
        let mut ends = Vec::new();
        for l in &lines {
            // the activities this row may be (titles cut to 12 characters)
            let rows: Vec<_> = s
                .activities()
                .iter()
                .filter(|a| {
                    let title: String = a.title().chars().take(12).collect();
                    l.contains(&format!("│ {title}")) || l.contains(&format!("▌{title}"))
                })
                .collect();
            let years: Vec<i32> = rows.iter().filter_map(|a| a.year()).collect();
            if rows.is_empty() || years.len() < rows.len() {
                continue;
            }
            let year = years
                .iter()
                .map(|y| format!("  {y}│"))
                .find(|y| l.contains(y));
            let Some(year) = year else {
                panic!("year glued or missing: {l}")
            };
            ends.push(l[..l.find(&year).unwrap()].chars().count());
        }
        assert!(ends.len() >= 3, "{}", lines.join("\n"));
        assert!(ends.windows(2).all(|p| p[0] == p[1]), "ragged: {ends:?}");
    }
    let lines = screen(&st, 160, 48).join("\n");
    assert!(!lines.contains("Connect 2030 Agenda 2018"), "{lines}");
}

#[test]
fn the_finder_marks_and_headings_add_up_to_what_it_lists() {
    let mut st = app();
    run(&mut st, &[&[OpenFinder][..], &typed("digital")].concat());
    let Some(sdgmap::tui::overlays::Overlay::Finder(f)) = st.overlay() else {
        panic!("finder not open")
    };
    let listed = f.hits.len();
    let total = f.total;
    let activities = f
        .hits
        .iter()
        .filter(|h| h.kind() == sdgmap::entity::Kind::Activity)
        .count();
    assert!(listed > 20 && activities > 0);
    let text = screen(&st, 80, 24).join("\n");
    // the heading counts the group's listed hits, and all its matches
    // when only the best are listed (`Activities (101 of 164)`)
    let matched = f
        .by_kind
        .iter()
        .find(|(k, _)| *k == sdgmap::entity::Kind::Activity)
        .map_or(0, |&(_, n)| n);
    assert!(matched > activities, "{matched} {activities}");
    assert_eq!(
        matched,
        sdgmap::view::apply(&st.ctx.snap, &sdgmap::view::parse("digital").unwrap())
            .activity_count(),
        "what `sdgmap query digital` counts"
    );
    assert!(
        text.contains(&format!("Activities ({activities} of {matched})")),
        "{text}"
    );
    let status = if listed < total {
        format!(" {listed} of {total} listed ")
    } else {
        format!(" {total} matches ")
    };
    assert!(text.contains(&status), "{text}");
    let below = number_after(&text, "↓ ").unwrap();
    // move into the list: rows above are marked too
    run(&mut st, &[Down; 30]);
    let text = screen(&st, 80, 24).join("\n");
    let above = number_after(&text, "↑ ").unwrap();
    let below2 = number_after(&text, "↓ ").unwrap();
    assert!(above > 0 && below2 < below, "{text}");
    let shown = listed - above - below2;
    assert!(shown > 5 && shown < 20, "{shown} of {listed}: {text}");
}

#[test]
fn the_header_keeps_the_view_count_whole_and_labels_no_totals_as_the_view() {
    let mut st = app();
    run(
        &mut st,
        &[
            &[OpenFilter][..],
            &typed("group:ldc"),
            &[Accept],
            &[Show(Screen::Countries)],
        ]
        .concat(),
    );
    let shown = st.ctx.sel().activity_count();
    for (w, h) in [(60, 16), (80, 24), (160, 48)] {
        let lines = screen(&st, w, h);
        let head = format!("{}\n{}", lines[0], lines[1]);
        assert!(
            head.contains(&format!("[{shown} of 722 activities shown]"))
                || head.contains(&format!("[{shown} of 722 shown]")),
            "{w}×{h}: {head}"
        );
        assert!(!lines[0].contains('…'), "{w}×{h}: {head}");
        // the snapshot's totals would read as the view's
        assert!(!head.contains("129 links"), "{w}×{h}: {head}");
    }
    // unfiltered, the large header still gives the snapshot's totals
    let lines = screen(&app(), 160, 48);
    assert!(
        lines[0].contains("722 activities · 129 links"),
        "{}",
        lines[0]
    );
    // a drill-down at 80 columns: no cut title beside the breadcrumb
    let st = script(&[&C2_SDG9[..], &[DrillIn]].concat());
    let lines = screen(&st, 80, 24);
    assert!(!lines[0].contains('…'), "{}", lines[0]);
}

/// A goal's and an Action Line's card count the activities their related
/// list lists, and say how many of them are cross-cutting: what is left is
/// the Matrix's `Σ` for the goal's column, or the row's `Σ` and its `+N∅`.
#[test]
fn goal_and_line_cards_add_up_to_the_matrix_totals() {
    use sdgmap::matrix::{Column, Matrix, Metric};
    let (mut crossed, mut narrowed) = (0, 0);
    for view in ["", "digital", "sdg:9,17", "year:2015"] {
        let viewed = || {
            let mut st = app();
            if !view.is_empty() {
                run(
                    &mut st,
                    &[&[OpenFilter][..], &typed(view), &[Accept]].concat(),
                );
            }
            st
        };
        let st = viewed();
        let m = Matrix::compute(&st.ctx.snap, Metric::Activities, None, st.ctx.sel());
        let mut targets: Vec<(EntityRef, Option<usize>)> = Vec::new();
        for (c, col) in m.columns.iter().enumerate() {
            if let Column::Sdg(n) = col {
                targets.push((EntityRef::Sdg(*n), Some(m.column_totals[c] as usize)));
            }
        }
        for l in (0..st.ctx.snap.action_lines().len()).map(|i| sdgmap::snapshot::LineId(i as u32)) {
            let total = m
                .rows
                .iter()
                .position(|&r| r == l)
                // (the row's Σ holds its `+N∅`, activities with no stated goal)
                .map(|r| m.row_totals[r] as usize);
            targets.push((EntityRef::Line(l), total));
        }
        for (e, total) in targets {
            let mut st = viewed();
            st.apply(vec![Effect::Drill(e)]);
            let text = screen(&st, 200, 60).join("\n");
            let name = format!("{} under {view:?}", e.key(&st.ctx.snap));
            let Some(all) = number_after(&text, "activities   ") else {
                // a record the view leaves nothing of shows no card
                continue;
            };
            // `16`, `16 (5 cross-cutting…)`, `16 (12 in this view; 5 cross-cutting…)`
            // the field's line (at 200 columns it does not wrap)
            let rest = text[text.find(&format!("activities   {all}")).unwrap()..]
                .lines()
                .next()
                .unwrap();
            let shown = number_after(rest, &format!("activities   {all} ("))
                .filter(|_| rest.contains(" in this view"))
                .unwrap_or(all);
            let cross = number_after(rest, "; ")
                .filter(|_| rest.contains(" in this view;"))
                .or_else(|| {
                    (shown == all)
                        .then(|| number_after(rest, &format!("activities   {all} (")))
                        .flatten()
                })
                .unwrap_or(0);
            let listed: usize = sdgmap::related::related_in(&st.ctx.snap, st.ctx.sel(), e)
                .iter()
                .filter(|g| g.kind == sdgmap::entity::Kind::Activity)
                .map(|g| g.items.len())
                .sum();
            assert_eq!(shown, listed, "{name}: card vs related list\n{text}");
            narrowed += usize::from(shown < all && cross > 0);
            if cross > 0 {
                assert!(
                    rest.contains(&format!(
                        "{cross} cross-cutting, not counted in Matrix cells)"
                    )),
                    "{name}: {text}"
                );
                crossed += 1;
            }
            if let Some(t) = total {
                assert_eq!(
                    shown - cross,
                    t,
                    "{name}: card less cross-cutting vs the Matrix's Σ\n{text}"
                );
            }
        }
    }
    assert!(crossed > 40, "{crossed}");
    assert!(
        narrowed > 5,
        "cards under a view that keeps fewer: {narrowed}"
    );
}

/// The Action Lines' facilitators stand in one straight column at every
/// width, C7's sub-lines (longer indent and id, no name) and the top-level
/// lines alike.
#[test]
fn facilitators_stand_in_one_column_at_every_width() {
    let st = script(&[&[Show(Screen::Lines)][..], &[Down; 6], &[ToggleExpand]].concat());
    let s = &st.ctx.snap;
    let mut names: Vec<String> = s
        .action_lines()
        .iter()
        .flat_map(|l| l.facilitators.first().cloned())
        .collect();
    names.sort();
    names.dedup();
    for w in [80u16, 84, 90, 100, 110, 116, 124, 160] {
        let lines = screen(&st, w, 40);
        let mut starts = Vec::new();
        for l in &lines[1..] {
            // the tree is the first pane: up to its right border
            let pane: Vec<char> = l.chars().skip(1).take_while(|&c| c != '│').collect();
            let text: String = pane.iter().collect();
            let at = names
                .iter()
                .filter_map(|n| {
                    text.find(&format!("  {n}"))
                        .map(|b| text[..b].chars().count() + 2)
                })
                .min();
            if let Some(at) = at {
                starts.push(at);
            }
        }
        assert!(starts.len() >= 15, "{w}: {starts:?}\n{}", lines.join("\n"));
        assert!(
            starts.windows(2).all(|p| p[0] == p[1]),
            "{w} columns: facilitators start at {starts:?}\n{}",
            lines.join("\n")
        );
    }
}
