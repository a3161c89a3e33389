//! Loading and validating snapshots: the valid fixtures load with the right
//! records and relations; every invalid fixture (one defect per file) fails
//! with the exact message a maintainer needs (file, JSON path or line and
//! column, and both ends of a dangling reference); hostile inputs generated
//! at test time (empty, not UTF-8, huge, deeply nested) fail fast and clearly.

// Tests fail loudly on a broken fixture or environment; that is what expect is for.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sdgmap::snapshot::{
    LinkId, LinkStatus, LoadError, MAX_BYTES, Problem, Scope, Severity, Snapshot, load_bytes,
    load_file,
};
use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(rel: &str) -> Result<Snapshot, LoadError> {
    load_file(&fixture(rel))
}

fn valid(rel: &str) -> Snapshot {
    match load(rel) {
        Ok(s) => s,
        Err(e) => panic!("{rel} should be valid, got:\n{e}"),
    }
}

/// The problems of a fixture that must fail validation, and its full message.
fn invalid(rel: &str) -> (Vec<Problem>, String) {
    match load(rel) {
        Ok(_) => panic!("{rel} should be invalid but loaded"),
        Err(e @ LoadError::Invalid { .. }) => (e.problems(), e.to_string()),
        Err(e) => panic!("{rel} should fail validation, got another error:\n{e}"),
    }
}

/// Asserts that `rel` fails with exactly one error, at `path`, saying `message`;
/// and that the rendered error names the file and shows the problem.
fn assert_single_error(rel: &str, path: &str, message: &str) {
    let (problems, rendered) = invalid(rel);
    assert_eq!(
        problems,
        vec![Problem::error(path, message)],
        "{rel}: unexpected problems; rendered:\n{rendered}"
    );
    let file = fixture(rel).display().to_string();
    assert_eq!(
        rendered,
        format!("{file}: invalid snapshot (1 problem):\n  error: {path}: {message}")
    );
}

fn minimal_value() -> Value {
    let text = std::fs::read_to_string(fixture("valid/minimal.json")).expect("read minimal.json");
    serde_json::from_str(&text).expect("minimal.json is JSON")
}

/// Loads a mutated copy of the minimal fixture from memory.
fn load_value(v: &Value) -> Result<Snapshot, LoadError> {
    load_bytes(
        "mutated.json",
        serde_json::to_string_pretty(v).expect("json").as_bytes(),
    )
}

fn problems_of_value(v: &Value) -> Vec<Problem> {
    match load_value(v) {
        Ok(_) => panic!("mutated snapshot should be invalid"),
        Err(e) => e.problems(),
    }
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect()
}

// ---------------------------------------------------------------- valid

#[test]
fn minimal_fixture_loads_with_every_record() {
    let s = valid("valid/minimal.json");
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(s.meta().title, "Minimal test snapshot");
    assert_eq!(s.meta().snapshot_date, "2026-01-15");
    assert_eq!(s.meta().sources.len(), 3);
    let numbers: Vec<u8> = s.sdgs().iter().map(|g| g.number).collect();
    assert_eq!(numbers, [3, 9, 16]);
    assert_eq!(s.targets().len(), 8);
    let sdg9 = s.sdg(9).expect("SDG 9");
    let codes: Vec<&str> = sdg9
        .targets
        .iter()
        .map(|&t| s.target(t).code.as_str())
        .collect();
    assert_eq!(codes, ["9.1", "9.a", "9.c"]);
    assert_eq!(sdg9.color, sdgmap::snapshot::Rgb(0xFD, 0x69, 0x25));
    assert!(s.sdg(4).is_none());
    assert_eq!(s.indicators().len(), 1);
    assert_eq!(s.action_lines().len(), 5);
    assert_eq!(s.links().len(), 7);
    assert_eq!(s.activities().len(), 4);
}

#[test]
fn minimal_fixture_has_c7_with_two_sub_lines_and_four_matrix_rows() {
    let s = valid("valid/minimal.json");
    let ix = s.index();
    let c7 = ix.line("C7").expect("C7");
    let children: Vec<&str> = s
        .line(c7)
        .children
        .iter()
        .map(|&l| s.line(l).id.as_str())
        .collect();
    assert_eq!(children, ["C7-e-business", "C7-e-health"]);
    for &child in &s.line(c7).children {
        assert_eq!(s.line(child).parent, Some(c7));
    }
    let rows: Vec<&str> = s.rows().iter().map(|&l| s.line(l).id.as_str()).collect();
    assert_eq!(rows, ["C2", "C5", "C7-e-business", "C7-e-health"]);
    assert_eq!(ix.row_pos(c7), None, "a parent line is not a Matrix row");
    // A line without a short name gets its title.
    let c5 = ix.line("C5").expect("C5");
    assert_eq!(s.line(c5).short_name, "Trust and security");
    assert_eq!(s.line(c5).facilitators, ["ITU"]);
    assert_eq!(s.line(c5).prize_category, Some(5));
}

