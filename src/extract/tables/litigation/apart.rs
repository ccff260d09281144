//! 表四's cells printed apart from the table (its last proceeding after the
//! closing sections, a number among its heads' pieces), read where the sums
//! or the heads tell their places.

use super::*;

/// 表四's last cells printed apart from the others (`cells`, read where the
/// table is): plain `pdftotext` may give a table's last columns a block of
/// their own, after the text that follows the table (the closing sections, the
/// agency, the date) or at the end of the text, after other loose columns. The
/// numbers on lines of their own after the table (layout row `end` on), the
/// first it lacks or the last, taken where every proceeding's outcomes then add
/// up to its total, as they do where the table is; never when both do and
/// differ. A proceeding where the table is that does not add up is a misreading
/// where the table's cells come among its heads' pieces, but may be printed so
/// where they are one run of numbers (`one_run`; the checks flag it): then the
/// loose numbers are taken only where just as many as the table lacks, and
/// those they complete add up. Numbers at the places `taken` (in order) are
/// another table's. Loose numbers each after heads naming its outcome are
/// taken first, other numbers between passed over (see [`heads_named`]);
/// loose numbers with their proceeding's heads printed among them are taken
/// in the order those heads tell (see [`by_heads`]). Where neither the first
/// loose numbers nor the last complete the table after its cells, they may be
/// its first columns and its last (see [`around`]); and where nothing tells
/// `cells` are the table's first (not `first_told`: nothing but the section's
/// heading printed above them), the loose numbers complete it after them only where parted around
/// them they add up to no other numbers. No reading leaves out
/// of the last proceeding a number its heads name, nor puts a number a lone
/// head names (see [`lone_heads`]) in another outcome's place; where no other
/// reading holds, those lone heads place the loose numbers (see [`partly_named`]).
pub(in super::super) fn continued(
    rows: &[Row],
    end: usize,
    cells: &[Cell],
    n: usize,
    one_run: bool,
    first_told: bool,
    taken: &[usize],
) -> Option<Vec<Cell>> {
    let mut prefix_adds_up = adds_up(cells);
    // (Among the heads' pieces, two neighbouring numbers printed in each other's place, where that tells.)
    let swapped = (!prefix_adds_up && !one_run).then(|| one_swap(cells)).flatten();
    let cells = match &swapped {
        Some(swapped) => {
            prefix_adds_up = true;
            swapped.as_slice()
        }
        None => cells,
    };
    if !prefix_adds_up && !one_run {
        return None;
    }
    // The proceedings the loose numbers complete add up (and those before, where they do).
    let from = if prefix_adds_up { 0 } else { cells.len() / GROUP * GROUP };
    let adds_up = |all: &[Cell]| adds_up(&all[from..]);
    let count = |c: &Cell| c.value.is_some_and(|v| v.unit.is_none() && v.number.fract() == 0.0);
    let counts = |r: &Row| r.is_numbers_alone() && r.cells.iter().all(count);
    let after = rows.get(end..)?;
    let own = |c: &Cell| taken.binary_search(&c.offset).is_err();
    let loose: Vec<Cell> =
        after.iter().filter(|r| counts(r)).flat_map(|r| r.cells.iter().copied()).filter(own).collect();
    let lacking = n - cells.len();
    if loose.len() < lacking || (!prefix_adds_up && loose.len() != lacking) {
        return None;
    }
    // (Each run of numbers in the order the heads printed among them tell, where they tell it.)
    let events: Vec<Loose> = after
        .iter()
        .flat_map(|r| match counts(r) {
            true => r.cells.iter().filter(|c| own(c)).map(|c| Loose::Number(c.offset)).collect(),
            false => vec![Loose::Heads(r.label())],
        })
        .collect();
    let outcomes = &template::LITIGATION_OUTCOMES[GROUP - lacking.min(GROUP)..];
    // The numbers each after a head naming it, other tables' numbers between.
    let placed = heads_named(&events, &loose);
    let named = in_outcomes_order(placed.clone(), outcomes);
    let named = named.map(|named| [cells, &named].concat()).filter(|all| adds_up(all));
    if named.is_some() {
        return named;
    }
    // Or the first loose numbers or the last, or those around the cells, but
    // never a reading that leaves out of the last proceeding a number the
    // heads name for one of its outcomes lacking (the loose numbers before
    // its heads may be another table's).
    // (Nor one that puts a number a lone head names in another outcome's place.)
    let lone = lone_heads(&events, &loose);
    let agrees = |all: &Vec<Cell>| {
        let lacks = |o: usize| lacking <= GROUP && o + lacking >= GROUP;
        let within = |c: &Cell| all[n - GROUP..].iter().any(|a| a.offset == c.offset);
        let place = |c: &Cell| all.iter().position(|a| a.offset == c.offset);
        let elsewhere = |(o, c): &(usize, Cell)| place(c).is_some_and(|k| k != n - GROUP + o);
        placed.iter().all(|(o, c)| !lacks(*o) || within(c)) && !lone.iter().any(elsewhere)
    };
    let ordered = |run: &[Cell]| by_heads(&events, run, outcomes);
    let with = |more: &[Cell]| {
        let more = ordered(more).unwrap_or_else(|| more.to_vec());
        Some([cells, &more].concat()).filter(|all| adds_up(all) && agrees(all))
    };
    let windows = [&loose[..lacking], &loose[loose.len() - lacking..]];
    // (Or the loose numbers the table's first columns and its last.)
    let parted = || windows.map(|run| around(cells, run).filter(agrees));
    let same = |one: &Vec<Cell>, other: &Vec<Cell>| one.iter().map(Cell::number).eq(other.iter().map(Cell::number));
    let reading = match (with(windows[0]), with(windows[1])) {
        (Some(first), Some(last)) => same(&first, &last).then_some(first),
        (None, None) => {
            let whole = |more: Vec<Cell>| Some([cells, &more].concat()).filter(|all| adds_up(all));
            let by_lone = || partly_named(&loose, &lone, outcomes).and_then(whole);
            return only_reading(parted()).or_else(|| heads_parted(cells, &loose, &placed, lacking)).or_else(by_lone);
        }
        (first, last) => first.or(last),
    }?;
    // (Nothing telling the cells the first: parted so too, other numbers, nothing tells which.)
    (first_told || parted().iter().flatten().all(|p| same(p, &reading))).then_some(reading)
}

