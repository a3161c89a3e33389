//! Suggestions in the app, through ratatui's TestBackend: the activity
//! card's "Suggested (not stated by the source)" section and the
//! `:suggest` overlay, as insta snapshots at 80×24 and 160×48 (read as a
//! user would: nothing cut without `…`), plus how they open and close.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::entity::EntityRef;
use sdgmap::snapshot::{Snapshot, build, load_bundled, parse_raw};
use sdgmap::suggest::{CREDIT, StoredSuggestions};
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::{Effect, Open};
use sdgmap::tui::overlays::Overlay;
use sdgmap::tui::{App, Theme, ThemeChoice, render};

/// The bundled snapshot with, on Digital Health for Africa only, the record
/// `import --suggest` stored for it (engine output kept as a fixture, so
/// the screens do not move when the engine is tuned).
fn with_record() -> Snapshot {
    let mut raw = parse_raw("b", sdgmap::snapshot::BUNDLED).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/view/suggested-record.json").unwrap();
    let rec: StoredSuggestions = serde_json::from_str(&text).unwrap();
    let a = raw
        .activities
        .iter_mut()
        .find(|a| a.id == "digital-health-for-africa")
        .unwrap();
    a.suggested = Some(rec);
    build(raw).unwrap()
}

fn draw(st: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    t
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    let b = t.backend().buffer();
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn card_app() -> App {
    let snap = with_record();
    let a = snap.index().activity("digital-health-for-africa").unwrap();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "t".into());
    st.apply(vec![Effect::Drill(EntityRef::Activity(a))]);
    st
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Insert).collect()
}

fn script(st: &mut App, actions: &[Action]) {
    for &a in actions {
        st.update(a);
    }
}

/// A suggestion overlay on the bundled snapshot for `text`, opened through
/// the finder's `:suggest`, its result replaced by the fixture record so
/// the screen is stable while the engine is tuned.
fn overlay_app() -> App {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    script(&mut st, &[OpenFinder]);
    script(
        &mut st,
        &typed(
            ":suggest Partnership to scale up digital tools for public health services across Africa",
        ),
    );
    script(&mut st, &[Accept]);
    let text = std::fs::read_to_string("tests/fixtures/view/suggested-record.json").unwrap();
    let rec: StoredSuggestions = serde_json::from_str(&text).unwrap();
    match st.overlays.last_mut() {
        Some(Overlay::Suggest(v)) => v.result = Some(rec),
        other => panic!("no suggestion overlay: {other:?}"),
    }
    st
}

/// The card focused (Tab) and scrolled to its end at `w`×`h`: where the
/// suggestions are (each action after a frame, as in the app).
fn card_at_end(w: u16, h: u16) -> (App, Terminal<TestBackend>) {
    let mut st = card_app();
    for a in [FocusNext, Bottom] {
        draw(&st, w, h);
        st.update(a);
    }
    let t = draw(&st, w, h);
    (st, t)
}

#[test]
fn the_activity_card_shows_suggestions_apart_from_stated_links() {
    for (w, h) in [(80, 24), (160, 48)] {
        let (_, t) = card_at_end(w, h);
        insta::assert_snapshot!(format!("card_with_suggestions_{w}x{h}"), t.backend());
        let text = screen_text(&t);
        assert!(text.contains("10.5281/zenodo.3817445"), "{text}");
        // with the heading scrolled off, each suggestion still says it is one
        let scored: Vec<&str> = text.lines().filter(|l| l.contains("· score")).collect();
        assert!(!scored.is_empty(), "{text}");
        for l in scored {
            assert!(
                l.contains("│suggested ") || l.contains("│  suggested "),
                "{l}"
            );
        }
    }
    let (_, t) = card_at_end(160, 48);
    let text = screen_text(&t);
    assert!(
        text.contains("Suggested (not stated by the source)"),
        "{text}"
    );
    assert!(text.contains(CREDIT), "{text}");
    assert!(
        text.contains("suggested    SDG 3 Good health and well-being · score 15.8"),
        "{text}"
    );
    assert!(
        text.contains("suggested    Action Line C7-e-health E-health · score 12.0"),
        "{text}"
    );
}

#[test]
fn suggested_rows_use_their_own_style_never_a_stated_one() {
    let (st, t) = card_at_end(160, 48);
    let b = t.backend().buffer();
    let theme = Theme::new(ThemeChoice::Dark);
    // find the heading and the stated SDG chip
    let text = screen_text(&t);
    let row = text
        .lines()
        .position(|l| l.contains("Suggested (not stated by the source)"))
        .expect("heading drawn");
    let line = text.lines().nth(row).unwrap();
    let col = line.find("Suggested").unwrap();
    let col = line[..col].chars().count() as u16;
    let cell = &b[(col, row as u16)];
    assert_eq!(cell.fg, theme.suggested.fg.unwrap());
    assert!(cell.modifier.contains(ratatui::style::Modifier::ITALIC));
    let stated = [theme.base.fg, theme.title.fg, theme.accent.fg, theme.dim.fg];
    assert!(
        !stated.contains(&Some(cell.fg)),
        "suggested is never a stated colour"
    );
    // goal chips are drawn in goal colours; the suggested style is none of them
    for g in st.ctx.snap.sdgs() {
        assert_ne!(theme.goal(g.color).bg, theme.suggested.fg);
        assert_ne!(theme.goal(g.color).fg, theme.suggested.fg);
    }
    // mono keeps the difference through italics
    assert!(
        Theme::new(ThemeChoice::Mono)
            .suggested
            .add_modifier
            .contains(ratatui::style::Modifier::ITALIC)
    );
}

