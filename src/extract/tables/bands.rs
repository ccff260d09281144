//! 表三 as plain `pdftotext` prints some word processors' PDFs of it: column by
//! column over bands of rows. A band of `s` rows comes as seven runs of `s`
//! numbers, one a column, left to right, each run a line or lines of their own
//! apart from the next by a blank line or a label; a band of one row is a row's
//! seven numbers one to a run. The first page's rows are often one band, the
//! rest of the table bands of a row or two or three; the labels come in blocks
//! of their own, apart from the numbers.
//!
//! The runs are split into bands (a run that fits none, such as a cell of 表四
//! printed among them, left out) so that the most rows add up, each row's
//! total the sum of its other columns; the reading is taken only where every
//! row adds up and the table's identity holds in every column (new and carried
//! over = processed and carried forward), but for one row and one column (a
//! number printed wrong, which the checks flag), and some band holds more than
//! one row, so a table printed row by row is never read so. The shortened form
//! (自然人, 法人或其他组织, 总计) is read as three columns.

use crate::extract::cells::cells_add_up;
use super::*;

/// The most runs looked at: a table's 25 rows make at most 175.
const MAX_RUNS: usize = 400;

/// What a row that adds up, a row that does not and a run left out weigh.
const ADDS_UP: i64 = 1;
const DOES_NOT: i64 = -5;
const LEFT_OUT: i64 = -3;

/// Whether a blank line stands between two places of `text` (`a` before `b`).
pub(super) fn blank_between(text: &str, a: usize, b: usize) -> bool {
    let between = text.as_bytes().get(a..b).unwrap_or_default();
    // A line wholly between the two with nothing but blanks on it.
    let mut breaks = memchr::memchr_iter(b'\n', between);
    let Some(mut last) = breaks.next() else { return false };
    breaks.any(|next| {
        let blank = between[last + 1..next].iter().all(u8::is_ascii_whitespace);
        last = next;
        blank
    })
}

/// The runs of numbers from row `first` to `end`, each with the index of the
/// row its last number is on.
fn runs(text: &str, rows: &[Row], first: usize, end: usize) -> Vec<(Vec<Cell>, usize)> {
    let mut out: Vec<(Vec<Cell>, usize)> = Vec::new();
    let mut run: Vec<Cell> = Vec::new();
    let mut at = first;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        if !row.is_numbers_alone() {
            if !run.is_empty() {
                out.push((std::mem::take(&mut run), at));
            }
            continue;
        }
        for cell in &row.cells {
            if run.last().is_some_and(|last| blank_between(text, last.offset, cell.offset)) {
                out.push((std::mem::take(&mut run), at));
                if out.len() >= MAX_RUNS {
                    return out;
                }
            }
            run.push(*cell);
            at = k;
        }
    }
    if !run.is_empty() {
        out.push((run, at));
    }
    out
}

/// The band of `n` runs of one length that starts at run `i`, if they are.
fn band(runs: &[(Vec<Cell>, usize)], i: usize, n: usize) -> Option<&[(Vec<Cell>, usize)]> {
    let s = runs.get(i)?.0.len();
    runs.get(i..i + n).filter(|b| b.iter().all(|r| r.0.len() == s))
}

/// A band's rows: the j-th number of each run is row j's.
fn rows_of(band: &[(Vec<Cell>, usize)]) -> Vec<Vec<Cell>> {
    (0..band[0].0.len()).map(|j| band.iter().map(|r| r.0[j]).collect()).collect()
}

