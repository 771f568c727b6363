//! Search over places and events in all three languages, forgiving typos; a year or date in the
//! query ("Uralsk 1919", "Орал 1919 шілде") becomes a date to go to. Free of any UI.

use crate::date_input::parse_typed_date;
use crate::model::{Atlas, Date, EventId, Language, PersonId, PlaceId, PlaceKind};

/// What a search hit points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Place(PlaceId),
    Event(EventId),
    Person(PersonId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// The text that matched, in the language it matched in.
    pub label: String,
    /// Lower is better: 0 exact, 1 prefix, 2 contained, 3+ typos.
    pub rank: u32,
}

/// The result of a query: hits, best first, and the date the query names, if any.
#[derive(Clone, Debug, Default)]
pub struct SearchResult {
    pub hits: Vec<Hit>,
    pub date: Option<Date>,
}

/// Lowercases and folds letters that people type interchangeably (ё/е, Kazakh letters typed on a
/// Russian keyboard, Latin Kazakh typed on an English one) so that "Оскемен" finds "Өскемен" and
/// "Akmola" finds "Aqmola"; an id's underscores become spaces ("akmolinsk_oblast").
fn fold(text: &str) -> String {
    // Latin Kazakh's capital İ would lowercase to i and a combining dot.
    text.replace('İ', "i")
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            'ä' => 'a',
            'ğ' => 'g',
            'ı' => 'i',
            'ñ' => 'n',
            'ö' => 'o',
            'q' => 'k',
            'ş' => 's',
            'ü' | 'ū' => 'u',
            '-' | '‑' | '_' => ' ',
            other => other,
        })
        .collect()
}

/// Levenshtein distance, bounded: returns `limit + 1` as soon as it is exceeded.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        if current.iter().min().is_some_and(|&m| m > limit) {
            return limit + 1;
        }
        previous = current;
    }
    previous[b.len()]
}

/// How well `text` answers `query` (both folded), or `None`.
fn rank(query: &str, text: &str) -> Option<u32> {
    if text == query {
        return Some(0);
    }
    if text.starts_with(query) {
        return Some(1);
    }
    if text.contains(query) {
        return Some(2);
    }
    // Typos: compare with each word of the text and with its start of the same length, and
    // with the whole text's start, so that a first name and a surname typed with a slip
    // ("Amankeldi Imanov") still find "Amangeldı Imanov".
    let length = query.chars().count();
    let limit = match length {
        0..=3 => return None,
        4..=6 => 1,
        _ => 2,
    };
    let text_start: String = text.chars().take(length).collect();
    text.split_whitespace()
        .map(|word| {
            let start: String = word.chars().take(length).collect();
            edit_distance(query, word, limit).min(edit_distance(query, &start, limit))
        })
        .chain(std::iter::once(edit_distance(query, &text_start, limit)))
        .min()
        .filter(|&distance| distance <= limit)
        .map(|distance| 2 + distance as u32)
}

/// Searches place names (historic and modern, kk/ru/en, ids), event titles and people's names.
pub fn search(atlas: &Atlas, query: &str, language: Language) -> SearchResult {
    // Take out the words that make a date ("1919", "шілде", "1918-07-03"), search with the rest.
    let is_date_word = |word: &&str| word.chars().any(|c| c.is_ascii_digit()) || is_month(word);
    let (date_words, name_words): (Vec<&str>, Vec<&str>) = query.split_whitespace().partition(is_date_word);
    let date = parse_typed_date(&date_words.join(" "));
    let name_query = fold(&name_words.join(" "));
    let mut hits = Vec::new();
    if !name_query.trim().is_empty() {
        for id in atlas.place_ids() {
            if let Some(rank) = place_rank(atlas, id, &name_query) {
                hits.push(Hit {
                    target: Target::Place(id),
                    label: atlas.place(id).name.get(language).to_owned(),
                    rank,
                });
            }
        }
        for (id, event) in atlas.event_ids().zip(atlas.events()) {
            let best = Language::ALL.iter().filter_map(|&l| rank(&name_query, &fold(event.title.get(l)))).min();
            if let Some(rank) = best {
                hits.push(Hit {
                    target: Target::Event(id),
                    label: event.title.get(language).to_owned(),
                    rank: rank + 1,
                });
            }
        }
        for (id, person) in atlas.person_ids().zip(&atlas.people) {
            let best = Language::ALL
                .iter()
                .flat_map(|&l| {
                    // The whole name, and each part: "Bokeikhanov" finds "Alikhan Bokeikhanov".
                    let name = fold(person.name.get(l));
                    let parts: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
                    std::iter::once(name).chain(parts)
                })
                .filter_map(|text| rank(&name_query, &text))
                .min();
            if let Some(rank) = best {
                hits.push(Hit { target: Target::Person(id), label: person.name.get(language).to_owned(), rank });
            }
        }
    }
    // Among equal matches a town comes before a settlement that has grown into it (the stanitsa
    // Malo-Almatinskaya is in Almaty today, but "Almaty" means Verny).
    let settlement =
        |hit: &Hit| matches!(hit.target, Target::Place(id) if atlas.place(id).kind == PlaceKind::Settlement);
    hits.sort_by(|a, b| {
        a.rank.cmp(&b.rank).then_with(|| settlement(a).cmp(&settlement(b))).then_with(|| a.label.cmp(&b.label))
    });
    hits.truncate(30);
    SearchResult { hits, date }
}

