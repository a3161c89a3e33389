//! The figure as one self-contained HTML page: the SVG inline, a panel
//! that says what the pointed, focused or pinned cell holds, inline CSS
//! (with a print style) and a small inline script.
//!
//! The page references nothing outside itself — no scripts, styles, fonts
//! or images from elsewhere, no links — so it opens offline in any current
//! browser and can be mailed around. Cells are focusable: Tab reaches the
//! grid, the arrow keys (and Home/End) move within it, Enter or Space pins
//! a cell's details, Esc lets go. The script builds the panel with
//! `textContent` only, so no text from the data is ever parsed as markup.
//! Without scripts each cell still has its summary as a tooltip.

use super::text::esc;
use super::{Figure, detail, svg};

/// The page's style: the panel beside the figure on a wide screen, under
/// it on a narrow one; in print, the figure alone across a landscape page
/// (and a pinned cell's details after it).
const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1e2026;
  font-family: "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; }
main { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 16px; padding: 16px; }
figure { margin: 0; flex: 0 1 auto; max-width: 100%; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
aside { flex: 1 1 320px; max-width: 560px; box-sizing: border-box; position: sticky; top: 16px;
  max-height: calc(100vh - 32px); overflow: auto; padding: 12px 16px; font-size: 14px;
  line-height: 1.45; border: 1px solid #c9ccd2; border-radius: 6px; background: #fbfbf9; }
aside h2 { font-size: 16px; margin: 0 0 6px; }
aside h3 { font-size: 14px; margin: 14px 0 4px; }
aside ul { margin: 0; padding-left: 18px; }
aside li { margin: 3px 0; }
aside .summary, aside .hint, aside .meta { color: #555a63; }
aside .status-disputed { color: #aa3c00; font-weight: bold; }
aside .status-partial { color: #005caf; font-weight: bold; }
aside .status-confirmed { font-weight: bold; }
aside .code { font-weight: bold; }
kbd { border: 1px solid #a0a4ab; border-radius: 3px; padding: 0 3px; font-size: 12px; }
g.cell { cursor: pointer; }
g.cell:focus { outline: none; }
g.cell:hover rect, g.cell:focus rect { stroke: #1e2026; stroke-width: 2; }
g.cell.pinned rect { stroke: #005caf; stroke-width: 3; }
@media print {
  @page { size: landscape; margin: 10mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { display: block; padding: 0; }
  figure { overflow: visible; }
  figure svg { width: auto; height: auto; max-width: 100%; max-height: 185mm; margin: 0 auto; }
  aside { display: none; }
  body.has-pin aside { display: block; position: static; max-width: none; max-height: none;
    border: none; background: none; break-before: page; }
  aside .hint { display: none; }
  g.cell rect { stroke: none; }
}
"#;

/// The page's script: the panel, pinning and keyboard moves.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sdgmap-data").textContent);
  var panel = document.getElementById("detail");
  var hint = panel.innerHTML;
  var byCell = {};
  data.cells.forEach(function (c) { byCell[c.r + "," + c.c] = c; });
  var grid = {};
  var cells = Array.prototype.slice.call(document.querySelectorAll("g.cell"));
  cells.forEach(function (g) {
    grid[g.getAttribute("data-r") + "," + g.getAttribute("data-c")] = g;
    var t = g.querySelector("title");
    if (t) { g.removeChild(t); }
  });
  var pinned = null;
  function add(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    parent.appendChild(e);
    return e;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function list(title, items, each) {
    if (!items.length) { return; }
    add(panel, "h3", title + " (" + items.length + ")");
    var ul = add(panel, "ul");
    items.forEach(function (x) { each(add(ul, "li"), x); });
  }
  function target(li, i) {
    var t = data.targets[i];
    add(li, "span", t[0], "code");
    add(li, "span", " " + t[1]);
  }
  function activity(li, i) {
    var a = data.activities[i];
    add(li, "span", a[0]);
    if (a[1]) { add(li, "span", " \u2014 " + a[1], "meta"); }
  }
  function render(g) {
    var r = +g.getAttribute("data-r"), c = +g.getAttribute("data-c");
    var cell = byCell[r + "," + c];
    panel.textContent = "";
    add(panel, "h2", data.rows[r] + " \u00d7 " + data.cols[c][0]);
    if (data.cols[c][1]) { add(panel, "p", data.cols[c][1], "meta"); }
    add(panel, "p", g.getAttribute("aria-label"), "summary");
    if (!cell) {
      add(panel, "p", "No Matrix link and no activity here in this view.");
    } else {
      list("Matrix links", cell.links, function (li, k) {
        add(li, "span", k.status, "status-" + k.status);
        add(li, "span", " \u00b7 " + k.scope, "meta");
        if (k.rationale) { add(li, "div", k.rationale); }
        if (k.note) { add(li, "div", "Note: " + k.note, "meta"); }
        add(li, "div", "Source: " + k.source, "meta");
      });
      list("Targets counted", cell.targets, target);
      list("Named only by a disputed link, not counted", cell.disputed_targets, target);
      list("Activities", cell.activities, activity);
      list("Cross-cutting activities, not counted (with:cross-cutting counts them)",
        cell.cross_cutting, activity);
    }
    add(panel, "p", pinned === g ? "Pinned: Esc or Enter lets go." :
      "Click, Enter or Space pins this cell.", "hint");
  }
  function pin(g) {
    if (pinned) { pinned.classList.remove("pinned"); }
    pinned = pinned === g ? null : g;
    if (pinned) { pinned.classList.add("pinned"); }
    document.body.classList.toggle("has-pin", pinned !== null);
    render(g);
  }
  function unpin() {
    if (!pinned) { return; }
    var g = pinned;
    pin(g);
  }
  function move(from, r, c) {
    var to = grid[r + "," + c];
    if (!to) { return; }
    from.setAttribute("tabindex", "-1");
    to.setAttribute("tabindex", "0");
    to.focus();
  }
  cells.forEach(function (g) {
    var r = +g.getAttribute("data-r"), c = +g.getAttribute("data-c");
    g.addEventListener("mouseenter", function () { render(g); });
    g.addEventListener("mouseleave", function () {
      if (pinned) { render(pinned); } else if (document.activeElement !== g) { panel.innerHTML = hint; }
    });
    g.addEventListener("focus", function () { render(g); });
    g.addEventListener("click", function () {
      grid[r + "," + c].focus();
      pin(g);
    });
    g.addEventListener("keydown", function (e) {
      var k = e.key;
      if (k === "ArrowRight") { move(g, r, c + 1); }
      else if (k === "ArrowLeft") { move(g, r, c - 1); }
      else if (k === "ArrowDown") { move(g, r + 1, c); }
      else if (k === "ArrowUp") { move(g, r - 1, c); }
      else if (k === "Home") { move(g, r, 0); }
      else if (k === "End") {
        var last = c;
        while (grid[r + "," + (last + 1)]) { last += 1; }
        move(g, r, last);
      }
      else if (k === "Enter" || k === " ") { pin(g); }
      else if (k === "Escape") { unpin(); }
      else { return; }
      e.preventDefault();
    });
  });
})();
"#;

/// The whole page.
pub fn page(fig: &Figure<'_>) -> String {
    let title = format!("{} — {}", fig.heading(), fig.view_text());
    let mut o = String::new();
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"generator\" content=\"sdgmap\">\n");
    o.push_str(&format!("<title>{}</title>\n", esc(&title)));
    o.push_str("<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n<main>\n<figure>\n");
    o.push_str(&svg::inline(fig));
    o.push_str("</figure>\n");
    o.push_str(
        "<aside id=\"detail\" aria-live=\"polite\" aria-label=\"Cell details\">\
         <h2>Cell details</h2>\
         <p class=\"hint\">Point at a cell or click it to see its Matrix links (status, scope, rationale), \
         the targets it counts with their official text, and its activities. \
         From the keyboard: <kbd>Tab</kbd> to the grid, the arrow keys to move, \
         <kbd>Enter</kbd> to pin a cell, <kbd>Esc</kbd> to let go.</p>\
         </aside>\n",
    );
    o.push_str("</main>\n");
    o.push_str("<script type=\"application/json\" id=\"sdgmap-data\">");
    o.push_str(&detail::json(fig));
    o.push_str("</script>\n<script>");
    o.push_str(SCRIPT);
    o.push_str("</script>\n</body>\n</html>\n");
    o
}
