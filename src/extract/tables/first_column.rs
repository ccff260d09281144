//! 表三 whose numbers are all in its first column (自然人) and its 总计 (an
//! agency whose requests all came from people, as most townships'), every
//! other cell a mark for none or 0, as plain `pdftotext` prints a web page's
//! table whose narrow cells break the marks apart (`—` / `—`, a few a line or
//! lost) and carry each row's 总计 down past the labels of the rows after it:
//! `(一)予以公开` / `4` / `—— ——` / `(二)部分公开` / `1` / … / `1.属于国家秘密` /
//! `1` / `—|4|—|—— ——|1|— —|1` (予以公开's, 部分公开's and its own 总计).
//!
//! A row's first number follows its label (between the label's lines, or
//! after them; a group's heading, `三、本年度办理结果` or `(四)无法提供`, may
//! stand for its first row's label); its 总计, the same number, comes then or
//! later, the totals in the rows' order. The numbers are read so where one
//! way only does it, every number being a row's first or its total, and the
//! table's sums hold: the results add up to (七)总计, and new and carried over
//! to processed and carried forward. A label printed out of its order
//! (`四、结转下年度继续办理` before `3.其他`) is left out: its row holds no number.

use super::*;
use std::collections::VecDeque;

/// The characters of a row's label that tell it from the others, its item's
/// numeral and the words after (`1.属于国`, `(七)总计`, `四、结转下`).
const KEY_CHARS: usize = 5;

/// The start of the heading of the band of results (`三、本年度办理结果`),
/// which stands for its first row's label.
const RESULTS_HEADING: &str = "三、本年度";

/// The starts of the labels that name 表三's rows in `t`, each with its row:
/// each row's own, and a group's numeral (`(四)`) for its first row.
fn label_starts(t: Template) -> &'static [(String, usize)] {
    static STARTS: LazyLock<[Vec<(String, usize)>; 2]> =
        LazyLock::new(|| [starts_of(Template::T2019), starts_of(Template::T2021)]);
    // (The 2021 table's by default, as tables are read.)
    &STARTS[usize::from(t != Template::T2019)]
}

fn starts_of(t: Template) -> Vec<(String, usize)> {
    let specs = template::request_rows(t);
    let mut starts: Vec<(String, usize)> = Vec::new();
    let mut groups_seen: Vec<&str> = Vec::new();
    for (j, spec) in specs.iter().enumerate() {
        let numbered = |numeral: &&str| {
            spec.label.strip_prefix(*numeral).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        };
        let group = template::REQUEST_GROUPS.iter().map(|(numeral, _)| *numeral).find(numbered);
        let item = group.map_or(spec.label, |numeral| &spec.label[numeral.len()..]);
        starts.push((item.chars().take(KEY_CHARS).collect(), j));
        if let Some(numeral) = group.filter(|g| !groups_seen.contains(g)) {
            groups_seen.push(numeral);
            starts.push((numeral.to_string(), j));
        }
    }
    if let Some(j) = specs.iter().position(|s| s.role == template::Role::Result) {
        starts.push((RESULTS_HEADING.to_string(), j));
    }
    starts
}

/// A label or a number of the table, in printed order.
enum Printed {
    /// A label that starts row `j`'s, on layout row `k`.
    Label { j: usize, k: usize },
    /// A number not 0: its value and its place.
    Number(i64, usize),
    /// A mark for none, or 0.
    Empty,
}

/// The rows whose labels are kept: of the labels in printed order, the most
/// that name rows in the table's order (a row named twice, as by its group's
/// heading and its own label, once). The index of each in `labels`.
fn in_order(labels: &[usize]) -> Vec<usize> {
    // longest[i]: the most labels in order ending with label i, and the one before.
    let mut longest: Vec<(usize, Option<usize>)> = Vec::with_capacity(labels.len());
    for (i, &j) in labels.iter().enumerate() {
        let before = (0..i).filter(|&p| labels[p] <= j).max_by_key(|&p| (longest[p].0, std::cmp::Reverse(p)));
        longest.push((before.map_or(1, |p| longest[p].0 + 1), before));
    }
    let last = (0..labels.len()).max_by_key(|&i| (longest[i].0, std::cmp::Reverse(i)));
    let mut kept: Vec<usize> = std::iter::successors(last, |&i| longest[i].1).collect();
    kept.reverse();
    kept
}

/// A reading of the rows: each row's number (0 where it holds none) with the
/// places of its first and its total.
type Reading = Vec<(i64, Option<(usize, usize)>)>;

