//! Region and level: where an agency sits in the administrative hierarchy.
//!
//! The national division table (`data/divisions/`, GB/T 2260 codes) is compiled
//! in. Every division is known by its official name and by the short forms people
//! write (`二道江` for 二道江区, `鄂温克旗` for 鄂温克族自治旗, `延边州` for
//! 延边朝鲜族自治州). [`resolve`] reads the names in an agency's name, left to
//! right, each narrowing the last; a name that fits several divisions (there are
//! five 鼓楼区) is settled by the names around it, then by the full names the
//! report's text uses, and otherwise left unresolved and flagged, never guessed.
//! An agency named after a township alone (`大雁镇`) is placed through the
//! township table the same way.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The level of a division in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Province,
    Prefecture,
    /// 市辖区/县 of a municipality, 省直辖县级行政区划: a code group, not a place.
    Placeholder,
    County,
}

#[derive(Clone, Debug)]
pub struct Division {
    pub code: u32,
    pub name: &'static str,
    pub level: Level,
    pub parent: Option<u32>,
}

/// The division table with its name index.
pub struct Divisions {
    by_code: HashMap<u32, Division>,
    /// Official names and short forms to codes; `true` marks official names.
    names: HashMap<String, Vec<(u32, bool)>>,
    /// Township names to the codes of their counties.
    townships: HashMap<&'static str, Vec<u32>>,
    /// Names by their first character, longest first: a text is matched by one
    /// lookup per character instead of one per possible length.
    by_first: HashMap<char, Vec<String>>,
    /// The most characters of an official name (`积石山保安族东乡族撒拉族自治县`: 15).
    longest: usize,
}

static TABLE: LazyLock<Divisions> = LazyLock::new(|| {
    Divisions::parse(include_str!("../data/divisions/divisions.csv"), include_str!("../data/divisions/townships.csv"))
});

/// The compiled-in national table.
pub fn table() -> &'static Divisions {
    &TABLE
}

static NAME_CHARS: LazyLock<rustc_hash::FxHashSet<char>> = LazyLock::new(|| {
    let t = table();
    t.by_code.values().flat_map(|d| d.name.chars()).chain(t.townships.keys().flat_map(|n| n.chars())).collect()
});

/// Every character of the (simplified) division and township names: characters
/// that folding from traditional must keep (乾县, 磐石市).
pub fn name_chars() -> &'static rustc_hash::FxHashSet<char> {
    &NAME_CHARS
}

/// The names of China's ethnic groups as they appear in autonomous areas' names.
const ETHNIC: &[&str] = &[
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬",
    "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克",
    "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
];

/// Short forms of an official name: `二道江区` → `二道江`; `鄂温克族自治旗` →
/// `鄂温克旗`; `延边朝鲜族自治州` → `延边州`, `延边`; `内蒙古自治区` → `内蒙古`.
pub fn short_forms(name: &str, level: Level) -> Vec<String> {
    let mut out = Vec::new();
    let chars = |s: &str| s.chars().count();
    for kind in ["自治州", "自治县", "自治旗", "自治区"] {
        if let Some(head) = name.strip_suffix(kind) {
            // Strip the ethnic groups: 黔东南苗族侗族 → 黔东南.
            let mut place = head.to_string();
            let mut last_group = String::new();
            while let Some(stem) = place.strip_suffix('族') {
                let Some(group) = ETHNIC
                    .iter()
                    .filter(|e| stem.ends_with(*e))
                    .max_by_key(|e| e.len())
                else {
                    break;
                };
                last_group = group.to_string();
                place = stem[..stem.len() - group.len()].to_string();
            }
            let unit = kind.chars().last().unwrap_or_default();
            if place.is_empty() {
                // 鄂温克族自治旗: the place is named after its people.
                out.push(format!("{last_group}{unit}"));
            } else {
                if unit != '区' {
                    out.push(format!("{place}{unit}"));
                }
                // 新疆维吾尔自治区 names its people without 族: 新疆 too.
                let people = ETHNIC.iter().filter(|e| e.chars().count() >= 2).find(|e| place.ends_with(*e));
                let bare = people.map(|e| &place[..place.len() - e.len()]).filter(|p| chars(p) >= 2);
                if let (true, Some(bare)) = (last_group.is_empty(), bare) {
                    out.push(bare.to_string());
                }
                if chars(&place) >= 2 {
                    out.push(place);
                }
            }
            return out;
        }
    }
    let suffixes: &[&str] = match level {
        Level::Province => &["省", "市", "特别行政区"],
        Level::Prefecture => &["市", "地区", "盟"],
        Level::County => &["区", "县", "市", "旗", "特区", "林区"],
        Level::Placeholder => &[],
    };
    for s in suffixes {
        if let Some(stem) = name.strip_suffix(s) {
            if chars(stem) >= 2 {
                out.push(stem.to_string());
            }
            break;
        }
    }
    out
}