/// 表四's `cells` as printed, short of the table, with two neighbouring
/// numbers put in each other's place where so every proceeding they hold whole
/// adds up, and as printed they do not: plain `pdftotext` may print the numbers
/// among their heads' pieces, a character a line, a proceeding's 总计 after the
/// next one's first (`持` / `8` / `正` / `0` / `果` / `0` / `结` / `0` / `持` /
/// `0` / `正` / … / `8` / `0` …). `None` where no such exchange makes them add
/// up, or two that do give other numbers.
pub(super) fn one_swap(cells: &[Cell]) -> Option<Vec<Cell>> {
    let whole = cells.len() / GROUP * GROUP;
    if whole == 0 {
        return None;
    }
    let swaps = (0..cells.len() - 1).map(|i| {
        let mut swapped = cells.to_vec();
        swapped.swap(i, i + 1);
        Some(swapped).filter(|s| adds_up(&s[..whole]))
    });
    only_reading(swaps)
}

/// 表四 whole from its middle columns' `cells`, printed where the table is,
/// and `run`, its first columns' numbers and its last printed together apart
/// from them (plain `pdftotext` may print the columns of 行政复议 and the last
/// of 复议后起诉 after the closing sections: `0 0 0 2 2 0 0 0` there, `0 1 0
/// 0 1 0 0` after): the run's first numbers before the cells and the rest
/// after, as many before as makes every proceeding add up. `None` where none
/// do, or two that do give other numbers.
fn around(cells: &[Cell], run: &[Cell]) -> Option<Vec<Cell>> {
    let splits = (1..=run.len()).map(|m| {
        let all = [&run[..m], cells, &run[m..]].concat();
        Some(all).filter(|all| all.len() % GROUP == 0 && adds_up(all))
    });
    only_reading(splits)
}

/// 表四 whole from its middle columns' `cells` and the `loose` numbers after
/// the closing sections (just the `lacking`), where the heads printed among
/// those tell how many come before the cells (see [`around`], where two
/// partings add up): the first proceeding's first outcomes, each number after
/// the head naming it in the table's order (`placed`, see [`heads_named`]),
/// up to a head whose number is not there (`结果维持` / `0` / … / `尚未审结` /
/// `0` / `总计` / `尚未审结` / `0` / `总计` / `1`: four). Taken where every
/// proceeding then adds up.
fn heads_parted(cells: &[Cell], loose: &[Cell], placed: &[(usize, Cell)], lacking: usize) -> Option<Vec<Cell>> {
    if loose.len() != lacking {
        return None;
    }
    let told = placed.iter().zip(loose).enumerate().take_while(|(k, ((o, c), l))| o == k && c.offset == l.offset);
    let m = told.count();
    let all = [&loose[..m], cells, &loose[m..]].concat();
    ((1..GROUP).contains(&m) && all.len() % GROUP == 0 && adds_up(&all)).then_some(all)
}

