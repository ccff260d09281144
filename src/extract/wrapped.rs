//! Cells that a narrow column wrapped in two: marks for none, and numbers.
//!
//! A table that writes `——` in a cell with nothing to count prints it over two
//! lines where the column is narrow: `pdftotext -layout` gives one `—` on the line
//! above the row and one on the line below (the row's other cells centred between
//! them), or one `—` on the row's line and the other on the next. Read as they
//! stand, the halves are a row of cells with no label, and the row they belong
//! to is a cell short.
//!
//! [`join`] puts each such pair back into its row as one cell marked none. A pair
//! is taken where nothing else explains it: halves on the lines above and below a
//! row that has cells of its own in other columns, or halves on the line under a
//! row that has a number or a whole mark besides its halves (numbers never wrap).
//! Where the text shows that much, its other pairs are taken too: halves around a
//! line with no cells (the row's label, centred between them) and a line of halves
//! under a row of nothing but halves. Halves under a row's label, each under a
//! half of the line of numbers just above the label (the row's first line, the
//! label centred between its two), are that line's. Two rows one over the other
//! that each wrap a mark in the same column leave the first's lower half and the
//! second's upper one on two lines between them, which are parted for that.
//!
//! A number too wide for its cell goes on over the cell's next line from where
//! it began (`173` over `6` for 1736). The digits under a row's numbers, each
//! where one of them begins, are taken as theirs where the row then adds up (its
//! last number the sum of the others) and did not as printed: a row of 表三 or of
//! any table whose last column is its total. Beside a line of the row's label
//! wrapped (`年度办     8     8`, its wide characters shifting the digits off
//! their places), they are taken in order, where one way alone adds up.

use super::cells::{adds_up, Cell, Row};

/// How far apart, in characters, two halves of one mark may stand.
const SAME_PLACE: f64 = 1.0;

/// The fewest cells of a row's line of numbers whose label comes on the next
/// line, its halves on the line after that.
const MIN_LINE_CELLS: usize = 3;

/// Whether `cell` is a single dash standing alone (`—`, `-`, `–`): half of a
/// `——` that wrapped, or a whole mark in a table that prints single dashes.
fn is_half(text: &str, cell: &Cell) -> bool {
    let rest = &text[cell.offset.min(text.len())..];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('—' | '-' | '–')) && chars.next().is_none_or(char::is_whitespace)
}

/// Whether a row is one line of aligned text (not a column of numbers, not
/// delimited cells).
fn aligned(row: &Row) -> bool {
    !row.vertical && !row.delimited
}

/// Whether a line holds cells and every one is a half.
fn halves_only(text: &str, row: &Row) -> bool {
    aligned(row) && !row.cells.is_empty() && row.cells.iter().all(|c| is_half(text, c))
}

/// Whether `b`'s line comes right after `a`'s.
fn adjacent(text: &str, a: &Row, b: &Row) -> bool {
    a.offset < b.offset && memchr::memchr_iter(b'\n', &text.as_bytes()[a.offset..b.offset]).take(2).count() == 1
}

/// The cell of `row` standing where `cell` stands, if any.
fn at(row: &Row, cell: &Cell) -> Option<usize> {
    row.cells.iter().position(|c| (c.center - cell.center).abs() <= SAME_PLACE)
}

/// Whether the lines above (`u`) and below (`d`) a row `m` hold halves only,
/// pairwise in the same places, where `m` has no cell.
fn around(text: &str, u: &Row, m: &Row, d: &Row, weak: bool) -> bool {
    if !(aligned(m) && halves_only(text, u) && halves_only(text, d)) || u.cells.len() != d.cells.len() {
        return false;
    }
    if m.cells.is_empty() && !weak {
        return false;
    }
    u.cells.iter().zip(&d.cells).all(|(a, b)| (a.center - b.center).abs() <= SAME_PLACE && at(m, a).is_none())
}

/// Whether the line `d` under a row `l` holds halves only, each under a half of `l`.
fn under(text: &str, l: &Row, d: &Row, weak: bool) -> bool {
    if !(aligned(l) && halves_only(text, d)) || l.cells.len() < d.cells.len() {
        return false;
    }
    let others = l.cells.iter().any(|c| !is_half(text, c));
    (others || weak) && d.cells.iter().all(|c| at(l, c).is_some_and(|k| is_half(text, &l.cells[k])))
}

