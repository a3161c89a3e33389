//! The JSON Schema of the snapshot file format, generated from the serde
//! types in [`crate::snapshot::raw`].
//!
//! The schema shipped as `assets/snapshot.schema.json` is exactly the output
//! of [`snapshot_schema`]; `tests/schema_sync.rs` fails when the two drift and
//! rewrites the file when run with `SDGMAP_UPDATE_SCHEMA=1`. The schema
//! describes the *shape* of a snapshot (keys, types, enum values); rules that
//! span records (dangling references, duplicate ids, target codes under the
//! right goal) are checked by [`crate::snapshot::build`] and documented in
//! `assets/SCHEMA.md`.

use crate::snapshot::raw::RawSnapshot;

/// The JSON Schema of snapshot format v1 as pretty-printed JSON with a
/// trailing newline, byte for byte what `assets/snapshot.schema.json` holds.
pub fn snapshot_schema() -> String {
    let schema = schemars::schema_for!(RawSnapshot);
    // A `Schema` is a JSON value; serializing it cannot fail.
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_is_json_describing_the_snapshot() {
        let text = snapshot_schema();
        assert!(text.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(v["title"], "sdgmap snapshot");
        assert_eq!(v["type"], "object");
        assert!(v["properties"]["links"].is_object());
    }
}