#[test]
fn minimal_fixture_links_statuses_scopes_and_keys() {
    let s = valid("valid/minimal.json");
    let count = |st| s.links().iter().filter(|l| l.status == st).count();
    assert_eq!(count(LinkStatus::Confirmed), 3);
    assert_eq!(count(LinkStatus::Partial), 2);
    assert_eq!(count(LinkStatus::Disputed), 2);
    let keys: Vec<String> = (0..s.links().len())
        .map(|i| s.link_key(LinkId(i as u32)))
        .collect();
    assert_eq!(
        keys,
        [
            "C2/9",
            "C5/16",
            "C7-e-health/3",
            "C2/3",
            "C5/9",
            "C7-e-business/3/disputed",
            "C5/16/disputed"
        ]
    );
    let ix = s.index();
    let c2 = ix.line("C2").expect("C2");
    let at = ix.links_at(c2, 9);
    assert_eq!(at.len(), 1);
    let link = s.link(at[0]);
    let targets: Vec<&str> = link
        .targets
        .iter()
        .map(|&t| s.target(t).code.as_str())
        .collect();
    assert_eq!(targets, ["9.1", "9.a", "9.c"]);
    assert_eq!(link.scope, Scope::Targets);
    assert_eq!(s.source(link.source).id, "wsis-sdg-matrix");
    // A cell may hold one plain and one disputed link.
    let c5 = ix.line("C5").expect("C5");
    let statuses: Vec<LinkStatus> = ix
        .links_at(c5, 16)
        .iter()
        .map(|&l| s.link(l).status)
        .collect();
    assert_eq!(statuses, [LinkStatus::Confirmed, LinkStatus::Disputed]);
    // all_targets scope with no listed targets is valid.
    let all = s.link(ix.links_at(c5, 9)[0]);
    assert_eq!(all.scope, Scope::AllTargets);
    assert!(all.targets.is_empty());
    // Links are indexed by target and goal.
    let t916 = ix.target("16.10").expect("16.10");
    assert_eq!(ix.links_of_target(t916).len(), 1);
    assert_eq!(ix.links_of_sdg(3).len(), 3);
    assert!(ix.links_of_sdg(4).is_empty());
}

#[test]
fn minimal_fixture_activities_and_their_relations() {
    let s = valid("valid/minimal.json");
    let ix = s.index();
    let dh = s.activity(ix.activity("digital-health-for-africa").expect("activity"));
    assert_eq!(dh.year(), Some(2017));
    assert_eq!(dh.partners().collect::<Vec<_>>(), ["WHO"]);
    assert_eq!(dh.sdgs().iter().collect::<Vec<_>>(), [3]);
    assert_eq!(s.source(dh.source()).id, "itu-roadmap-2030");
    // Goals are sorted and deduplicated.
    let bb = s.activity(ix.activity("broadband-for-schools").expect("activity"));
    assert_eq!(bb.sdgs().iter().collect::<Vec<_>>(), [3, 9]);
    let of3: Vec<&str> = ix
        .activities_of_sdg(3)
        .iter()
        .map(|&a| s.activity(a).id())
        .collect();
    assert_eq!(
        of3,
        [
            "digital-health-for-africa",
            "broadband-for-schools",
            "ict-applications-toolkit"
        ]
    );
    let t9c = ix.target("9.c").expect("9.c");
    assert_eq!(ix.activities_of_target(t9c).len(), 1);
    assert_eq!(ix.indicators_of_target(t9c).len(), 1);
    // An activity tagged with the parent line C7 is found under C7 itself,
    // not in the Matrix cells of its sub-lines.
    let c7 = ix.line("C7").expect("C7");
    assert_eq!(ix.activities_of_line(c7).len(), 1);
    let health = ix.line("C7-e-health").expect("line");
    let cell: Vec<&str> = ix
        .activities_at(health, 3)
        .iter()
        .map(|&a| s.activity(a).id())
        .collect();
    assert_eq!(cell, ["digital-health-for-africa"]);
    assert!(ix.activity("no-such-activity").is_none());
}

