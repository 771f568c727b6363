//! The core's answers on the real atlas (the embedded data, read by `atlas-data`): these live
//! here, as integration tests, because the core's own unit tests cannot load the data without
//! a dependency cycle.

use atlas_data::{Dataset, load};

mod changes {
    use super::*;
    use atlas_core::changes::*;
    use atlas_core::model::{Date, Side};

    #[test]
    fn omsk_changes_hands_in_summer_1918_and_not_in_a_quiet_week() {
        let atlas = load(&Dataset::embedded()).atlas;
        let Some(omsk) = atlas.place_by_id("omsk") else { panic!("no omsk") };
        let day = |text| Date::parse(text).unwrap_or(Date::ATLAS_START);
        let changes = changes_between(&atlas, day("1918-05-01"), day("1918-08-01"));
        let omsk_change = changes.iter().find(|c| c.place == omsk).unwrap_or_else(|| panic!("Omsk did not change"));
        assert!(omsk_change.before.contains(&Side::Soviet));
        assert!(omsk_change.after.contains(&Side::White));
        assert!(omsk_change.period.is_some());
        // Same answer whichever way round the dates are given.
        assert_eq!(changes, changes_between(&atlas, day("1918-08-01"), day("1918-05-01")));
        assert!(changes_between(&atlas, day("1918-08-01"), day("1918-08-01")).is_empty());
    }
}

mod shares {
    use super::*;
    use atlas_core::geometry::MapGeometry;
    use atlas_core::model::{Date, Side};
    use atlas_core::shares::*;

    #[test]
    fn shares_add_up_and_move_with_history() {
        let atlas = load(&Dataset::embedded()).atlas;
        let geometry = MapGeometry::new(&atlas);
        let shares = territory_shares(&atlas, &geometry);
        assert_eq!(shares.days.len(), 1430);
        // The six oblasts with the Bukey Horde and Mangyshlak cover about 2.9 million km².
        assert!((2_500_000.0..3_500_000.0).contains(&shares.total_km2), "{}", shares.total_km2);
        for day in &shares.days {
            let sum: f32 = day.iter().sum();
            assert!((sum - 1.0).abs() < 1e-3, "{sum}");
        }
        let on = |text: &str| shares.days[Date::parse(text).map_or(0, |d| d.days_since(Date::ATLAS_START)) as usize];
        let white = Side::ALL.iter().position(|&s| s == Side::White).unwrap_or(0);
        let soviet = Side::ALL.iter().position(|&s| s == Side::Soviet).unwrap_or(0);
        // Summer 1918 the Whites held more than in spring; by the end of 1920 the Soviets held most.
        assert!(on("1918-09-01")[white] > on("1918-03-01")[white]);
        assert!(on("1920-12-31")[soviet] > 0.5);
    }
}

mod search {
    use super::*;
    use atlas_core::model::{Atlas, Date, Language};
    use atlas_core::search::*;

    fn atlas() -> Atlas {
        load(&Dataset::embedded()).atlas
    }

    fn first_place(atlas: &Atlas, query: &str) -> Option<String> {
        search(atlas, query, Language::En).hits.iter().find_map(|hit| match hit.target {
            Target::Place(id) => Some(atlas.place(id).id.clone()),
            Target::Event(_) | Target::Person(_) => None,
        })
    }

    #[test]
    fn finds_people_by_surname_in_any_language_with_typos() {
        let atlas = atlas();
        for query in ["Bokeikhanov", "Бөкейхан", "букейханов", "Bokeihanov"] {
            let result = search(&atlas, query, Language::En);
            let first = result.hits.first().map(|hit| hit.target);
            assert!(
                matches!(first, Some(Target::Person(id)) if atlas.person(id).id == "bokeikhanov"),
                "{query}: {:?}",
                result.hits.first()
            );
        }
    }