impl Divisions {
    fn parse(divisions: &'static str, townships: &'static str) -> Divisions {
        let mut by_code = HashMap::default();
        for line in divisions.lines().skip(1) {
            let mut f = line.split(',');
            let (Some(code), Some(name), Some(level), Some(parent)) = (f.next(), f.next(), f.next(), f.next()) else {
                continue;
            };
            let level = match level {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                "placeholder" => Level::Placeholder,
                _ => Level::County,
            };
            let Ok(code) = code.parse::<u32>() else { continue };
            by_code.insert(code, Division { code, name, level, parent: parent.parse().ok() });
        }
        let mut names: HashMap<String, Vec<(u32, bool)>> = HashMap::default();
        for d in by_code.values() {
            if d.level == Level::Placeholder {
                continue;
            }
            names.entry(d.name.to_string()).or_default().push((d.code, true));
            for short in short_forms(d.name, d.level) {
                names.entry(short).or_default().push((d.code, false));
            }
        }
        // A new area's name without 新区 (浦东新区: 浦东), where it names nothing else
        // (镇江新区's 镇江 is 镇江市's; 滨海新区's 滨海 is 滨海县's as well).
        let mut new_areas: Vec<&Division> = by_code.values().filter(|d| d.level == Level::County).collect();
        new_areas.sort_unstable_by_key(|d| d.code);
        for d in new_areas {
            let stem = d.name.strip_suffix("新区").filter(|s| s.chars().count() >= 2);
            if let Some(stem) = stem.filter(|s| !names.contains_key(*s)) {
                names.insert(stem.to_string(), vec![(d.code, false)]);
            }
        }
        for codes in names.values_mut() {
            codes.sort_unstable();
            codes.dedup_by_key(|c| c.0);
        }
        let mut township_map: HashMap<&'static str, Vec<u32>> = HashMap::default();
        for line in townships.lines().skip(1) {
            let mut f = line.split(',');
            if let (Some(_), Some(name), Some(county)) = (f.next(), f.next(), f.next()) {
                if let Ok(county) = county.parse() {
                    township_map.entry(name).or_default().push(county);
                }
            }
        }
        let mut by_first: HashMap<char, Vec<String>> = HashMap::default();
        for name in names.keys().filter(|n| n.chars().count() >= 2) {
            if let Some(c) = name.chars().next() {
                by_first.entry(c).or_default().push(name.clone());
            }
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        }
        let longest = by_code.values().map(|d| d.name.chars().count()).max().unwrap_or(0);
        Divisions { by_code, names, townships: township_map, by_first, longest }
    }

    pub fn get(&self, code: u32) -> Option<&Division> {
        self.by_code.get(&code)
    }

    /// Townships named 乡, 镇, 街道 or 苏木 with their county's code, sorted.
    pub fn townships(&self) -> Vec<(&'static str, u32)> {
        let mut out: Vec<(&'static str, u32)> = self
            .townships
            .iter()
            .filter(|(name, _)| TOWNSHIP_ENDS.iter().any(|e| name.ends_with(e)))
            .flat_map(|(name, counties)| counties.iter().map(move |c| (*name, *c)))
            .collect();
        out.sort_unstable_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)));
        out
    }

    /// The names of the townships, each once, in no order.
    pub fn township_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.townships.keys().copied()
    }

    /// Every division, for measuring the resolver.
    pub fn all(&self) -> impl Iterator<Item = &Division> {
        self.by_code.values()
    }

    /// The division and its ancestors, most specific first.
    fn lineage(&self, code: u32) -> Vec<&Division> {
        let mut out = Vec::new();
        let mut next = Some(code);
        // Four levels at most; the bound also stops a cycle in a damaged table.
        while let (Some(c), true) = (next, out.len() < 4) {
            let Some(d) = self.by_code.get(&c) else { break };
            out.push(d);
            next = d.parent.filter(|&p| p != c);
        }
        out
    }

    fn is_within(&self, code: u32, ancestor: u32) -> bool {
        self.lineage(code).iter().any(|d| d.code == ancestor)
    }

    /// The division names in `text`, left to right, longest first at each place.
    /// With `official_only`, short forms are not read (for running text, where
    /// two characters are too often part of another word).
    pub fn mentions(&self, text: &str, official_only: bool) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut start = 0;
        while let Some(c) = text[start..].chars().next() {
            let rest = &text[start..];
            let found = self.by_first.get(&c).and_then(|names| {
                names.iter().filter(|n| rest.starts_with(n.as_str())).find_map(|n| {
                    let codes: Vec<(u32, bool)> =
                        self.names[n].iter().copied().filter(|(_, official)| *official || !official_only).collect();
                    (!codes.is_empty()).then(|| Mention {
                        start,
                        end: start + n.len(),
                        official: codes.iter().any(|c| c.1),
                        codes: codes.iter().map(|c| c.0).collect(),
                    })
                })
            });
            match found {
                Some(m) => {
                    start = m.end;
                    out.push(m);
                }
                None => start += c.len_utf8(),
            }
        }
        out
    }
}