/// How well a place answers a folded query: its id, and every historic and modern name in every
/// language (Latin Kazakh too), a name with another in brackets by either ("Қызылжар
/// (Петропавл)" is called "Петропавл" as much as "Қызылжар").
fn place_rank(atlas: &Atlas, id: PlaceId, folded_query: &str) -> Option<u32> {
    place_match(atlas, id, folded_query).map(|(rank, _)| rank)
}

/// [`place_rank`], and how many letters the best-ranked name has beyond the query's: among
/// equal ranks the name nearest the query's length is the one meant ("Petropavlosk" is the town
/// Petropavlovsk rather than Petropavlovsk Uezd).
fn place_match(atlas: &Atlas, id: PlaceId, folded_query: &str) -> Option<(u32, usize)> {
    let place = atlas.place(id);
    let names = std::iter::once(&place.name).chain(place.modern_name.as_ref());
    let texts = names.flat_map(|names| Language::ALL.map(|l| fold(names.get(l)))).chain([fold(&place.id)]);
    let length = folded_query.chars().count();
    texts
        .flat_map(|text| {
            let (before, bracket) = text.split_once(" (").unwrap_or((&text, ""));
            let parts = [before.trim().to_owned(), bracket.trim_end_matches(')').trim().to_owned()];
            std::iter::once(text.clone()).chain(parts.into_iter().filter(|part| !part.is_empty()))
        })
        .filter_map(|text| rank(folded_query, &text).map(|rank| (rank, text.chars().count().abs_diff(length))))
        .min()
}

/// The places a name on the command line means (`query --place`, the window's `--place`,
/// `render --view` and `--highlight`): the same matcher as the window's search, keeping only
/// the best-ranked places, so that "Akmola" finds Akmolinsk and "Семей" the city, not its oblast.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceMatch {
    pub places: Vec<PlaceId>,
    /// Whether the name is an id or a name of the places as written (letter case and the
    /// interchangeable letters aside), rather than a close spelling of one.
    pub exact: bool,
}

pub fn find_places(atlas: &Atlas, name: &str) -> PlaceMatch {
    let query = fold(name.trim());
    if query.trim().is_empty() {
        return PlaceMatch::default();
    }
    let ranked: Vec<(PlaceId, (u32, usize))> =
        atlas.place_ids().filter_map(|id| place_match(atlas, id, &query).map(|score| (id, score))).collect();
    let Some(best) = ranked.iter().map(|&(_, score)| score).min() else { return PlaceMatch::default() };
    let places = ranked.iter().filter(|&&(_, score)| score == best).map(|&(id, _)| id).collect();
    PlaceMatch { places, exact: best.0 == 0 }
}

/// Whether a word names a month in any language ("шілде", "июля", "Sept").
fn is_month(word: &str) -> bool {
    !word.chars().any(|c| c.is_ascii_digit()) && parse_typed_date(&format!("1 {word} 1918")).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_bounded() {
        assert_eq!(edit_distance("kitten", "sitting", 3), 3);
        assert_eq!(edit_distance("a", "abcdef", 2), 3);
    }
}
