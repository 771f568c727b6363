//! Kazakh in Latin letters, generated from the Cyrillic by the rules of the 2021 alphabet.
//!
//! The alphabet approved by the Government of Kazakhstan in January 2021 has 31 letters:
//! A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z. Each Kazakh Cyrillic letter has one
//! of them (і → ı, и and й → i, ы → y, ұ → ū, х and һ → h). The letters that Kazakh Cyrillic took
//! from Russian are spelled out as the alphabet's tables write them: ё → io, ц → ts, ч → ch,
//! щ → şş, э → e, ю → iu, я → ia; the hard and soft signs are left out. Anything not Cyrillic
//! (digits, Latin, punctuation) is kept as it is, so a generated text never loses a character.

/// The Latin spelling of one lower-case Cyrillic letter, or `None` for anything else.
fn lower(letter: char) -> Option<&'static str> {
    Some(match letter {
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "ğ",
        'д' => "d",
        'е' => "e",
        'ё' => "io",
        'ж' => "j",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ñ",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ұ' => "ū",
        'ү' => "ü",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "ş",
        'щ' => "şş",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'і' => "ı",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// The Latin capital of a Latin lower-case letter; unlike `char::to_uppercase`, `i` becomes `İ`
/// (the dotted capital of и and й) and `ı` becomes `I` (the capital of і), as the alphabet writes them.
/// So ю and я, which begin with the sound of й, begin with `İ` as capitals too ("Ян" → "İan").
fn capital(letter: char) -> char {
    match letter {
        'i' => 'İ',
        'ı' => 'I',
        other => other.to_uppercase().next().unwrap_or(other),
    }
}

/// Writes a Kazakh Cyrillic text in the Latin letters of 2021.
pub fn to_latin(cyrillic: &str) -> String {
    let letters: Vec<char> = cyrillic.chars().collect();
    let mut latin = String::with_capacity(cyrillic.len());
    for (index, &letter) in letters.iter().enumerate() {
        let lower_letter = letter.to_lowercase().next().unwrap_or(letter);
        let Some(spelling) = lower(lower_letter) else {
            latin.push(letter);
            continue;
        };
        if lower_letter == letter {
            latin.push_str(spelling);
            continue;
        }
        // A capital spelled with two letters is all capitals inside a word in capitals
        // ("ЦИК" → "TSİK") and a capital and a small letter otherwise ("Цой" → "Tsoi").
        let neighbour_is_capital = |at: Option<&char>| at.is_some_and(|c| c.is_uppercase());
        let next = letters.get(index + 1).filter(|c| c.is_alphabetic());
        let in_capitals = match next {
            Some(_) => neighbour_is_capital(next),
            None => index > 0 && neighbour_is_capital(letters.get(index - 1)),
        };
        for (position, small) in spelling.chars().enumerate() {
            latin.push(if position == 0 || in_capitals { capital(small) } else { small });
        }
    }
    latin
}

#[cfg(test)]
mod tests {
    use super::to_latin;

    /// Words covering every letter of the Kazakh Cyrillic alphabet, checked letter by letter against
    /// the 2021 table; the Russian loan letters (ё, ц, ч, щ, ъ, ь, э, ю, я) are in the last rows.
    const WORDS: [(&str, &str); 26] = [
        ("Қазақстан", "Qazaqstan"),
        ("әліпби", "älıpbi"),
        ("ағаш", "ağaş"),
        ("Ақтөбе", "Aqtöbe"),
        ("мың", "myñ"),
        ("Ұлытау", "Ūlytau"),
        ("үкімет", "ükımet"),
        ("Жетісу", "Jetısu"),
        ("Іле", "Ile"),
        ("Иманов", "İmanov"),
        ("ай", "ai"),
        ("Орынбор", "Orynbor"),
        ("Семей", "Semei"),
        ("шаһар", "şahar"),
        ("хат, газет", "hat, gazet"),
        ("Верный", "Vernyi"),
        ("Форт", "Fort"),
        ("Зайсан", "Zaisan"),
        ("Петропавл", "Petropavl"),
        ("ёлка", "iolka"),
        ("Цой, цирк", "Tsoi, tsirk"),
        ("Чапаев, чек", "Chapaev, chek"),
        ("щит, подъезд, пьеса", "şşit, podezd, pesa"),
        ("экономика", "ekonomika"),
        ("Юрий, Ян", "İurii, İan"),
        ("ЦИК ЧК ЮНЕСКО 1918 жылғы", "TSİK CHK İUNESKO 1918 jylğy"),
    ];

    #[test]
    fn every_letter_by_the_2021_rules() {
        for (cyrillic, latin) in WORDS {
            assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
        }
    }

    #[test]
    fn the_table_covers_every_cyrillic_letter() {
        let text: String = WORDS.iter().map(|(cyrillic, _)| cyrillic.to_lowercase()).collect();
        let missing: String =
            "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя".chars().filter(|&c| !text.contains(c)).collect();
        assert!(missing.is_empty(), "letters without a test word: {missing}");
    }

    #[test]
    fn dotted_and_dotless_capitals_stay_apart() {
        assert_eq!(to_latin("Ірге"), "Irge");
        assert_eq!(to_latin("Ит"), "İt");
        assert_eq!(to_latin("ІЛИЯ"), "ILİİA", "я is й + а: its capital is İa");
    }

    #[test]
    fn text_that_is_not_cyrillic_is_kept() {
        assert_eq!(to_latin("3 (16) — «Алаш» / Alash"), "3 (16) — «Alaş» / Alash");
    }
}