/// The one reading among `readings` (`None` those that do not hold), where all
/// that hold give the same numbers; `None` where none holds or two differ.
fn only_reading(readings: impl IntoIterator<Item = Option<Vec<Cell>>>) -> Option<Vec<Cell>> {
    let mut found: Option<Vec<Cell>> = None;
    for reading in readings.into_iter().flatten() {
        match &found {
            Some(other) if !other.iter().map(Cell::number).eq(reading.iter().map(Cell::number)) => return None,
            Some(_) => {}
            None => found = Some(reading),
        }
    }
    found
}

/// What follows 表四 where its last cells are printed apart (see [`continued`]):
/// a loose number (its offset), or a line of something else (its label).
enum Loose<'a> {
    Number(usize),
    Heads(&'a str),
}

/// The longest line of an outcome's head printed a piece a line (`尚` / `未` /
/// … or `复议后起诉` over its outcomes' heads).
const HEAD_PIECE: usize = 5;

/// Whether `label` is a piece of 表四's heads printed a piece a line (see
/// [`HEAD_PIECE`]): none but their characters (not `(七)总计`, 表三's label).
fn head_piece(label: &str) -> bool {
    const PROCEEDINGS: &str = "行政复议诉讼未经直接起后";
    let heads = || template::LITIGATION_OUTCOME_LABELS.iter().flat_map(|h| h.chars());
    label.chars().count() <= HEAD_PIECE && label.chars().all(|c| PROCEEDINGS.contains(c) || heads().any(|h| h == c))
}

/// The loose numbers `run` (a proceeding's last outcomes, `outcomes`, their
/// cells printed apart after the table: see [`continued`]) in the order the
/// outcomes' heads printed among them tell (`events`, what follows the table):
/// plain `pdftotext` may print a proceeding's heads, a character a line, each
/// before its number, and some heads together before their numbers (`尚` /
/// `未` / `审` / `结` / `5` / `总` / `计` / `复议后起诉` / `结` / `结` / `其` /
/// `果` / `果` / `他` / `维` / … / `8` / `0` / `0` / `13`: pending 5, then
/// upheld, corrected, other and total). The heads printed between two numbers
/// name their outcomes (every character of a head but `结果`), taken by the
/// numbers after them in the table's order. `None` where the heads do not
/// name each of `outcomes` once, before its number.
fn by_heads(events: &[Loose], run: &[Cell], outcomes: &[&str]) -> Option<Vec<Cell>> {
    let at = |offset: usize| events.iter().position(|e| matches!(e, Loose::Number(o) if *o == offset));
    let (first, last) = (at(run.first()?.offset)?, at(run.last()?.offset)?);
    // (The heads just before the first number: the lines of pieces back to the number or text before them.)
    let piece = |e: &Loose| matches!(e, Loose::Heads(l) if l.chars().count() <= HEAD_PIECE);
    let start = first - events[..first].iter().rev().take_while(|e| piece(e)).count();
    let all = template::LITIGATION_OUTCOMES;
    let mut heads = String::new();
    // The outcomes named and not yet taken, in order.
    let mut named: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    // Each number with the outcome it takes.
    let mut placed: Vec<(usize, Cell)> = Vec::new();
    for event in &events[start..=last] {
        match event {
            Loose::Heads(label) if piece(event) => heads.push_str(label),
            Loose::Heads(_) => return None,
            Loose::Number(offset) => {
                named.extend((0..all.len()).filter(|&o| names_outcome(&heads, o)));
                heads.clear();
                let cell = run.iter().find(|c| c.offset == *offset)?;
                placed.push((named.pop_front()?, *cell));
            }
        }
    }
    if !named.is_empty() {
        return None;
    }
    in_outcomes_order(placed, outcomes)
}

