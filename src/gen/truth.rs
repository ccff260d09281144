//! What a generated report says: its agency, year, template and every number,
//! drawn from a realistic population. The renderers print it; the gold file
//! states it.

use super::rng::Rng;
use crate::region::{self, Level};
use crate::report::Date;
use crate::template::{self, Role, Template};

/// A reporting agency and where it sits.
#[derive(Clone, Debug)]
pub struct Agency {
    pub name: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub code: Option<String>,
    pub level: &'static str,
    /// How the report calls itself: 我局, 本委, 我镇…
    pub self_ref: &'static str,
}

/// The divisions to draw agencies from, in a fixed order.
pub struct Population {
    provinces: Vec<u32>,
    prefectures: Vec<u32>,
    counties: Vec<u32>,
    townships: Vec<(&'static str, u32)>,
}

/// The government itself is the most common county-level reporter: it is listed
/// four times.
const COUNTY_DEPTS: &[&str] = &[
    "人民政府",
    "人民政府",
    "人民政府",
    "人民政府",
    "教育局",
    "卫生健康局",
    "自然资源局",
    "市场监督管理局",
    "住房和城乡建设局",
    "财政局",
    "民政局",
    "人力资源和社会保障局",
    "生态环境局",
    "农业农村局",
    "公安局",
    "司法局",
    "交通运输局",
    "水利局",
    "商务局",
    "文化和旅游局",
    "应急管理局",
    "审计局",
    "统计局",
    "退役军人事务局",
    "医疗保障局",
    "林业局",
    "发展和改革局",
    "科学技术局",
    "城市管理局",
    "行政审批局",
];
const PROVINCIAL_DEPTS: &[&str] = &[
    "人民政府",
    "人民政府办公厅",
    "教育厅",
    "卫生健康委员会",
    "自然资源厅",
    "住房和城乡建设厅",
    "财政厅",
    "民政厅",
    "生态环境厅",
    "公安厅",
    "司法厅",
    "交通运输厅",
    "水利厅",
    "商务厅",
    "文化和旅游厅",
    "应急管理厅",
    "审计厅",
    "农业农村厅",
    "人力资源和社会保障厅",
    "发展和改革委员会",
    "科学技术厅",
    "工业和信息化厅",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
];
const NATIONAL: &[&str] = &[
    "国家统计局",
    "国家林业和草原局",
    "国家知识产权局",
    "国家药品监督管理局",
    "国家文物局",
    "国家档案局",
    "国家发展和改革委员会",
    "国家卫生健康委员会",
    "国家市场监督管理总局",
    "国家医疗保障局",
    "国家能源局",
    "国家粮食和物资储备局",
    "国家烟草专卖局",
    "国家移民管理局",
    "国家铁路局",
    "国家邮政局",
    "国家中医药管理局",
    "国家外汇管理局",
    "国家矿山安全监察局",
    "教育部",
    "人力资源和社会保障部",
    "住房和城乡建设部",
    "工业和信息化部",
    "退役军人事务部",
    "水利部",
    "审计署",
    "海关总署",
    "中国人民银行",
    "中国气象局",
    "长江水利委员会",
    "黄河水利委员会",
    "太湖流域管理局",
];

fn self_ref(name: &str) -> &'static str {
    for (end, r) in [
        ("局", "我局"),
        ("厅", "我厅"),
        ("委员会", "我委"),
        ("办公室", "我办"),
        ("镇", "我镇"),
        ("乡", "我乡"),
        ("街道", "我街道"),
        ("部", "我部"),
        ("署", "我署"),
        ("行", "我行"),
    ] {
        if name.ends_with(end) {
            return r;
        }
    }
    "本机关"
}

impl Agency {
    fn new(name: String, province: Option<&str>, city: Option<&str>, county: Option<&str>, code: Option<u32>, level: &'static str) -> Agency {
        Agency {
            self_ref: self_ref(&name),
            name,
            province: province.map(String::from),
            city: city.map(String::from),
            county: county.map(String::from),
            code: code.map(|c| format!("{c:06}")),
            level,
        }
    }
}

impl Default for Population {
    fn default() -> Population {
        Population::new()
    }
}

impl Population {
    pub fn new() -> Population {
        let t = region::table();
        let by_level = |l: Level| {
            let mut v: Vec<u32> = t.all().filter(|d| d.level == l).map(|d| d.code).collect();
            v.sort_unstable();
            v
        };
        Population {
            provinces: by_level(Level::Province),
            prefectures: by_level(Level::Prefecture),
            counties: by_level(Level::County),
            townships: t.townships(),
        }
    }

