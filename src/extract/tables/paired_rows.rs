//! Two neighbouring rows of 表三 whose cells plain `pdftotext` prints side by
//! side, a column at a time: a web page's table printed to PDF, two rows'
//! labels in one tall cell beside the group's, may give each column's two
//! numbers on two lines (`412` / `76`, `29` / `8`, …), then both labels, then
//! their totals (`483` / `94`). Where two neighbouring rows are neither read
//! whole and adding up, and the numbers between the facts read of the rows
//! before them and those after are just their cells, they are read a pair at
//! a time, each pair's first the upper row's, where both rows add up (and
//! each row's numbers together do not, or give the same).

use super::*;
use crate::extract::checks::Grid;
use crate::template::APPLICANTS;

/// Reads two neighbouring rows again (see the module) where the reading of
/// the table (`report.requests[from..]`, from `rows`) left them short or not
/// adding up. Changes nothing otherwise.
pub(super) fn reread(text: &str, rows: &[Row], t: Template, report: &mut Report, from: usize) {
    let specs = template::request_rows(t);
    let n = APPLICANTS.len();
    let mut grid = Grid::of(&report.requests[from..], t);
    for j in 0..specs.len().saturating_sub(1) {
        let whole = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
        let adding = |r: usize| whole(r).is_some_and(|c| counts_add_up(&c));
        if adding(j) || adding(j + 1) {
            continue;
        }
        let facts = &report.requests[from..];
        let keys = [specs[j].key, specs[j + 1].key];
        let standing: Vec<RequestFact> = facts.iter().filter(|f| !keys.contains(&f.row)).cloned().collect();
        let row_of = |f: &RequestFact| specs.iter().position(|s| s.key == f.row);
        let before = standing.iter().filter(|f| row_of(f).is_some_and(|r| r < j)).map(|f| f.offset).max();
        let after = standing.iter().filter(|f| row_of(f).is_some_and(|r| r > j + 1)).map(|f| f.offset).min();
        let (Some(before), Some(after)) = (before, after) else { continue };
        if after <= before {
            continue;
        }
        let end = rows.partition_point(|r| r.offset < after);
        let Some(mut pool) = super::runs_apart::pool(text, &rows[..end], before, &standing) else { continue };
        pool.retain(|&(at, _)| at < after);
        if pool.len() != 2 * n {
            continue;
        }
        let values: Vec<i64> = pool.iter().map(|p| p.1).collect();
        let paired: [Vec<i64>; 2] = [0, 1].map(|s| values.iter().skip(s).step_by(2).copied().collect());
        let together: [Vec<i64>; 2] = [values[..n].to_vec(), values[n..].to_vec()];
        let holds = |rows: &[Vec<i64>; 2]| rows.iter().all(|r| counts_add_up(r));
        if !holds(&paired) || (holds(&together) && together != paired) {
            continue;
        }
        let placed = keys.iter().enumerate().flat_map(|(s, &row)| {
            let cells = pool.iter().skip(s).step_by(2);
            APPLICANTS.iter().zip(cells).map(move |(&applicant, &(offset, count))| RequestFact {
                row,
                applicant,
                count,
                offset,
            })
        });
        let placed: Vec<RequestFact> = placed.collect();
        report.requests.truncate(from);
        report.requests.extend(standing);
        report.requests.extend(placed);
        super::pooled::in_template_order(&mut report.requests[from..], &specs);
        super::pooled::read_again(report, &keys);
        grid = Grid::of(&report.requests[from..], t);
    }
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, requests, HEAD};
    use super::*;

    /// A 2021 表三 whose rows are each a label and its numbers, but (一) and
    /// (二): their numbers a column at a time, two lines each, then both
    /// labels, then both totals.
    fn table(granted: [i64; 7], partial: [i64; 7]) -> String {
        let specs = template::request_rows(Template::T2021);
        let line = |label: &str, cells: &[i64]| {
            let cells: Vec<String> = cells.iter().map(i64::to_string).collect();
            format!("{label} {}\n", cells.join(" "))
        };
        let mut text = HEAD.to_string();
        for spec in &specs {
            match spec.key {
                "granted" => {
                    for (a, b) in granted.iter().zip(&partial).take(APPLICANTS.len() - 1) {
                        text.push_str(&format!("{a}\n{b}\n\n"));
                    }
                    text.push_str(&format!("(一)予以公开\n(二)部分公开\n\n{}\n{}\n\n", granted[6], partial[6]));
                }
                "partially_granted" => {}
                "new_received" | "total_processed" => {
                    let sums: Vec<i64> = granted.iter().zip(&partial).map(|(a, b)| a + b).collect();
                    text.push_str(&line(spec.label, &sums));
                }
                _ => text.push_str(&line(spec.label, &[0; 7])),
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    #[test]
    fn two_rows_printed_a_column_at_a_time_are_read_where_both_add_up() {
        let r = requests(&table([4, 3, 2, 1, 1, 1, 12], [2, 1, 1, 1, 1, 1, 7]));
        assert_eq!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 12]);
        assert_eq!(get(&r, "partially_granted"), [2, 1, 1, 1, 1, 1, 7]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // Where so a row would not add up, not so read.
        let r = requests(&table([4, 3, 2, 1, 1, 1, 13], [2, 1, 1, 1, 1, 1, 6]));
        assert_ne!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 13]);
    }
}
