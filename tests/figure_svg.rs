//! The SVG figure, read back as XML and as pixels: every cell's value,
//! fill and mark agrees with `Matrix::compute` for several views (plain,
//! `al:C7`, a zoomed goal, the activities metric with and without
//! cross-cutting activities, a filtered view with free text); goal headers
//! wear the official colours; totals, title, legend and sources are there;
//! the bytes are the same on every run; and resvg, a real renderer, draws
//! it at its stated size with the right colours where they should be.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers unwrap too

use roxmltree::{Document, Node};
use sdgmap::figure::Figure;
use sdgmap::matrix::{Column, Mark, Matrix, Metric};
use sdgmap::selection::Selection;
use sdgmap::snapshot::{Rgb, Snapshot, load_bundled};
use sdgmap::view;

/// The fills of heat levels 0–4, written out here rather than read from
/// the library, so a changed scale is a visible decision.
const FILLS: [&str; 5] = ["#f4f5f7", "#3b528b", "#21918c", "#5ec962", "#fde725"];

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn select(s: &Snapshot, v: &str) -> Selection {
    view::apply(s, &view::parse(v).unwrap())
}

fn class_is(n: &Node<'_, '_>, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

fn child_text(n: &Node<'_, '_>, class: &str) -> Option<String> {
    n.children()
        .find(|c| c.has_tag_name("text") && class_is(c, class))
        .map(|c| c.text().unwrap_or("").to_string())
}

fn rect_of<'a>(n: &Node<'a, 'a>) -> Node<'a, 'a> {
    n.children().find(|c| c.has_tag_name("rect")).unwrap()
}

/// The mark the screen shows: the link kind, or `*` beside a disputed link.
fn expected_mark(m: &Matrix, r: usize, c: usize) -> Option<&'static str> {
    match m.mark(r, c) {
        Mark::GoalLevel => Some("•"),
        Mark::Partial => Some("~"),
        Mark::Disputed => Some("?"),
        Mark::None | Mark::Confirmed if m.has_disputed(r, c) => Some("*"),
        _ => None,
    }
}

fn column_key(s: &Snapshot, c: Column) -> String {
    match c {
        Column::Sdg(n) => n.to_string(),
        Column::Goal(n) => format!("{n}/goal"),
        Column::Target(t) => s.target(t).code.clone(),
    }
}

fn total(t: u32, goals: u32) -> String {
    if goals > 0 {
        format!("{t}+{goals}•")
    } else {
        t.to_string()
    }
}