#[test]
fn fixture_with_warnings_loads_and_reports_them() {
    let s = valid("valid/with_warnings.json");
    let w: Vec<String> = s.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        w,
        [
            "warning: meta.title: contains control, bidi or zero-width characters; they are shown as visible placeholders",
            "warning: activities[1].targets: activity broadband-for-schools lists target 9.c but not its goal SDG 9; SDG 9 is added",
            "warning: activities[4]: activity unmapped-study links to no SDG, target or action line",
        ]
    );
    // The escape sequence is made visible, never kept raw.
    assert_eq!(s.meta().title, "Test \u{241b}[31mred\u{241b}[0m snapshot");
    let bb = s.activity(
        s.index()
            .activity("broadband-for-schools")
            .expect("activity"),
    );
    assert_eq!(
        bb.sdgs().iter().collect::<Vec<_>>(),
        [3, 9],
        "the goal of a listed target is added"
    );
}

#[test]
fn unknown_keys_are_ignored() {
    let s = valid("compat/unknown_keys.json");
    assert!(s.warnings().is_empty());
    let m = valid("valid/minimal.json");
    assert_eq!(s.links().len(), m.links().len());
    assert_eq!(s.activities().len(), m.activities().len());
}

// ------------------------------------------------- invalid: syntax

#[test]
fn syntax_error_reports_file_line_column_line_and_caret() {
    let file = fixture("invalid/syntax_error.json").display().to_string();
    let err = load("invalid/syntax_error.json").expect_err("invalid");
    match &err {
        LoadError::Syntax { line, column, .. } => assert_eq!((*line, *column), (6, 5)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        format!(
            "{file}:6:5: invalid JSON: expected `,` or `}}`\n\
             6 |     \"snapshot_date\": \"2026-01-15\",\n        ^"
        )
    );
    assert_eq!(
        err.problems(),
        [Problem::error(
            "(line 6, column 5)",
            "invalid JSON: expected `,` or `}`"
        )]
    );
}

#[test]
fn trailing_garbage_is_a_syntax_error_after_the_document() {
    let file = fixture("invalid/trailing_garbage.json")
        .display()
        .to_string();
    let err = load("invalid/trailing_garbage.json").expect_err("invalid");
    assert!(
        matches!(
            err,
            LoadError::Syntax {
                line: 223,
                column: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{file}:223:1: invalid JSON: trailing characters\n223 | }}\n      ^")
    );
}

#[test]
fn syntax_error_column_counts_characters_not_bytes() {
    // `x` is the 19th character but the 23rd byte of the line.
    let err = load_bytes("f.json", "{\"format\": \"éééé\" x}".as_bytes()).expect_err("invalid");
    assert_eq!(
        err.to_string(),
        "f.json:1:19: invalid JSON: expected `,` or `}`\n\
         1 | {\"format\": \"éééé\" x}\n                      ^"
    );
}

// -------------------------------------------------- invalid: types

#[test]
fn type_error_names_the_path_and_the_value() {
    assert_single_error(
        "invalid/type_error_year.json",
        "activities[1].year",
        "expected integer, found \"2017a\"",
    );
}

#[test]
fn every_type_error_is_reported() {
    let (problems, _) = invalid("invalid/three_type_errors.json");
    assert_eq!(
        problems,
        [
            Problem::error("meta.sources[0].title", "expected string, found 42"),
            Problem::error(
                "links[0].sdg",
                "expected an integer from 0 to 255, found \"nine\""
            ),
            Problem::error("activities[1].year", "expected integer, found \"2017a\""),
        ]
    );
}

#[test]
fn missing_required_key_in_a_record() {
    assert_single_error(
        "invalid/missing_key.json",
        "links[1]",
        "missing required key \"rationale\"",
    );
}

#[test]
fn missing_required_section() {
    assert_single_error(
        "invalid/missing_section.json",
        "activities",
        "missing required key",
    );
}

#[test]
fn unknown_status_value() {
    assert_single_error(
        "invalid/unknown_status.json",
        "links[2].status",
        "unknown variant `probable`, expected one of `confirmed`, `partial`, `disputed`",
    );
}

#[test]
fn document_that_is_not_an_object() {
    assert_single_error(
        "invalid/not_an_object.json",
        "(document)",
        "expected an object with the snapshot keys, found an array",
    );
}

// ------------------------------------------ invalid: format, version

#[test]
fn unsupported_format() {
    assert_single_error(
        "invalid/unsupported_format.json",
        "format",
        "expected \"sdgmap-snapshot\", found \"geojson\"; this is not an sdgmap snapshot",
    );
}

#[test]
fn unsupported_version() {
    assert_single_error(
        "invalid/unsupported_version.json",
        "version",
        "this file is snapshot version 2; this sdgmap reads version 1",
    );
}

#[test]
fn unsupported_version_is_reported_alone_even_when_the_shape_differs() {
    // sdgs is an object, indicators are missing, a status is unknown: none of
    // it matters, because version 2 may mean all of it.
    assert_single_error(
        "invalid/unsupported_version_other_shape.json",
        "version",
        "this file is snapshot version 2; this sdgmap reads version 1",
    );
}

#[test]
fn a_foreign_json_file_is_reported_as_not_a_snapshot() {
    let err = load_bytes(
        "map.geojson",
        br#"{"format": "geojson", "type": "FeatureCollection"}"#,
    )
    .expect_err("invalid");
    assert_eq!(
        err.problems(),
        [Problem::error(
            "format",
            "expected \"sdgmap-snapshot\", found \"geojson\"; this is not an sdgmap snapshot"
        )]
    );
}

#[test]
fn a_huge_version_is_reported_as_written() {
    let mut v = minimal_value();
    v["version"] = Value::from(4_294_967_296_u64);
    assert_eq!(
        problems_of_value(&v),
        [Problem::error(
            "version",
            "this file is snapshot version 4294967296; this sdgmap reads version 1"
        )]
    );
}

#[test]
fn a_version_that_is_not_an_integer() {
    let mut v = minimal_value();
    v["version"] = Value::from("1");
    assert_eq!(
        problems_of_value(&v),
        [Problem::error(
            "version",
            "expected a non-negative integer, found \"1\""
        )]
    );
}

// ------------------------------------- invalid: ids and duplicates

#[test]
fn duplicate_activity_id() {
    assert_single_error(
        "invalid/duplicate_activity_id.json",
        "activities[2].id",
        "duplicate activity id \"digital-health-for-africa\"",
    );
}

#[test]
fn duplicate_target_code() {
    assert_single_error(
        "invalid/duplicate_target_code.json",
        "sdgs[0].targets[3].code",
        "duplicate target code \"3.4\"",
    );
}

#[test]
fn duplicate_link_in_a_cell() {
    assert_single_error(
        "invalid/duplicate_link.json",
        "links[7]",
        "link C2 × SDG 9 repeats links[0]; a cell has at most one link (and one disputed link)",
    );
}

#[test]
fn invalid_id_characters() {
    assert_single_error(
        "invalid/invalid_id_chars.json",
        "activities[1].id",
        "\"broadband for schools\" is not a valid id (letters, digits, '-', '_', '.')",
    );
}

// ---------------------------------------- invalid: dangling references

#[test]
fn link_to_unknown_action_line_names_the_link_and_the_line() {
    assert_single_error(
        "invalid/link_unknown_action_line.json",
        "links[0].action_line",
        "link C12 × SDG 9 refers to action line \"C12\", which is not in action_lines",
    );
}

#[test]
fn link_to_unknown_sdg() {
    assert_single_error(
        "invalid/link_unknown_sdg.json",
        "links[3].sdg",
        "link C2 × SDG 5 refers to SDG 5, which is not in sdgs",
    );
}

#[test]
fn activity_to_unknown_target() {
    assert_single_error(
        "invalid/activity_unknown_target.json",
        "activities[0].targets[0]",
        "activity digital-health-for-africa refers to target \"3.99\", which is not in sdgs[].targets",
    );
}

#[test]
fn activity_to_unknown_action_line() {
    assert_single_error(
        "invalid/activity_unknown_action_line.json",
        "activities[2].action_lines[1]",
        "activity child-online-protection refers to action line \"C7-e-nothing\", which is not in action_lines",
    );
}

#[test]
fn unknown_source() {
    assert_single_error(
        "invalid/unknown_source.json",
        "links[1].source",
        "link C5 × SDG 16 cites source \"wsis-sdg-matrx\", which is not in meta.sources",
    );
}

#[test]
fn parent_unknown() {
    assert_single_error(
        "invalid/parent_unknown.json",
        "action_lines[4].parent",
        "action line C7-e-health names parent \"C77\", which is not in action_lines",
    );
}

#[test]
fn parent_self() {
    assert_single_error(
        "invalid/parent_self.json",
        "action_lines[1].parent",
        "action line C5 names itself as its parent",
    );
}

#[test]
fn parent_cycle_is_refused_on_every_line_of_it() {
    let (problems, _) = invalid("invalid/parent_cycle.json");
    assert_eq!(
        problems,
        [
            Problem::error(
                "action_lines[2].parent",
                "action line C7 has parent C7-e-health, which is itself a sub-line; only one level is allowed"
            ),
            Problem::error(
                "action_lines[3].parent",
                "action line C7-e-business has parent C7, which is itself a sub-line; only one level is allowed"
            ),
            Problem::error(
                "action_lines[4].parent",
                "action line C7-e-health has parent C7, which is itself a sub-line; only one level is allowed"
            ),
        ]
    );
}

#[test]
fn link_to_a_parent_line_instead_of_a_sub_line() {
    assert_single_error(
        "invalid/link_to_parent_line.json",
        "links[5].action_line",
        "link C7 × SDG 3: C7 has sub-lines, so links go to one of its sub-lines",
    );
}

// ------------------------------------------- invalid: codes and values

#[test]
fn target_code_under_the_wrong_goal() {
    assert_single_error(
        "invalid/target_under_wrong_goal.json",
        "sdgs[0].targets[3].code",
        "target 9.5 is listed under SDG 3 but belongs to SDG 9",
    );
}

#[test]
fn link_target_not_of_its_sdg() {
    assert_single_error(
        "invalid/link_target_wrong_sdg.json",
        "links[0].targets[1]",
        "link C2 × SDG 9 lists target 3.8, which belongs to SDG 3, not SDG 9",
    );
}

#[test]
fn malformed_colour() {
    assert_single_error(
        "invalid/bad_color.json",
        "sdgs[1].color",
        "expected a colour #RRGGBB, found \"#FD692\"",
    );
}

#[test]
fn empty_title() {
    assert_single_error(
        "invalid/empty_title.json",
        "activities[3].title",
        "must not be empty",
    );
}

#[test]
fn bad_date() {
    assert_single_error(
        "invalid/bad_date.json",
        "meta.snapshot_date",
        "expected a date YYYY-MM-DD, found \"2026-13-01\"",
    );
}

#[test]
fn scope_targets_without_targets() {
    assert_single_error(
        "invalid/scope_targets_without_targets.json",
        "links[1].targets",
        "link C5 × SDG 16 has scope \"targets\" but lists no targets",
    );
}

#[test]
fn scope_goal_with_targets() {
    assert_single_error(
        "invalid/scope_goal_with_targets.json",
        "links[3].targets",
        "link C2 × SDG 3 has scope \"goal\" but lists targets; use scope \"targets\"",
    );
}

#[test]
fn validation_reports_every_problem_not_just_the_first() {
    let (problems, rendered) = invalid("invalid/two_errors.json");
    assert_eq!(
        problems,
        [
            Problem::error("sdgs[2].color", "expected a colour #RRGGBB, found \"blue\""),
            Problem::error(
                "activities[0].source",
                "activity digital-health-for-africa cites source \"nowhere\", which is not in meta.sources"
            ),
        ]
    );
    assert!(
        rendered.contains("invalid snapshot (2 problems):"),
        "{rendered}"
    );
}

#[test]
fn duplicate_key_in_a_record_is_refused() {
    // activities[1] has "year" twice; serde refuses it (see the next test
    // for what the message should say).
    let err = load("invalid/duplicate_key.json").expect_err("invalid");
    assert!(matches!(err, LoadError::Invalid { .. }), "{err:?}");
}

#[test]
fn duplicate_key_in_a_record_is_reported() {
    let (problems, rendered) = invalid("invalid/duplicate_key.json");
    assert_eq!(problems.len(), 1, "{rendered}");
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].path.starts_with("activities[1]"), "{rendered}");
    assert!(problems[0].message.contains("duplicate"), "{rendered}");
    assert!(problems[0].message.contains("year"), "{rendered}");
}

