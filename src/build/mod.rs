//! Building the bundled snapshot from the facts, with the project's own code.
//!
//! `assets/snapshot.json` is not written by hand. It is
//! `assets/build/curated.json` — the records people wrote from their
//! sources: goals and targets, Action Lines, the Matrix links and the
//! activities of ITU's Roadmap — plus what the reference files in
//! `../shared/reference/` hold, brought in the way a user would:
//!
//! 1. the 251 indicators of the 2025 framework, with tiers, custodians and
//!    partners joined from the 2022-11-30 tier classification by UNSD code
//!    ([`indicators`]);
//! 2. the 249 countries and territories of `country-codes.csv` ([`countries`]);
//! 3. the WSIS Prizes nominees of 2015 and 2021, run through
//!    [`crate::import`] with the mapping files in `assets/import/`.
//!
//! `cargo run --example build-snapshot` runs [`bundled`] and writes the
//! result; `tests/build_snapshot.rs` runs it again when `../shared` is
//! present and fails if the committed snapshot differs.

pub mod countries;
pub mod indicators;

use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, Report};
use crate::snapshot::raw::RawSnapshot;

/// The reference file of the indicator framework.
pub const FRAMEWORK_CSV: &str = "un-indicator-framework-2025.csv";
/// The reference file of the tier classification.
pub const TIERS_CSV: &str = "iaeg-tier-classification-2022-11-30.csv";
/// The date of that classification: every tier in the snapshot says it.
pub const TIER_DATE: &str = "2022-11-30";
/// The reference file of the countries.
pub const COUNTRIES_CSV: &str = "country-codes.csv";
/// The nominee listings and the mapping (under `assets/`) that imports each.
pub const NOMINEES: [(&str, &str); 2] = [
    (
        "wsis-prizes-2015-nominees.csv",
        "import/wsis-prizes-2015.json",
    ),
    (
        "wsis-prizes-2021-nominees.csv",
        "import/wsis-prizes-2021.json",
    ),
];
/// The curated records, under `assets/`.
pub const CURATED: &str = "build/curated.json";
/// Source id of the indicator texts and codes.
pub const FRAMEWORK_SOURCE: &str = "un-indicator-framework-2025";
/// Source id of the tiers, custodians and partners.
pub const TIERS_SOURCE: &str = "iaeg-tiers-2022-11-30";
/// Source id of the countries.
pub const COUNTRIES_SOURCE: &str = "country-codes";

/// Why the build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A file could not be read.
    #[error("{file}: cannot read it: {error}")]
    Io {
        /// The file.
        file: String,
        /// The OS error.
        error: std::io::Error,
    },
    /// A reference file is not what the build expects.
    #[error("{file}: {message}")]
    Input {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// An import refused its rows, or the result does not validate.
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl BuildError {
    pub(crate) fn input(file: &str, message: impl Into<String>) -> BuildError {
        BuildError::Input {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

/// A reference CSV file with its header row, whose columns are found by
/// name: a missing column is an error naming the file and the column.
pub(crate) struct Csv<'a> {
    /// The file's name, for errors.
    name: &'a str,
    /// The records after the header row.
    reader: csv::Reader<&'a [u8]>,
    /// The header row.
    headers: csv::StringRecord,
}

impl<'a> Csv<'a> {
    /// Reads the header row of `bytes`, the file called `name`.
    pub(crate) fn open(name: &'a str, bytes: &'a [u8]) -> Result<Csv<'a>, BuildError> {
        let mut reader = csv::Reader::from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(|e| BuildError::input(name, e.to_string()))?
            .clone();
        Ok(Csv {
            name,
            reader,
            headers,
        })
    }

    /// The index of the column headed `h`.
    pub(crate) fn col(&self, h: &str) -> Result<usize, BuildError> {
        self.headers
            .iter()
            .position(|x| x == h)
            .ok_or_else(|| BuildError::input(self.name, format!("no \"{h}\" column")))
    }

    /// The records, each an error naming its row (the header is row 1).
    pub(crate) fn records(
        &mut self,
    ) -> impl Iterator<Item = Result<csv::StringRecord, BuildError>> + '_ {
        let name = self.name;
        self.reader.records().enumerate().map(move |(i, rec)| {
            rec.map_err(|e| BuildError::input(name, format!("row {}: {e}", i + 2)))
        })
    }
}

/// What the build made, and what each import reported.
#[derive(Debug)]
pub struct Built {
    /// The snapshot, ready for [`crate::import::write_snapshot`].
    pub raw: RawSnapshot,
    /// Each nominee listing's file name and its import report.
    pub imports: Vec<(String, Report)>,
    /// Every file the build read: what its output must never replace.
    pub inputs: Vec<PathBuf>,
}

fn read(path: &Path) -> Result<Vec<u8>, BuildError> {
    std::fs::read(path).map_err(|error| BuildError::Io {
        file: path.display().to_string(),
        error,
    })
}

/// Builds the bundled snapshot from the reference files in `reference`
/// and the curated records and mappings in `assets`.
pub fn bundled(reference: &Path, assets: &Path) -> Result<Built, BuildError> {
    let curated_path = assets.join(CURATED);
    let mut inputs = vec![
        curated_path.clone(),
        reference.join(FRAMEWORK_CSV),
        reference.join(TIERS_CSV),
        reference.join(COUNTRIES_CSV),
    ];
    let mut raw = import::load_base(&curated_path.display().to_string(), &read(&curated_path)?)?;

    let fw = indicators::framework(FRAMEWORK_CSV, &read(&reference.join(FRAMEWORK_CSV))?)?;
    let tiers = indicators::tiers(TIERS_CSV, &read(&reference.join(TIERS_CSV))?)?;
    raw.indicators = indicators::join(&fw, &tiers, TIER_DATE, (FRAMEWORK_SOURCE, TIERS_SOURCE));
    raw.countries = countries::read(
        COUNTRIES_CSV,
        &read(&reference.join(COUNTRIES_CSV))?,
        COUNTRIES_SOURCE,
    )?;

    let mut imports = Vec::new();
    for (csv, mapping) in NOMINEES {
        let opts = import::mapping::read(&assets.join(mapping))?;
        let bytes = read(&reference.join(csv))?;
        let done = import::import(&raw, csv, &bytes, &opts)?;
        inputs.push(reference.join(csv));
        inputs.extend(opts.files);
        raw = done.raw;
        imports.push((csv.to_string(), done.report));
    }
    Ok(Built {
        raw,
        imports,
        inputs,
    })
}