/// The numbers `placed`, each with the index of the outcome it takes, in the
/// outcomes' order, where they are just `outcomes`, each once.
fn in_outcomes_order(mut placed: Vec<(usize, Cell)>, outcomes: &[&str]) -> Option<Vec<Cell>> {
    let wanted = indices(outcomes);
    let mut got: Vec<usize> = placed.iter().map(|p| p.0).collect();
    got.sort_unstable();
    if got != wanted {
        return None;
    }
    placed.sort_by_key(|p| p.0);
    Some(placed.into_iter().map(|p| p.1).collect())
}

/// The indices of `outcomes` among the table's.
fn indices(outcomes: &[&str]) -> Vec<usize> {
    let all = template::LITIGATION_OUTCOMES;
    outcomes.iter().filter_map(|o| all.iter().position(|a| a == o)).collect()
}

/// Of the `loose` numbers (see [`continued`]), those printed each right after
/// a lone line of one character, the last of one outcome's head (`持`, `正`,
/// `果`, `结`, `计`) between numbers or after other text, each with that
/// outcome: plain `pdftotext` of a Word table's last columns after the closing
/// sections may print each number under its head's last line, the others'
/// heads lost (`1` / `持` / `0` / `果` / `0` / `结` / `0` / `1`).
fn lone_heads(events: &[Loose], loose: &[Cell]) -> Vec<(usize, Cell)> {
    let last = |label: &str| {
        let mut named = (0..GROUP).filter(|&o| template::LITIGATION_OUTCOME_LABELS[o].ends_with(label));
        match (label.chars().count(), named.next(), named.next()) {
            (1, Some(o), None) => Some(o),
            _ => None,
        }
    };
    let piece = |e: &Loose| matches!(e, Loose::Heads(l) if head_piece(l));
    let mut out = Vec::new();
    for k in 1..events.len() {
        let (Loose::Heads(label), Loose::Number(offset)) = (&events[k - 1], &events[k]) else { continue };
        let lone = k < 2 || !piece(&events[k - 2]);
        if let (true, Some(o), Some(cell)) = (lone, last(label), loose.iter().find(|c| c.offset == *offset)) {
            out.push((o, *cell));
        }
    }
    out
}

/// The `loose` numbers (just as many as `outcomes`, a proceeding's last) with
/// those a lone head names (`named`, see [`lone_heads`]) in their outcomes'
/// places and the others in the places left, in printed order; `None` where
/// none is named, or a number is named twice or outside `outcomes`.
fn partly_named(loose: &[Cell], named: &[(usize, Cell)], outcomes: &[&str]) -> Option<Vec<Cell>> {
    let wanted = indices(outcomes);
    if named.is_empty() || loose.len() != wanted.len() {
        return None;
    }
    let mut places: Vec<Option<Cell>> = vec![None; wanted.len()];
    for (o, cell) in named {
        let place = &mut places[wanted.iter().position(|w| w == o)?];
        if place.replace(*cell).is_some() {
            return None;
        }
    }
    let mut rest = loose.iter().filter(|c| named.iter().all(|(_, n)| n.offset != c.offset));
    places.into_iter().map(|p| p.or_else(|| rest.next().copied())).collect()
}

/// Of the `loose` numbers (see [`continued`]), those printed each after heads
/// that name its outcome (see [`by_heads`]), each with that outcome: plain
/// `pdftotext` may print another table's columns among them (`0` / `2` /
/// `复议后起诉` / `结` / … / `0` / `0` / `0` / `2` / `59` / `尚` / `未` / `审` / `结` /
/// `0` / `总` / `计` / `0`), a number after the named ones taken passed over.
fn heads_named(events: &[Loose], loose: &[Cell]) -> Vec<(usize, Cell)> {
    let all = template::LITIGATION_OUTCOMES;
    let mut heads = String::new();
    let mut named: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
    let mut placed: Vec<(usize, Cell)> = Vec::new();
    for event in events {
        match event {
            Loose::Heads(label) if head_piece(label) => heads.push_str(label),
            // (Another table's short labels between the pieces, `(七)总计`, pass.)
            Loose::Heads(label) if label.chars().count() <= HEAD_PIECE => {}
            Loose::Heads(_) => heads.clear(),
            Loose::Number(offset) => {
                named.extend((0..all.len()).filter(|&o| names_outcome(&heads, o)));
                heads.clear();
                if let (Some(o), Some(cell)) = (named.pop_front(), loose.iter().find(|c| c.offset == *offset)) {
                    placed.push((o, *cell));
                }
            }
        }
    }
    placed
}