/// Joins wrapped marks and numbers back into their rows (see the module's
/// comment); rows left with nothing are dropped. `rows` are one a line, in order.
pub fn join(text: &str, rows: &mut Vec<Row<'_>>) {
    let parted = part_pairs(text, rows);
    let numbers = join_numbers(text, rows);
    let marks = join_marks(text, rows);
    if !parted.is_empty() {
        regather(rows, &parted);
    }
    if numbers || marks || !parted.is_empty() {
        rows.retain(|r| !(r.cells.is_empty() && r.labels.is_empty()));
    }
}

/// Where two table rows one over the other each wrap a mark in the same
/// narrow column, the first row's lower half and the second's upper one stand
/// on two lines of their own between them, which were gathered as a column of
/// two numbers (`(六)其他处理 1 — — — — — 1` / `—` / `—` / `(七)总计 4 — — — — 4` /
/// `—`). Such a column, between rows of three cells or more, is parted back
/// into its lines for the halves to be joined. Returns the parted lines'
/// offsets, the first of each pair.
fn part_pairs(text: &str, rows: &mut Vec<Row<'_>>) -> Vec<usize> {
    let wide = |r: &Row| aligned(r) && r.cells.len() >= 3;
    let pair = |k: usize| {
        let r = &rows[k];
        r.vertical && r.cells.len() == 2 && r.cells.iter().all(|c| is_half(text, c))
            && (r.cells[0].center - r.cells[1].center).abs() <= SAME_PLACE
            && k > 0 && wide(&rows[k - 1]) && rows.get(k + 1).is_some_and(wide)
    };
    let at: Vec<usize> = (0..rows.len()).filter(|&k| pair(k)).collect();
    let mut parted = Vec::with_capacity(at.len());
    for &k in at.iter().rev() {
        let column = rows[k].clone();
        let line = |cell: Cell| {
            let mut line = column.with_labels(Vec::new(), vec![cell]);
            line.offset = text[..cell.offset].rfind('\n').map_or(0, |i| i + 1);
            line.vertical = false;
            line
        };
        let lines: Vec<Row> = column.cells.iter().map(|&cell| line(cell)).collect();
        parted.push(lines[0].offset);
        rows.splice(k..=k, lines);
    }
    parted
}

/// Gathers back into a column the parted lines (see [`part_pairs`]) whose
/// halves were both left unjoined.
fn regather(rows: &mut Vec<Row<'_>>, parted: &[usize]) {
    let mut k = 0;
    while k + 1 < rows.len() {
        let first = parted.contains(&rows[k].offset) && rows[k].labels.is_empty() && rows[k].cells.len() == 1;
        if first && rows[k + 1].labels.is_empty() && rows[k + 1].cells.len() == 1 && !rows[k + 1].vertical {
            let second = rows.remove(k + 1);
            rows[k].cells.extend(second.cells);
            rows[k].vertical = true;
        }
        k += 1;
    }
}

/// The digits of a cell's number as printed (`None` for anything else: a mark,
/// a unit, a sign, a separator).
fn digits<'t>(text: &'t str, cell: &Cell) -> Option<&'t str> {
    let rest = text.get(cell.offset..)?;
    let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let after = rest[end..].chars().next();
    (end > 0 && after.is_none_or(char::is_whitespace) && cell.value.is_some_and(|v| v.unit.is_none()))
        .then(|| &rest[..end])
}

/// Where a cell's number begins on its line.
fn start(cell: &Cell, width: usize) -> f64 {
    cell.center - (width as f64 - 1.0) / 2.0
}

