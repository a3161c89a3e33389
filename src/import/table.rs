//! Reading an activities CSV into rows of text cells, with the header
//! resolved to snapshot fields.
//!
//! The `csv` crate parses leniently (an unclosed quote swallows the rest of
//! the file, text after a closing quote is glued on), which would turn a
//! broken spreadsheet export into plausible but wrong activities. So the
//! bytes are first checked for quoting mistakes by a small scanner that
//! knows row and line, and only then handed to `csv`. Cells are read as
//! bytes and decoded one by one, so a non-UTF-8 file is reported with the
//! row and column of the first bad cell. Rows are numbered as a spreadsheet
//! shows them: the header is row 1, the first record row 2.

use super::{Field, ImportError};

/// One record of the CSV.
#[derive(Debug, Clone)]
pub(crate) struct CsvRow {
    /// Spreadsheet row number (header is 1).
    pub row: usize,
    /// The cells, one per header column.
    pub cells: Vec<String>,
}

/// The parsed CSV: headers, which header serves which field, and the rows.
#[derive(Debug)]
pub(crate) struct Table {
    pub headers: Vec<String>,
    /// (field, header position), for the fields the CSV has.
    pub columns: Vec<(Field, usize)>,
    pub rows: Vec<CsvRow>,
}

impl Table {
    /// Adds a column no header names (a mapping's value or a made id):
    /// `header` names it in messages, `cell` gives each row's text.
    pub fn add_column(
        &mut self,
        field: Field,
        header: String,
        mut cell: impl FnMut(&CsvRow) -> String,
    ) {
        self.columns.retain(|(f, _)| *f != field);
        let at = self.headers.len();
        self.headers.push(header);
        for row in &mut self.rows {
            let text = cell(row);
            row.cells.push(text);
        }
        self.columns.push((field, at));
    }

    /// The position of the column whose header is `name` (as [`normalize`] compares).
    pub fn header(&self, name: &str) -> Option<usize> {
        let n = normalize(name);
        self.headers.iter().position(|h| normalize(h) == n)
    }

    /// The cell of `field` in `row`, `None` when the CSV has no such column.
    pub fn cell<'a>(&self, row: &'a CsvRow, field: Field) -> Option<&'a str> {
        let (_, i) = self.columns.iter().find(|(f, _)| *f == field)?;
        Some(row.cells.get(*i).map_or("", String::as_str))
    }

    /// How the column of `field` is named in messages: the header as the
    /// user wrote it, with the field in parentheses when they differ.
    pub fn column_name(&self, field: Field) -> String {
        match self.columns.iter().find(|(f, _)| *f == field) {
            Some(&(_, i)) if normalize(&self.headers[i]) != field.name() => {
                format!("{} ({})", self.headers[i], field.name())
            }
            Some(&(_, i)) => self.headers[i].clone(),
            None => field.name().to_string(),
        }
    }
}

/// Header text compared case-insensitively, with spaces and hyphens as `_`.
pub(crate) fn normalize(h: &str) -> String {
    h.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Parses `bytes` as a CSV with a header row; `map` renames columns
/// (field → header text). `file` names the CSV in messages.
pub(crate) fn read(
    file: &str,
    bytes: &[u8],
    map: &[(Field, String)],
    need_id: bool,
) -> Result<Table, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    check_quoting(file, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut row = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ImportError::Quoting {
                    file: file.to_string(),
                    row: row + 1,
                    message: e.to_string(),
                });
            }
        }
        row += 1;
        let mut cells = Vec::with_capacity(record.len());
        for (i, cell) in record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(s) => cells.push(s.to_string()),
                Err(e) => {
                    let column = match &headers {
                        Some(h) => h.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1)),
                        None => format!("#{}", i + 1),
                    };
                    return Err(ImportError::NotUtf8 {
                        file: file.to_string(),
                        row,
                        column: clean(&column),
                        byte: e.valid_up_to(),
                    });
                }
            }
        }
        match &headers {
            None => headers = Some(cells.iter().map(|h| h.trim().to_string()).collect()),
            Some(h) => {
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if cells.len() != h.len() {
                    let hint = if cells.len() > h.len() {
                        " (a cell with a comma must be quoted)"
                    } else {
                        ""
                    };
                    return Err(ImportError::Shape {
                        file: file.to_string(),
                        row,
                        message: format!(
                            "{} cells, but the header has {} columns{hint}",
                            cells.len(),
                            h.len()
                        ),
                    });
                }
                rows.push(CsvRow { row, cells });
            }
        }
    }
    let Some(headers) = headers else {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    };
    let columns = resolve(file, &headers, map, need_id)?;
    Ok(Table {
        headers,
        columns,
        rows,
    })
}

fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, crate::sanitize::Lines::Single).into_owned()
}

fn resolve(
    file: &str,
    headers: &[String],
    map: &[(Field, String)],
    need_id: bool,
) -> Result<Vec<(Field, usize)>, ImportError> {
    let header_err = |message: String| ImportError::Header {
        file: file.to_string(),
        message,
    };
    let mut columns = Vec::new();
    for &field in Field::ALL {
        let wanted = map
            .iter()
            .find(|(f, _)| *f == field)
            .map_or_else(|| field.name().to_string(), |(_, h)| normalize(h));
        let found: Vec<usize> = (0..headers.len())
            .filter(|&i| {
                let h = normalize(&headers[i]);
                h == wanted || (wanted == "action_lines" && h == "actionlines")
            })
            .collect();
        match found.as_slice() {
            [] if map.iter().any(|(f, _)| *f == field) => {
                return Err(header_err(format!(
                    "--map names column \"{}\" for {}, but the header has no such column",
                    clean(&wanted),
                    field.name()
                )));
            }
            [] if field == Field::Id && need_id => {
                return Err(ImportError::MissingColumn {
                    file: file.to_string(),
                    column: field.name().to_string(),
                    found: headers
                        .iter()
                        .map(|h| clean(h))
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            [] => {}
            [i] => columns.push((field, *i)),
            [a, b, ..] => {
                return Err(header_err(format!(
                    "columns {} and {} are both \"{}\"",
                    a + 1,
                    b + 1,
                    clean(&headers[*a])
                )));
            }
        }
    }
    Ok(columns)
}

/// Finds quoting mistakes the `csv` crate would silently accept: a quoted
/// cell that is never closed, and text right after a closing quote.
fn check_quoting(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    #[derive(PartialEq)]
    enum St {
        Start,
        Bare,
        Quoted,
        AfterQuote,
    }
    let err = |row: usize, line: usize, message: String| ImportError::Quoting {
        file: file.to_string(),
        row,
        message: format!("(line {line}) {message}"),
    };
    let (mut st, mut row, mut line, mut cell) = (St::Start, 1usize, 1usize, 0usize);
    let (mut opened, mut empty_line) = (1usize, true);
    for &b in bytes {
        match (&st, b) {
            (St::Quoted, b'"') => st = St::AfterQuote,
            (St::Quoted, b'\n') => line += 1,
            (St::Quoted, _) => {}
            (St::AfterQuote, b'"') => st = St::Quoted,
            (St::Start, b'"') => {
                st = St::Quoted;
                opened = line;
                empty_line = false;
            }
            (_, b',') => {
                st = St::Start;
                cell += 1;
                empty_line = false;
            }
            (_, b'\n') => {
                if !empty_line {
                    row += 1;
                }
                (st, line, cell, empty_line) = (St::Start, line + 1, 0, true);
            }
            (_, b'\r') => {}
            (St::AfterQuote, _) => {
                return Err(err(
                    row,
                    line,
                    format!(
                        "cell {}: text after the closing quote; inside a quoted cell write a quote as \"\"",
                        cell + 1
                    ),
                ));
            }
            _ => {
                st = St::Bare;
                empty_line = false;
            }
        }
    }
    if st == St::Quoted {
        return Err(err(
            row,
            opened,
            format!("cell {}: the quote opened here is never closed", cell + 1),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_loosely() {
        assert_eq!(normalize(" Action Lines "), "action_lines");
        assert_eq!(normalize("action-lines"), "action_lines");
    }

    #[test]
    fn quoting_mistakes_are_found() {
        assert!(check_quoting("f", b"id,title\na,\"b\"\"c\"\n").is_ok());
        assert!(check_quoting("f", b"id,title\na,\"b\nc\"\n").is_ok());
        let e = check_quoting("f", b"id,title\n\na,\"open\nb,c\n");
        assert!(
            matches!(e, Err(ImportError::Quoting { row: 2, .. })),
            "{e:?}"
        );
        let e = check_quoting("f", b"id,title\na,b\nc,\"d\"x\n");
        assert!(
            matches!(e, Err(ImportError::Quoting { row: 3, .. })),
            "{e:?}"
        );
    }
}