/// Checks every cell, header and total of the figure of `v` against the
/// matrix computed here; returns the number of non-empty cells.
fn check(s: &Snapshot, v: &str, metric: Metric, zoom: Option<u8>) -> usize {
    let sel = select(s, v);
    let svg = Figure::new(s, &sel, v, metric, zoom).svg();
    let doc = Document::parse(&svg).unwrap_or_else(|e| panic!("{v}: not XML: {e}"));
    let m = Matrix::compute(s, metric, zoom, &sel);
    assert!(
        !m.rows.is_empty() && !m.columns.is_empty(),
        "{v}: empty grid"
    );
    let cells: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && class_is(n, "cell"))
        .collect();
    assert_eq!(cells.len(), m.rows.len() * m.columns.len(), "{v}");
    let mut filled = 0;
    for g in &cells {
        let r: usize = g.attribute("data-r").unwrap().parse().unwrap();
        let c: usize = g.attribute("data-c").unwrap().parse().unwrap();
        let at = format!("{v} cell {r},{c}");
        assert_eq!(
            g.attribute("data-row"),
            Some(s.line(m.rows[r]).id.as_str()),
            "{at}"
        );
        let key = column_key(s, m.columns[c]);
        assert_eq!(g.attribute("data-col"), Some(key.as_str()), "{at}");
        let value = m.value(r, c);
        assert_eq!(
            g.attribute("data-value"),
            Some(value.to_string().as_str()),
            "{at}"
        );
        let want_text = (value > 0).then(|| value.to_string());
        assert_eq!(child_text(g, "v"), want_text, "{at}: value text");
        let fill = rect_of(g).attribute("fill").unwrap();
        assert_eq!(fill, FILLS[m.shade(value)], "{at}: fill");
        let mark = child_text(g, "mark");
        assert_eq!(mark.as_deref(), expected_mark(&m, r, c), "{at}: mark");
        filled += usize::from(value > 0);
    }
    // goal headers in their official colours
    for (c, &col) in m.columns.iter().enumerate() {
        let key = column_key(s, col);
        let head = doc
            .descendants()
            .find(|n| class_is(n, "head") && n.attribute("data-col") == Some(key.as_str()))
            .unwrap_or_else(|| panic!("{v}: no header for {key}"));
        let goal = sdgmap::matrix::column_goal(s, col);
        let want = hex(s.sdg(goal).unwrap().color);
        assert_eq!(
            rect_of(&head).attribute("fill"),
            Some(want.as_str()),
            "{v}: {key}"
        );
        let t = doc
            .descendants()
            .find(|n| class_is(n, "column-total") && n.attribute("data-c") == Some(&c.to_string()))
            .unwrap();
        let want = total(m.column_totals[c], m.column_goals[c]);
        assert_eq!(t.text(), Some(want.as_str()), "{v}: column total {key}");
    }
    let row_totals: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "row-total"))
        .map(|n| n.text().unwrap())
        .collect();
    // counting activities, a row's Σ says apart those stating no goal
    let want: Vec<String> = (0..m.rows.len())
        .map(|r| match m.row_goalless[r] {
            0 => total(m.row_totals[r], m.row_goals[r]),
            none => format!("{}+{none}∅", m.row_totals[r] - none),
        })
        .collect();
    assert_eq!(row_totals, want, "{v}: row totals");
    // the title says the view, the snapshot and the sources
    let all: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap())
        .collect::<Vec<_>>()
        .join(" ");
    let view_shown = if v.is_empty() { "(none" } else { v };
    let view_line = doc.descendants().find(|n| class_is(n, "view")).unwrap();
    let view_text: String = view_line.descendants().filter_map(|n| n.text()).collect();
    assert!(view_text.contains(view_shown), "{v}: {view_text}");
    let meta = s.meta();
    let snapshot_line: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "snapshot"))
        .map(|n| n.text().unwrap())
        .collect();
    let snapshot_line = snapshot_line.join(" ");
    assert!(snapshot_line.contains(&meta.title), "{snapshot_line}");
    assert!(
        snapshot_line.contains(&meta.snapshot_date),
        "{snapshot_line}"
    );
    let sources: Vec<&str> = doc
        .descendants()
        .filter(|n| class_is(n, "sources"))
        .map(|n| n.text().unwrap())
        .collect();
    let sources = sources.join(" ");
    assert!(
        sources.contains(&meta.sources[0].title),
        "{v}: the Matrix source is cited: {sources}"
    );
    assert!(all.contains(metric.name()), "{v}: legend names the metric");
    filled
}

#[test]
fn cells_headers_and_totals_agree_with_the_matrix_in_several_views() {
    let s = load_bundled().unwrap();
    assert!(check(&s, "", Metric::Targets, None) > 50);
    assert!(check(&s, "al:C7", Metric::Targets, None) > 10);
    assert!(check(&s, "", Metric::Targets, Some(9)) > 5);
    assert!(check(&s, "", Metric::Activities, None) > 10);
    assert!(check(&s, "with:cross-cutting", Metric::Activities, None) > 10);
    assert!(check(&s, "sdg:4,5 -sector:GS digital", Metric::Targets, None) > 0);
    assert!(check(&s, "al:C7 health", Metric::Activities, Some(3)) > 0);
}

fn figure_doc(s: &Snapshot, v: &str, metric: Metric, zoom: Option<u8>) -> String {
    let sel = select(s, v);
    Figure::new(s, &sel, v, metric, zoom).svg()
}

fn cell<'a>(doc: &'a Document<'a>, row: &str, col: &str) -> Node<'a, 'a> {
    doc.descendants()
        .find(|n| {
            class_is(n, "cell")
                && n.attribute("data-row") == Some(row)
                && n.attribute("data-col") == Some(col)
        })
        .unwrap_or_else(|| panic!("no cell {row} × {col}"))
}