/// Every fixture under `invalid/` fails, and each is covered by a test above.
#[test]
fn every_invalid_fixture_fails() {
    let dir = fixture("invalid");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("read invalid/") {
        let path = entry.expect("entry").path();
        let res = load_file(&path);
        let err = res
            .err()
            .unwrap_or_else(|| panic!("{} loaded", path.display()));
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "message must start with the file name: {err}"
        );
        assert!(!err.problems().is_empty(), "{}", path.display());
        assert!(
            err.problems().iter().any(|p| p.severity == Severity::Error),
            "{}",
            path.display()
        );
        n += 1;
    }
    assert!(
        n >= 25,
        "expected the full set of invalid fixtures, found {n}"
    );
}

// ------------------------------------ more rules, on mutated copies

/// Appends a goal with no targets, so that refusing it cascades nowhere.
fn push_sdg(v: &mut Value, number: u8) {
    let mut sdg = v["sdgs"][0].clone();
    sdg["number"] = Value::from(number);
    sdg["targets"] = Value::Array(Vec::new());
    v["sdgs"].as_array_mut().expect("sdgs").push(sdg);
}

#[test]
fn more_rules_on_mutated_copies_of_the_minimal_fixture() {
    type Mutation = fn(&mut Value);
    let cases: &[(Mutation, &str, &str)] = &[
        (
            |v| push_sdg(v, 3),
            "sdgs[3].number",
            "SDG 3 appears more than once",
        ),
        (
            |v| push_sdg(v, 18),
            "sdgs[3].number",
            "expected a goal number from 1 to 17, found 18",
        ),
        (
            |v| {
                let mut t = v["sdgs"][2]["targets"][0].clone();
                t["code"] = Value::from("16.X");
                v["sdgs"][2]["targets"]
                    .as_array_mut()
                    .expect("targets")
                    .push(t);
            },
            "sdgs[2].targets[2].code",
            "\"16.X\" is not a target code like 9.1 or 9.c",
        ),
        (
            |v| v["indicators"][0]["target"] = Value::from("9.b"),
            "indicators[0].target",
            "indicator 9.c.1 refers to target \"9.b\", which is not in sdgs[].targets",
        ),
        (
            |v| v["indicators"][0]["code"] = Value::from("9.1.1"),
            "indicators[0].code",
            "indicator 9.1.1 does not belong to its target 9.c",
        ),
        (
            |v| {
                let dup = v["action_lines"][0].clone();
                v["action_lines"].as_array_mut().expect("lines").push(dup);
            },
            "action_lines[5].id",
            "duplicate action line id \"C2\"",
        ),
        (
            |v| v["action_lines"][0]["prize_category"] = Value::from(0),
            "action_lines[0].prize_category",
            "WSIS Prizes categories are numbered from 1",
        ),
        (
            |v| {
                let dup = v["meta"]["sources"][0].clone();
                v["meta"]["sources"]
                    .as_array_mut()
                    .expect("sources")
                    .push(dup);
            },
            "meta.sources[3].id",
            "duplicate source id \"wsis-sdg-matrix\"",
        ),
        (
            |v| v["activities"][2]["sdgs"] = Value::from(vec![16, 4]),
            "activities[2].sdgs[1]",
            "activity child-online-protection refers to SDG 4, which is not in sdgs",
        ),
        (
            |v| v["sdgs"][0]["source"] = Value::from("nope"),
            "sdgs[0].source",
            "SDG 3 cites source \"nope\", which is not in meta.sources",
        ),
        (
            |v| v["links"][4]["rationale"] = Value::from(""),
            "links[4].rationale",
            "must not be empty",
        ),
        (
            |v| v["meta"]["snapshot_date"] = Value::from("15/01/2026"),
            "meta.snapshot_date",
            "expected a date YYYY-MM-DD, found \"15/01/2026\"",
        ),
    ];
    for (mutate, path, message) in cases {
        let mut v = minimal_value();
        mutate(&mut v);
        assert_eq!(
            problems_of_value(&v),
            [Problem::error(*path, *message)],
            "case {path}"
        );
    }
}