/// Reads 表三 printed column by column (see the module's comment): its rows in
/// the template's order, each with its label and `n` cells, and the index of
/// the layout row after its last number; `None` where the table is not printed so.
pub(super) fn banded<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
) -> Option<(Vec<Row<'a>>, usize)> {
    let end = (first..rows.len()).find(|&k| rows[k].kind == Kind::Prose).unwrap_or(rows.len());
    let specs = template::request_rows(t);
    let m = specs.len();
    // Lines of numbers alone that hold fewer than the table's: no such table (most texts).
    let alone: usize = rows[first..end].iter().filter(|r| r.is_numbers_alone()).map(|r| r.cells.len()).sum();
    if alone < m * n {
        return None;
    }
    let runs = runs(text, rows, first, end);
    // For each run, the band of `n` runs it starts, if one: its rows and their weight.
    let bands: Vec<Option<(usize, i64)>> = (0..runs.len())
        .map(|i| {
            let s = runs[i].0.len();
            let band = band(&runs, i, n).filter(|_| s <= m)?;
            // Row j of the band: the j-th number of each run (summed in place, no row built).
            let (others, total) = band.split_at(n - 1);
            let adds = |j: usize| others.iter().map(|r| r.0[j].number()).sum::<f64>() == total[0].0[j].number();
            let adding = (0..s).filter(|&j| adds(j)).count() as i64;
            Some((s, adding * ADDS_UP + (s as i64 - adding) * DOES_NOT))
        })
        .collect();
    // A band of more than a row whose rows add up, but for one at most: else no reading is taken.
    let wide_adding = |&(s, w): &(usize, i64)| s > 1 && w >= (s as i64 - 1) * ADDS_UP + DOES_NOT;
    if !bands.iter().flatten().any(wide_adding) {
        return None;
    }
    // best[i][r]: the best weight of reading runs[..i] as rows[..r], and whether a band ends there.
    let mut best: Vec<Vec<Option<(i64, bool)>>> = vec![vec![None; m + 1]; runs.len() + 1];
    best[0][0] = Some((0, false));
    for i in 0..runs.len() {
        for r in 0..m {
            let Some((weight, _)) = best[i][r] else { continue };
            let mut offer = |i: usize, r: usize, w: i64, banded: bool| {
                if best[i][r].is_none_or(|(b, _)| w > b) {
                    best[i][r] = Some((w, banded));
                }
            };
            offer(i + 1, r, weight + LEFT_OUT, false);
            if let Some((s, w)) = bands[i].filter(|&(s, _)| r + s <= m) {
                offer(i + n, r + s, weight + w, true);
            }
        }
    }
    // The best reading of all the rows, back from its last run.
    let (mut i, _) = (0..=runs.len()).filter_map(|i| best[i][m].map(|(w, _)| (i, w))).max_by_key(|&(i, w)| (w, i))?;
    let last = i.checked_sub(1).map_or(first, |l| runs[l].1);
    let (mut r, mut read, mut wide) = (m, Vec::with_capacity(m), false);
    while r > 0 {
        let (_, banded) = best[i][r]?;
        if banded {
            // A band of `n` runs ends here: it began `n` runs back.
            let band = rows_of(band(&runs, i - n, n)?);
            wide |= band.len() > 1;
            r -= band.len();
            read.splice(0..0, band);
            i -= n;
        } else {
            i -= 1;
        }
    }
    // (One number printed wrong breaks a row's sum and a column's identity: the
    // checks flag it.)
    let not_adding = read.iter().filter(|row| !cells_add_up(row)).count();
    if !wide || not_adding > 1 || identity_unequal(&specs, &read, n) > 1 {
        return None;
    }
    let built = specs
        .iter()
        .zip(read)
        .map(|(spec, cells)| {
            let offset = cells[0].offset;
            rows[first].with_labels(vec![Frag { text: spec.cues[0], offset, center: 0.0 }], cells)
        })
        .collect();
    Some((built, last + 1))
}

