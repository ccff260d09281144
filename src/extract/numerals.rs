//! Numbers as reports write them in sentences: `12`, `1,204`, `七`, `十二`,
//! `一千二百零六`, `两`, `零`, `3.6万`.

/// `number` in a unit `factor` times larger (`19.45` 万元 in yuan), to the
/// hundredth: `0.07 * 10000.0` is 700.0000000000001 in floating point.
pub fn scaled(number: f64, factor: f64) -> f64 {
    (number * factor * 100.0).round() / 100.0
}

/// The value of a Chinese numeral (`一千二百零六` → 1206, `十二` → 12, `两` → 2,
/// `二〇一九` read digit by digit → 2019), or `None` if `s` is not one.
pub fn chinese(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| match c {
        '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let unit = |c: char| match c {
        '十' => Some(10u64),
        '百' => Some(100),
        '千' => Some(1000),
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    };
    let chars: Vec<char> = s.chars().collect();
    if chars.iter().all(|&c| digit(c).is_some()) {
        // 二〇一九: positional digits (a single digit is its own value).
        return chars.iter().try_fold(0u64, |acc, &c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut number) = (0u64, 0u64, 0u64);
    let mut seen_digit = false;
    for &c in &chars {
        if let Some(d) = digit(c) {
            number = d;
            seen_digit = true;
        } else if let Some(u) = unit(c) {
            match u {
                10 | 100 | 1000 => {
                    // 十二: a leading 十 means one ten.
                    let n = if number == 0 && !seen_digit { 1 } else { number };
                    section += n * u;
                }
                _ => {
                    section = (section + number) * u;
                    total += section;
                    section = 0;
                }
            }
            number = 0;
            seen_digit = false;
        } else {
            return None;
        }
    }
    Some(total + section + number)
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(c, '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_wan_yuan_are_whole_hundredths_of_a_yuan() {
        assert_eq!(0.07 * 10_000.0, 700.000_000_000_000_1);
        assert_eq!(scaled(0.07, 10_000.0), 700.0);
        assert_eq!(scaled(19.45, 10_000.0), 194_500.0);
        assert_eq!(scaled(0.123456, 10_000.0), 1_234.56);
        assert_eq!(scaled(380.5, 1.0), 380.5);
    }

    #[test]
    fn chinese_numerals_from_zero_to_yi() {
        let cases = [
            ("零", 0),
            ("〇", 0),
            ("七", 7),
            ("两", 2),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("一千二百零六", 1206),
            ("三千零二十", 3020),
            ("一万", 10_000),
            ("十二万三千", 123_000),
            ("一亿两千万", 120_000_000),
            ("两百", 200),
            ("二〇一九", 2019),
        ];
        for (s, want) in cases {
            assert_eq!(chinese(s), Some(want), "{s}");
        }
        assert_eq!(chinese("一是"), None);
        assert_eq!(chinese(""), None);
    }
}
