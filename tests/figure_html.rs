//! The HTML figure: one file that references nothing outside itself, whose
//! embedded cell details are the cells' contents (links with status, scope
//! and rationale, targets with their official text, activities with title
//! and lead), and that keeps hostile snapshot text as text in both the SVG
//! and the page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers unwrap too

use roxmltree::Document;
use sdgmap::figure::Figure;
use sdgmap::matrix::{Matrix, Metric, cell_content};
use sdgmap::selection::Selection;
use sdgmap::snapshot::{Snapshot, load_bundled, load_bytes};
use sdgmap::view;
use serde_json::Value;

fn select(s: &Snapshot, v: &str) -> Selection {
    view::apply(s, &view::parse(v).unwrap())
}

fn page(s: &Snapshot, v: &str, metric: Metric, zoom: Option<u8>) -> String {
    let sel = select(s, v);
    Figure::new(s, &sel, v, metric, zoom).html()
}

/// The JSON the page embeds for its script.
fn data(html: &str) -> Value {
    let start = "<script type=\"application/json\" id=\"sdgmap-data\">";
    let from = html.find(start).unwrap() + start.len();
    let to = from + html[from..].find("</script>").unwrap();
    serde_json::from_str(&html[from..to]).unwrap()
}

/// The inline SVG of the page, which must be well-formed XML on its own.
fn inline_svg(html: &str) -> &str {
    let from = html.find("<svg ").unwrap();
    let to = html.find("</svg>").unwrap() + "</svg>".len();
    &html[from..to]
}

#[test]
fn the_page_references_nothing_outside_itself() {
    let s = load_bundled().unwrap();
    for (v, metric, zoom) in [
        ("", Metric::Targets, None),
        ("al:C7", Metric::Targets, None),
        ("", Metric::Activities, None),
        ("", Metric::Targets, Some(9)),
    ] {
        let html = page(&s, v, metric, zoom);
        let lower = html.to_lowercase();
        for bad in [
            "http",
            "src=",
            "href=",
            "@import",
            "url(",
            "<link",
            "<img",
            "<iframe",
            "<object",
            "<embed",
            "xlink",
            "//cdn",
            "fetch(",
            "xmlhttprequest",
        ] {
            assert!(!lower.contains(bad), "{v}: the page holds {bad:?}");
        }
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        // exactly our two scripts, both inline
        assert_eq!(lower.matches("<script").count(), 2, "{v}");
        assert_eq!(lower.matches("</script>").count(), 2, "{v}");
        // it prints: a print style that lays the figure across the page
        assert!(html.contains("@media print"));
        // the figure inside is well-formed
        Document::parse(inline_svg(&html)).unwrap();
    }
}

#[test]
fn cells_are_focusable_and_wired_to_the_details_panel() {
    let s = load_bundled().unwrap();
    let html = page(&s, "al:C7", Metric::Targets, None);
    let svg = inline_svg(&html);
    let doc = Document::parse(svg).unwrap();
    let cells: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("cell"))
        .collect();
    assert_eq!(cells.len(), 8 * 17);
    // one tab stop into the grid (the arrow keys move within it)
    let stops = cells
        .iter()
        .filter(|n| n.attribute("tabindex") == Some("0"))
        .count();
    assert_eq!(stops, 1);
    assert!(cells.iter().all(|n| n.attribute("tabindex").is_some()));
    assert!(cells.iter().all(|n| n.attribute("role") == Some("button")));
    assert!(cells.iter().all(|n| n.attribute("aria-label").is_some()));
    for event in [
        "mouseenter",
        "focus",
        "click",
        "keydown",
        "ArrowDown",
        "Escape",
    ] {
        assert!(html.contains(event), "script handles no {event}");
    }
    assert!(html.contains("id=\"detail\" aria-live=\"polite\""));
    // the script builds the panel from text, never from markup in the data
    assert!(!html.contains("innerHTML = cell") && !html.contains("insertAdjacentHTML"));
}