/// The columns of a table read (`read`, a row for each of `specs`, `n` cells
/// each) where the table's identity fails: new and carried over differ from
/// processed and carried forward.
pub(super) fn identity_unequal(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> usize {
    let at = |key: &str| specs.iter().position(|s| s.key == key).map(|j| &read[j]);
    let column = |key: &str, c: usize| at(key).map_or(f64::NAN, |row| row[c].number());
    (0..n)
        .filter(|&c| {
            let (received, done) = (["new_received", "carried_over"], ["total_processed", "carried_forward"]);
            received.map(|k| column(k, c)).iter().sum::<f64>() != done.map(|k| column(k, c)).iter().sum::<f64>()
        })
        .count()
}

/// The columns of a table read (as for [`identity_unequal`]) whose results do
/// not add up to (七)总计.
pub(super) fn results_unequal(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> usize {
    let Some(total) = specs.iter().position(|s| s.role == template::Role::TotalProcessed) else { return 0 };
    let results: Vec<usize> = (0..specs.len()).filter(|&j| specs[j].role == template::Role::Result).collect();
    (0..n).filter(|&c| results.iter().map(|&j| read[j][c].number()).sum::<f64>() != read[total][c].number()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2021 表三 that adds up: 4 new requests, 3 granted, 1 not held.
    fn table() -> Vec<[u32; 7]> {
        let mut t = vec![[0; 7]; 25];
        t[0] = [3, 1, 0, 0, 0, 0, 4];
        t[2] = [2, 1, 0, 0, 0, 0, 3];
        t[12] = [1, 0, 0, 0, 0, 0, 1];
        t[23] = [3, 1, 0, 0, 0, 0, 4];
        t
    }

    /// The table column by column over bands of rows: the first four rows one
    /// band under their labels, rows 16 and 17 a band of two (a column's two
    /// numbers on one line), the rest a row a band, with a number of another
    /// table among them.
    fn banded_text() -> String {
        let t = table();
        let mut text = String::from(
            "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果 (一)予以公开\n\
             (二)部分公开\n社会\n公益\n组织\n",
        );
        for c in 0..7 {
            text.extend(t[..4].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        text.push_str("5.属于三类内部事务信息\n行政复议\n结果\n维持\n7\n\n");
        let mut r = 4;
        while r < 25 {
            if r == 16 {
                text.extend((0..7).map(|c| format!("{} {}\n\n", t[16][c], t[17][c])));
                r += 2;
                continue;
            }
            text.extend((0..7).map(|c| format!("{}\n\n", t[r][c])));
            r += 1;
        }
        text + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n"
    }

    fn read(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        read_requests(text, &rs, Template::T2021, 0, &mut report);
        report
    }

    #[test]
    fn columns_over_bands_of_rows_are_read_back_into_rows() {
        let text = banded_text();
        let report = read(&text);
        let specs = template::request_rows(Template::T2021);
        let t = table();
        assert_eq!(report.requests.len(), 25 * 7, "{:?}", report.issues);
        for f in &report.requests {
            let r = specs.iter().position(|s| s.key == f.row).unwrap();
            let c = template::APPLICANTS.iter().position(|a| *a == f.applicant).unwrap();
            assert_eq!(f.count as u32, t[r][c], "{} {}", f.row, f.applicant);
        }
    }

    #[test]
    fn a_table_printed_row_by_row_or_that_adds_up_in_no_two_rows_is_not_read_so() {
        let text = banded_text();
        let (_, rs) = rows(&text);
        // Row by row: each row's seven numbers a run.
        let by_rows: String = table().iter().map(|r| r.map(|v| format!("{v}\n")).concat() + "\n").collect();
        let row_text = format!("一、本年新收政府信息公开申请数量\n{by_rows}五、存在的主要问题\n工作有待加强。\n");
        let (_, by_rows) = rows(&row_text);
        assert!(banded(&row_text, &by_rows, 0, Template::T2021, 7).is_none());
        assert!(banded(&text, &rs, 0, Template::T2021, 7).is_some());
        // A number printed wrong: read as printed (the checks flag it); two, not read so.
        let wrong = text.replacen("3\n0\n2\n0\n\n", "3\n0\n5\n0\n\n", 1);
        assert_ne!(wrong, text);
        let (_, rs) = rows(&wrong);
        let (read, _) = banded(&wrong, &rs, 0, Template::T2021, 7).unwrap();
        assert_eq!(read[2].cells[0].value.unwrap().number, 5.0);
        let wrong = text.replacen("3\n0\n2\n0\n\n", "4\n0\n5\n0\n\n", 1);
        let (_, rs) = rows(&wrong);
        assert!(banded(&wrong, &rs, 0, Template::T2021, 7).is_none());
    }
}
