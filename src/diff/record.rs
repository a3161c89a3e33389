//! Every comparable record of a snapshot flattened into named fields.
//!
//! A diff compares records by their stable key (target code, activity id,
//! link key …) and then field by field. Rather than one hand-written
//! comparison per record type, each record is turned into a [`Record`]: its
//! fields in file-format order, each as a JSON value that uses stable keys
//! for references (`"9.c"`, `"C2"`, a source id) instead of in-memory ids.
//! One generic comparison then serves every kind, the JSON report shows
//! values exactly as a snapshot file would, and field order stays the order
//! of `assets/SCHEMA.md`.

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

use crate::snapshot::{
    ActionLine, Activity, Country, Indicator, Link, Rgb, Sdg, Snapshot, Source, Target,
};

/// A record's fields in schema order, each with its value as in a snapshot file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record(Vec<(&'static str, Value)>);

impl Record {
    /// The fields in schema order.
    pub fn fields(&self) -> &[(&'static str, Value)] {
        &self.0
    }

    /// The value of one field, when the record has it.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, v)| v)
    }

    /// The fields whose values differ from `other`'s, as changes from `self` to `other`.
    pub fn changes_to(&self, other: &Record) -> Vec<FieldChange> {
        let mut out = Vec::new();
        for (field, old) in &self.0 {
            let new = other.get(field).unwrap_or(&Value::Null);
            if old != new {
                out.push(FieldChange::new(field, old.clone(), new.clone()));
            }
        }
        for (field, new) in &other.0 {
            if self.get(field).is_none() && !new.is_null() {
                out.push(FieldChange::new(field, Value::Null, new.clone()));
            }
        }
        out
    }

    fn push(&mut self, field: &'static str, value: impl Serialize) {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.0.push((field, value));
    }
}

impl Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One field that differs between the old and the new record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field name as in the snapshot file (`targets`, `status`, `rationale` …).
    pub field: &'static str,
    /// The old value (`null` when absent).
    pub old: Value,
    /// The new value (`null` when absent).
    pub new: Value,
}

impl FieldChange {
    fn new(field: &'static str, old: Value, new: Value) -> Self {
        Self { field, old, new }
    }

    /// Whether the field holds a list (`targets`, `partners`, `sdgs` …), so
    /// the change reads best as items added and removed.
    pub fn is_list(&self) -> bool {
        self.old.is_array() || self.new.is_array()
    }

    /// List items in the new value but not the old one, in the new order.
    pub fn added_items(&self) -> Vec<String> {
        minus(&self.new, &self.old)
    }

    /// List items in the old value but not the new one, in the old order.
    pub fn removed_items(&self) -> Vec<String> {
        minus(&self.old, &self.new)
    }
}

fn items(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().map(value_text).collect(),
        Value::Null => Vec::new(),
        other => vec![value_text(other)],
    }
}

fn minus(a: &Value, b: &Value) -> Vec<String> {
    let b = items(b);
    items(a).into_iter().filter(|x| !b.contains(x)).collect()
}

