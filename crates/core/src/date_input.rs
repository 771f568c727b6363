//! Reading a date as people type it, in any of the atlas's languages: "1918-07-03", "3.7.1918",
//! "июль 1918", "1918 шілде", "July 1918", "1919". Free of any UI, so it is tested on its own.

use crate::model::{Date, kazakh_to_latin};

/// Month names by month (1-based index + 1), as written in Kazakh, Russian (nominative and
/// genitive) and English.
const MONTH_NAMES: [&[&str]; 12] = [
    &["қаңтар", "январь", "января", "january"],
    &["ақпан", "февраль", "февраля", "february"],
    &["наурыз", "март", "марта", "march"],
    &["сәуір", "апрель", "апреля", "april"],
    &["мамыр", "май", "мая", "may"],
    &["маусым", "июнь", "июня", "june"],
    &["шілде", "июль", "июля", "july"],
    &["тамыз", "август", "августа", "august"],
    &["қыркүйек", "сентябрь", "сентября", "september"],
    &["қазан", "октябрь", "октября", "october"],
    &["қараша", "ноябрь", "ноября", "november"],
    &["желтоқсан", "декабрь", "декабря", "december"],
];

/// The month a word names, accepting any unambiguous start of at least three letters ("сен",
/// "sept", "қаз").
fn month_of(word: &str) -> Option<u32> {
    let word = fold_latin(&word.trim_matches(|c: char| c == '.' || c == ',').to_lowercase());
    if word.chars().count() < 3 {
        return None;
    }
    // Kazakh in Latin letters too, generated as the interface writes it ("şılde"), and forgiving
    // the dotless ı, which few keyboards have ("shilde" does not match, "şilde" does).
    let names_of = |month: u32| {
        let names = MONTH_NAMES[month as usize - 1];
        names.iter().map(|name| (*name).to_owned()).chain(std::iter::once(fold_latin(&kazakh_to_latin(names[0]))))
    };
    let matches: Vec<u32> = (1..=12u32).filter(|&month| names_of(month).any(|name| name.starts_with(&word))).collect();
    match matches.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Lower-case Latin Kazakh with the dotless ı as i (and without the combining dot that
/// lower-casing İ leaves), so that "Şilde", "ŞILDE" and "şılde" are one word.
fn fold_latin(word: &str) -> String {
    word.chars().filter(|&c| c != '\u{307}').map(|c| if c == 'ı' { 'i' } else { c }).collect()
}

/// Which calendar a typed date was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedStyle {
    /// Marked as Old Style (Julian): "OS", "ст. ст.", "ескі стиль".
    Old,
    /// Marked as New Style (Gregorian): "NS", "н. ст.", "жаңа стиль".
    New,
    /// Not marked, so read as New Style, the calendar the atlas stores.
    AssumedNew,
}

/// A typed date and the calendar it was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypedDate {
    /// The day, always in the Gregorian calendar.
    pub date: Date,
    pub style: TypedStyle,
}

/// The words that mark a date's calendar, as historians write them in the three languages
/// (lower case, split as [`style_words`] splits). The Latin Kazakh forms are folded as
/// [`fold_latin`] folds them.
const OLD_STYLE_MARKS: &[&[&str]] = &[
    &["os"],
    &["o.s."],
    &["o.", "s."],
    &["old", "style"],
    &["ст.", "ст."],
    &["ст.ст."],
    &["ст", "ст"],
    &["старого", "стиля"],
    &["по", "старому", "стилю"],
    &["ескі", "стиль"],
    &["ескі", "стильмен"],
    &["ескі", "стиль", "бойынша"],
    &["eski", "stil"],
    &["eski", "stilmen"],
];
const NEW_STYLE_MARKS: &[&[&str]] = &[
    &["ns"],
    &["n.s."],
    &["n.", "s."],
    &["new", "style"],
    &["н.", "ст."],
    &["н.ст."],
    &["нового", "стиля"],
    &["по", "новому", "стилю"],
    &["жаңа", "стиль"],
    &["жаңа", "стильмен"],
    &["jaña", "stil"],
    &["jaña", "stilmen"],
];

/// The text's words, lower case, with brackets and commas as spaces.
fn style_words(text: &str) -> Vec<String> {
    let lower = fold_latin(&text.to_lowercase());
    lower.replace(['(', ')', '[', ']', ','], " ").split_whitespace().map(str::to_owned).collect()
}

/// Takes the first calendar mark out of `words`, longest marks first, and says which it was.
fn take_style_mark(words: &mut Vec<String>) -> Option<TypedStyle> {
    let mut marks: Vec<(&[&str], TypedStyle)> = OLD_STYLE_MARKS
        .iter()
        .map(|mark| (*mark, TypedStyle::Old))
        .chain(NEW_STYLE_MARKS.iter().map(|mark| (*mark, TypedStyle::New)))
        .collect();
    marks.sort_by_key(|(mark, _)| std::cmp::Reverse(mark.len()));
    for (mark, style) in marks {
        let found = (0..words.len().saturating_sub(mark.len() - 1))
            .find(|&start| mark.iter().enumerate().all(|(i, word)| words[start + i] == *word));
        if let Some(start) = found {
            words.drain(start..start + mark.len());
            return Some(style);
        }
    }
    None
}