#[test]
fn the_details_are_the_cells_contents() {
    let s = load_bundled().unwrap();
    for (v, metric, zoom) in [
        ("", Metric::Targets, None),
        ("", Metric::Activities, None),
        ("al:C7 health", Metric::Targets, Some(3)),
    ] {
        let sel = select(&s, v);
        let html = Figure::new(&s, &sel, v, metric, zoom).html();
        let d = data(&html);
        let m = Matrix::compute(&s, metric, zoom, &sel);
        let targets = d["targets"].as_array().unwrap();
        let acts = d["activities"].as_array().unwrap();
        let mut seen = 0;
        for (r, &row) in m.rows.iter().enumerate() {
            for (c, &col) in m.columns.iter().enumerate() {
                let cell = cell_content(&s, &sel, row, col);
                let got = d["cells"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["r"] == r && x["c"] == c);
                let Some(got) = got else {
                    assert!(
                        cell.links.is_empty() && cell.activities.is_empty(),
                        "{v} {r},{c}"
                    );
                    continue;
                };
                seen += 1;
                let links = got["links"].as_array().unwrap();
                assert_eq!(links.len(), cell.links.len());
                for (l, &k) in links.iter().zip(&cell.links) {
                    let link = s.link(k);
                    assert_eq!(l["rationale"], link.rationale.as_str());
                    assert_eq!(l["status"], sdgmap::view::status_name(link.status));
                    assert!(l["scope"].as_str().unwrap().len() > 4);
                    assert_eq!(l["source"], s.source(link.source).title.as_str());
                }
                let codes: Vec<(String, String)> = got["targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| {
                        let t = &targets[i.as_u64().unwrap() as usize];
                        (t[0].as_str().unwrap().into(), t[1].as_str().unwrap().into())
                    })
                    .collect();
                let want: Vec<(String, String)> = cell
                    .targets
                    .iter()
                    .map(|&t| (s.target(t).code.clone(), s.target(t).text.clone()))
                    .collect();
                assert_eq!(codes, want, "{v} {r},{c}: targets with their official text");
                let titles: Vec<(String, String)> = got["activities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| {
                        let a = &acts[i.as_u64().unwrap() as usize];
                        (a[0].as_str().unwrap().into(), a[1].as_str().unwrap().into())
                    })
                    .collect();
                let want: Vec<(String, String)> = cell
                    .activities
                    .iter()
                    .map(|&a| {
                        let a = s.activity(a);
                        (a.title().into(), a.lead().unwrap_or("").into())
                    })
                    .collect();
                assert_eq!(titles, want, "{v} {r},{c}: activities");
                assert_eq!(
                    got["disputed_targets"].as_array().unwrap().len(),
                    cell.disputed_targets.len()
                );
                assert_eq!(
                    got["cross_cutting"].as_array().unwrap().len(),
                    cell.cross_cutting.len()
                );
            }
        }
        assert!(seen > 0, "{v}: no cell has details");
    }
}

const HOSTILE: &str = "<b>&amp; \"q\" 'a'</b></script><script>alert(1)</script>]]><!--";

/// The bundled snapshot with markup, entities, quotes and script endings
/// in every kind of text a figure shows.
fn hostile() -> Snapshot {
    let mut d: Value = serde_json::from_str(include_str!("../assets/snapshot.json")).unwrap();
    let h = |what: &str| Value::String(format!("{what} {HOSTILE}"));
    d["meta"]["title"] = h("Title");
    d["meta"]["sources"][0]["title"] = h("Source");
    d["sdgs"][0]["short_name"] = h("No poverty");
    d["sdgs"][0]["title"] = h("Goal");
    // a target a confirmed link names, so some cell counts it
    let code = d["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["status"] == "confirmed" && !l["targets"].as_array().unwrap().is_empty())
        .map(|l| l["targets"][0].as_str().unwrap().to_string())
        .unwrap();
    for g in d["sdgs"].as_array_mut().unwrap() {
        for t in g["targets"].as_array_mut().unwrap() {
            if t["code"] == code.as_str() {
                t["text"] = h("Target");
            }
        }
    }
    d["action_lines"][0]["short_name"] = h("Gov");
    d["links"][0]["rationale"] = h("Why");
    let acts = d["activities"].as_array_mut().unwrap();
    let a = acts
        .iter_mut()
        .find(|a| {
            a["action_lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l == "C1")
        })
        .unwrap();
    a["title"] = h("Activity");
    a["lead"] = h("Lead");
    load_bytes(
        "hostile.json",
        serde_json::to_string(&d).unwrap().as_bytes(),
    )
    .unwrap()
}

#[test]
fn hostile_text_stays_text_in_the_svg_and_the_page() {
    let s = hostile();
    let sel = Selection::all(&s);
    for metric in [Metric::Targets, Metric::Activities] {
        let fig = Figure::new(&s, &sel, "sdg:1 \"<x>\"", metric, None);
        let svg = fig.svg();
        let doc = Document::parse(&svg).expect("the SVG is well-formed XML");
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.is_element())
            .map(|n| n.descendants().filter_map(|t| t.text()).collect())
            .collect();
        let has = |needle: &str| texts.iter().any(|t| t.contains(needle));
        assert!(has(&format!("C1 Gov {HOSTILE}")), "row name kept as text");
        assert!(
            has(&format!("No poverty {HOSTILE}")),
            "goal name kept as text"
        );
        assert!(has("\"<x>\""), "view kept as text");
        // the title and sources are wrapped into lines: compare word by word
        let words: String = texts.join(" ");
        for w in HOSTILE.split(' ') {
            assert!(words.contains(w));
        }
        assert!(!svg.contains("<script"), "markup from the data in the SVG");
        assert!(!svg.contains("<b>"), "markup from the data in the SVG");

        let html = fig.html();
        let lower = html.to_lowercase();
        assert_eq!(
            lower.matches("<script").count(),
            2,
            "a script from the data"
        );
        assert_eq!(
            lower.matches("</script>").count(),
            2,
            "a script end from the data"
        );
        assert!(!html.contains("<b>") && !html.contains("<!--"));
        Document::parse(inline_svg(&html)).expect("inline SVG well-formed");
        let d = data(&html);
        let all = d.to_string();
        assert!(
            all.contains("Why <b>&amp;"),
            "rationale kept as is in the data"
        );
        let targets = d["targets"].as_array().unwrap();
        assert!(
            targets
                .iter()
                .any(|t| t[1].as_str() == Some(&format!("Target {HOSTILE}")))
        );
    }
}