/// A division name found in a text: where, and which divisions it may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Whether the text has the official name (not a short form).
    pub official: bool,
    pub codes: Vec<u32>,
}

/// Where an agency sits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Region {
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub code: Option<String>,
    /// A name fitted several divisions and nothing told them apart.
    pub ambiguous: bool,
    /// Whether the agency is named after a township (乡, 镇, 街道).
    pub township: bool,
}

const TOWNSHIP_ENDS: &[&str] = &["街道办事处", "街道办", "街道", "镇", "乡", "苏木"];

/// The township name an agency ends with (`朱村街道办事处` → `朱村街道`), if any.
fn township_name(agency: &str) -> Option<&str> {
    let core = ["人民政府", "政府", "办事处"].iter().find_map(|s| agency.strip_suffix(s)).unwrap_or(agency);
    let core = if agency.ends_with("街道办事处") { &agency[..agency.len() - "办事处".len()] } else { core };
    TOWNSHIP_ENDS.iter().any(|e| core.ends_with(e)).then_some(core)
}

/// Places an agency, reading its name first and the report's text (`context`)
/// only to choose among divisions of the same name.
pub fn resolve(agency: &str, context: &str) -> Region {
    resolve_reading(agency, context).0
}

/// An agency placed: its region, level and key across years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub region: Region,
    pub level: Option<&'static str>,
    pub key: String,
}

/// Names remembered per thread by [`place`]; past this many the memory starts over.
const PLACED_NAMES: usize = 1 << 16;

/// [`resolve`], [`admin_level`] and [`agency_key`] of an agency, the text
/// (`context`) asked for only where the name is not remembered. An agency
/// reports year after year under the same name, so each thread remembers the
/// names it placed from the name alone; a name placed with the help of the
/// text is placed again for each text.
pub fn place<'a>(agency: &str, context: impl FnOnce() -> &'a str) -> Placed {
    thread_local! {
        static PLACED: std::cell::RefCell<rustc_hash::FxHashMap<String, Placed>> = Default::default();
    }
    if let Some(hit) = PLACED.with_borrow(|m| m.get(agency).cloned()) {
        return hit;
    }
    let (region, read_text) = resolve_reading(agency, context());
    let placed = Placed { level: admin_level(agency, &region), key: agency_key(agency, &region), region };
    if !read_text {
        PLACED.with_borrow_mut(|m| {
            if m.len() >= PLACED_NAMES {
                m.clear();
            }
            m.insert(agency.to_string(), placed.clone());
        });
    }
    placed
}

