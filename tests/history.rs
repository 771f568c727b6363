//! Spot checks of the history: `steppe-atlas query --date D --place P --json` must name the side(s)
//! that the sources give for that place on that day. Each check cites its source (ids from
//! `maps/sources.toml`) and, where the day is a turning point of the seed, says so.

use std::collections::BTreeSet;
use std::process::Command;

fn query(date: &str, place: &str) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_steppe-atlas"))
        .args(["query", "--date", date, "--place", place, "--json"])
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("cannot run steppe-atlas: {e}"));
    assert!(output.status.success(), "query {date} {place} failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

/// The control entries (side, force, role) of `place` on `date`.
fn control(date: &str, place: &str) -> Vec<(String, String, String)> {
    let json = query(date, place);
    let places = json["places"].as_array().unwrap_or_else(|| panic!("no `places` in {json}"));
    let entry = places
        .iter()
        .find(|p| p["id"] == place)
        .unwrap_or_else(|| panic!("{place} not in the answer for {date}: {json}"));
    entry["control"]
        .as_array()
        .unwrap_or_else(|| panic!("no `control` for {place} on {date}: {json}"))
        .iter()
        .map(|c| {
            let field = |k: &str| c[k].as_str().unwrap_or_else(|| panic!("no `{k}` in {c}")).to_owned();
            (field("side"), field("force"), field("role"))
        })
        .collect()
}

/// The sides that held the place: a `nominal` holder only claimed it, so it does not count.
fn sides(date: &str, place: &str) -> BTreeSet<String> {
    control(date, place).into_iter().filter(|(_, _, role)| role != "nominal").map(|(side, _, _)| side).collect()
}

#[track_caller]
fn assert_sides(date: &str, place: &str, expected: &[&str]) {
    let expected: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    let got = sides(date, place);
    assert_eq!(got, expected, "{place} on {date}");
}

#[track_caller]
fn assert_force(date: &str, place: &str, force: &str, role: &str) {
    let got = control(date, place);
    assert!(
        got.iter().any(|(_, f, r)| f == force && r == role),
        "{place} on {date}: expected {force} as {role}, got {got:?}"
    );
}

#[track_caller]
fn assert_no_force(date: &str, place: &str, force: &str) {
    let got = control(date, place);
    assert!(got.iter().all(|(_, f, _)| f != force), "{place} on {date}: {force} should not be there, got {got:?}");
}

// ---- 1917: February, dual power, the July crisis, October ----

#[test]
fn petrograd_dual_power_after_february() {
    // seed: February revolution and dual power; ehistory_february (Provisional Government formed 2/15 March 1917)
    assert_sides("1917-03-20", "petrograd", &["provisional", "soviet"]);
}

#[test]
fn petrograd_after_the_july_crisis() {
    // seed: on 11 (24) July 1917 dual power ended and official power passed wholly to the Provisional Government
    assert_sides("1917-08-01", "petrograd", &["provisional"]);
}

#[test]
fn petrograd_dual_power_ends_on_11_24_july() {
    // seed: "1917 жылдың 11 шілдеде қосөкіметтілік жойылып" = 11 (24) July 1917; same-day rule: 24 July is already the PG's alone
    assert_sides("1917-07-23", "petrograd", &["provisional", "soviet"]);
    assert_sides("1917-07-24", "petrograd", &["provisional"]);
}

#[test]
fn petrograd_eve_of_october() {
    // seed: the Bolshevik coup of 24-25 October (6-7 November) 1917; 6 Nov is still the Provisional Government's
    assert_sides("1917-11-06", "petrograd", &["provisional"]);
}

#[test]
fn petrograd_october_revolution() {
    // seed: 24-25 October (6-7 November) 1917
    assert_sides("1917-11-07", "petrograd", &["soviet"]);
}

#[test]
fn orenburg_multi_power_1917() {
    // seed: March-June 1917 "multi-power": PG organs, soviets, Alash founders, Cossack host authorities; gse_alash_party
    // The Orenburg host's administration stood beside the Provisional Government's committees until Dutov's break of
    // 26 October (8 November) 1917: provisional, not White (issue 17).
    assert_sides("1917-05-01", "orenburg", &["provisional", "soviet", "alash"]);
    assert_force("1917-05-01", "orenburg", "orenburg_cossacks", "civil");
}

#[test]
fn alash_orda_only_after_it_was_proclaimed() {
    // histoire_alash: autonomy proclaimed 10 (23) Dec 1917; elkz_alash_orda_day, wiki_en_alash_autonomy: the Alash Orda
    // government dates from 13 (26) Dec 1917, the last day of the second all-Kazakh congress
    assert_force("1917-12-25", "akmolinsk_oblast", "alash_party", "civil");
    assert_no_force("1917-12-25", "akmolinsk_oblast", "alash_orda");
    assert_force("1917-12-26", "akmolinsk_oblast", "alash_orda", "civil");
}

#[test]
fn akmolinsk_provisional_government_1917() {
    // gorod_na_ishime: PG commissioner Petrov arrived 20 March (2 April) 1917; old boards stayed in place
    assert_force("1917-04-10", "akmolinsk", "provisional_government", "civil");
}

// ---- Establishment of Soviet power, late 1917 - March 1918; Dutov; Kokand ----

#[test]
fn perovsk_first_soviet_town() {
    // lektsia_soviet_power, baribar_soviet_power: Perovsk, 30 Oct (12 Nov) 1917
    assert_sides("1917-11-12", "perovsk", &["soviet"]);
}

#[test]
fn tashkent_soviet_after_the_rising() {
    // wikizero_tashkent: Soviet power proclaimed 1 (14) November 1917
    assert_sides("1917-11-14", "tashkent", &["soviet"]);
}

#[test]
fn orenburg_under_dutov_during_second_congress() {
    // presskg_dutov, ganin_dutov: Dutov's order No. 816 of 26 Oct (8 Nov) 1917; seed: second all-Kazakh congress 5-13 (18-26) Dec 1917
    assert_sides("1917-12-20", "orenburg", &["white", "provisional"]);
}

#[test]
fn orenburg_taken_by_the_reds_january_1918() {
    // presskg_dutov, ganin_dutov: Orenburg given up 18 (31) January 1918
    assert_sides("1918-01-30", "orenburg", &["white", "provisional"]);
    assert_sides("1918-01-31", "orenburg", &["soviet"]);
}

#[test]
fn kokand_autonomy_in_the_old_town() {
    // bse1_kokand, bse3_kokand, alekeenkov_kokand: autonomy proclaimed 27 Nov (10 Dec) 1917, soviet garrison in the fortress
    assert_sides("1918-01-01", "kokand", &["kokand", "soviet"]);
}

#[test]
fn kokand_autonomy_crushed() {
    // alekeenkov_kokand: Red troops arrived in the night of 18/19 Feb 1918, ultimatum and assault on 19 Feb; kampuspedia_kokand.
    // 19 Feb, the day of the assault, is a day of fighting (both sides military); the 20th is the first Soviet day.
    assert_sides("1918-02-18", "kokand", &["kokand", "soviet"]);
    assert_force("1918-02-18", "kokand", "kokand_autonomy", "civil");
    assert_sides("1918-02-19", "kokand", &["kokand", "soviet"]);
    assert_force("1918-02-19", "kokand", "kokand_autonomy", "military");
    assert_sides("1918-02-20", "kokand", &["soviet"]);
    assert_no_force("1918-02-20", "kokand", "kokand_autonomy");
}

#[test]
fn semipalatinsk_soviet_february_1918() {
    // goltsev_semipalatinsk, shuak_semipalatinsk: Red Guards took the town in the night of 15/16 February 1918
    // The Siberian host is provisional until its break of 31 May 1918 (akmolinsk_trut_host).
    assert_sides("1918-02-15", "semipalatinsk", &["provisional", "soviet", "alash"]);
    assert_sides("1918-02-16", "semipalatinsk", &["soviet"]);
}

#[test]
fn verny_rising_march_1918() {
    // pavelskaz_verny, litbaza_100_battles_verny: rising in the night of 2-3 March 1918 (seed: the process lasted to March 1918)
    // The Semirechye host is provisional until its armed break of 16 April 1918 (litbaza_100_battles_verny).
    assert_sides("1918-03-02", "verny", &["provisional", "soviet"]);
    assert_force("1918-03-02", "verny", "semirechye_cossacks", "military");
    assert_sides("1918-03-03", "verny", &["soviet"]);
}

#[test]
fn aktyubinsk_soviet_january_1918() {
    // studopedia_soviet_power: power passed to the soviet on 8 (21) January 1918
    assert_sides("1918-01-21", "aktyubinsk", &["soviet"]);
}

#[test]
fn uralsk_under_the_ural_cossacks_1918() {
    // histdict_urals_army, pygmywars_urals: Soviet power gone from the whole Ural host by 1 April 1918
    assert_sides("1918-04-01", "uralsk", &["white"]);
}

// ---- Summer 1918: the White takeover with foreign help ----

#[test]
fn petropavlovsk_czechoslovak_revolt() {
    // seed: Petropavlovsk among the towns taken in summer 1918; polithistory_czech, sko_chronicle_1918
    assert_sides("1918-05-31", "petropavlovsk", &["white"]);
    assert_force("1918-05-31", "petropavlovsk", "czechoslovak_legion", "military");
}

#[test]
fn akmolinsk_coup_june_1918() {
    // seed: Akmola taken in summer 1918; kazpravda_akmolinsk_1918: coup in the night to 3 June 1918
    assert_sides("1918-06-02", "akmolinsk", &["soviet"]);
    assert_sides("1918-06-03", "akmolinsk", &["white", "alash"]);
}

#[test]
fn omsk_falls_to_the_whites() {
    // omskregion_white_omsk: Bolshevik power in Omsk fell on 7 June 1918
    assert_sides("1918-06-06", "omsk", &["soviet"]);
    assert_sides("1918-06-07", "omsk", &["white"]);
}

#[test]
fn semipalatinsk_june_1918() {
    // seed: Semipalatinsk taken in summer 1918; goltsev_semipalatinsk_1918: the Soviet leadership gave up on 10 June 1918,
    // so by the same-day rule 10 June is already White (town and oblast alike)
    assert_sides("1918-06-09", "semipalatinsk", &["soviet"]);
    assert_sides("1918-06-10", "semipalatinsk", &["white", "alash"]);
    // The countryside: the soviets only claimed the auls (nominal), the Alash Orda and the stanitsas ran them.
    assert_sides("1918-06-09", "semipalatinsk_oblast", &["alash", "white"]);
    assert_force("1918-06-09", "semipalatinsk_oblast", "soviets", "nominal");
    assert_sides("1918-06-10", "semipalatinsk_oblast", &["white", "alash"]);
}

#[test]
fn alash_civil_administration_under_white_military_control() {
    // seed: Alash Orda allied with the Omsk Provisional Siberian Government from summer 1918; kazportal_alash_whites, ruwiki_alash_orda
    assert_force("1918-08-01", "semipalatinsk", "alash_orda", "civil");
    assert_force("1918-08-01", "semipalatinsk", "siberian_government", "military");
}

#[test]
fn western_alash_orda_with_the_ural_cossacks() {
    // silkadv_zhympity, danakaz_west_alash: Uil vilayat from 18 May 1918, Western branch of Alash Orda to December 1919
    assert_sides("1918-08-01", "zhympity", &["alash", "white"]);
    assert_force("1918-08-01", "zhympity", "western_alash_orda", "civil");
}

#[test]
fn dutov_retakes_orenburg() {
    // presskg_dutov: Dutov's Cossacks retook Orenburg on 3 July 1918
    assert_sides("1918-07-02", "orenburg", &["soviet"]);
    assert_sides("1918-07-03", "orenburg", &["white"]);
}

#[test]
fn what_stayed_soviet_in_summer_1918() {
    // seed: most of Semirechye and Syr-Darya and some districts of Turgai oblast stayed Soviet
    assert_sides("1918-08-01", "tashkent", &["soviet"]); // wikizero_tashkent
    assert_sides("1918-08-01", "pishpek", &["soviet"]); // histdict_semirechye_army
    assert_sides("1918-08-01", "verny", &["soviet"]); // pavelskaz_verny
    assert_sides("1918-08-01", "aktyubinsk", &["soviet"]); // wiki7_aktobe_front
    // Not Turgai: after Dutov's detachment left on 12 June 1918 the town had 'no power at all' until Jangildin came at
    // the end of 1918 (turgai_jangildin_report, turgai_eyewitness_turgai).
    assert_sides("1918-08-01", "turgai", &[]);
}

#[test]
fn sergiopol_taken_by_the_whites() {
    // cherkassk_defence: Whites took Sergiopol on 21 July 1918
    assert_sides("1918-07-21", "sergiopol", &["white"]);
}

#[test]
fn cherkasskoye_defence_as_partisan_zone() {
    // cherkassk_defence: twelve villages of Lepsinsk uezd held out June 1918 - 14 October 1919; seed names it a partisan centre
    // The defenders were partisans under their own soviet (the defence council).
    assert_sides("1919-01-01", "cherkasskoye_defence", &["partisan", "soviet"]);
    assert_force("1919-01-01", "cherkasskoye_defence", "partisans", "military");
    // same-day rule: the defence fell on 14 October 1919, so the zone is gone that day
    assert_force("1919-10-13", "cherkasskoye_defence", "partisans", "military");
    assert_sides("1919-10-14", "cherkasskoye_defence", &[]);
}

#[test]
fn lepsinsk_uezd_follows_sergiopol_and_annenkov_comes_in_late_november() {
    // goltsev_krakh_sinczyan, cherkassk_defence_pt: June-July 1918 a contested uezd (Cossack revolts, Alash bands,
    // peasant self-defence) while the Sergiopol garrison was Soviet; White from the fall of Sergiopol on 21 July 1918
    assert_sides("1918-07-01", "lepsinsk_uezd", &["soviet", "white", "alash", "partisan"]);
    assert_sides("1918-07-20", "sergiopol", &["soviet"]);
    assert_force("1918-07-21", "lepsinsk_uezd", "siberian_government", "military");
    assert_no_force("1918-07-21", "lepsinsk_uezd", "soviets");
    // Annenkov's division left Semipalatinsk at the end of Oct 1918; its cavalry was at Urdzharskaya by 28 Nov (Goltsev)
    assert_no_force("1918-10-01", "lepsinsk_uezd", "annenkov");
    assert_no_force("1918-10-01", "cherkasskoye_defence", "annenkov");
    assert_force("1918-12-01", "lepsinsk_uezd", "annenkov", "military");
}

#[test]
fn petro_alexandrovsk_holds_against_junaid_khan() {
    // wikiorg_petro_alexandrovsk, uzwiki_petro_alexandrovsk: siege of 24 Nov - 5 Dec 1918 repelled
    assert_sides("1918-12-01", "petro_alexandrovsk", &["soviet"]);
}

#[test]
fn omsk_kolchak_coup() {
    // prometej_kolchak_coup: Kolchak's coup in Omsk, 18 November 1918
    assert_force("1918-11-18", "omsk", "kolchak", "military");
}

// ---- 1919: Uralsk, the Ural front, Kustanai, the Red offensive ----

#[test]
fn uralsk_stormed_january_1919() {
    // frunze_bio_uralsk: the 22nd Division stormed Uralsk early on 24 January 1919
    assert_sides("1919-01-23", "uralsk", &["white"]);
    assert_sides("1919-01-24", "uralsk", &["soviet"]);
}

#[test]
fn orenburg_retaken_january_1919() {
    // ganin_dutov_1919: the Orenburg operation, 8-22 January 1919
    assert_sides("1919-01-21", "orenburg", &["white"]);
    assert_sides("1919-01-22", "orenburg", &["soviet"]);
}

#[test]
fn kustanai_rising() {
    // elagin_kustanai: the insurgents took Kustanai about 10 a.m. on 5 April 1919; seed: Kustanai uezd a main partisan centre
    assert_sides("1919-04-05", "kustanai", &["partisan"]);
}

#[test]
fn lbischensk_taken_by_the_cossacks_april_1919() {
    // chapaev_bio_lbischensk: the 64th brigade routed at Lbischensk in the night to 17 April 1919 (BSE: offensive from 20 April)
    assert_sides("1919-04-17", "lbischensk", &["white"]);
}

#[test]
fn uralsk_held_through_the_siege() {
    // bse_uralsk_defence, wiki_en_ural_army: blockade from 25 April, relieved 11 July 1919
    assert_sides("1919-06-01", "uralsk", &["soviet"]);
}

#[test]
fn kazrevkom_decree() {
    // seed: Kazrevkom created by the RSFSR Sovnarkom decree of 10 July 1919; qamba_revkom
    assert_force("1919-07-10", "bukey_horde", "kazrevkom", "civil");
    assert_force("1920-03-01", "turgai_oblast", "kazrevkom", "civil");
    assert_force("1920-03-01", "uralsk_oblast", "kazrevkom", "civil");
    // hmong_akmolinsk_gubernia: the Akmola uezds stayed in Siberian Omsk gubernia until January 1921, so the map does not
    // put Kazrevkom there (and the event `kazrevkom_created` no longer lists Akmolinsk or Semipalatinsk oblast)
    assert_no_force("1920-03-01", "akmolinsk_oblast", "kazrevkom");
    assert_no_force("1920-03-01", "semipalatinsk_oblast", "kazrevkom");
}

#[test]
fn bukey_horde_soviet_under_astrakhan() {
    // shein_astrakhan_horde, sychev_tungachin: the Horde was run for Soviet Astrakhan by the commissar Tunganchin in 1918-1919;
    // the Western Alash claim (danakaz_west_alash) is not shown as control
    assert_sides("1918-08-01", "bukey_horde", &["soviet"]);
    assert_sides("1919-03-01", "bukey_horde", &["soviet"]);
}

#[test]
fn lbischensk_raid_chapaev() {
    // rusteam_chapaev, wiki_en_ural_army: Lbischensk raid of 5 September 1919, Chapaev killed
    assert_sides("1919-09-04", "lbischensk", &["soviet"]);
    // The day of the raid is a day of fighting; the Cossacks hold the town from the 6th.
    assert_sides("1919-09-05", "lbischensk", &["white", "soviet"]);
    assert_sides("1919-09-06", "lbischensk", &["white"]);
}

#[test]
fn aktyubinsk_operation() {
    // frunze_aktyubinsk_op, webkamerton_aktyubinsk_op: 13 Aug - 13 Sep (or 14 Aug - 14 Sep) 1919
    assert_sides("1919-06-01", "aktyubinsk", &["white"]);
    assert_sides("1919-09-14", "aktyubinsk", &["soviet"]);
}

#[test]
fn petropavlovsk_retaken() {
    // seed: the Red offensive after Kolchak's defeat in summer 1919; topwar_omsk_fall: Petropavlovsk captured 31 October 1919
    assert_sides("1919-10-31", "petropavlovsk", &["soviet"]);
}

#[test]
fn omsk_retaken() {
    // topwar_omsk_fall, ruwiki_omsk_operation: Red Army took Omsk on 14 November 1919
    assert_sides("1919-11-13", "omsk", &["white"]);
    assert_sides("1919-11-14", "omsk", &["soviet"]);
}

#[test]
fn akmolinsk_retaken() {
    // dubitsky_akmolinsk_1919: the Separate Steppe brigade entered Akmolinsk on 25 November 1919 (planned: 29 November)
    assert_sides("1919-11-24", "akmolinsk", &["white"]);
    assert_sides("1919-11-25", "akmolinsk", &["soviet"]);
}

#[test]
fn semipalatinsk_retaken() {
    // shishov_semipalatinsk: rising in the night to 1 December 1919, then the Red Army
    assert_sides("1919-12-01", "semipalatinsk", &["soviet", "partisan"]);
}

#[test]
fn end_of_1919_most_territory_freed() {
    // seed: by the end of 1919 the main territory of Kazakhstan was freed from the Whites
    assert_sides("1919-12-31", "kustanai", &["soviet"]); // tikhanovsky_kustanai
    assert_sides("1919-12-31", "akmolinsk_oblast", &["soviet"]); // seed, qamba_revkom
    assert_sides("1919-12-31", "semipalatinsk_oblast", &["soviet", "partisan"]); // seed, shishov_semipalatinsk
    assert_sides("1919-12-31", "lbischensk", &["soviet"]); // milreview_ural_death_march
}

// ---- 1920: Guryev, Fort Alexandrovsk, northern Semirechye, the Kazakh ASSR ----

#[test]
fn guryev_taken() {
    // histdict_urals_army: Reds captured Guryev on 5 January 1920 (guzikov_guryev: Whites left on the morning of 4 January)
    assert_sides("1920-01-04", "guryev", &["white"]);
    assert_sides("1920-01-05", "guryev", &["soviet"]);
}

#[test]
fn fort_alexandrovsk_changes_hands_in_spring_1919() {
    // perceptio_tyubkaragan, dasinok_fort_1919: White radio link Denikin - Kolchak in April 1919; the Red flotilla took the fort
    // on 29 April, when its flotilla entered Tyub-Karagan bay (ganin_fort_alexandrovsk; the old inferred 1 May is in the note);
    // ruwiki_grishin_almazov: Grishin-Almazov died there on 5 May; the British naval battle of 21 May 1919 is a day of fighting
    assert_sides("1919-04-15", "fort_alexandrovsk", &["white"]);
    assert_sides("1919-04-28", "fort_alexandrovsk", &["white"]);
    assert_sides("1919-04-29", "fort_alexandrovsk", &["soviet"]);
    assert_sides("1919-05-05", "fort_alexandrovsk", &["soviet"]);
    assert_sides("1919-05-21", "fort_alexandrovsk", &["soviet", "white"]);
}

#[test]
fn fort_alexandrovsk_last_ural_base() {
    // ganin_seven_whys: the Ural remnant reached the fort after a two-month march; gromov_frunze: Tolstov left on 4 April 1920
    assert_sides("1920-03-01", "fort_alexandrovsk", &["white"]);
}

#[test]
fn annenkov_holds_northern_semirechye() {
    // annenkov_semirechye_nomads, histdict_semirechye_army: Annenkov in Kopal and Lepsinsk uezds from January 1919
    assert_sides("1920-02-15", "kopal", &["white"]);
    assert_sides("1920-02-15", "lepsinsk", &["white"]);
    assert_force("1919-06-01", "sergiopol", "annenkov", "military");
}

#[test]
fn northern_semirechye_freed_march_1920() {
    // seed: in March 1920 the last front, northern Semirechye, was freed; spgkz_annenkov_retreat: retreat from Uch-Aral at the end of March
    assert_sides("1920-04-01", "kopal", &["soviet"]);
    assert_sides("1920-04-01", "lepsinsk", &["soviet"]);
    assert_sides("1920-04-01", "sergiopol", &["soviet"]);
}

#[test]
fn kazakh_assr_1920() {
    // seed: constituent congress of soviets in Orenburg, 4-12 October 1920, declared the Kazakh ASSR; ehistory_kassr_decree: decree of 26 August 1920
    assert_sides("1920-08-26", "orenburg", &["soviet"]);
    assert_sides("1920-10-13", "turgai_oblast", &["soviet"]);
    assert_force("1920-10-13", "uralsk_oblast", "soviets", "civil");
}

// ---- The countryside: uezd periods that differ from their towns ----

#[test]
fn uralsk_town_besieged_while_its_uezd_is_cossack() {
    // bse_uralsk_defence: Red garrison blockaded in Uralsk from 25 April 1919, relieved 11 July; the uezd held by Tolstov's army
    assert_sides("1919-06-01", "uralsk", &["soviet"]);
    assert_sides("1919-06-01", "uralsk_uezd", &["white", "alash"]);
    // same-day rule: the relief of 11 July 1919 ends the purely Cossack uezd on 10 July
    assert_sides("1919-07-10", "uralsk_uezd", &["white", "alash"]);
    assert_force("1919-07-11", "uralsk_uezd", "red_army", "military");
}

#[test]
fn kustanai_uezd_partisans_1919() {
    // seed: Kustanai uezd a main centre of the partisan movement; elagin_kustanai, tikhanovsky_kustanai
    // Before the rising of 5 April 1919 the partisans were underground; the countryside was Kolchak's and the Alash Orda's,
    // and the partisan district is a zone of its own from the rising.
    assert_sides("1919-02-01", "kustanai_uezd", &["white", "alash"]);
    assert_force("1919-04-05", "kustanai_partisans", "partisans", "military");
    assert_sides("1919-09-01", "kustanai_uezd", &["soviet"]);
}

#[test]
fn lepsinsk_uezd_annenkov_and_cherkasskoye() {
    // annenkov_semirechye_nomads: Annenkov chiefly in Kopal and Lepsinsk uezds from January 1919; cherkassk_defence
    assert_sides("1919-06-01", "lepsinsk_uezd", &["white", "partisan"]);
    // Kopal uezd was the front line: Annenkov and Alash units against the Reds in the south of the uezd.
    assert_force("1919-06-01", "kopal_uezd", "annenkov", "military");
}

#[test]
fn southern_semirechye_uezds_stay_soviet() {
    // seed: most of Semirechye stayed Soviet; histdict_semirechye_army
    assert_sides("1919-06-01", "verny_uezd", &["soviet"]);
    assert_sides("1919-06-01", "pishpek_uezd", &["soviet"]);
}

#[test]
fn turgai_steppe_under_alash_orda() {
    // seifullin_thorny_path: the Turgai Alash-Orda with its own troops and taxes; seed: Alash openly against Soviet power from summer 1918
    // The town itself had 'no power at all' (turgai_jangildin_report) until Jangildin came in December 1918.
    assert_sides("1918-10-01", "turgai", &[]);
    assert_sides("1918-10-01", "turgai_uezd", &["alash"]);
    assert_sides("1918-12-20", "turgai", &["soviet"]);
    // The old atlas had Irgiz Soviet from 1 February 1918; that restoration belongs to the end of 1918.
    assert_force("1918-02-01", "irgiz", "alash_orda", "nominal");
    assert_sides("1918-12-20", "irgiz", &["soviet"]);
}

#[test]
fn lbischensk_uezd_front_line_1919() {
    // frunze_bio_uralsk, chapaev_bio_lbischensk, rusteam_chapaev: the Ural front ran through the uezd in 1919
    assert_sides("1919-08-01", "lbischensk_uezd", &["white", "soviet", "alash"]);
}

#[test]
fn amu_darya_division_soviet() {
    // uzwiki_petro_alexandrovsk: Sheydakov extraordinary commissar of the Amu-Darya department from 20 September 1918
    // The town held for the soviets; over the Karakalpak auls their power was still only claimed (seed).
    assert_sides("1919-01-01", "petro_alexandrovsk", &["soviet"]);
    assert_force("1919-01-01", "amu_darya_division", "soviets", "nominal");
}

// ---- Before the news of February 1917: tsarist weeks shown as 'unknown' (`forces = []`) ----

#[test]
fn tsarist_weeks_belong_to_no_side() {
    // seed, ehistory_february: the Provisional Government was formed on 2 (15) March 1917; before that none of the six sides existed
    assert_sides("1917-03-01", "uralsk_oblast", &[]);
    assert_sides("1917-03-01", "uralsk", &[]); // inherits the oblast's tsarist period
    // Governor Alekseev's report of 4 (17) March was written before the news reached Semirechye.
    assert_sides("1917-03-17", "semirechye_oblast", &[]);
    assert_sides("1917-03-18", "semirechye_oblast", &["provisional"]);
}

#[test]
fn news_of_february_reached_akmolinsk_and_samarkand_late() {
    // gorod_na_ishime: Akmolinsk telegraphists received the news on 3 (16) March 1917
    assert_sides("1917-03-15", "akmolinsk", &[]);
    assert_force("1917-03-16", "akmolinsk", "provisional_government", "civil");
    // samarkand_1917_book: Kuropatkin's telegram read at a parade in Samarkand on 4 March OS = 17 March NS
    assert_sides("1917-03-16", "samarkand", &[]);
    assert_force("1917-03-17", "samarkand", "provisional_government", "civil");
}

// ---- Context cities outside the Kazakh oblasts ----

#[test]
fn moscow_october_fighting_and_soviet_power() {
    // polithistory_moscow_october, hcw_moscow_agreement: the Public Security Committee capitulated on 2 (15) November 1917, 5 p.m.
    assert_sides("1917-11-14", "moscow", &["provisional", "soviet"]);
    assert_sides("1917-11-15", "moscow", &["soviet"]);
    assert_sides("1919-06-01", "moscow", &["soviet"]);
}

#[test]
fn samara_under_komuch_1918() {
    // samaratoday_komuch, gse_komuch: Samara taken by the Czechoslovaks and Komuch formed on 8 June 1918
    assert_sides("1918-06-07", "samara", &["soviet"]);
    assert_sides("1918-08-01", "samara", &["white"]);
    assert_force("1918-08-01", "samara", "komuch", "civil");
    assert_force("1918-08-01", "samara", "czechoslovak_legion", "military");
    // khrulev_syzran_samara, comprosvet_7oct1918: the Reds took Samara on 7 October 1918
    assert_sides("1918-10-06", "samara", &["white"]);
    assert_sides("1918-10-07", "samara", &["soviet"]);
}

#[test]
fn astrakhan_soviet_after_the_january_fighting() {
    // ruwiki_astrakhan_1918: fighting of 11-24 January (24 Jan - 6 Feb NS) 1918 ended in Soviet power
    assert_no_force("1918-01-20", "astrakhan", "red_army");
    assert_sides("1918-02-06", "astrakhan", &["soviet"]);
    // shein_astrakhan_horde: Soviet Astrakhan governed the Bukey Horde through 1918-1919
    assert_sides("1919-06-01", "astrakhan", &["soviet"]);
}

#[test]
fn orsk_blockade_ends_september_1918() {
    // ruwiki_orsk_blockade: blockade July - 28 September 1918; istoriirossii_dutov_1918: the Reds left, the Cossacks came in hours later
    assert_sides("1918-08-15", "orsk", &["soviet"]);
    assert_sides("1918-09-28", "orsk", &["white"]);
    assert_force("1918-09-28", "orsk", "orenburg_cossacks", "military");
    // frunze_orsk_stage1, volkov_kolchak_front_orsk: Orsk taken in the first stage of the Orsk-Aktyubinsk operation (13-20 Aug 1919)
    assert_sides("1919-09-01", "orsk", &["soviet"]);
}

#[test]
fn troitsk_between_dutov_and_the_reds() {
    // presskg_dutov: Dutov's Cossacks seized Troitsk in the night of 15 (28) November 1917
    assert_sides("1917-12-15", "troitsk", &["white"]);
    // wikireading_troitsk_ours: all day on 24 December OS (6 Jan 1918) the town was without power
    assert_sides("1918-01-06", "troitsk", &[]);
    // rulit_northern_flying: the Northern Flying Detachment took Troitsk on the morning of 25 December OS (7 Jan 1918)
    assert_sides("1918-01-07", "troitsk", &["soviet"]);
    // perceptio_chelyabinsk_op: the 24th rifle division and partisans occupied Troitsk on 4 August 1919
    assert_sides("1919-08-03", "troitsk", &["white"]);
    assert_sides("1919-08-04", "troitsk", &["soviet"]);
}

#[test]
fn khanates_and_xinjiang_outside_the_civil_war() {
    // polithistory_bukhara_emirate, gse_bukhara_op: the emirate until Old Bukhara was stormed on 2 September 1920
    assert_sides("1919-06-01", "bukhara", &[]);
    assert_sides("1920-09-02", "bukhara", &["soviet"]);
    // wiki_said_abdullah, genis_khiva_1921: the khan's reign ended on 1 February 1920; Khorezm People's Soviet Republic in April
    assert_sides("1919-06-01", "khiva", &[]);
    assert_sides("1920-05-01", "khiva", &["soviet"]);
    // histdict_xinjiang: Xinjiang governed by Yang Zengxin throughout
    assert_sides("1920-06-01", "kuldja", &[]);
    assert_sides("1918-06-01", "chuguchak", &[]);
}

#[test]
fn mangyshlak_acknowledged_unknown() {
    // cbssemey_alash, danakaz_west_alash: no source read says who held the uezd between November 1917 and January 1920
    assert_sides("1918-06-01", "mangyshlak", &[]);
    assert_sides("1918-06-01", "fort_alexandrovsk", &[]); // inherits the uezd's acknowledged gap
    // dasinok_fort_1919, ruwiki_grishin_almazov: the fort itself Red in May 1919
    assert_sides("1919-05-10", "fort_alexandrovsk", &["soviet"]);
}

// ---- The audit's errors of issue 17 ----

#[test]
fn blanks_of_the_old_atlas_are_filled() {
    // Temir under the Uil vilayat (Western Alash) from May 1918; Karkaralinsk under the Alash Orda (low confidence).
    assert_force("1918-08-01", "temir", "western_alash_orda", "civil");
    assert_force("1919-03-01", "karkaralinsk", "alash_orda", "civil");
    // Pishpek and Przhevalsk uezds before 21 July 1918: the Provisional Government's order, then the soviets.
    assert_force("1918-01-15", "pishpek_uezd", "provisional_government", "civil");
    assert_force("1918-04-01", "przhevalsk_uezd", "provisional_government", "civil");
    // Atbasar and Kokchetav Soviet in early 1918 and White from June 1918, after the Petropavlovsk rising of 31 May.
    assert_sides("1918-02-01", "atbasar", &["soviet"]);
    assert_sides("1918-02-01", "kokchetav", &["soviet"]);
    assert_sides("1918-06-10", "kokchetav", &["white", "alash"]);
}

#[test]
fn the_steppe_is_not_soviet_because_its_town_is() {
    // seed: Soviet power won "only in the towns, at the railway stations and in the large settlements"
    assert_sides("1918-04-01", "akmolinsk", &["soviet"]);
    assert_force("1918-04-01", "akmolinsk_uezd", "soviets", "nominal");
    assert_force("1918-04-01", "akmolinsk_uezd", "alash_orda", "civil");
}

// ---- History v2: sides with dates, every town its own history, the countryside ----

mod whole_atlas {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is a failed test

    use steppe_atlas::data::{Dataset, load};
    use steppe_atlas::model::{Atlas, Date, Side};

    fn atlas() -> Atlas {
        let loaded = load(&Dataset::embedded());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.atlas
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// No White movement existed before Dutov refused to recognise the Bolsheviks on
    /// 26 October (8 November) 1917 (seed; ganin_dutov).
    #[test]
    fn no_place_is_white_before_8_november_1917() {
        let atlas = atlas();
        for period in atlas.periods() {
            for holder in &period.holders {
                assert!(
                    holder.side != Side::White || period.start >= day("1917-11-08"),
                    "`{}` is White from {} through `{}`",
                    atlas.place(period.place).id,
                    period.start,
                    atlas.force(holder.force).id
                );
            }
        }
    }

    /// The hosts shared the multi-power of 1917 beside the Provisional Government's committees
    /// (seed) and turned White each on the day of its open armed break with Soviet power.
    #[test]
    fn each_cossack_host_turns_white_on_its_own_day() {
        let atlas = atlas();
        for (host, white_from) in [
            ("orenburg_cossacks", "1917-11-08"),
            ("ural_cossacks", "1918-03-26"),
            ("semirechye_cossacks", "1918-04-16"),
            ("siberian_cossacks", "1918-05-31"),
        ] {
            let force = atlas.force_by_id(host).unwrap();
            let white_from = day(white_from);
            assert_eq!(force.side_on(day("1917-06-01")), Some(Side::Provisional), "{host} in June 1917");
            assert_eq!(force.side_on(white_from.add_days(-1)), Some(Side::Provisional), "{host} the day before");
            assert_eq!(force.side_on(white_from), Some(Side::White), "{host} on {white_from}");
        }
    }

    /// A town never borrows its uezd's dates: every town and settlement has periods of its own
    /// for every day of the atlas.
    #[test]
    fn every_town_and_settlement_has_its_own_history() {
        let atlas = atlas();
        let mut date = Date::ATLAS_START;
        let points: Vec<_> = atlas.place_ids().filter(|&id| atlas.place(id).kind.is_point()).collect();
        while date <= Date::ATLAS_END {
            for &place in &points {
                assert_eq!(
                    atlas.resolve(place, date).from_place,
                    Some(place),
                    "`{}` has no period of its own on {date}",
                    atlas.place(place).id
                );
            }
            date = date.add_days(1);
        }
    }

    #[test]
    fn the_atlas_holds_the_places_and_events_of_the_war() {
        let atlas = atlas();
        assert!(atlas.places().len() >= 180, "{} places", atlas.places().len());
        assert!(atlas.events().len() >= 250, "{} events", atlas.events().len());
    }
}