#[test]
fn problems_never_carry_raw_control_characters() {
    let mut v = minimal_value();
    v["links"][0]["action_line"] = Value::from("C\u{1b}[2J");
    v["activities"][0]["targets"] = Value::from(vec!["3.\u{1b}]0;pwned\u{7}"]);
    v["activities"][1]["id"] = Value::from("x\u{202e}y");
    let err = load_value(&v).expect_err("invalid");
    let text = err.to_string();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains("C\u{241b}[2J"), "{text}");
    assert!(text.contains("x<U+202E>y"), "{text}");
}

#[test]
fn a_malformed_target_code_is_sanitized_wherever_it_is_echoed() {
    // A malformed code is reported, but still enters the code index; a link
    // that lists it is then reported with the raw code.
    let mut v = minimal_value();
    v["sdgs"][0]["targets"][0]["code"] = Value::from("3.\u{1b}[2J");
    v["links"][0]["targets"] = Value::from(vec!["9.1", "3.\u{1b}[2J"]);
    let err = load_value(&v).expect_err("invalid");
    let text = err.to_string();
    assert!(!text.contains('\u{1b}'), "raw ESC in the message: {text:?}");
}

// ------------------------------------------ generated hostile inputs

fn temp_with(bytes: &[u8]) -> tempfile::NamedTempFile {
    use std::io::Write;
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    f.write_all(bytes).expect("write temp file");
    f.flush().expect("flush");
    f
}

