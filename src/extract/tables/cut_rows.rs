//! 表三 as plain `pdftotext` prints a Word table column by column over bands
//! (see [`super::bands`]) where the table's last rows run onto a page whose
//! text comes past the document's end: those rows (四, (七)总计, (六) or its
//! items) keep their first columns in place, a run a row between the labels
//! (`2` / `1` / `0` / `(六)其他处理` / `195` / `16` / `4` / `(七)总计` / `4` /
//! `2` / `0` / `四、结转下年度继续办理`), and their other columns come after
//! the closing sections, mixed with 表四's last cells (not read).
//!
//! The rows before them are read over bands; the last rows' first columns are
//! taken where every row before adds up, a band holds more than a row, no
//! number but 0 is left out, and in each of those columns the results add up
//! to (七)总计 and 一 + 二 = (七) + 四, one of (七)'s not 0: a row out of its
//! place breaks those sums. The other columns of those rows are not read, and
//! the issue `cells_cut` says so.

use super::bands::{labelled, leaves_out, not_adding, Read, Readings, Run};
use super::*;
use crate::template::Role;

/// The most rows cut to their first columns: 四, (七) and (六)'s three items.
const MAX_CUT: usize = 5;

/// A row of 表三 cut to its first columns: its index among the template's
/// rows, and its cells, the first columns' in order.
pub(super) struct CutRow {
    pub(super) row: usize,
    pub(super) cells: Vec<Cell>,
}

/// The table's rows before its last ones, read whole, and the last ones cut
/// to their first columns (see the module's comment); `None` where the table
/// is not printed so. `readings` are those of `runs` over bands; `tokens`
/// the numbers the runs are made of, from layout row `first`.
pub(super) fn read<'a>(
    rows: &[Row<'a>],
    first: usize,
    specs: &[&template::Row],
    tokens: &[super::bands::Token],
    runs: &[Run],
    readings: &Readings,
    n: usize,
) -> Option<(Read<'a>, Vec<CutRow>)> {
    let m = specs.len();
    let to = specs.iter().position(|s| s.role == Role::TotalProcessed)?;
    // (The cut rows hold (七) and 四 at least: the sums check them.)
    (m - to..=MAX_CUT.min(m - 1)).find_map(|cut| {
        let (read, used, wide) = readings.of(m - cut)?;
        if !wide || not_adding(&read) > 0 || leaves_out(tokens, &read) {
            return None;
        }
        let last = runs.get(used..used + cut)?;
        let k = last[0].0.len();
        if !(2..n - 1).contains(&k) || last.iter().any(|r| r.0.len() != k) {
            return None;
        }
        // (Nothing between the cut rows and 表四's heading, the heading not among them.)
        let end = last[cut - 1].1;
        let heading = (first..=end).find(|&j| names_litigation(rows[j].label()));
        let next = runs.get(used + cut).map(|r| r.1);
        let after = (end + 1..rows.len()).find(|&j| names_litigation(rows[j].label()));
        if heading.is_some() || next.is_some_and(|r| after.is_none_or(|a| r < a)) {
            return None;
        }
        let cut_rows: Vec<CutRow> =
            last.iter().enumerate().map(|(j, run)| CutRow { row: m - cut + j, cells: run.0.clone() }).collect();
        holds(specs, &read, &cut_rows, k).then(|| ((labelled(&rows[first], specs, read), end + 1), cut_rows))
    })
}

/// Whether the table's sums hold in each of its first `k` columns, rows
/// `whole` read whole and the rest `cut`: the results add up to (七)总计 and
/// 一 + 二 = (七) + 四; one of (七)'s not 0.
fn holds(specs: &[&template::Row], whole: &[Vec<Cell>], cut: &[CutRow], k: usize) -> bool {
    let cell = |j: usize, c: usize| match whole.get(j) {
        Some(row) => row[c].number(),
        None => cut.iter().find(|r| r.row == j).map_or(f64::NAN, |r| r.cells[c].number()),
    };
    let of = |role: Role| specs.iter().position(|s| s.role == role);
    let (Some(new), Some(over), Some(total), Some(forward)) =
        (of(Role::NewReceived), of(Role::CarriedOver), of(Role::TotalProcessed), of(Role::CarriedForward))
    else {
        return false;
    };
    let results: Vec<usize> = (0..specs.len()).filter(|&j| specs[j].role == Role::Result).collect();
    let column = |c: usize| {
        let received = cell(new, c) + cell(over, c);
        let sum = results.iter().map(|&j| cell(j, c)).sum::<f64>();
        sum == cell(total, c) && received == cell(total, c) + cell(forward, c)
    };
    (0..k).all(column) && (0..k).any(|c| cell(total, c) != 0.0)
}