/// The most steps the search for readings takes: more (numbers alike that
/// pair many ways) is no reading.
const MAX_STEPS: usize = 20_000;

/// A row's numbers as printed, from its label to the next row's.
struct Segment {
    row: usize,
    /// Each number's value and place.
    numbers: Vec<(i64, usize)>,
    /// The number that may be the row's first: right after a label of its own.
    first: Option<usize>,
    /// How many cells it holds, marks for none and zeros too.
    cells: usize,
}

/// Every reading of `segments` from segment `s` on, the totals owed (`owed`,
/// in the rows' order) carried; at most two distinct ones are kept, each in
/// `found`. False where the search stops short.
fn readings(
    segments: &[Segment],
    s: usize,
    owed: VecDeque<(usize, i64, usize)>,
    read: &mut Reading,
    found: &mut Vec<Reading>,
    steps: &mut usize,
) -> bool {
    *steps += 1;
    if *steps > MAX_STEPS {
        return false;
    }
    let Some(Segment { row: j, numbers, first, .. }) = segments.get(s) else {
        if owed.is_empty() && !found.iter().any(|f| f.iter().map(|r| r.0).eq(read.iter().map(|r| r.0))) {
            found.push(read.clone());
        }
        return found.len() < 2;
    };
    // The row's first number is the one right after its label, or it holds none.
    for first in first.map(Some).into_iter().chain([None]) {
        let keep = read.clone();
        let mut owed = owed.clone();
        let mut placed: Option<(i64, usize, usize)> = None;
        let fits = numbers.iter().enumerate().all(|(i, &(value, offset))| {
            if Some(i) == first {
                owed.push_back((*j, value, offset));
                return true;
            }
            match owed.pop_front() {
                Some((row, owed_value, first_at)) if owed_value == value => {
                    if row == *j {
                        placed = Some((value, first_at, offset));
                    } else {
                        read[row].1 = read[row].1.map(|(f, _)| (f, offset));
                    }
                    true
                }
                _ => false,
            }
        });
        if !fits {
            *read = keep;
            continue;
        }
        if let Some(i) = first {
            let (value, offset) = numbers[i];
            read[*j] = (value, Some(placed.map_or((offset, offset), |(_, f, t)| (f, t))));
        }
        let go_on = readings(segments, s + 1, owed, read, found, steps);
        *read = keep;
        if !go_on {
            return false;
        }
    }
    true
}