#[test]
fn known_cells_read_as_the_matrix_states_them() {
    let s = load_bundled().unwrap();
    let svg = figure_doc(&s, "", Metric::Targets, None);
    let doc = Document::parse(&svg).unwrap();
    // e-health names every target of goal 3: the largest value, the top shade
    let c = cell(&doc, "C7-e-health", "3");
    assert_eq!(child_text(&c, "v").as_deref(), Some("13"));
    assert_eq!(rect_of(&c).attribute("fill"), Some("#fde725"));
    // a disputed-only link: no value, a `?`
    let c = cell(&doc, "C4", "8");
    assert_eq!(child_text(&c, "v"), None);
    assert_eq!(child_text(&c, "mark").as_deref(), Some("?"));
    // confirmed targets beside a disputed link: `5` and `*`
    let c = cell(&doc, "C6", "16");
    assert_eq!(child_text(&c, "v").as_deref(), Some("5"));
    assert_eq!(child_text(&c, "mark").as_deref(), Some("*"));
    // whole goal
    let c = cell(&doc, "C3", "1");
    assert_eq!(child_text(&c, "mark").as_deref(), Some("•"));
    // the cell's tooltip says it in words
    let c = cell(&doc, "C2", "9");
    let title = c.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        title.text(),
        Some("C2 Infrastructure × SDG 9: 3 linked targets")
    );
    // SDG 1's header wears the official red
    let head = doc
        .descendants()
        .find(|n| class_is(n, "head") && n.attribute("data-col") == Some("1"))
        .unwrap();
    assert_eq!(rect_of(&head).attribute("fill"), Some("#e5243b"));
}

#[test]
fn the_legend_says_what_the_screen_says() {
    let s = load_bundled().unwrap();
    let texts = |svg: &str| -> String {
        let doc = Document::parse(svg).unwrap();
        let legend = doc.descendants().find(|n| class_is(n, "legend")).unwrap();
        legend
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("|")
    };
    let t = texts(&figure_doc(&s, "", Metric::Targets, None));
    for want in [
        "•|whole goal",
        "+N•|in Σ: linked whole",
        "~|partial",
        "?|disputed",
        "*|also disputed",
        "linked targets per cell",
    ] {
        assert!(t.contains(want), "{want} missing from {t}");
    }
    let t = texts(&figure_doc(&s, "", Metric::Activities, None));
    assert!(t.contains("5 cross-cutting left out"), "{t}");
    assert!(t.contains("+N∅|in Σ: no stated goal"), "{t}");
    let t = texts(&figure_doc(
        &s,
        "with:cross-cutting",
        Metric::Activities,
        None,
    ));
    assert!(t.contains("cross-cutting activities counted"), "{t}");
    let t = texts(&figure_doc(&s, "", Metric::Targets, Some(5)));
    assert!(t.contains("• column:|whole-goal links"), "{t}");
}

#[test]
fn the_scale_swatches_say_which_values_each_shade_holds() {
    let s = load_bundled().unwrap();
    let swatches = |svg: &str| -> Vec<(String, String)> {
        let doc = Document::parse(svg).unwrap();
        doc.descendants()
            .filter(|n| class_is(n, "swatch"))
            .map(|g| {
                let fill = rect_of(&g).attribute("fill").unwrap().to_string();
                let label = g
                    .children()
                    .find(|n| n.has_tag_name("text"))
                    .and_then(|n| n.text())
                    .unwrap()
                    .to_string();
                (label, fill)
            })
            .collect()
    };
    // the largest cell holds 13: shade = 1 + (v-1)*4/13
    let got = swatches(&figure_doc(&s, "", Metric::Targets, None));
    let want = [("1–4", 1), ("5–7", 2), ("8–10", 3), ("11–13", 4)]
        .map(|(l, level)| (l.to_string(), FILLS[level].to_string()));
    assert_eq!(got, want);
    // zoomed into goal 9 every value is 1: one swatch, the darkest
    let got = swatches(&figure_doc(&s, "", Metric::Targets, Some(9)));
    assert_eq!(got, [("1".to_string(), FILLS[1].to_string())]);
}

#[test]
fn same_snapshot_and_view_give_the_same_bytes() {
    let a = load_bundled().unwrap();
    let b = load_bundled().unwrap();
    for (v, metric, zoom) in [
        ("", Metric::Targets, None),
        ("al:C7", Metric::Activities, None),
        ("", Metric::Targets, Some(17)),
    ] {
        let (sa, sb) = (select(&a, v), select(&b, v));
        let fa = Figure::new(&a, &sa, v, metric, zoom);
        let fb = Figure::new(&b, &sb, v, metric, zoom);
        assert!(fa.svg() == fb.svg(), "{v}: SVG differs between runs");
        assert!(fa.html() == fb.html(), "{v}: HTML differs between runs");
    }
}