#[test]
fn empty_and_whitespace_only_files() {
    let f = temp_with(b"");
    let err = load_file(f.path()).expect_err("empty");
    assert!(matches!(err, LoadError::Empty { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the file is empty; expected a JSON sdgmap snapshot",
            f.path().display()
        )
    );
    // white space is not "empty": the message says what the file holds
    for bytes in [&b"   \n\t\r\n  "[..], "\u{feff}\n".as_bytes()] {
        let f = temp_with(bytes);
        let err = load_file(f.path()).expect_err("blank");
        assert!(matches!(err, LoadError::Blank { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            format!(
                "{}: the file holds only white space ({} bytes); expected a JSON sdgmap snapshot",
                f.path().display(),
                bytes.len()
            )
        );
    }
}

#[test]
fn non_utf8_file_reports_line_and_column() {
    // Line 2, after "  \"é" (4 characters): the bad byte is column 5.
    let mut bytes = b"{\n  \"\xc3\xa9".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\": 1\n}\n");
    let f = temp_with(&bytes);
    let err = load_file(f.path()).expect_err("not utf-8");
    assert!(
        matches!(
            err,
            LoadError::NotUtf8 {
                line: 2,
                column: 5,
                offset: 7,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2:5: the file is not valid UTF-8 (byte offset 7); a snapshot must be UTF-8 JSON",
            f.path().display()
        )
    );
}

#[test]
fn latin1_snapshot_is_refused_where_it_breaks() {
    let text = std::fs::read_to_string(fixture("valid/minimal.json")).expect("read");
    let latin1 = text.replacen("Minimal test", "Minimal t\u{e9}st", 1);
    // Re-encode é as the single Latin-1 byte 0xE9.
    let bytes = latin1.replacen('\u{e9}', "\u{0}", 1).into_bytes();
    let bytes: Vec<u8> = bytes
        .into_iter()
        .map(|b| if b == 0 { 0xe9 } else { b })
        .collect();
    let err = load_bytes("latin1.json", &bytes).expect_err("not utf-8");
    assert!(
        matches!(
            err,
            LoadError::NotUtf8 {
                line: 5,
                column: 24,
                ..
            }
        ),
        "{err:?}"
    );
}

fn assert_fast(started: Instant, limit: Duration, what: &str) {
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?}, more than {limit:?}");
}

/// Deterministic pseudo-random bytes (xorshift), so the test needs no RNG crate.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        out.extend_from_slice(&seed.to_le_bytes());
    }
    out.truncate(len);
    out
}

