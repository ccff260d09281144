//! 表三's last rows whose other columns plain `pdftotext` of a `.doc` table
//! printed under 表四's heading: each of those rows' first number on its
//! label's line (`7.属于行政执法案卷 0` / `8.属于行政查询事项 2` / `(四)无法
//! 1.本机关不掌握相关 23`), and after 表四's heading, among 表四's own first and
//! last cells, their other six columns a band of rows at a time: each column
//! of a band a block of its own between blank lines (`0` / `0` / `2`, then
//! `0` / `0` / `1` … for three rows; a lone number a block for one).

use super::*;
use crate::extract::cells::{blank_between, cells_add_up};
use crate::report::Issue;

/// The most of 表四's cells printed under its heading before 表三's bands.
const MAX_BEFORE: usize = 15;

/// Reads again, from the blocks under 表四's heading, the rows of 表三 (its
/// facts from `first_fact` on) at the end of the table whose label's line
/// holds one number: where after some of 表四's cells (each a block of one)
/// the blocks make bands of those rows in order, six blocks of as many
/// numbers a band, and every row's first number and the six add up (its
/// applicants' columns to its total); taken where every such reading gives
/// the rows alike. The rows read are put in place of what was read of them.
pub(super) fn reread(text: &str, rows: &[Row], t: Template, report: &mut Report, first_fact: usize) {
    let specs = template::request_rows(t);
    let n = template::APPLICANTS.len();
    // (Only where some row of the table is read from its one number alone, its
    // fact between two other rows' as the facts come a row at a time; and not
    // in the shortened form.)
    let facts = report.requests.get(first_fact..).unwrap_or_default();
    let row = |k: usize| facts.get(k).map(|f| f.row);
    let one_fact = |k: usize| k.checked_sub(1).and_then(row) != row(k) && row(k + 1) != row(k);
    if report.has_issue("applicants_combined") || !(0..facts.len()).any(one_fact) {
        return;
    }
    let cues = Cues::requests(t);
    let stop = |label: &str| template::LITIGATION_ANCHORS.iter().any(|a| label.has(a));
    let starts = super::requests::table_starts(rows, specs[0].cues[0]);
    let Some(walk) = starts.iter().map(|&k| walk(rows, k, cues, stop)).find(|w| w.matches.len() >= 4) else { return };
    // The rows at the end of the table with one number on their label's line
    // and none on lines of their own before the next row's.
    let next = |i: usize| walk.matches.get(i + 1).map_or(walk.end, |m| m.1);
    let alone = |i: usize, k: usize| {
        rows.get(k + 1..next(i)).is_some_and(|between| !between.iter().any(Row::is_numbers_alone))
    };
    let lone = |&(i, &(_, k)): &(usize, &(usize, usize))| rows[k].cells.len() == 1 && !rows[k].vertical && alone(i, k);
    let suffix: Vec<(usize, usize)> =
        walk.matches.iter().enumerate().rev().take_while(lone).map(|(_, &m)| m).collect();
    let consecutive = suffix.windows(2).all(|w| w[0].0 == w[1].0 + 1);
    if suffix.len() < 2 || !consecutive || suffix.first().map(|s| s.0) != Some(specs.len() - 1) {
        return;
    }
    // (Each of them read from its one number, not all of them whole already.)
    let read = |j: usize| report.requests[first_fact..].iter().filter(|f| f.row == specs[j].key).count();
    if suffix.iter().any(|&(j, _)| read(j) == 0) || suffix.iter().all(|&(j, _)| read(j) >= n) {
        return;
    }
    let Some(under) = super::litigation::under_heading(rows, walk.end) else { return };
    let cells: Vec<Cell> = under.filter(|r| r.is_numbers_alone()).flat_map(|r| r.cells.iter().copied()).collect();
    let mut blocks: Vec<&[Cell]> = Vec::new();
    let mut from = 0;
    for k in 1..=cells.len() {
        if k == cells.len() || blank_between(text, cells[k - 1].offset, cells[k].offset) {
            blocks.push(&cells[from..k]);
            from = k;
        }
    }
    // Every reading of some of those rows (the last ones) as bands, after
    // 表四's first cells (some blocks of one); the rows all of them read, where
    // they read them alike, each with its cells as the reading after the most
    // of 表四's cells places them (those come first: 表四 keeps its own).
    let value = |c: &Cell| c.value.map(|v| v.number);
    let singles = blocks.iter().take_while(|b| b.len() == 1).count();
    let mut readings: Vec<(usize, Vec<Vec<Cell>>)> = Vec::new();
    for count in 2..=suffix.len() {
        let firsts: Vec<Cell> = suffix[..count].iter().rev().map(|&(_, k)| rows[k].cells[0]).collect();
        for before in 0..=MAX_BEFORE.min(singles) {
            readings.extend(bands(&blocks[before..], &firsts, n, before).map(|r| (before, r)));
        }
    }
    let Some(count) = readings.iter().map(|r| r.1.len()).min() else { return };
    let last = |r: &Vec<Vec<Cell>>| r[r.len() - count..].to_vec();
    let alike = |a: &[Vec<Cell>], b: &[Vec<Cell>]| a.iter().flatten().map(value).eq(b.iter().flatten().map(value));
    let Some(read) = readings.iter().max_by_key(|r| r.0).map(|r| last(&r.1)) else { return };
    if readings.iter().any(|r| !alike(&last(&r.1), &read)) {
        return;
    }
    let short: Vec<(usize, usize)> = suffix[..count].iter().rev().copied().collect();
    let keys: Vec<&'static str> = short.iter().map(|&(j, _)| specs[j].key).collect();
    let mut facts = Vec::with_capacity(keys.len() * n);
    for (&row, cells) in keys.iter().zip(read) {
        for (cell, applicant) in cells.iter().zip(template::APPLICANTS) {
            let Some(count) = cell.value.and_then(as_count) else { return };
            facts.push(RequestFact { row, applicant, count, offset: cell.offset });
        }
    }
    // (Nothing new where the rows read so are as read already.)
    let key = |f: &RequestFact| (f.row, f.applicant, f.count);
    let had = |f: &RequestFact| report.requests[first_fact..].iter().any(|g| key(g) == key(f));
    if facts.iter().all(had) {
        return;
    }
    let kept: Vec<RequestFact> = report.requests.drain(first_fact..).filter(|f| !keys.contains(&f.row)).collect();
    report.requests.extend(kept);
    report.requests.extend(facts);
    // (The rows read as zeros from a lone 0 read so no more.)
    let zeros = |i: &Issue| i.code == "cells_inferred" && i.detail.contains("a lone 0 read as the row's zeros");
    let all_read = |i: &Issue| {
        let rows = i.detail.split(':').next().unwrap_or_default();
        rows.split(", ").all(|r| keys.contains(&r))
    };
    report.issues.retain(|i| !(zeros(i) && all_read(i)));
}

/// The rows (each its first cell from `firsts`) that `blocks` print a band at
/// a time, six blocks of as many numbers a band, every row adding up, after
/// `before` of 表四's cells; `None` where the blocks run out before the rows,
/// a row does not add up, or more numbers are left than 表四's cells.
fn bands(blocks: &[&[Cell]], firsts: &[Cell], n: usize, before: usize) -> Option<Vec<Vec<Cell>>> {
    let mut out: Vec<Vec<Cell>> = Vec::with_capacity(firsts.len());
    let mut b = 0;
    while out.len() < firsts.len() {
        let size = blocks.get(b)?.len();
        let band = blocks.get(b..b + n - 1)?;
        if size > firsts.len() - out.len() || band.iter().any(|block| block.len() != size) {
            return None;
        }
        for t in 0..size {
            let row: Vec<Cell> = std::iter::once(firsts[out.len()]).chain(band.iter().map(|block| block[t])).collect();
            if !cells_add_up(&row) {
                return None;
            }
            out.push(row);
        }
        b += n - 1;
    }
    // (What is left, 表四's other cells: with those before, no more than its fifteen.)
    let rest: usize = blocks[b..].iter().map(|block| block.len()).sum();
    (before + rest <= MAX_BEFORE).then_some(out)
}