/// The day a typed text stands for, and the calendar it was read in; `None` when it is not a
/// date. An Old Style mark ("25 October 1917 OS", "25.10.1917 ст. ст.", "1917 ж. 25 қазан
/// (ескі стиль)") turns the typed Julian day into the Gregorian one the atlas stores.
pub fn parse_typed_date_with_style(text: &str) -> Option<TypedDate> {
    let mut words = style_words(text);
    let style = take_style_mark(&mut words);
    let date = if style.is_some() { parse_unmarked(&words.join(" "))? } else { parse_unmarked(text)? };
    match style {
        Some(TypedStyle::Old) => {
            let typed = date.ymd();
            let date = Date::from_old_style(typed.year, typed.month, typed.day)?;
            Some(TypedDate { date, style: TypedStyle::Old })
        }
        Some(style) => Some(TypedDate { date, style }),
        None => Some(TypedDate { date, style: TypedStyle::AssumedNew }),
    }
}

/// The first day a typed text stands for (in the Gregorian calendar, after any Old Style mark),
/// or `None` when it is not a date.
pub fn parse_typed_date(text: &str) -> Option<Date> {
    parse_typed_date_with_style(text).map(|typed| typed.date)
}

/// A date without a calendar mark. A month or a year alone stands for its first day. Words that
/// are neither a number nor a month (such as "г.", "жылғы", "year") are ignored.
fn parse_unmarked(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = Date::parse(text) {
        return Some(date);
    }
    // 1918-07 and 3.7.1918 / 03.07.1918
    let numbers: Vec<&str> = text.split(['-', '.', '/']).map(str::trim).collect();
    if numbers.iter().all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())) {
        let parsed: Vec<u32> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
        match (parsed.as_slice(), numbers.first().map(|n| n.len())) {
            ([year, month], Some(4)) => return Date::from_ymd(*year as i32, *month, 1),
            ([day, month, year], _) if *year > 999 => return Date::from_ymd(*year as i32, *month, *day),
            ([year], Some(4)) => return Date::from_ymd(*year as i32, 1, 1),
            _ => {}
        }
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for word in text.split_whitespace() {
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let number: u32 = digits.parse().ok()?;
            if digits.len() == 4 {
                year = Some(number as i32);
            } else if number <= 31 {
                day = Some(number);
            }
        } else if let Some(found) = month_of(word) {
            month = Some(found);
        }
    }
    let year = year?;
    match (month, day) {
        (Some(month), Some(day)) => Date::from_ymd(year, month, day),
        (Some(month), None) => Date::from_ymd(year, month, 1),
        (None, None) => Date::from_ymd(year, 1, 1),
        (None, Some(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<Date> {
        Date::parse(text).ok()
    }

    #[test]
    fn months_in_latin_kazakh() {
        assert_eq!(parse_typed_date("1 şılde 1918"), Date::from_ymd(1918, 7, 1));
        assert_eq!(parse_typed_date("1918 jylğy 3 Şilde"), Date::from_ymd(1918, 7, 3));
        assert_eq!(parse_typed_date("qaraşa 1917"), Date::from_ymd(1917, 11, 1));
        assert_eq!(parse_typed_date("JELTOQSAN 1919"), Date::from_ymd(1919, 12, 1));
    }

    #[test]
    fn reads_the_forms_people_type() {
        assert_eq!(parse_typed_date("1918-07-03"), date("1918-07-03"));
        assert_eq!(parse_typed_date(" 3.7.1918 "), date("1918-07-03"));
        assert_eq!(parse_typed_date("1918-07"), date("1918-07-01"));
        assert_eq!(parse_typed_date("июль 1918"), date("1918-07-01"));
        assert_eq!(parse_typed_date("10 июля 1919 г."), date("1919-07-10"));
        assert_eq!(parse_typed_date("1918 шілде"), date("1918-07-01"));
        assert_eq!(parse_typed_date("1919 жылғы 10 шілде"), date("1919-07-10"));
        assert_eq!(parse_typed_date("July 1918"), date("1918-07-01"));
        assert_eq!(parse_typed_date("5 Sept 1919"), date("1919-09-05"));
        assert_eq!(parse_typed_date("1920"), date("1920-01-01"));
    }

    #[test]
    fn old_style_dates_are_read_in_the_julian_calendar() {
        let october_revolution = Date::from_ymd(1917, 11, 7);
        for text in [
            "25 October 1917 OS",
            "25 October 1917 (O.S.)",
            "25.10.1917 ст. ст.",
            "25 октября 1917 г. по старому стилю",
            "1917 ж. 25 қазан (ескі стиль)",
            "1917 j. 25 qazan (eskı stil)",
        ] {
            let typed = parse_typed_date_with_style(text);
            assert_eq!(typed.map(|t| t.date), october_revolution, "{text}");
            assert_eq!(typed.map(|t| t.style), Some(TypedStyle::Old), "{text}");
        }
        let new = parse_typed_date_with_style("7 November 1917 NS");
        assert_eq!(new, october_revolution.map(|date| TypedDate { date, style: TypedStyle::New }));
        let unmarked = parse_typed_date_with_style("25 October 1917");
        assert_eq!(unmarked.map(|t| t.style), Some(TypedStyle::AssumedNew));
        assert_eq!(unmarked.map(|t| t.date), Date::from_ymd(1917, 10, 25));
        // "os" inside a word is not a mark.
        assert_eq!(parse_typed_date("1 август 1918"), Date::from_ymd(1918, 8, 1));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(parse_typed_date(""), None);
        assert_eq!(parse_typed_date("Uralsk"), None);
        assert_eq!(parse_typed_date("31 февраля 1918"), None);
        assert_eq!(parse_typed_date("12 1918"), None); // a day without a month
    }
}