#[test]
fn an_activity_without_a_record_has_no_section() {
    let snap = load_bundled().unwrap();
    let a = snap.index().activity("digital-health-for-africa").unwrap();
    let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "t".into());
    st.apply(vec![Effect::Drill(EntityRef::Activity(a))]);
    let text = screen_text(&draw(&st, 160, 48));
    assert!(!text.contains("Suggested"), "{text}");
}

#[test]
fn the_suggest_overlay_snapshots() {
    let st = overlay_app();
    for (w, h) in [(80, 24), (160, 48)] {
        let t = draw(&st, w, h);
        insta::assert_snapshot!(format!("suggest_overlay_{w}x{h}"), t.backend());
    }
}

#[test]
fn the_suggest_overlay_runs_the_engine_scrolls_and_closes() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    script(&mut st, &[OpenFinder]);
    script(
        &mut st,
        &typed("Solar mini-grids bring electricity to rural clinics and schools"),
    );
    // the finder says what Enter will do once :suggest is typed
    script(&mut st, &typed(" :suggest"));
    let text = screen_text(&draw(&st, 120, 40));
    assert!(
        text.contains("Enter: suggest SDGs, targets and Action Lines for «Solar mini-grids"),
        "{text}"
    );
    script(&mut st, &[Accept]);
    let Some(Overlay::Suggest(v)) = st.overlays.last() else {
        panic!("{:?}", st.overlays)
    };
    let rec = v.result.as_ref().unwrap();
    assert!(rec.goal_numbers().contains(&7), "{rec:?}");
    assert_eq!(
        v.text,
        "Solar mini-grids bring electricity to rural clinics and schools"
    );
    let t = draw(&st, 120, 40);
    let text = screen_text(&t);
    assert!(
        text.contains("Suggested (not stated by the source)"),
        "{text}"
    );
    assert!(text.contains("SDG 7"), "{text}");
    // scroll to the end: the credit is the last line
    script(&mut st, &[Bottom]);
    let text = screen_text(&draw(&st, 120, 40));
    assert!(text.contains(CREDIT), "{text}");
    // Esc closes it, back to the screen (the finder closed on Enter)
    script(&mut st, &[Cancel]);
    assert!(st.overlays.is_empty(), "{:?}", st.overlays);
    // Ctrl-s on plain text does the same without typing :suggest
    script(&mut st, &[OpenFinder]);
    script(&mut st, &typed("drinking water and sanitation in schools"));
    script(&mut st, &[Suggest]);
    let Some(Overlay::Suggest(v)) = st.overlays.last() else {
        panic!("{:?}", st.overlays)
    };
    assert!(v.result.as_ref().unwrap().goal_numbers().contains(&6));
    // an empty :suggest says what to type and opens nothing
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    script(&mut st, &[OpenFinder]);
    script(&mut st, &typed(":suggest"));
    script(&mut st, &[Accept]);
    assert!(matches!(st.overlays.last(), Some(Overlay::Finder(_))));
    assert!(
        st.ctx
            .status
            .as_deref()
            .unwrap_or("")
            .contains("type a text to suggest for")
    );
}

#[test]
fn the_palette_suggests_for_a_text_or_the_last_finder_text() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    script(&mut st, &[OpenPalette]);
    script(&mut st, &typed("suggest solar power for rural clinics"));
    script(&mut st, &[Accept]);
    let Some(Overlay::Suggest(v)) = st.overlays.last() else {
        panic!("{:?}", st.overlays)
    };
    assert_eq!(v.text, "solar power for rural clinics");
    script(&mut st, &[Cancel]);
    st.apply(vec![Effect::Found {
        entity: EntityRef::Sdg(6),
        query: "clean water".into(),
    }]);
    script(&mut st, &[Back]);
    st.overlays.clear();
    script(&mut st, &[OpenPalette]);
    script(&mut st, &typed("suggest"));
    script(&mut st, &[Accept]);
    let Some(Overlay::Suggest(v)) = st.overlays.last() else {
        panic!("{:?}", st.overlays)
    };
    assert_eq!(v.text, "clean water");
}

#[test]
fn evidence_from_the_text_is_sanitized_in_the_overlay() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    st.apply(vec![Effect::Open(Open::Suggest(
        "clean drinking \u{1b}[31mwater\u{202e} for schools".into(),
    ))]);
    let text = screen_text(&draw(&st, 160, 48));
    assert!(
        !text.chars().any(|c| c == '\u{1b}' || c == '\u{202e}'),
        "{text}"
    );
    assert!(text.contains("␛"), "{text}");
}

#[test]
fn the_help_lists_the_suggest_keys() {
    let mut st = App::new(
        load_bundled().unwrap(),
        Theme::new(ThemeChoice::Dark),
        "t".into(),
    );
    st.apply(vec![Effect::Open(Open::Suggest("water".into()))]);
    use sdgmap::tui::component::Component;
    let ctxs = st.overlays.last().unwrap().contexts();
    assert_eq!(ctxs, [sdgmap::tui::keymap::Context::Suggest]);
    let help = sdgmap::tui::overlays::Help::new(vec![sdgmap::tui::keymap::Context::Finder]);
    let rows = sdgmap::tui::ui::card::wrap(&help.rows(&st.ctx.theme), 120);
    let text: String = rows
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(text.contains("Ctrl-s"), "{text}");
    assert!(
        text.contains("suggest SDGs, targets and Action Lines for the text typed"),
        "{text}"
    );
    assert!(
        text.contains("suggested:9"),
        "every facet lists suggested: {text}"
    );
}