/// [`resolve`], and whether the text had to be read.
fn resolve_reading(agency: &str, context: &str) -> (Region, bool) {
    let t = table();
    let mut region = Region::default();
    let township = township_name(agency);
    region.township = township.is_some();
    // A short form counts only where names run on from the start of the agency's
    // name (`通化二道江区…`), never inside a word (资源 in 自然资源局 is not 资源县),
    // nor where a department's one-character ending follows (公安 in 荆州市公安局
    // is the police, not 公安县).
    let mut mentions = Vec::new();
    let mut chained_to = 0;
    // (A district's short name before 分局 or 管理局: `北京市公安局朝阳分局` serves 朝阳区.)
    let mut branch: Option<Mention> = None;
    for m in t.mentions(agency, false) {
        // Nor is a short form before 流域 or a feature of nature a place: 太湖流域管理局
        // is the basin's, not 太湖县's; 长白山 is the mountain, not 长白县.
        // 海关 and 海事局 are the place's (北京海关, 上海海事局).
        let rest = &agency[m.end..];
        let department = (rest.starts_with(['局', '厅', '委', '署', '部', '山', '湖', '河', '海', '岛'])
            && !rest.starts_with("海关")
            && !rest.starts_with("海事"))
            || rest.starts_with("流域");
        // 仁和街道 is a township of its own name, not in 仁和区; so are 永安洲镇 and
        // 江阴路街道 (a township's name has two characters at least before its kind:
        // 增城派潭镇 is 派潭镇 in 增城区).
        let township_kind = |rest: &str| rest.starts_with(['镇', '乡']) || rest.starts_with("街道");
        let after_one = rest.chars().next().map(|c| &rest[c.len_utf8()..]);
        let own_name = township_kind(rest) || after_one.is_some_and(township_kind);
        if m.official || (m.start == chained_to && !department && !own_name) {
            chained_to = m.end;
            mentions.push(m);
        } else if BRANCH_KINDS.iter().any(|k| rest.starts_with(k)) {
            branch = Some(m);
        }
    }
    if mentions.is_empty() {
        mentions.extend(local_office(t, agency));
    }
    let by_level_alone = mentions.is_empty() && agency.starts_with(LEVEL_WORDS);
    if by_level_alone {
        mentions.extend(named_in_full(t, agency, context));
    }
    // Read the text's names only when a name of the agency fits several divisions.
    let body = std::cell::OnceCell::new();
    let support = |code: u32| -> usize {
        // How often the text names this division or its ancestors in full.
        body.get_or_init(|| t.mentions(context, true)).iter().filter(|m| m.codes.iter().any(|&c| t.is_within(code, c))).count()
    };

    let mut chosen: Option<u32> = None;
    for m in &mentions {
        let mut fits: Vec<u32> = match chosen {
            Some(ctx) => m.codes.iter().copied().filter(|&c| t.is_within(c, ctx)).collect(),
            None => m.codes.clone(),
        };
        if let Some(ctx) = chosen {
            // 承德市承德: the second 承德 is the county inside the city.
            if fits.len() > 1 {
                fits.retain(|&c| c != ctx);
            }
        }
        if fits.len() > 1 {
            // 嘉峪关市 (the prefecture and its own county): the one that holds the others.
            if let Some(&top) = fits.iter().find(|&&a| fits.iter().all(|&c| t.is_within(c, a))) {
                fits = vec![top];
            }
        }
        match fits.as_slice() {
            [] => {} // a name outside what came before: ignore it
            [one] => chosen = Some(*one),
            many => match pick(many, &support).or_else(|| province_first(t, m, many, chosen)) {
                Some(one) => chosen = Some(one),
                None => {
                    region.ambiguous = true;
                    chosen = common_ancestor(t, many).or(chosen);
                    break;
                }
            },
        }
    }
    if let (Some(ctx), Some(b), false) = (chosen, &branch, region.ambiguous) {
        if let [one] = b.codes.iter().copied().filter(|&c| c != ctx && t.is_within(c, ctx)).collect::<Vec<_>>()[..] {
            chosen = Some(one);
        }
    }
    if let (Some(name), false) = (township, region.ambiguous) {
        // A township: its county, where the name alone did not give one.
        let has_county = chosen.and_then(|c| t.get(c)).is_some_and(|d| d.level == Level::County);
        if !has_county {
            if let Some(counties) = t.townships.get(name) {
                let fits: Vec<u32> = match chosen {
                    Some(ctx) => counties.iter().copied().filter(|&c| t.is_within(c, ctx)).collect(),
                    None => counties.clone(),
                };
                match fits.as_slice() {
                    [] => {}
                    [one] => chosen = Some(*one),
                    many => match pick(many, &support) {
                        Some(one) => chosen = Some(one),
                        None => region.ambiguous = true,
                    },
                }
            }
        }
    }
    if let Some(code) = chosen {
        fill(t, code, &mut region);
    }
    (region, by_level_alone || body.get().is_some())
}

/// The kinds of a city department's office for one of its districts, after
/// the district's short name (`北京市公安局朝阳分局`, `深圳市生态环境局福田管理局`).
const BRANCH_KINDS: [&str; 2] = ["分局", "管理局"];

/// The words for a division's level that stand for its name in an agency named
/// inside it (`市卫生局`, `县人民政府办公室`).
const LEVEL_WORDS: [char; 6] = ['省', '市', '县', '区', '州', '旗'];

/// The division of an agency named by its level alone (`市卫生局`): the first
/// the text names in full before the rest of the agency's name (`眉山市卫生局`);
/// the division's government said or not (`区政府国资局`: `浑南区国资局`);
/// the name wrapped over two lines or not (`五峰土家族自治县市场监督管` / `理局`).
fn named_in_full(t: &Divisions, agency: &str, context: &str) -> Option<Mention> {
    let level = agency.chars().next()?;
    let rest = &agency[level.len_utf8()..];
    let own = ["人民政府", "政府"].iter().find_map(|g| rest.strip_prefix(g)).filter(|r| r.chars().count() >= 2);
    let named =
        |context: &str| [Some(rest), own].into_iter().flatten().find_map(|rest| in_full(t, level, rest, context));
    named(context).or_else(|| context.contains('\n').then(|| named(&context.replace('\n', ""))).flatten())
}

/// Where `context` names a division of `level` in full right before `rest`.
fn in_full(t: &Divisions, level: char, rest: &str, context: &str) -> Option<Mention> {
    if rest.chars().count() < 2 {
        return None;
    }
    context.match_indices(rest).find_map(|(at, _)| {
        // A division's name is a few characters (`巴音郭楞蒙古自治州`), a zone's more
        // (`长春净月高新技术产业开发区`).
        let from = context[..at].char_indices().rev().nth(t.longest.max(1) - 1).map_or(0, |(i, _)| i);
        let before = &context[from..at];
        t.mentions(before, true).into_iter().find(|m| m.end == before.len() && before[..m.end].ends_with(level))
    })
}

/// Where a central body's name ends, before the place of one of its local offices.
const CENTRAL_ENDINGS: &[&str] = &["委员会", "总局", "局", "署", "部", "银行", "银保监会", "证监会"];

/// The kinds of a central body's local office, after the place's short name.
const OFFICE_KINDS: &[&str] =
    &["监管局", "监管分局", "调查总队", "调查队", "中心支行", "分局", "分行", "支行", "监管办", "特派员办事处"];