/// Puts the cut rows' first columns among 表三's facts (the rows before read
/// already); the rows found missing, where they are those alone, are not
/// flagged so: `cells_cut` says what was read of them.
pub(super) fn place(report: &mut Report, t: Template, cut: &[CutRow]) {
    let specs = template::request_rows(t);
    for r in cut {
        for (c, cell) in r.cells.iter().enumerate() {
            let (row, applicant) = (specs[r.row].key, template::APPLICANTS[c]);
            let what = || format!("requests/{row}/{applicant}");
            if let Some(count) = count(report, what, cell.value.unwrap_or(ZERO)) {
                report.requests.push(RequestFact { row, applicant, count, offset: cell.offset });
            }
        }
    }
    let keys: Vec<&str> = cut.iter().map(|r| specs[r.row].key).collect();
    let missing = report.issues.iter().find(|i| i.code == "rows_missing");
    let listed = missing.and_then(|i| i.detail.strip_prefix(super::pooled::ROWS_NOT_FOUND));
    if listed.is_some_and(|l| l.split(", ").all(|k| keys.contains(&k))) {
        report.unflag("rows_missing");
    }
    let detail = format!(
        "表三's last rows printed their first {} columns only (the rest past the text's end): {}",
        cut[0].cells.len(),
        keys.join(", ")
    );
    report.flag("cells_cut", detail);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2021 表三 that adds up: 6 new requests and 2 carried over; 3 granted,
    /// 2 partly, 1 not held; 2 carried forward.
    fn table() -> Vec<[u32; 7]> {
        let mut t = vec![[0; 7]; 25];
        t[0] = [4, 1, 1, 0, 0, 0, 6];
        t[1] = [1, 1, 0, 0, 0, 0, 2];
        t[2] = [2, 1, 0, 0, 0, 0, 3];
        t[3] = [1, 0, 1, 0, 0, 0, 2];
        t[12] = [1, 0, 0, 0, 0, 0, 1];
        t[23] = [4, 1, 1, 0, 0, 0, 6];
        t[24] = [1, 1, 0, 0, 0, 0, 2];
        t
    }

    /// The table as plain `pdftotext` prints a Word table over two pages: the
    /// labels, then the first four rows a band and the rest a row a band, a
    /// number a run, column by column; the last three rows' first three
    /// columns, a run each, before their labels (`cut`, in that order); 表四;
    /// the closing sections; the last rows' other columns.
    fn cut_text(t: &[[u32; 7]], cut: [usize; 3]) -> String {
        let mut text = String::from(
            "三、收到和处理政府信息公开申请情况\n自然人\n商业企业\n科研机构\n\
             一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果 (一)予以公开\n\
             (二)部分公开\n(三)不予公开 1.属于国家秘密\n2.其他法律行政法规禁止公开\n社会\n公益\n组织\n",
        );
        for c in 0..7 {
            text.extend(t[..4].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        for row in &t[4..22] {
            text.extend(row.iter().map(|v| format!("{v}\n\n")));
        }
        let labels = ["3.其他", "(七)总计", "四、结转下年度继续办理"];
        for (r, label) in cut.iter().zip(labels) {
            text.extend(t[*r][..3].iter().map(|v| format!("{v}\n")));
            text.push_str(label);
            text.push('\n');
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n");
        text.push_str(&"0\n".repeat(10));
        text.push_str("五、存在的主要问题及改进情况\n工作有待加强。\n六、其他需要报告的事项\n无。\n");
        // (表四's last block's cells among them.)
        let column = |c: usize| t[22..].iter().map(|row| format!("{}\n", row[c])).collect::<String>();
        text.extend((3..5).map(|c| column(c) + "\n"));
        text.push_str("复议后起诉\n0\n1\n3\n\n");
        text.extend((5..7).map(|c| column(c) + "\n"));
        text + "尚未审结\n5\n\n总计\n9\n"
    }

    fn read(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        super::super::read_requests(text, &rs, Template::T2021, 0, &mut report);
        report
    }

    fn cell(t: &[[u32; 7]], f: &RequestFact) -> (usize, u32) {
        let r = template::request_rows(Template::T2021).iter().position(|s| s.key == f.row).unwrap();
        let c = template::APPLICANTS.iter().position(|a| *a == f.applicant).unwrap();
        (c, t[r][c])
    }

    #[test]
    fn the_last_rows_cut_to_their_first_columns_are_read_as_far_as_they_go() {
        let t = table();
        let r = read(&cut_text(&t, [22, 23, 24]));
        // The rows before whole, the last three's first three columns.
        assert_eq!(r.requests.len(), 22 * 7 + 3 * 3, "{:?}", r.issues);
        for f in &r.requests {
            assert_eq!(f.count as u32, cell(&t, f).1, "{} {}", f.row, f.applicant);
        }
        assert!(r.has_issue("cells_cut") && !r.has_issue("rows_missing"), "{:?}", r.issues);
    }

    #[test]
    fn cut_rows_out_of_their_order_are_not_read_so() {
        let t = table();
        // (七) and 四 swapped: the results no longer add up to (七) in those columns.
        let r = read(&cut_text(&t, [22, 24, 23]));
        assert!(!r.has_issue("cells_cut"), "{:?}", r.issues);
        let wrong = r.requests.iter().filter(|f| f.count as u32 != cell(&t, f).1);
        assert_eq!(wrong.count(), 0);
    }
}