const BIG: usize = 200 * 1024 * 1024;

#[test]
fn two_hundred_megabytes_of_random_bytes() {
    let bytes = noise(BIG, 0x5eed_cafe_f00d_d00d);
    let started = Instant::now();
    let err = load_bytes("noise.bin", &bytes).expect_err("garbage");
    assert_fast(started, Duration::from_secs(10), "200 MB of noise");
    let msg = err.to_string();
    assert!(msg.starts_with("noise.bin:1:"), "{msg}");
    assert!(msg.contains("not valid UTF-8"), "{msg}");
}

/// The problems of a load error, as `path: message` lines.
fn problem_lines(err: &LoadError) -> Vec<String> {
    err.problems()
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

/// Too-deep nesting is reported at the first level too deep, with its path,
/// line and column; a text that ends inside it says so.
fn assert_too_deep_at(err: &LoadError, path: &str, line: usize, column: usize) {
    let problems = problem_lines(err);
    let want = format!(
        "{path}: arrays and objects nested more than 127 deep (line {line}, column {column}); \
         a snapshot may nest at most 127"
    );
    assert_eq!(problems.first(), Some(&want), "{problems:#?}");
}

#[test]
fn two_hundred_megabytes_of_open_brackets_on_many_lines() {
    let bytes = b"[\n".repeat(BIG / 2);
    let started = Instant::now();
    let err = load_bytes("brackets.json", &bytes).expect_err("garbage");
    assert_fast(started, Duration::from_secs(10), "200 MB of brackets");
    assert_too_deep_at(&err, "[0][0][0]…[0]", 128, 1);
    assert_eq!(
        problem_lines(&err)[1],
        "[0][0][0]…[0]: invalid JSON: the file ends inside this value; a ']' or '}' is missing"
    );
    assert!(err.to_string().starts_with("brackets.json:"));
    assert!(err.to_string().len() < 1000, "the report stays short");
}

#[test]
fn two_hundred_megabytes_of_open_brackets_on_one_line() {
    let bytes = vec![b'['; BIG];
    let started = Instant::now();
    let err = load_bytes("brackets.json", &bytes).expect_err("garbage");
    assert_fast(
        started,
        Duration::from_secs(2),
        "200 MB of brackets on one line",
    );
    assert_too_deep_at(&err, "[0][0][0]…[0]", 1, 128);
    assert!(err.to_string().len() < 1000, "the report stays short");
}

#[test]
fn a_long_single_line_of_brackets_gives_a_short_report() {
    let bytes = vec![b'['; 1 << 20];
    let err = load_bytes("brackets.json", &bytes).expect_err("garbage");
    let msg = err.to_string();
    assert!(
        msg.starts_with("brackets.json: invalid snapshot (2 problems):\n  error: [0][0][0]…[0]: arrays and objects nested more than 127 deep (line 1, column 128)"),
        "{msg}"
    );
    assert!(msg.len() < 1000, "the report is short: {} bytes", msg.len());
}

#[test]
fn deeply_nested_values_fail_without_overflowing_the_stack() {
    let depth = 100_000;
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let inputs = [
        (arrays.clone(), "[0][0][0]…[0]"),
        (
            format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
            "a.a.a….a",
        ),
        // Deep inside an unknown key, which serde skips.
        (
            format!(r#"{{"format": "sdgmap-snapshot", "version": 1, "extra": {arrays}}}"#),
            "extra[0][0]…[0]",
        ),
        // Deep where a string is expected.
        (
            format!(
                r#"{{"format": "sdgmap-snapshot", "version": 1, "meta": {{"title": {arrays}}}}}"#
            ),
            "meta.title[0]…[0]",
        ),
    ];
    for (input, path) in &inputs {
        // A small stack proves the parser does not recurse per level.
        let input = input.clone();
        let err = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || load_bytes("deep.json", input.as_bytes()).err())
            .expect("spawn")
            .join()
            .expect("no panic, no stack overflow")
            .expect("deep input is an error");
        let problems = problem_lines(&err);
        assert!(
            problems[0].starts_with(&format!(
                "{path}: arrays and objects nested more than 127 deep"
            )),
            "{problems:#?}"
        );
        // the rest of the document is still checked
        assert!(problems.len() > 1, "{problems:#?}");
    }
}

#[test]
fn moderately_nested_unknown_values_are_accepted() {
    let mut v = minimal_value();
    let mut deep = Value::from(1);
    for _ in 0..100 {
        deep = Value::Array(vec![deep]);
    }
    v["x_extension"] = deep;
    assert!(
        load_value(&v).is_ok(),
        "nesting under serde's limit is fine"
    );
}

#[test]
fn a_file_above_the_size_limit_is_refused_without_reading_it() {
    let f = tempfile::NamedTempFile::new().expect("temp file");
    // Sparse: no disk space is used and the loader must not read it.
    f.as_file().set_len(MAX_BYTES + 1).expect("set_len");
    let started = Instant::now();
    let err = load_file(f.path()).expect_err("too large");
    assert_fast(started, Duration::from_secs(1), "size check");
    assert!(
        matches!(err, LoadError::TooLarge { size, limit, .. } if size == MAX_BYTES + 1 && limit == MAX_BYTES)
    );
    assert!(
        err.to_string()
            .contains("sdgmap reads snapshots of at most 1073741824 bytes")
    );
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nope.json");
    let err = load_file(&path).expect_err("missing");
    assert!(matches!(err, LoadError::Io { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read the snapshot: ", path.display())),
        "{err}"
    );
}

#[test]
fn truncated_file_reports_end_of_input() {
    let text = std::fs::read_to_string(fixture("valid/minimal.json")).expect("read");
    let cut = &text[..text.find("\"links\"").expect("links")];
    let err = load_bytes("cut.json", cut.as_bytes()).expect_err("truncated");
    match &err {
        LoadError::Syntax { message, .. } => {
            assert!(message.starts_with("EOF while parsing"), "{message}")
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = std::fs::read_to_string(fixture("valid/minimal.json")).expect("read");
    let with_bom = format!("\u{feff}{text}");
    assert!(load_bytes("bom.json", with_bom.as_bytes()).is_ok());
}

#[test]
fn errors_helper_counts_only_errors() {
    let (problems, _) = invalid("invalid/two_errors.json");
    assert_eq!(errors(&problems).len(), 2);
}