/// The place of a central body's local office, named by its short name between
/// the body's name and the office's kind: `中国证券监督管理委员会广东监管局`,
/// `国家统计局深圳调查队` (read from the body's end: in 委员会宁夏 the place is
/// 宁夏, not 会宁).
fn local_office(t: &Divisions, agency: &str) -> Option<Mention> {
    // 审计署 and 财政部 open their names with no 国家.
    let ministry = agency.chars().take(6).any(|c| matches!(c, '部' | '署'));
    if !ministry && !["国家", "中国", "中华人民共和国"].iter().any(|p| agency.starts_with(p)) {
        return None;
    }
    agency.char_indices().map(|(i, _)| i).filter(|&i| CENTRAL_ENDINGS.iter().any(|e| agency[..i].ends_with(e))).find_map(|at| {
        let m = t.mentions(&agency[at..], false).into_iter().next().filter(|m| m.start == 0)?;
        let office = OFFICE_KINDS.iter().any(|k| agency[at + m.end..].starts_with(k));
        office.then(|| Mention { start: at, end: at + m.end, ..m })
    })
}

/// The one candidate the text supports most, if one stands out.
fn pick(candidates: &[u32], support: &dyn Fn(u32) -> usize) -> Option<u32> {
    let mut scored: Vec<(usize, u32)> = candidates.iter().map(|&c| (support(c), c)).collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    match scored.as_slice() {
        [(best, c), rest @ ..] if *best > 0 && rest.first().is_none_or(|(next, _)| next < best) => Some(*c),
        _ => None,
    }
}

/// The province a short form opening an agency's name stands for, where a
/// smaller division's short form is the same and nothing else tells: a
/// province's short name starts names far more often (`河北雄安新区…` is
/// 河北省's, not 天津's 河北区; `海南…` 海南省's, not 海南藏族自治州's).
fn province_first(t: &Divisions, m: &Mention, candidates: &[u32], chosen: Option<u32>) -> Option<u32> {
    if m.official || m.start != 0 || chosen.is_some() {
        return None;
    }
    let mut provinces = candidates.iter().filter(|&&c| t.get(c).is_some_and(|d| d.level == Level::Province));
    match (provinces.next(), provinces.next()) {
        (Some(&one), None) => Some(one),
        _ => None,
    }
}

fn common_ancestor(t: &Divisions, codes: &[u32]) -> Option<u32> {
    let first = t.lineage(*codes.first()?);
    first.iter().map(|d| d.code).find(|&a| codes.iter().all(|&c| t.is_within(c, a)) && !codes.contains(&a))
}

fn fill(t: &Divisions, code: u32, region: &mut Region) {
    let lineage = t.lineage(code);
    for d in &lineage {
        match d.level {
            Level::Province => region.province = Some(d.name.to_string()),
            Level::Prefecture => region.city = Some(d.name.to_string()),
            Level::County => region.county = Some(d.name.to_string()),
            Level::Placeholder => {}
        }
    }
    // A municipality's districts: the municipality is their city.
    if lineage.iter().any(|d| d.level == Level::Placeholder && matches!(d.name, "市辖区" | "县")) {
        region.city = region.province.clone();
    }
    region.code = Some(format!("{code:06}"));
}

/// One key for one agency across years and spellings: the region code, then the
/// name without the division names it starts with and with the variants that
/// come and go between years folded (`人民政府` → `政府`, `街道办事处` → `街道`).
/// `通化市二道江区人民政府` and `二道江区政府` in 220503 are both `220503:政府`.
pub fn agency_key(agency: &str, region: &Region) -> String {
    let t = table();
    let mut rest = crate::normalize::squash(agency).into_owned();
    // The divisions the agency sits in: their names lead its name. Other
    // division names are the agency's own (西湖镇 under 东港区 is not 西湖区).
    let mut chain = Vec::new();
    let mut at = region.code.as_deref().and_then(|c| c.parse::<u32>().ok());
    while let Some(code) = at {
        chain.push(code);
        at = t.get(code).and_then(|d| d.parent);
    }
    let leads = |name: &str| {
        t.names
            .get(name)
            .is_some_and(|codes| chain.is_empty() || codes.iter().any(|(c, _)| chain.contains(c)))
    };
    // Drop the division names the name starts with, longest first.
    loop {
        let prefix = (1..=rest.chars().count())
            .map(|n| rest.char_indices().nth(n).map_or(rest.len(), |c| c.0))
            .filter(|&end| leads(&rest[..end]))
            .max();
        match prefix {
            Some(len) if len < rest.len() => rest = rest[len..].to_string(),
            _ => break,
        }
    }
    // …区人民政府朱村街道办事处: a township named under its district's government.
    let rest = ["人民政府", "政府"]
        .iter()
        .find_map(|g| rest.strip_prefix(g).filter(|r| !r.is_empty()))
        .map_or(rest.clone(), String::from);
    let rest = rest.replace("人民政府", "政府").replace("街道办事处", "街道");
    format!("{}:{rest}", region.code.as_deref().unwrap_or(""))
}