/// Joins the digits a line holds under a row's numbers to them, where the row
/// then adds up and did not (the line's halves of marks, if any, left for
/// [`join_marks`]). Returns whether any were.
fn join_numbers(text: &str, rows: &mut [Row<'_>]) -> bool {
    let mut joined = false;
    for k in 0..rows.len().saturating_sub(1) {
        let (l, d) = (&rows[k], &rows[k + 1]);
        if !(aligned(l) && aligned(d)) || l.cells.len() < 3 || d.cells.is_empty() || d.cells.len() > l.cells.len() {
            continue;
        }
        // The line's digits, and nothing else but halves.
        let below: Vec<(usize, &str)> =
            d.cells.iter().enumerate().filter_map(|(i, c)| digits(text, c).map(|t| (i, t))).collect();
        if below.is_empty() || below.len() + d.cells.iter().filter(|c| is_half(text, c)).count() != d.cells.len() {
            continue;
        }
        if !adjacent(text, l, d) {
            continue;
        }
        let above: Vec<Option<&str>> = l.cells.iter().map(|c| digits(text, c)).collect();
        let mut values: Vec<f64> = l.cells.iter().map(Cell::number).collect();
        let printed = values.clone();
        let mut used = vec![false; values.len()];
        let all_placed = below.iter().all(|&(i, tail)| {
            let at = start(&d.cells[i], tail.len());
            let begins_at = |j: usize, head: &str| (start(&l.cells[j], head.len()) - at).abs() <= 0.5;
            let place = |j: usize| above[j].filter(|head| !used[j] && begins_at(j, head));
            let Some((j, head)) = (0..values.len()).find_map(|j| place(j).map(|head| (j, head))) else { return false };
            used[j] = true;
            values[j] = format!("{head}{tail}").parse().unwrap_or(f64::NAN);
            true
        });
        let by_place = all_placed.then_some(values).filter(|v| adds_up(v));
        // (On a line of a label wrapped beside them, the label's wide characters
        // shift the digits off their places: taken in order, where one way alone
        // adds up.)
        let shifted = !d.labels.is_empty() && below.len() == d.cells.len();
        let ordered = || shifted.then(|| in_order(&above, &printed, &below)).flatten();
        let Some(values) = by_place.or_else(ordered).filter(|_| !adds_up(&printed)) else { continue };
        for (cell, v) in rows[k].cells.iter_mut().zip(values) {
            if let Some(value) = cell.value.as_mut() {
                value.number = v;
            }
        }
        rows[k + 1].cells.retain(|c| is_half(text, c));
        joined = true;
    }
    joined
}

/// The numbers of a row (`printed`; `heads`, their digits) with the digits of
/// a line under it (`tails`) written after as many of them, in order: the one
/// way that makes the row add up, if only one does.
fn in_order(heads: &[Option<&str>], printed: &[f64], tails: &[(usize, &str)]) -> Option<Vec<f64>> {
    let places: Vec<usize> = (0..heads.len()).filter(|&j| heads[j].is_some()).collect();
    if tails.len() > places.len() || places.len() > MAX_IN_ORDER {
        return None;
    }
    let mut found = None;
    for set in 0u32..1 << places.len() {
        if set.count_ones() as usize != tails.len() {
            continue;
        }
        let mut values = printed.to_vec();
        let chosen = places.iter().enumerate().filter(|&(b, _)| set & (1 << b) != 0).map(|(_, &j)| j);
        for (j, &(_, tail)) in chosen.zip(tails) {
            values[j] = format!("{}{tail}", heads[j].unwrap_or_default()).parse().unwrap_or(f64::NAN);
        }
        if adds_up(&values) {
            if found.is_some() {
                return None;
            }
            found = Some(values);
        }
    }
    found
}

/// The most numbers a row's digits are tried after in order (2^12 ways at most).
const MAX_IN_ORDER: usize = 12;

/// The rows that show the halves of a table of nothing but `——` for what they
/// are, as many as this.
const MIN_PAIRED: usize = 3;

/// How many lines of halves with no label stand right under a labelled row's
/// line of halves in the same places, or under a line of label alone right
/// under one (a row's label between its halves): in a table that prints single
/// dashes, a row's line of cells under another row's holds its label, or its
/// label's line runs between them (and a table that prints its labels on lines
/// of their own, over their cells, has no labelled line of cells).
fn paired_lines(text: &str, rows: &[Row<'_>]) -> usize {
    let places = |a: &Row, b: &Row| a.cells.len() == b.cells.len() && b.cells.iter().all(|c| at(a, c).is_some());
    let lone = |r: &Row| r.labels.is_empty() && halves_only(text, r);
    let labelled = |r: &Row| !r.labels.is_empty() && halves_only(text, r);
    (1..rows.len())
        .filter(|&k| {
            let d = &rows[k];
            if !lone(d) {
                return false;
            }
            let l = &rows[k - 1];
            let under = labelled(l) && adjacent(text, l, d) && places(l, d);
            let around = k >= 2 && {
                let (u, m) = (&rows[k - 2], l);
                m.cells.is_empty() && labelled(u) && adjacent(text, u, m) && adjacent(text, m, d) && places(u, d)
            };
            under || around
        })
        .count()
}

/// Joins the halves of wrapped marks back into their rows. Returns whether any were.
fn join_marks(text: &str, rows: &mut [Row<'_>]) -> bool {
    if !rows.iter().any(|r| r.cells.iter().any(|c| is_half(text, c))) {
        return false;
    }
    // A table of nothing but halves shows them by their pattern, row after row.
    let mut taken = paired_lines(text, rows) >= MIN_PAIRED;
    for weak in [false, true] {
        if weak && !taken {
            break;
        }
        // Halves around a row first: a line of halves under a row may be the next
        // row's upper ones.
        let mut k = 1;
        while k + 1 < rows.len() {
            let (u, m, d) = (&rows[k - 1], &rows[k], &rows[k + 1]);
            if adjacent(text, u, m) && adjacent(text, m, d) && around(text, u, m, d, weak) {
                let upper = std::mem::take(&mut rows[k - 1].cells);
                rows[k + 1].cells.clear();
                let m = &mut rows[k];
                m.cells.extend(upper);
                m.cells.sort_by(|a, b| a.center.total_cmp(&b.center));
                taken = true;
                // The row now holds its halves: it is no next row's upper line.
                k += 1;
            }
            k += 1;
        }
        for k in 0..rows.len().saturating_sub(1) {
            let (l, d) = (&rows[k], &rows[k + 1]);
            if adjacent(text, l, d) && under(text, l, d, weak) {
                rows[k + 1].cells.clear();
                taken = true;
            }
        }
        // (Or under the label's line of a row whose numbers stand on the line
        // above it, the label centred between its two lines: a line of cells
        // and a number among them, the halves set in their columns right of
        // the label, as a plain text's lines, each from its start, are not.)
        for k in 0..rows.len().saturating_sub(2) {
            let (l, m, d) = (&rows[k], &rows[k + 1], &rows[k + 2]);
            let label_between = m.cells.is_empty() && !m.labels.is_empty() && l.labels.is_empty();
            let right = d.cells.first().is_some_and(|c| m.labels.iter().all(|f| c.center > f.center));
            let line = l.cells.len() >= MIN_LINE_CELLS && right;
            if label_between && line && adjacent(text, l, m) && adjacent(text, m, d) && under(text, l, d, false) {
                rows[k + 2].cells.clear();
                taken = true;
            }
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::super::cells::rows;

    /// Each row's label and how many cells it holds.
    fn counts(text: &str) -> Vec<(String, usize)> {
        rows(text).1.iter().map(|r| (r.label().to_string(), r.cells.len())).collect()
    }

    fn owned(rows: &[(&str, usize)]) -> Vec<(String, usize)> {
        rows.iter().map(|(l, n)| (l.to_string(), *n)).collect()
    }

    #[test]
    fn halves_above_and_below_a_row_are_its_cell() {
        let text = "二、上年结转
                                               —
政府信息公开   ——         ——         —— ——   —— ——
                                               —
申请数量
";
        assert_eq!(counts(text), owned(&[("二、上年结转", 0), ("政府信息公开", 7), ("申请数量", 0)]));
    }

    #[test]
    fn halves_under_a_label_centred_between_its_row_s_two_lines_are_that_row_s() {
        // (二)'s numbers and upper halves on the line above its label, the
        // lower halves on the line below: its seven cells, none more.
        let text = "三、本 (一)予以公开         3    — —  —    1  —    4
年度办                      — —  —       —
                    1    — —  —    —  —    1
理结果 (二)部分公开
                         — —  —    —  —
    (三)不    1.属于国家秘密    —   —   —   —   —     —   —
";
        let expected = [("三、本(一)予以公开", 7), ("年度办", 0), ("", 7), ("理结果(二)部分公开", 0), ("(三)不1.属于国家秘密", 7)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn halves_under_a_row_that_has_numbers_are_its_own_and_so_are_the_rest() {
        let text = "一、本年新收       —   1   — —   —     —     1
             —       — —   —     —
二、上年结转       —   —   — —   —     —     —
             —   —   — —   —     —     —
             —   —   — —   —     —     —
(二)部分公开
             —   —   — —   —     —     —
";
        let expected = [("一、本年新收", 7), ("二、上年结转", 7), ("(二)部分公开", 7)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn single_dashes_are_whole_marks_where_nothing_shows_them_wrapped() {
        // Rows of single dashes, a label's second line between them.
        let text = "一、本年新收政府信息公开   —  —  —  —  —  —  —
申请数量
二、上年结转政府信息公开   —  —  —  —  —  —  —
三、本年度办理结果   —  —  —  —  —  —  —
";
        let expected = [("一、本年新收政府信息公开", 7), ("申请数量", 0), ("二、上年结转政府信息公开", 7), ("三、本年度办理结果", 7)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn halves_of_two_rows_marks_in_one_column_between_them_are_each_row_s() {
        // (六)'s lower half and (七)'s upper one on lines of their own, between the rows.
        let text = "
            (六)其他处理   1       ——   ——   —— —— — 1
                                              —
                                             —
           (七)总计        4    ——   ——   —— ——   4
                                             —
四、结转下年度继续办
";
        let expected = [("(六)其他处理", 7), ("(七)总计", 7), ("四、结转下年度继续办", 0)];
        assert_eq!(counts(text), owned(&expected));
        // Between a heading and a row, two dashes are a column of marks of their own.
        let heading = text.replacen("(六)其他处理   1       ——   ——   —— —— — 1", "(六)其他处理", 1);
        assert_eq!(counts(&heading)[1], ("".to_string(), 2));
    }

    #[test]
    fn halves_a_blank_line_away_are_not_joined() {
        let text = "二、上年结转
                                               —

政府信息公开   ——         ——         —— ——   —— ——

                                               —
";
        let expected = [("二、上年结转", 0), ("", 1), ("政府信息公开", 6), ("", 1)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn digits_under_a_row_that_then_adds_up_are_its_numbers_ends() {
        let wrapped = "一、本年新收政府信息公开申请数量   173 146 29  22 87       57   207
                   6                            7
二、上年结转政府信息公开申请数量   200 18   1  2  14       5    240
";
        let (_, rs) = rows(wrapped);
        let numbers = |r: &super::Row| r.cells.iter().map(|c| c.value.unwrap().number).collect::<Vec<f64>>();
        assert_eq!(rs.len(), 2);
        assert_eq!(numbers(&rs[0]), [1736.0, 146.0, 29.0, 22.0, 87.0, 57.0, 2077.0]);
        assert_eq!(numbers(&rs[1]), [200.0, 18.0, 1.0, 2.0, 14.0, 5.0, 240.0]);
        // A row that adds up as printed keeps its numbers, and a line under it its own.
        let apart = wrapped.replace("57   207", "57   514");
        let (_, rs) = rows(&apart);
        assert_eq!(rs.len(), 3);
        assert_eq!(numbers(&rs[0])[0], 173.0);
    }

    #[test]
    fn digits_beside_a_label_s_wrapped_line_are_the_numbers_ends_where_one_way_adds_up() {
        // The label's wide characters put the digits off the places their numbers begin at.
        let wrapped = "三、本 (一)予以公开             105 104 11 9   48  18 124
年度办                     8                            8
";
        let (_, rs) = rows(wrapped);
        let numbers = |r: &super::Row| r.cells.iter().map(|c| c.value.unwrap().number).collect::<Vec<f64>>();
        assert_eq!(numbers(&rs[0]), [1058.0, 104.0, 11.0, 9.0, 48.0, 18.0, 1248.0]);
        // Two ways that add up (11 + 1 or 1 + 11): neither is taken.
        let either = "一、本年新收       1   1   12\n收政府         1\n";
        let (_, rs) = rows(either);
        assert_eq!(numbers(&rs[0]), [1.0, 1.0, 12.0]);
    }

    #[test]
    fn a_table_of_nothing_but_halves_shows_them_row_after_row() {
        // Each row's upper halves on its label's line, the lower under its last.
        let row = |a: &str, b: &str| format!("{a}{}\n{b}\n{}\n", "    — — — — — — —", "          — — — — — — —");
        let rows = [("一、本年新收", "申请数量"), ("二、上年结转", "申请数量"), ("(一)予以公开", "予以公开"), ("(二)部分公开", "部分公开")];
        let text: String = rows.iter().map(|(a, b)| row(a, b)).collect();
        let joined: Vec<(String, usize)> = counts(&text).into_iter().filter(|r| r.1 > 0).collect();
        assert_eq!(joined.len(), 4, "{joined:?}");
        assert!(joined.iter().all(|r| r.1 == 7), "{joined:?}");
        // Labels on lines of their own over their cells: single dashes, no halves.
        let raw = "一、本年新收\n— — —\n二、上年结转\n— — —\n(一)予以公开\n— — —\n(二)部分公开\n— — —\n";
        assert_eq!(counts(raw).iter().filter(|r| r.1 == 3).count(), 4);
    }
}