    fn name(code: u32) -> &'static str {
        region::table().get(code).map_or("", |d| d.name)
    }

    /// Province, city and county of a county-level division (a municipality's
    /// districts have the municipality as their city).
    fn county_lineage(code: u32) -> (u32, Option<u32>) {
        let t = region::table();
        let parent = t.get(code).and_then(|d| d.parent).unwrap_or(0);
        match t.get(parent) {
            Some(p) if p.level == Level::Prefecture => (p.parent.unwrap_or(0), Some(parent)),
            Some(p) => (p.parent.unwrap_or(parent), None),
            None => (parent, None),
        }
    }

    /// An agency at a level drawn with realistic weights.
    pub fn agency(&self, rng: &mut Rng) -> Agency {
        let roll = rng.below(100);
        if roll < 2 {
            return Agency::new(rng.pick(NATIONAL).to_string(), None, None, None, None, "national");
        }
        if roll < 3 {
            if let Some(office) = self.local_office(rng) {
                return office;
            }
        }
        if roll < 11 {
            let p = *rng.pick(&self.provinces);
            let name = format!("{}{}", Self::name(p), rng.pick(PROVINCIAL_DEPTS));
            return Agency::new(name, Some(Self::name(p)), None, None, Some(p), "provincial");
        }
        if roll < 28 {
            let c = *rng.pick(&self.prefectures);
            let p = region::table().get(c).and_then(|d| d.parent).unwrap_or(0);
            let dept = if rng.chance(0.3) { "人民政府办公室" } else { rng.pick(COUNTY_DEPTS) };
            let name = format!("{}{}", Self::name(c), dept);
            return Agency::new(name, Some(Self::name(p)), Some(Self::name(c)), None, Some(c), "prefecture");
        }
        let township = roll >= 62;
        let (county, town) = if township {
            let (town, county) = *rng.pick(&self.townships);
            (county, Some(town))
        } else {
            (*rng.pick(&self.counties), None)
        };
        // Townships of a city without counties (中山, 东莞, 儋州) sit under the city.
        if region::table().get(county).is_some_and(|d| d.level == Level::Prefecture) {
            let (town, p) = (town.unwrap_or_default(), region::table().get(county).and_then(|d| d.parent).unwrap_or(0));
            let name = format!("{}{town}", Self::name(county));
            return Agency::new(name, Some(Self::name(p)), Some(Self::name(county)), None, Some(county), "township");
        }
        let (p, c) = Self::county_lineage(county);
        let parent_name = c.map_or(Self::name(p), Self::name);
        let name = match town {
            Some(town) if rng.chance(0.5) => format!("{parent_name}{}人民政府{town}{}", Self::name(county), if town.ends_with("街道") { "办事处" } else { "" }),
            Some(town) => format!("{parent_name}{}{town}", Self::name(county)),
            None => format!("{parent_name}{}{}", Self::name(county), rng.pick(COUNTY_DEPTS)),
        };
        // Municipalities: their districts' city is the municipality.
        let municipal = region::table().get(county).and_then(|d| d.parent).and_then(|p| region::table().get(p)).is_some_and(|d| {
            d.level == Level::Placeholder && matches!(d.name, "市辖区" | "县")
        });
        let city = c.map(Self::name).or_else(|| municipal.then(|| Self::name(p)));
        let level = if township { "township" } else { "county" };
        Agency::new(name, Some(Self::name(p)), city, Some(Self::name(county)), Some(county), level)
    }
}

impl Population {
    /// A central body's local office, named by its place's short name
    /// (`中国证券监督管理委员会广东监管局`, `国家统计局深圳调查队`, `广州海关`), where
    /// the short name names that place alone.
    fn local_office(&self, rng: &mut Rng) -> Option<Agency> {
        let t = region::table();
        let provincial = rng.chance(0.5);
        let code = *rng.pick(if provincial { &self.provinces } else { &self.prefectures });
        let d = t.get(code)?;
        let short = region::short_forms(d.name, d.level).into_iter().next()?;
        if t.mentions(&short, false).iter().map(|m| m.codes.len()).sum::<usize>() != 1 {
            return None;
        }
        let p = if provincial { code } else { d.parent.unwrap_or(0) };
        Some(if provincial {
            let name = match rng.below(3) {
                0 => format!("中国证券监督管理委员会{short}监管局"),
                1 => format!("国家金融监督管理总局{short}监管局"),
                _ => format!("国家统计局{short}调查总队"),
            };
            Agency::new(name, Some(Self::name(p)), None, None, Some(code), "provincial")
        } else {
            let name = if rng.chance(0.3) { format!("{short}海关") } else { format!("国家统计局{short}调查队") };
            Agency::new(name, Some(Self::name(p)), Some(d.name), None, Some(code), "prefecture")
        })
    }
}

