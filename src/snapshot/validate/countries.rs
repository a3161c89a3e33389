//! Validation of the `countries` section: ISO codes unique and well formed,
//! names present and groups usable as view values. Names two countries
//! share are found when names are first looked up
//! ([`crate::snapshot::Snapshot::country_name_clashes`]), not at load.

use super::{Validator, clean, is_valid_id};
use crate::sanitize::Lines;
use crate::snapshot::model::*;
use crate::snapshot::raw::*;

fn upper_letters(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl Validator {
    pub(super) fn countries(&mut self, raw: Vec<RawCountry>) -> Vec<Country> {
        let mut out: Vec<Country> = Vec::with_capacity(raw.len());
        let mut alpha2: foldhash::HashMap<String, usize> = Default::default();
        // maps sized once: they would otherwise grow (and rehash) several times
        alpha2.reserve(raw.len());
        self.index.country_by_code.reserve(raw.len());
        for (i, c) in raw.into_iter().enumerate() {
            let path = format!("countries[{i}]");
            if !upper_letters(&c.code, 3) {
                self.err(
                    format!("{path}.code"),
                    format!(
                        "\"{}\" is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. THA)",
                        clean(&c.code)
                    ),
                );
            } else if self
                .index
                .country_by_code
                .insert(c.code.clone(), CountryId(out.len() as u32))
                .is_some()
            {
                self.err(
                    format!("{path}.code"),
                    format!("duplicate country code \"{}\"", c.code),
                );
            }
            if let Some(a2) = &c.alpha2 {
                if !upper_letters(a2, 2) {
                    self.err(
                        format!("{path}.alpha2"),
                        format!(
                            "\"{}\" is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. TH)",
                            clean(a2)
                        ),
                    );
                } else if let Some(first) = alpha2.insert(a2.clone(), i) {
                    self.err(
                        format!("{path}.alpha2"),
                        format!(
                            "country {}: alpha-2 code \"{a2}\" repeats countries[{first}]",
                            clean(&c.code)
                        ),
                    );
                }
            }
            let name = self.required(format_args!("{path}.name"), c.name, Lines::Single);
            let region = self.opt(format_args!("{path}.region"), c.region);
            let subregion = self.opt(format_args!("{path}.subregion"), c.subregion);
            let intermediate_region = self.opt(
                format_args!("{path}.intermediate_region"),
                c.intermediate_region,
            );
            let mut groups = Vec::with_capacity(c.groups.len());
            for (j, g) in c.groups.into_iter().enumerate() {
                if !is_valid_id(&g) {
                    self.err(
                        format!("{path}.groups[{j}]"),
                        format!(
                            "\"{}\" is not a usable group name (letters, digits, '-', '_', '.'), e.g. ldc",
                            clean(&g)
                        ),
                    );
                }
                groups.push(g.to_ascii_lowercase());
            }
            let other = self.list(format_args!("{path}.names"), c.names);
            let source = c.source.as_deref().map(|s| {
                self.source_ref(
                    format_args!("{path}.source"),
                    format_args!("country {}", clean(&c.code)),
                    s,
                )
            });
            let country = Country {
                code: c.code,
                alpha2: c.alpha2,
                m49: c.m49,
                name,
                region,
                subregion,
                intermediate_region,
                groups,
                names: other,
                source,
            };
            out.push(country);
        }
        out
    }
}