#[test]
fn an_empty_view_still_makes_a_figure_that_says_so() {
    let s = load_bundled().unwrap();
    let svg = figure_doc(&s, "sdg:4 al:C2 -sdg:4", Metric::Targets, None);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(doc.descendants().filter(|n| class_is(n, "cell")).count(), 0);
    assert!(svg.contains("No Matrix rows or goals in the current view."));
}

/// Renders `svg` with resvg and the machine's fonts.
fn render(svg: &str) -> (resvg::tiny_skia::Pixmap, usize) {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let faces = opt.fontdb.len();
    let tree = resvg::usvg::Tree::from_str(svg, &opt).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    (pixmap, faces)
}

fn pixel(p: &resvg::tiny_skia::Pixmap, x: f64, y: f64) -> (u8, u8, u8) {
    let c = p.pixel(x as u32, y as u32).unwrap();
    (c.red(), c.green(), c.blue())
}

fn rect_xy(n: &Node<'_, '_>) -> (f64, f64) {
    let r = rect_of(n);
    (
        r.attribute("x").unwrap().parse().unwrap(),
        r.attribute("y").unwrap().parse().unwrap(),
    )
}

#[test]
fn a_real_renderer_draws_the_figure_with_its_colours() {
    let s = load_bundled().unwrap();
    let svg = figure_doc(&s, "al:C7", Metric::Targets, None);
    let doc = Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let w: u32 = root.attribute("width").unwrap().parse().unwrap();
    let h: u32 = root.attribute("height").unwrap().parse().unwrap();
    let (png, faces) = render(&svg);
    assert_eq!((png.width(), png.height()), (w, h));
    assert!(w > 800 && h > 400, "{w}×{h}");
    // the page is white
    assert_eq!(pixel(&png, 2.0, 2.0), (255, 255, 255));
    // e-health × 3, the largest value: viridis yellow
    let (x, y) = rect_xy(&cell(&doc, "C7-e-health", "3"));
    assert_eq!(pixel(&png, x + 3.0, y + 3.0), (253, 231, 37));
    // e-government × 9 holds 1: the darkest level
    let (x, y) = rect_xy(&cell(&doc, "C7-e-government", "9"));
    assert_eq!(pixel(&png, x + 3.0, y + 3.0), (59, 82, 139));
    // an empty cell
    let (x, y) = rect_xy(&cell(&doc, "C7-e-learning", "1"));
    assert_eq!(pixel(&png, x + 3.0, y + 3.0), (244, 245, 247));
    // SDG 3's header in its official colour
    let head = doc
        .descendants()
        .find(|n| class_is(n, "head") && n.attribute("data-col") == Some("3"))
        .unwrap();
    let (x, y) = rect_xy(&head);
    let Rgb(r, g, b) = s.sdg(3).unwrap().color;
    assert_eq!(pixel(&png, x + 3.0, y + 3.0), (r, g, b));
    // with fonts on the machine, the text is drawn: the heading's band has ink
    if faces > 0 {
        let dark = (0..w)
            .flat_map(|x| (20..50).map(move |y| (x, y)))
            .filter(|&(x, y)| {
                let (r, g, b) = pixel(&png, f64::from(x), f64::from(y));
                u32::from(r) + u32::from(g) + u32::from(b) < 200
            })
            .count();
        assert!(dark > 500, "heading has {dark} dark pixels: text not drawn");
        // the value written in the yellow cell: dark ink inside it
        let (x, y) = rect_xy(&cell(&doc, "C7-e-health", "3"));
        let inked = (0..40)
            .flat_map(|dx| (0..26).map(move |dy| (dx, dy)))
            .filter(|&(dx, dy)| pixel(&png, x + f64::from(dx), y + f64::from(dy)).0 < 100)
            .count();
        assert!(
            inked > 10,
            "no value drawn in the cell ({inked} inked pixels)"
        );
    } else {
        eprintln!("no system fonts: text pixels not checked");
    }
}
