//! Mapping files: how a spreadsheet someone else designed becomes
//! activities, written down once and committed beside the data.
//!
//! A mapping says which column fills which field (`--map` in a file),
//! which fields every row gets from a template (`"year": "2015"`,
//! `"url": "https://www.itu.int{itu_page}"`), how to make ids when the
//! sheet has none, which country aliases the sheet needs beyond the names
//! the snapshot knows, and which sources its rows cite. Unknown keys are
//! errors: a typo in a mapping must not silently import something else.
//!
//! ```json
//! { "format": "sdgmap-import-mapping", "version": 1,
//!   "columns": { "title": "Project", "lead": "Organisation", "countries": "Country" },
//!   "values": { "year": "2015", "kind": "nominee", "source": "wsis-prizes-2015-nominees" },
//!   "ids": { "prefix": "wsis-prizes-2015-", "from": "title" },
//!   "country_aliases": "country-aliases.csv",
//!   "sources": [{ "id": "wsis-prizes-2015-nominees", "title": "…", "url": null }] }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{ColumnMap, Field, IdRule, ImportError, Options, clean};
use crate::snapshot::raw::RawSource;

/// The value of a mapping file's `format` key.
pub const MAPPING_FORMAT: &str = "sdgmap-import-mapping";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    /// Free text for the people who read the file.
    #[serde(default)]
    #[allow(dead_code)]
    about: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    values: BTreeMap<String, String>,
    #[serde(default)]
    ids: Option<Ids>,
    #[serde(default)]
    country_aliases: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ids {
    prefix: String,
    from: String,
}

/// Reads the mapping file at `path` into import options (`skip_invalid` off).
pub fn read(path: &Path) -> Result<Options, ImportError> {
    let name = clean(&path.display().to_string());
    let bad = |message: String| ImportError::Mapping {
        file: name.clone(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(format!("cannot read it: {e}")))?;
    let f: File = serde_json::from_str(&text).map_err(|e| bad(clean(&e.to_string())))?;
    if f.format != MAPPING_FORMAT || f.version != 1 {
        return Err(bad(format!(
            "expected \"format\": \"{MAPPING_FORMAT}\" and \"version\": 1"
        )));
    }
    let field = |name: &str, what: &str| {
        Field::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            bad(format!(
                "{what}: unknown field \"{}\"; fields are {}",
                clean(name),
                names.join(", ")
            ))
        })
    };
    let mut map = Vec::new();
    for (k, header) in &f.columns {
        map.push((field(k, "columns")?, header.trim().to_string()));
    }
    let mut values = Vec::new();
    for (k, template) in &f.values {
        let fld = field(k, "values")?;
        if map.iter().any(|(m, _)| *m == fld) {
            return Err(bad(format!(
                "{} is given both a column and a value",
                fld.name()
            )));
        }
        values.push((fld, template.clone()));
    }
    let ids = match f.ids {
        None => None,
        Some(r) => {
            if !r.prefix.is_empty() && !crate::snapshot::is_valid_id(&r.prefix) {
                return Err(bad(format!(
                    "ids.prefix \"{}\" is not usable in an id (letters, digits, '-', '_', '.')",
                    clean(&r.prefix)
                )));
            }
            Some(IdRule {
                prefix: r.prefix,
                from: field(&r.from, "ids.from")?,
            })
        }
    };
    let mut files = vec![path.to_path_buf()];
    let country_aliases = match f.country_aliases {
        None => Vec::new(),
        Some(rel) => {
            let at = path.parent().unwrap_or(Path::new(".")).join(&rel);
            let aliases = read_aliases(&at)
                .map_err(|m| bad(format!("country_aliases \"{}\": {m}", clean(&rel))))?;
            files.push(at);
            aliases
        }
    };
    Ok(Options {
        map: ColumnMap::from_pairs(map),
        skip_invalid: false,
        values,
        ids,
        country_aliases,
        sources: f.sources,
        files,
    })
}

/// An alias file: a CSV with columns `alias,country` (an ISO alpha-3 code)
/// and any others (a `note` on why the alias holds is good practice).
fn read_aliases(path: &Path) -> Result<Vec<(String, String)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let mut r = csv::ReaderBuilder::new().from_reader(bytes.as_slice());
    let headers = r.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .ok_or_else(|| format!("no \"{name}\" column"))
    };
    let (a, c) = (col("alias")?, col("country")?);
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 2))?;
        let alias = rec.get(a).unwrap_or("").trim();
        let code = rec.get(c).unwrap_or("").trim();
        if alias.is_empty() || code.is_empty() {
            return Err(format!(
                "row {}: an alias and a country are both needed",
                i + 2
            ));
        }
        out.push((alias.to_string(), code.to_string()));
    }
    Ok(out)
}