/// The administrative level of an agency (SCHEMA.md `admin_level`).
pub fn admin_level(agency: &str, region: &Region) -> Option<&'static str> {
    if region.township {
        return Some("township");
    }
    let code = region.code.as_deref().and_then(|c| c.parse::<u32>().ok());
    match code.and_then(|c| table().get(c)).map(|d| d.level) {
        Some(Level::County) => Some("county"),
        Some(Level::Prefecture) => Some("prefecture"),
        Some(Level::Province) => {
            // A municipality's own bureaus are provincial; so are a province's.
            Some("provincial")
        }
        _ => {
            // 教育部, 海关总署, 审计署, 人力资源和社会保障部: the central bodies name no place; nor do
            // the ministry's river basin commissions (长江水利委员会, 太湖流域管理局).
            let national = ["国务院", "国家", "中华人民共和国", "中国"].iter().any(|p| agency.starts_with(p))
                || (agency.ends_with(['部', '署']) && agency.chars().count() <= 10)
                || ["水利委员会", "流域管理局"].iter().any(|s| agency.ends_with(s));
            national.then_some("national")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(agency: &str, context: &str) -> Region {
        resolve(agency, context)
    }

    #[test]
    fn short_forms_of_autonomous_and_plain_names() {
        assert_eq!(short_forms("鄂温克族自治旗", Level::County), vec!["鄂温克旗"]);
        assert_eq!(short_forms("延边朝鲜族自治州", Level::Prefecture), vec!["延边州", "延边"]);
        assert_eq!(short_forms("黔东南苗族侗族自治州", Level::Prefecture), vec!["黔东南州", "黔东南"]);
        assert_eq!(short_forms("长阳土家族自治县", Level::County), vec!["长阳县", "长阳"]);
        assert_eq!(short_forms("内蒙古自治区", Level::Province), vec!["内蒙古"]);
        assert_eq!(short_forms("新疆维吾尔自治区", Level::Province), vec!["新疆", "新疆维吾尔"]);
        assert_eq!(short_forms("广西壮族自治区", Level::Province), vec!["广西"]);
        assert_eq!(short_forms("二道江区", Level::County), vec!["二道江"]);
        assert!(short_forms("城区", Level::County).is_empty());
    }

    #[test]
    fn county_with_its_city() {
        let g = r("通化市二道江区人民政府", "");
        assert_eq!(
            (g.province.as_deref(), g.city.as_deref(), g.county.as_deref(), g.code.as_deref()),
            (Some("吉林省"), Some("通化市"), Some("二道江区"), Some("220503"))
        );
        assert_eq!(admin_level("通化市二道江区人民政府", &g), Some("county"));
    }

    #[test]
    fn prefecture_and_township_agencies() {
        let g = r("肇庆市人民政府办公室", "");
        assert_eq!((g.city.as_deref(), g.county.as_deref(), g.code.as_deref()), (Some("肇庆市"), None, Some("441200")));
        assert_eq!(admin_level("肇庆市人民政府办公室", &g), Some("prefecture"));
        let a = "广州市增城区人民政府朱村街道办事处";
        let g = r(a, "");
        assert_eq!((g.county.as_deref(), g.code.as_deref()), (Some("增城区"), Some("440118")));
        assert_eq!(admin_level(a, &g), Some("township"));
    }

    #[test]
    fn a_township_alone_is_placed_through_its_county() {
        let g = r("大雁镇", "按照《鄂温克旗2019年政府信息公开工作要点》要求");
        assert_eq!(g.county.as_deref(), Some("鄂温克族自治旗"));
        assert_eq!(g.city.as_deref(), Some("呼伦贝尔市"));
        assert_eq!(g.province.as_deref(), Some("内蒙古自治区"));
        assert_eq!(g.code.as_deref(), Some("150724"));
        assert_eq!(admin_level("大雁镇", &g), Some("township"));
    }

    #[test]
    fn ambiguous_names_need_their_city() {
        let g = r("鼓楼区人民政府", "");
        assert!(g.ambiguous);
        assert_eq!(g.county, None);
        let g = r("南京市鼓楼区人民政府", "");
        assert!(!g.ambiguous);
        assert_eq!(g.code.as_deref(), Some("320106"));
        // The text names the city in full: that settles it.
        let g = r("鼓楼区人民政府", "福州市鼓楼区2019年政府信息公开工作年度报告。福州市");
        assert_eq!(g.code.as_deref(), Some("350102"));
    }

    #[test]
    fn an_agency_named_by_its_level_alone_is_placed_where_the_text_names_it_in_full() {
        let text = "现将市卫生局2013年度情况报告如下。市卫生局制定了《眉山市卫生局政府信息公开制度》。";
        let g = r("市卫生局", text);
        assert_eq!((g.city.as_deref(), g.code.as_deref()), (Some("眉山市"), Some("511400")));
        assert_eq!(admin_level("市卫生局", &g), Some("prefecture"));
        // A division of another level before the same words is not the agency's.
        let g = r("市卫生局", "仁寿县卫生局、眉山卫生局");
        assert_eq!(g.code, None);
        let g = r("县人民政府办公室", "石城县人民政府办公室");
        assert_eq!(g.code.as_deref(), Some("360735"));
        // The division's government said in the name, not in the text's.
        let g = r("区政府国资局", "浑南区国资局\n现公布区政府国资局2022年政府信息公开工作年度报告。");
        assert_eq!((g.city.as_deref(), g.code.as_deref()), (Some("沈阳市"), Some("210112")));
        assert_eq!(r("区政府国资局", "和平区教育局").code, None);
        // The name in full wrapped over two lines.
        let g = r("县政府市场监督管理局", "县政府市场监督管理局制定了《宜昌市五峰土家族自治县市场监督管\n理局政府信息公开工作制度》");
        assert_eq!(g.code.as_deref(), Some("420529"));
        // A zone's name, longer than a county's.
        let g = r("区文化和旅游局", "《长春市长春净月高新技术产业开发区文化和旅游局政府信息公开工作制度》");
        assert_eq!((g.city.as_deref(), g.code.as_deref()), (Some("长春市"), Some("220172")));
        // Placed from the text, the name is not remembered for the next text.
        assert_eq!(place("市卫生局", || text).region.code.as_deref(), Some("511400"));
        assert_eq!(place("市卫生局", || "").region.code, None);
    }

    #[test]
    fn placing_remembers_names_the_text_did_not_settle() {
        let fresh = |agency: &str, text: &str| {
            let region = r(agency, text);
            Placed { level: admin_level(agency, &region), key: agency_key(agency, &region), region }
        };
        // Placed from the name alone: the second time from memory, the text not asked for.
        let first = place("南京市鼓楼区教育局", || "");
        assert_eq!(first, fresh("南京市鼓楼区教育局", ""));
        assert_eq!(place("南京市鼓楼区教育局", || unreachable!("a remembered name needs no text")), first);
        // Settled by the text: each text is read again.
        let fuzhou = "福州市鼓楼区2019年政府信息公开工作年度报告。福州市";
        assert_eq!(place("鼓楼区人民政府", || fuzhou).region.code.as_deref(), Some("350102"));
        let open = place("鼓楼区人民政府", || "");
        assert!(open.region.ambiguous);
        assert_eq!(open, fresh("鼓楼区人民政府", ""));
    }

    #[test]
    fn short_forms_only_where_names_run_on() {
        let g = r("桂林市自然资源局", "");
        assert_eq!((g.code.as_deref(), g.county.as_deref()), (Some("450300"), None));
        let g = r("广西壮族自治区自然资源厅", "");
        assert_eq!(g.code.as_deref(), Some("450000"));
        assert_eq!(r("桂林市资源县教育局", "").code.as_deref(), Some("450329"));
        assert_eq!(r("通化二道江区人民政府", "").code.as_deref(), Some("220503"));
        // A township named like a county elsewhere is placed by its own name.
        assert_eq!(r("仁和街道", "").code.as_deref(), Some("330110"));
        assert_eq!(r("攀枝花市仁和区人民政府", "").code.as_deref(), Some("510411"));
        // Nor is a township whose name starts with a county's short form in it.
        assert_ne!(r("永安洲镇", "").code.as_deref(), Some("350481"));
        assert_ne!(r("江阴路街道", "").code.as_deref(), Some("320281"));
        assert_eq!(r("增城派潭镇", "").code.as_deref(), Some("440118"));
    }

    #[test]
    fn central_bodies_name_no_place() {
        for a in ["海关总署", "审计署", "教育部", "人力资源和社会保障部", "国家统计局", "中国人民银行", "黄河水利委员会", "太湖流域管理局"] {
            assert_eq!(admin_level(a, &r(a, "")), Some("national"), "{a}");
        }
        assert_eq!(admin_level("公安局", &r("公安局", "")), None);
        // Their local offices are placed by the place's short name.
        let office = |a: &str| {
            let g = r(a, "");
            (admin_level(a, &g), g.code)
        };
        assert_eq!(office("中国证券监督管理委员会广东监管局"), (Some("provincial"), Some("440000".into())));
        assert_eq!(office("国家统计局深圳调查队"), (Some("prefecture"), Some("440300".into())));
        assert_eq!(office("中国证券监督管理委员会宁夏监管局").1.as_deref(), Some("640000"));
        assert_eq!(office("国家税务总局杭州市西湖区税务局").1.as_deref(), Some("330106"));
        assert_eq!(office("国家统计局浙江调查总队"), (Some("provincial"), Some("330000".into())));
        assert_eq!(office("中国证券监督管理委员会新疆监管局").1.as_deref(), Some("650000"));
        assert_eq!(office("审计署广州特派员办事处").1.as_deref(), Some("440100"));
        assert_eq!(office("财政部浙江监管局").1.as_deref(), Some("330000"));
        // Customs and maritime bureaus are named after their place.
        assert_eq!(office("北京海关"), (Some("provincial"), Some("110000".into())));
        assert_eq!(office("上海海事局").1.as_deref(), Some("310000"));
        assert_eq!(office("满洲里海关").1.as_deref(), Some("150781"));
        // A place's name inside the body's own name is no office's.
        assert_eq!(office("国家能源局华北监管局").0, Some("national"));
    }

    #[test]
    fn a_short_form_before_a_feature_of_nature_is_no_place() {
        // 长白 is 长白朝鲜族自治县's short form; 长白山 is the mountain.
        assert_eq!(r("吉林省长白山保护开发区管理委员会", "").code.as_deref(), Some("220000"));
        assert_eq!(r("长白山管委会", "").code, None);
        assert_eq!(r("长白县人民政府", "").code.as_deref(), Some("220623"));
    }

    #[test]
    fn agency_keys_survive_renaming() {
        let key = |a: &str| agency_key(a, &r(a, ""));
        assert_eq!(key("通化市二道江区人民政府"), "220503:政府");
        assert_eq!(key("二道江区政府"), "220503:政府");
        assert_eq!(key("广州市增城区人民政府朱村街道办事处"), "440118:朱村街道");
        assert_eq!(key("增城区朱村街道"), "440118:朱村街道");
        assert_eq!(key("赣州市住房和城乡建设局"), "360700:住房和城乡建设局");
        assert_ne!(key("赣州市住房和城乡建设局"), key("赣州市教育局"));
        assert_eq!(key("某某局"), ":某某局");
        // A department named like a county (公安县) is the city's.
        assert_eq!(key("荆州市公安局"), "421000:公安局");
        // A township named like a division elsewhere (西湖区, 南湖区) keeps its name.
        assert_eq!(key("日照市东港区西湖镇"), "371102:西湖镇");
        assert_ne!(key("日照市东港区西湖镇"), key("日照市东港区南湖镇"));
    }

    #[test]
    fn nested_namesakes() {
        assert_eq!(r("河北省承德", "").code.as_deref(), Some("130800"));
        assert_eq!(r("承德市承德县", "").code.as_deref(), Some("130821"));
        assert_eq!(r("承德市承德", "").code.as_deref(), Some("130821"));
        assert_eq!(r("嘉峪关市人民政府", "").code.as_deref(), Some("620200"));
    }

    /// Asserts each agency's region code, its name alone read.
    fn codes(cases: &[(&str, &str)]) {
        for &(agency, code) in cases {
            assert_eq!(r(agency, "").code.as_deref(), Some(code), "{agency}");
        }
    }

    #[test]
    fn a_province_short_name_that_a_smaller_division_shares_opens_the_province() {
        // 河北 is 河北省's short name and 天津's 河北区's; 海南 is 海南省's, 青海's 海南州's and 乌海's 海南区's.
        codes(&[
            ("河北雄安新区管理委员会", "130000"),
            ("海南国际经济发展局", "460000"),
            ("天津市河北区人民政府", "120105"),
            ("河北区人民政府", "120105"),
            ("海南州人民政府", "632500"),
        ]);
        // The text tells first where it names one of them.
        assert_eq!(r("河北商务局", "天津市河北区河北商务局天津市河北区").code.as_deref(), Some("120105"));
    }

    #[test]
    fn a_district_short_name_before_a_branch_of_a_city_department_is_the_district() {
        codes(&[
            ("北京市公安局朝阳分局", "110105"),
            ("深圳市生态环境局福田管理局", "440304"),
            ("上海市公安局浦东分局", "310115"),
            ("重庆市公安局渝中区分局", "500103"),
            // Not a place's name: the city's.
            ("成都市公安局交通管理局", "510100"),
            // Nor a district of another city.
            ("深圳市公安局朝阳分局", "440300"),
            // A new area's short name names it only where it names nothing else.
            ("上海浦东发展和改革委员会", "310115"),
            ("镇江市发展和改革委员会", "321100"),
        ]);
    }

    #[test]
    fn prefecture_cities_without_counties() {
        let g = r("中山市人民政府", "");
        assert_eq!((g.city.as_deref(), g.county.as_deref(), g.code.as_deref()), (Some("中山市"), None, Some("442000")));
    }

    #[test]
    fn municipality_districts_and_bureaus() {
        let g = r("北京市东城区人民政府", "");
        assert_eq!((g.province.as_deref(), g.city.as_deref(), g.county.as_deref()), (Some("北京市"), Some("北京市"), Some("东城区")));
        let g = r("北京市教育委员会", "");
        assert_eq!((g.code.as_deref(), g.city.as_deref()), (Some("110000"), None));
        assert_eq!(admin_level("北京市教育委员会", &g), Some("provincial"));
        assert_eq!(admin_level("国家统计局", &r("国家统计局", "")), Some("national"));
    }
}