/// Requests a year, by level: most townships get a handful, large cities thousands.
pub fn magnitude(rng: &mut Rng, level: &str) -> i64 {
    match level {
        "township" if rng.chance(0.5) => 0,
        "township" => rng.range(1, 5),
        "county" => rng.log_uniform(0, 80),
        "prefecture" => rng.log_uniform(5, 600),
        "provincial" => rng.log_uniform(20, 2500),
        _ => rng.log_uniform(50, 5000),
    }
}

/// 表三 as printed: each row's seven cells, in template order.
pub type RequestTable = Vec<(&'static str, [i64; 7])>;

/// The numbers of a report on 2019 or later.
#[derive(Clone, Debug)]
pub struct Tables {
    pub requests: RequestTable,
    pub litigation: [i64; 15],
    /// (item, metric, value in the column's unit as printed, value in the gold's unit)
    pub disclosures: Vec<(&'static str, &'static str, String, f64)>,
    pub proactive: i64,
    /// Issue codes a seeded error must raise.
    pub seeded: Vec<&'static str>,
}

impl Tables {
    /// 表三's carried-forward cells, one per applicant (the total left out).
    pub fn carried_forward(&self) -> [i64; 6] {
        let row = self
            .requests
            .iter()
            .find(|r| r.0 == "carried_forward")
            .map_or([0; 7], |r| r.1);
        [row[0], row[1], row[2], row[3], row[4], row[5]]
    }
}

fn spread(rng: &mut Rng, total: i64, weights: &[f64]) -> [i64; 6] {
    let v = rng.split(total, weights);
    [v[0], v[1], v[2], v[3], v[4], v[5]]
}

const APPLICANT_WEIGHTS: &[f64] = &[0.84, 0.08, 0.01, 0.01, 0.04, 0.02];

/// A consistent 表三/表四/表二 (and, with probability `error_rate`, one seeded error).
///
/// `carried` holds the carried-over cells (the previous year's carried-forward
/// ones) where the agency's previous report is known; else they are drawn.
pub fn tables(
    rng: &mut Rng,
    t: Template,
    new: i64,
    carried: Option<[i64; 6]>,
    error_rate: f64,
) -> Tables {
    let rows = template::request_rows(t);
    let nr = spread(rng, new, APPLICANT_WEIGHTS);
    let co = carried.unwrap_or_else(|| {
        let carried = rng.range(0, new / 8 + 1);
        spread(rng, carried, APPLICANT_WEIGHTS)
    });
    let mut cf = [0i64; 6];
    for c in 0..6 {
        cf[c] = rng.range(0, (nr[c] + co[c]) / 6);
    }
    let results: Vec<&template::Row> = rows.iter().copied().filter(|r| r.role == Role::Result).collect();
    let weights: Vec<f64> = results
        .iter()
        .map(|r| match r.key {
            "granted" => 45.0,
            "partially_granted" => 9.0,
            "unable_not_held" => 18.0,
            "unable_needs_creation" => 5.0,
            "unable_unclear" => 3.0,
            k if k.starts_with("denied") => 1.0,
            k if k.starts_with("rejected") => 1.5,
            _ => 2.0,
        })
        .collect();
    let mut result_cells: Vec<[i64; 6]> = vec![[0; 6]; results.len()];
    for c in 0..6 {
        let processed = nr[c] + co[c] - cf[c];
        for (i, v) in rng.split(processed, &weights).into_iter().enumerate() {
            result_cells[i][c] = v;
        }
    }
    let with_total = |c: [i64; 6]| -> [i64; 7] { [c[0], c[1], c[2], c[3], c[4], c[5], c.iter().sum()] };
    let mut requests: RequestTable = Vec::new();
    let mut result_index = 0;
    for r in &rows {
        let cells = match r.role {
            Role::NewReceived => nr,
            Role::CarriedOver => co,
            Role::CarriedForward => cf,
            Role::TotalProcessed => {
                let mut s = [0i64; 6];
                for c in 0..6 {
                    s[c] = nr[c] + co[c] - cf[c];
                }
                s
            }
            Role::Result => {
                result_index += 1;
                result_cells[result_index - 1]
            }
        };
        requests.push((r.key, with_total(cells)));
    }
    // A few cases per hundred requests at most: small agencies rarely see one.
    let mut lit = [0i64; 15];
    let (chance, most) = ((new as f64 / 150.0).min(0.35), (new / 40).max(1));
    for block in 0..3 {
        for o in 0..4 {
            lit[block * 5 + o] = if rng.chance(chance) { rng.range(1, most) } else { 0 };
        }
        lit[block * 5 + 4] = lit[block * 5..block * 5 + 4].iter().sum();
    }
    let mut seeded = Vec::new();
    if rng.chance(error_rate) {
        match rng.below(2) {
            0 => {
                let tp = requests.iter_mut().find(|r| r.0 == "total_processed").map(|r| &mut r.1[6]);
                if let Some(cell) = tp {
                    *cell += 1;
                    seeded.extend(["identity_mismatch", "row_sum_mismatch", "result_sum_mismatch"]);
                }
            }
            _ => {
                lit[4] += 1;
                seeded.push("litigation_sum_mismatch");
            }
        }
    }
    Tables { requests, litigation: lit, disclosures: disclosures(rng, t, new), proactive: rng.log_uniform(new.max(5), 20 * new + 300), seeded }
}

fn disclosures(rng: &mut Rng, t: Template, new: i64) -> Vec<(&'static str, &'static str, String, f64)> {
    let mut out = Vec::new();
    let big = (new * 3).max(10);
    let count = |out: &mut Vec<_>, item, metric, v: i64| out.push((item, metric, v.to_string(), v as f64));
    if t == Template::T2021 {
        for item in ["regulation", "normative_document"] {
            let made = rng.range(0, 6);
            count(&mut out, item, "made", made);
            count(&mut out, item, "repealed", rng.range(0, 3));
            count(&mut out, item, "in_force", made + rng.range(0, 40));
        }
        count(&mut out, "administrative_license", "decisions", rng.log_uniform(0, big * 4));
        count(&mut out, "administrative_penalty", "decisions", rng.log_uniform(0, big));
        count(&mut out, "administrative_coercion", "decisions", rng.log_uniform(0, big / 5 + 1));
        let wan = rng.range(0, 5000) as f64 / 100.0;
        out.push(("administrative_fee", "amount_yuan", format!("{wan:.2}"), (format!("{wan:.2}").parse::<f64>().unwrap_or(0.0)) * 10_000.0));
        return out;
    }
    for item in ["regulation", "normative_document"] {
        let made = rng.range(0, 6);
        count(&mut out, item, "new_made", made);
        count(&mut out, item, "new_published", made);
        count(&mut out, item, "total_published", made + rng.range(0, 40));
    }
    for item in ["administrative_license", "other_management_service", "administrative_penalty", "administrative_coercion"] {
        count(&mut out, item, "previous_count", rng.log_uniform(0, 200));
        let change = rng.range(-20, 20);
        let printed = match rng.below(6) {
            0 if change < 0 => format!("减少{}", -change),
            0 if change > 0 => format!("增加{change}"),
            // A minus typed twice, a plus written out.
            1 if change < 0 => format!("--{}", -change),
            1 if change > 0 => format!("+{change}"),
            _ => change.to_string(),
        };
        out.push((item, "change", printed, change as f64));
        count(&mut out, item, "decisions", rng.log_uniform(0, big));
    }
    count(&mut out, "administrative_fee", "previous_count", rng.range(0, 12));
    count(&mut out, "administrative_fee", "change", 0);
    count(&mut out, "centralized_procurement", "projects", rng.range(0, 60));
    let yuan = rng.log_uniform(0, 5_000_000);
    let (printed, value) = if rng.chance(0.5) {
        let wan = format!("{:.2}", yuan as f64 / 10_000.0);
        (format!("{wan}万元"), wan.parse::<f64>().unwrap_or(0.0) * 10_000.0)
    } else {
        (format!("{yuan}元"), yuan as f64)
    };
    out.push(("centralized_procurement", "amount_yuan", printed, value));
    out
}

/// The numbers a pre-2019 report states in its sentences.
#[derive(Clone, Debug)]
pub struct Prose {
    pub received: i64,
    /// in person, online, letter
    pub channels: [i64; 3],
    pub granted: i64,
    pub partially: i64,
    pub not_held: i64,
    pub reconsiderations: i64,
    pub lawsuits: i64,
    pub fees: i64,
    pub proactive: i64,
    pub online_part: i64,
}

pub fn prose(rng: &mut Rng, new: i64) -> Prose {
    let ch = rng.split(new, &[0.3, 0.5, 0.2]);
    let res = rng.split(new, &[0.6, 0.1, 0.2, 0.1]);
    let proactive = rng.log_uniform(new.max(5), 20 * new + 300);
    Prose {
        received: new,
        channels: [ch[0], ch[1], ch[2]],
        granted: res[0],
        partially: res[1],
        not_held: res[2],
        reconsiderations: if rng.chance(0.2) { rng.range(1, 3) } else { 0 },
        lawsuits: if rng.chance(0.1) { rng.range(1, 2) } else { 0 },
        fees: if rng.chance(0.15) { rng.range(10, 900) } else { 0 },
        proactive,
        online_part: proactive / 2,
    }
}

/// A publication date early in the year after `year`.
pub fn published(rng: &mut Rng, year: i32) -> Date {
    Date::new(year + 1, rng.range(1, 3) as u32, rng.range(1, 28) as u32).unwrap_or(Date { year: year + 1, month: 1, day: 15 })
}