/// Reads 表三 printed so (see the module's comment) from row `first`, which
/// names its first row, into `report`; returns the row where 表四 begins, or
/// `None` where the table is not so.
pub(super) fn read(rows: &[Row], first: usize, t: Template, report: &mut Report) -> Option<usize> {
    let specs = template::request_rows(t);
    let m = specs.len();
    let end = super::numbers_first::table_end(rows, first);
    // (Each number not 0 is a row's first or its total, the same: numbers
    // that do not pair, or more than those columns hold, are a table of
    // other columns, as most tables are.)
    let mut values: Vec<f64> = Vec::new();
    for cell in rows[first..end].iter().flat_map(|r| &r.cells) {
        match cell.value {
            Some(v) if v.number != 0.0 && values.len() == 2 * m => return None,
            Some(v) if v.number != 0.0 => values.push(v.number),
            _ => {}
        }
    }
    values.sort_by(f64::total_cmp);
    if values.is_empty() || values.chunks(2).any(|pair| pair.len() < 2 || pair[0] != pair[1]) {
        return None;
    }
    // (The full form, its heads around the first row's: the shortened one's middle column is not marked so.)
    let heads = &rows[first.saturating_sub(super::last_columns::MAX_HEAD_ROWS)..end];
    if !heads.iter().any(|r| super::requests::ORGANISATION_HEADS.iter().any(|w| r.label().has(w))) {
        return None;
    }
    let starts = label_starts(t);
    let mut printed: Vec<Printed> = Vec::new();
    let mut empty = 0;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        let label = row.label();
        if let Some(&(_, j)) = starts.iter().find(|(start, _)| label.starts_with(start.as_str())) {
            printed.push(Printed::Label { j, k });
        }
        for cell in &row.cells {
            let Some(v) = cell.value.filter(|v| v.number != 0.0) else {
                empty += 1;
                printed.push(Printed::Empty);
                continue;
            };
            // (An amount or a fraction is no count.)
            if v.unit.is_some() || v.number.fract() != 0.0 || v.number < 0.0 {
                return None;
            }
            printed.push(Printed::Number(v.number as i64, cell.offset));
        }
    }
    // (A table whose other columns print nothing: no telling they are empty.)
    if empty < m {
        return None;
    }
    let labels: Vec<(usize, usize)> = printed
        .iter()
        .enumerate()
        .filter_map(|(p, e)| match e {
            Printed::Label { j, .. } => Some((p, *j)),
            _ => None,
        })
        .collect();
    let kept = in_order(&labels.iter().map(|l| l.1).collect::<Vec<_>>());
    // Each kept row's numbers, from its first label to the next row's, and
    // which may be its first: a number right after a label of its own.
    let mut segments: Vec<Segment> = Vec::new();
    let mut label_rows: Vec<Option<usize>> = vec![None; m];
    let kept_at: Vec<(usize, usize)> = kept.iter().map(|&i| labels[i]).collect();
    let mut next = kept_at.iter().peekable();
    let mut fresh = false;
    for (p, e) in printed.iter().enumerate() {
        match *e {
            Printed::Label { j, k } => {
                // (A label left out: the numbers after it are no row's first.)
                fresh = next.next_if(|&&(at, _)| at == p).is_some();
                if !fresh {
                    continue;
                }
                if segments.last().is_none_or(|s| s.row != j) {
                    segments.push(Segment { row: j, numbers: Vec::new(), first: None, cells: 0 });
                    label_rows[j] = Some(k);
                }
            }
            Printed::Number(value, offset) => {
                // (A number before the first row's label: not so printed.)
                let segment = segments.last_mut()?;
                if fresh && segment.first.is_none() {
                    segment.first = Some(segment.numbers.len());
                }
                segment.numbers.push((value, offset));
                segment.cells += 1;
                fresh = false;
            }
            Printed::Empty => {
                if let Some(segment) = segments.last_mut() {
                    segment.cells += 1;
                }
                fresh = false;
            }
        }
    }
    // (A label right after another's, no cell between: the rows' numbers
    // come after both, which this reading cannot tell apart.)
    if segments.iter().any(|s| s.cells == 0) {
        return None;
    }
    let mut found: Vec<Reading> = Vec::new();
    let mut read: Reading = vec![(0, None); m];
    let mut steps = 0;
    let complete = readings(&segments, 0, VecDeque::new(), &mut read, &mut found, &mut steps);
    if !complete || found.len() != 1 {
        return None;
    }
    let read = found.pop()?;
    // The table's sums: the results to (七)总计, new and carried over to processed and carried forward.
    let sum = |role: template::Role| -> i64 {
        specs.iter().zip(&read).filter(|(s, _)| s.role == role).map(|(_, r)| r.0).sum()
    };
    use template::Role::*;
    let processed = sum(TotalProcessed);
    let identity = sum(NewReceived) + sum(CarriedOver) == processed + sum(CarriedForward);
    if processed == 0 || sum(Result) != processed || !identity {
        return None;
    }
    for (j, (spec, (value, places))) in specs.iter().zip(read).enumerate() {
        let at = label_rows[j].map_or(rows[first].offset, |k| rows[k].offset);
        let (first_at, total_at) = places.unwrap_or((at, at));
        let last = template::APPLICANTS.len() - 1;
        for (c, applicant) in template::APPLICANTS.iter().enumerate() {
            let (count, offset) = match c {
                0 => (value, first_at),
                c if c == last => (value, total_at),
                _ => (0, first_at),
            };
            report.requests.push(RequestFact { row: spec.key, applicant, count, offset });
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// 表三 (2021) with numbers in its first column only: new 9, carried over 1;
    /// 4 granted, 1 each of partly granted, four reasons; 10 processed.
    fn table() -> Vec<i64> {
        let mut t = vec![0; 25];
        t[0] = 9;
        t[1] = 1;
        t[2] = 4;
        for j in [3, 4, 5, 12, 14, 16] {
            t[j] = 1;
        }
        t[23] = 10;
        t
    }

    /// The table as a page's PDF prints it: each row's label over two lines,
    /// its number between them, then its other cells' marks, broken in halves
    /// (or `mark` where the row is `odd`); each row's total after the marks of
    /// the row `delay[j % 3]` rows later, or of the row the total before it
    /// comes after (the totals in the rows' order). The groups' headings before their first
    /// rows; 四's label before `3.其他` (a label out of its order).
    fn printed(t: &[i64], delay: [usize; 3], odd: usize, mark: &str) -> String {
        let specs = template::request_rows(Template::T2021);
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n科研机构\n");
        text.push_str("社会公益组织\n法律服务机构\n其他 总计\n");
        let mut owed: Vec<(usize, i64)> = Vec::new();
        let heading = |j: usize| match j {
            2 => Some("三、本年度办理结果"),
            4 => Some("(三)不予公开"),
            12 => Some("(四)无法提供"),
            15 => Some("(五)不予处理"),
            20 => Some("(六)其他处理"),
            _ => None,
        };
        for (j, spec) in specs.iter().enumerate() {
            if j == 22 {
                text.push_str("四、结转下年\n度继续办理\n");
            }
            if let Some(h) = heading(j) {
                text.push_str(&format!("{h}\n"));
            }
            // (Rows 4 to 22 numbered within their groups: their own labels past the group's numeral.)
            let own = if (4..23).contains(&j) { spec.label.find(')').map_or(0, |p| p + 1) } else { 0 };
            let label = &spec.label[own..];
            let chars: Vec<char> = label.chars().collect();
            let (a, b) = chars.split_at(if chars.len() > 8 { chars.len().div_ceil(2) } else { chars.len() });
            let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
            let first = if t[j] > 0 { t[j].to_string() } else { "——".to_string() };
            text.push_str(&format!("{a}\n{first}\n"));
            if !b.is_empty() {
                text.push_str(&format!("{b}\n"));
            }
            text.push_str(if j == odd { mark } else { "—— ——\n— —|— —\n" });
            if t[j] > 0 {
                // (In the rows' order.)
                let at = (j + delay[j % 3]).max(owed.last().map_or(0, |o| o.0));
                owed.push((at, t[j]));
            }
            for &(_, x) in owed.iter().filter(|(at, _)| *at == j) {
                text.push_str(&format!("—|{x}|—\n"));
            }
            owed.retain(|(at, _)| *at > j);
            if j == 24 {
                owed.iter().for_each(|(_, x)| text.push_str(&format!("—|{x}|—\n")));
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    /// Each row's first column and total as read, `None` where not read so.
    fn read_of(text: &str) -> Option<Vec<(i64, i64)>> {
        let (_, rs) = rows(text);
        let first = super::super::numbers_first::first_named(&rs, Template::T2021)?;
        let mut report = Report::default();
        read(&rs, first, Template::T2021, &mut report)?;
        let count = |f: &&RequestFact, applicant: &str| f.applicant == applicant;
        let rows = report.requests.chunks(7);
        let got = rows.map(|r| {
            assert!(r[1..6].iter().all(|f| f.count == 0));
            (r.iter().find(|f| count(f, "natural_person")).map_or(-1, |f| f.count), r[6].count)
        });
        Some(got.collect())
    }

    fn expected(t: &[i64]) -> Option<Vec<(i64, i64)>> {
        Some(t.iter().map(|&x| (x, x)).collect())
    }

    #[test]
    fn numbers_in_the_first_column_alone_are_read_with_their_totals_carried_down() {
        let t = table();
        for delay in [[0, 0, 0], [0, 1, 2], [2, 1, 0], [1, 1, 1]] {
            assert_eq!(read_of(&printed(&t, delay, 99, "")), expected(&t), "{delay:?}");
        }
        // The same through the reading of 表三.
        let text = printed(&t, [0, 1, 2], 99, "");
        let (_, rs) = rows(&text);
        let mut report = Report::default();
        super::super::read_requests(&text, &rs, Template::T2021, 0, &mut report);
        let firsts = report.requests.iter().filter(|f| f.applicant == "natural_person").map(|f| f.count);
        assert_eq!(firsts.collect::<Vec<_>>(), t);
    }

    #[test]
    fn a_number_in_another_column_or_sums_that_fail_are_no_such_table() {
        let t = table();
        // A number among a row's marks: a column other than the first holds it.
        assert_eq!(read_of(&printed(&t, [0, 1, 2], 3, "—— 1\n— —|— —\n")), None);
        // (七)总计 one more: the results do not add up to it.
        let mut more = t.clone();
        more[23] = 11;
        more[24] = 0;
        assert_eq!(read_of(&printed(&more, [0, 0, 0], 99, "")), None);
        // A row's label right after another's, no cell between: their numbers
        // after both tell no row from the other.
        let text = printed(&t, [0, 0, 0], 99, "");
        let parted = "(一)予以公开\n4\n—— ——\n— —|— —\n—|4|—\n(二)部分公开\n1\n";
        let together = "(一)予以公开\n(二)部分公开\n4\n—— ——\n— —|— —\n—|4|—\n1\n";
        assert!(text.contains(parted));
        assert_eq!(read_of(&text.replacen(parted, together, 1)), None);
    }
}
