//! 表三's rows split over two lines in aligned text: a page read in the wrong
//! encoding and printed (`pdftotext -layout`) widens a row's label so that its
//! first number stays on the label's line and the others go to the next,
//! beside the group's label (`1.本机关不掌 握相关 2` / `(四)无法 提供   0 0 0 0
//! 0 2`); the walk gives that next line to the next row, whose own numbers
//! follow on a line of their own.

use super::*;
use crate::extract::cells::cells_add_up;

/// `rows` with each such row's two lines' numbers joined on its first, and the
/// next row's match moved to its numbers' line: where a matched row holds
/// fewer numbers than the table's `n` columns, the next row's match is the line
/// right under it, whose label names no row (a group's, `(四)无法提供`) and
/// whose numbers are just the rest, the two adding up to their total; and a
/// line of `n` numbers alone comes after it, before the next row matched.
/// `None` where no row is so.
pub(super) fn joined<'a>(
    rows: &[Row<'a>],
    matches: &mut [(usize, usize)],
    cues: &Cues,
    n: usize,
) -> Option<Vec<Row<'a>>> {
    let mut out: Option<Vec<Row<'a>>> = None;
    for m in 0..matches.len().saturating_sub(1) {
        let ((j, k), (next, below)) = (matches[m], matches[m + 1]);
        let (first, rest) = (&rows[k].cells, &rows[below].cells);
        let split = next == j + 1 && below == k + 1 && !first.is_empty() && first.len() + rest.len() == n;
        if !split || rest.is_empty() || first_match(rows[below].label(), cues, 0).is_some() {
            continue;
        }
        let cells: Vec<Cell> = first.iter().chain(rest).copied().collect();
        if !cells_add_up(&cells) {
            continue;
        }
        let until = matches.get(m + 2).map_or(rows.len(), |&(_, r)| r);
        let Some(own) = (below + 1..until).find(|&r| rows[r].is_numbers_alone() && rows[r].cells.len() == n) else {
            continue;
        };
        let out = out.get_or_insert_with(|| rows.to_vec());
        out[k] = rows[k].with_labels(rows[k].labels.clone(), cells);
        matches[m + 1].1 = own;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    #[test]
    fn a_row_s_first_number_on_its_label_s_line_and_the_rest_beside_the_group_s_label_are_one_row() {
        let text = "                     8.属于行政查 询事项       0               0   0   0   0   0 0\n\
                    \x20                                         1.本机关不掌 握相关 2\n\
                    \x20                    (四)无法 提供                              0   0   0   0 0 2\n\
                    \x20                                         政府信息\n\
                    \x20                    2.没有现成信息需-\n\
                    \x20                                         0               0   0   0   0   0 0\n\
                    \x20                    n另行制作\n\
                    \x20                    3.补正后申请内容 仍不 0                      0   0   0   0   0 0\n";
        let (_, rs) = rows(text);
        let cues = Cues::requests(Template::T2021);
        let specs = template::request_rows(Template::T2021);
        let at = |key: &str| specs.iter().position(|s| s.key == key).unwrap();
        let row = |label: &str| rs.iter().position(|r| r.label().starts_with(label)).unwrap();
        let (held, group) = (row("1.本机关"), row("(四)"));
        let alone = rs.iter().rposition(|r| r.is_numbers_alone()).unwrap();
        let unclear = row("3.补正");
        let matched = || {
            let keys = ["unable_not_held", "unable_needs_creation", "unable_unclear"];
            keys.iter().map(|k| at(k)).zip([held, group, unclear]).collect::<Vec<_>>()
        };
        let mut matches = matched();
        let read = joined(&rs, &mut matches, cues, 7).expect("a row split over two lines");
        let numbers: Vec<f64> = read[held].cells.iter().map(Cell::number).collect();
        assert_eq!(numbers, [2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
        assert_eq!(matches[1], (at("unable_needs_creation"), alone));
        // Numbers that do not add up so: not one row.
        let other = text.replace("0 0 2\n", "0 0 3\n");
        let (_, rs) = rows(&other);
        assert!(joined(&rs, &mut matched(), cues, 7).is_none());
    }
}