    #[test]
    fn finds_places_by_any_name_and_forgives_typos() {
        let atlas = atlas();
        assert_eq!(first_place(&atlas, "Семей").as_deref(), Some("semipalatinsk"));
        assert_eq!(first_place(&atlas, "almaty").as_deref(), Some("verny"));
        assert_eq!(first_place(&atlas, "Оскемен").as_deref(), Some("ust_kamenogorsk"));
        assert_eq!(first_place(&atlas, "Petropavlosk").as_deref(), Some("petropavlovsk"));
        assert_eq!(first_place(&atlas, "Kyzylorda").as_deref(), Some("perovsk"));
    }

    #[test]
    fn a_year_in_the_query_becomes_a_date() {
        let atlas = atlas();
        let result = search(&atlas, "Uralsk 1919", Language::En);
        assert_eq!(result.date, Date::parse("1919-01-01").ok());
        assert!(
            matches!(result.hits.first().map(|h| h.target), Some(Target::Place(id)) if atlas.place(id).id.starts_with("uralsk"))
        );
        let result = search(&atlas, "Орал 1919 шілде", Language::Kk);
        assert_eq!(result.date, Date::parse("1919-07-01").ok());
    }

    fn first_hit(atlas: &Atlas, query: &str, language: Language) -> Option<Target> {
        search(atlas, query, language).hits.first().map(|hit| hit.target)
    }

    #[test]
    fn finds_amangeldy_imanov_in_every_language_and_spelling() {
        let atlas = atlas();
        let imanov = atlas.person_by_id("imanov");
        assert!(imanov.is_some(), "no card for Imanov");
        // English; Russian; Kazakh (Амангелді as the atlas writes it, and Аманкелді); Latin Kazakh, typed
        // with the Kazakh letters or on an English keyboard; the surname alone.
        for query in [
            "Amangeldy Imanov",
            "Амангельды",
            "Аманкелді",
            "Амангелді Иманов",
            "Amangeldı",
            "Amankeldi Imanov",
            "Иманов",
        ] {
            for language in Language::ALL {
                assert_eq!(first_hit(&atlas, query, language), imanov.map(Target::Person), "{query} in {language}");
            }
        }
    }

    #[test]
    fn finds_events_by_their_title_in_every_language() {
        let atlas = atlas();
        let killed = atlas.event_by_id("turgai_imanov_killed").map(Target::Event);
        let Some(Target::Event(killed_id)) = killed else { panic!("no event turgai_imanov_killed") };
        let event = atlas.event(killed_id);
        let titles = Language::ALL.map(|language| event.title.get(language).to_owned());
        assert_eq!(titles[1], "Amangeldı İmanovtyñ qazasy", "the Latin Kazakh title is generated");
        for title in titles {
            assert_eq!(first_hit(&atlas, &title, Language::En), killed, "{title}");
        }
        // Part of a title finds the event too, among the person's other hits.
        let hits = search(&atlas, "Гибель Амангельды", Language::Ru).hits;
        assert_eq!(hits.first().map(|hit| hit.target), killed, "{hits:?}");
        let coup = atlas.event_by_id("alash_coup_in_turgai").map(Target::Event);
        assert_eq!(first_hit(&atlas, "Торғайдағы алашордашылар төңкерісі", Language::Kk), coup);
    }

    #[test]
    fn the_command_line_finds_places_with_the_same_matcher() {
        let atlas = atlas();
        let ids = |name: &str| {
            let found = find_places(&atlas, name);
            (found.places.iter().map(|&id| atlas.place(id).id.clone()).collect::<Vec<_>>(), found.exact)
        };
        // "Akmola": the Kazakh name Ақмола typed in Latin letters on an English keyboard.
        assert_eq!(ids("Akmola"), (vec!["akmolinsk".to_owned()], true));
        assert_eq!(ids("akmolinsk_oblast"), (vec!["akmolinsk_oblast".to_owned()], true));
        assert_eq!(ids("Семей"), (vec!["semipalatinsk".to_owned()], true));
        assert_eq!(ids("Петропавл"), (vec!["petropavlovsk".to_owned()], true), "a name in brackets counts");
        // A typo answers for the place it is close to, and says it is not exact.
        assert_eq!(ids("Petropavlosk"), (vec!["petropavlovsk".to_owned()], false));
        assert_eq!(ids("Atlantis"), (Vec::new(), false));
        assert_eq!(ids("  "), (Vec::new(), false));
    }
}