/// A value as plain text: strings unquoted, lists joined with `; `, and
/// `null` or an empty list as `(none)`. The result is not sanitized.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => "(none)".into(),
        Value::Array(a) => a.iter().map(value_text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

fn source_id(s: &Snapshot, id: Option<crate::snapshot::SourceId>) -> Option<String> {
    id.map(|i| s.source(i).id.clone())
}

fn color(c: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn codes(s: &Snapshot, ids: &[crate::snapshot::TargetId]) -> Vec<String> {
    ids.iter().map(|&t| s.target(t).code.clone()).collect()
}

/// The snapshot-wide fields: title, date and notes.
pub fn meta(s: &Snapshot) -> Record {
    let m = s.meta();
    let mut r = Record::default();
    r.push("title", &m.title);
    r.push("snapshot_date", &m.snapshot_date);
    r.push("notes", &m.notes);
    r
}

/// A cited source.
pub fn source(x: &Source) -> Record {
    let mut r = Record::default();
    r.push("title", &x.title);
    r.push("url", &x.url);
    r
}

/// A goal's own fields (its targets are compared one by one, by code).
pub fn sdg(s: &Snapshot, g: &Sdg) -> Record {
    let mut r = Record::default();
    r.push("short_name", &g.short_name);
    r.push("title", &g.title);
    r.push("color", color(g.color));
    r.push("source", source_id(s, g.source));
    r
}

/// A target: its goal and wording.
pub fn target(t: &Target) -> Record {
    let mut r = Record::default();
    r.push("goal", t.goal);
    r.push("text", &t.text);
    r
}

/// An indicator.
pub fn indicator(s: &Snapshot, i: &Indicator) -> Record {
    let mut r = Record::default();
    r.push("target", &s.target(i.target).code);
    r.push("name", &i.name);
    r.push("unsd_code", &i.unsd_code);
    r.push("tier", i.tier.text());
    r.push("tier_as_of", i.tier.as_of());
    r.push("custodians", &i.custodians);
    r.push("partners", &i.partners);
    r.push("former_codes", &i.former_codes);
    r.push("tier_source", source_id(s, i.tier_source));
    r.push("source", source_id(s, i.source));
    r
}

/// A country.
pub fn country(s: &Snapshot, c: &Country) -> Record {
    let mut r = Record::default();
    r.push("alpha2", &c.alpha2);
    r.push("m49", c.m49);
    r.push("name", &c.name);
    r.push("region", &c.region);
    r.push("subregion", &c.subregion);
    r.push("intermediate_region", &c.intermediate_region);
    r.push("groups", &c.groups);
    r.push("names", &c.names);
    r.push("source", source_id(s, c.source));
    r
}

/// An Action Line or sub-line.
pub fn action_line(s: &Snapshot, l: &ActionLine) -> Record {
    let mut r = Record::default();
    r.push("title", &l.title);
    r.push("short_name", &l.short_name);
    r.push("parent", l.parent.map(|p| s.line(p).id.clone()));
    r.push("facilitators", &l.facilitators);
    r.push("prize_category", l.prize_category);
    r.push("source", source_id(s, l.source));
    r
}

/// A Matrix link (its row, goal and disputed-ness are its key).
pub fn link(s: &Snapshot, l: &Link) -> Record {
    let mut r = Record::default();
    r.push("targets", codes(s, &l.targets));
    r.push("scope", l.scope);
    r.push("status", l.status);
    r.push("rationale", &l.rationale);
    r.push("source", &s.source(l.source).id);
    r.push("note", &l.note);
    r
}

/// An activity, with goals as the validated model has them (listed goals
/// plus the goals of listed targets, ascending).
pub fn activity(s: &Snapshot, a: &Activity) -> Record {
    let mut r = Record::default();
    r.push("title", a.title());
    r.push("summary", a.summary());
    r.push("lead", a.lead());
    r.push("partners", a.partners().collect::<Vec<_>>());
    r.push("sector", a.sector());
    r.push("kind", a.kind());
    r.push("year", a.year());
    r.push("sdgs", a.sdgs());
    r.push("targets", codes(s, a.targets()));
    r.push(
        "action_lines",
        a.action_lines()
            .iter()
            .map(|&l| s.line(l).id.clone())
            .collect::<Vec<_>>(),
    );
    r.push(
        "countries",
        a.countries()
            .iter()
            .map(|&c| s.country(c).code.clone())
            .collect::<Vec<_>>(),
    );
    r.push("source", &s.source(a.source()).id);
    r.push("url", a.url());
    r.push("note", a.note());
    // suggestions compare by what is suggested and by which engine, not by
    // score or evidence wording (a re-run that suggests the same is no change)
    let sug = a.suggested();
    r.push(
        "suggested_sdgs",
        sug.map(|g| g.goals.iter().map(|g| g.goal).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    r.push(
        "suggested_targets",
        sug.map(|g| {
            g.targets()
                .map(|t| s.target(t).code.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default(),
    );
    r.push(
        "suggested_action_lines",
        sug.map(|g| g.lines().map(|l| s.line(l).id.clone()).collect::<Vec<_>>())
            .unwrap_or_default(),
    );
    r.push("suggested_engine", sug.map(|g| g.engine.as_str()));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn list_changes_read_as_items() {
        let c = FieldChange::new("targets", json!(["9.1", "9.c"]), json!(["9.c", "9.a"]));
        assert!(c.is_list());
        assert_eq!(c.added_items(), ["9.a"]);
        assert_eq!(c.removed_items(), ["9.1"]);
    }

    #[test]
    fn values_as_text() {
        assert_eq!(value_text(&json!(null)), "(none)");
        assert_eq!(value_text(&json!([])), "(none)");
        assert_eq!(value_text(&json!([3, 9])), "3; 9");
        assert_eq!(value_text(&json!("x")), "x");
    }
}
