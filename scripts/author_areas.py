#!/usr/bin/env python3
"""The topology of the 1917 outlines: named nodes, the oblast rings and the uezd cuts.

This file no longer writes the map: scripts/snap_geography.py imports it and draws every border
that followed a coast, lake, river or the frontier on the real line (GSHHG, Natural Earth), and
writes maps/areas.geojson and maps/water.geojson. Here are authored:

* NODES are named points (longitude, latitude in degrees). A border between two units is written
  with the same nodes in both rings, so neighbours share exactly the same vertices: no slivers,
  gaps or overlaps. Nodes on a feature (snap_geography.CHAINS) are moved onto it there; those
  where a land border or an uezd cut leaves the feature are kept, the others only sketched it.
  Land borders that follow no feature are drawn straight between the nodes given here, each with
  the source named in maps/SOURCES.md.
* UNITS are the eight oblast-level units of 1917; each ring is a list of node names, written
  counter-clockwise (RFC 7946), first node not repeated.
* UEZD_CUTS are the polylines that cut each oblast into its uezds (traced as faces below).
* ZONES are the free partisan districts: simple polygons that follow no boundary.

Run from anywhere:  python3 scripts/author_areas.py           (checks the topology)
                    python3 scripts/author_areas.py --sketch  (also checks the sketch with shapely)
"""

from __future__ import annotations

import json
import math
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"

# --------------------------------------------------------------------------------------------
# Nodes: (lon, lat). Grouped by the border they lie on. Anchors are named in the comments.
# --------------------------------------------------------------------------------------------
NODES: dict[str, tuple[float, float]] = {
    # --- Caspian coast, north shore, west to east (level of the 1910s, about -26 m) ---
    "c_lagan": (47.30, 45.40),        # Lagan, Kalmyk coast
    "c_volga1": (47.75, 45.80),       # Volga delta, western arms
    "c_volga2": (48.35, 45.95),       # Volga delta, main arms below Astrakhan
    "c_kigach": (48.90, 46.30),       # mouth of the Kigach: Astrakhan gub. / Bukey Horde
    "c_bk1": (49.60, 46.50),          # coast south of Ganyushkino
    "c_bk2": (50.30, 46.60),
    "c_bk_ur": (50.85, 46.75),        # Bukey Horde / Uralsk oblast on the coast
    "c_ural_w": (51.55, 46.88),       # Ural delta, west of Guryev
    "c_ural_e": (52.15, 46.88),       # Ural delta, east of Guryev
    "c_emba": (53.10, 46.60),         # mouth of the Emba
    "c_prorva": (53.35, 46.10),       # Prorva
    "c_kultuk": (53.95, 45.65),       # head of the Mertvyi Kultuk: Uralsk oblast / Mangyshlak
    # --- Caspian coast of the Mangyshlak uezd, north to south ---
    "c_kultuk_w": (53.10, 45.35),     # west shore of the Mertvyi Kultuk
    "c_buz_n": (52.20, 45.45),        # Buzachi peninsula, north shore
    "c_buz_nw": (51.30, 45.35),       # Buzachi, north-west cape
    "c_buz_sw": (51.55, 44.90),       # Buzachi, south-west shore
    "c_mang_bay": (51.75, 44.60),     # head of the Mangyshlak bay
    "c_tyub_n": (50.80, 44.72),       # Tyub-Karagan peninsula, north shore
    "c_tyub_cape": (50.25, 44.62),    # Cape Tyub-Karagan
    "c_tyub_s": (50.20, 44.45),       # west of Fort Alexandrovsk (50.26, 44.51)
    "c_sagyndyk": (50.60, 44.25),     # Kazakh bay / Cape Sagyndyk
    "c_aktau": (51.10, 43.70),        # coast at today's Aktau
    "c_mang_s1": (51.55, 43.20),
    "c_kenderli": (52.35, 42.75),     # Kenderli bay
    "c_mang_end": (52.55, 42.20),     # Mangyshlak uezd / Krasnovodsk uezd on the coast
    # --- Caspian coast south of the Mangyshlak uezd (context only) ---
    "c_bekdash": (52.50, 41.60),
    "c_kbg_n": (52.95, 41.10),        # Kara-Bogaz strait, north side
    "c_kbg1": (53.60, 41.95),         # Kara-Bogaz-Gol gulf
    "c_kbg2": (54.50, 41.70),
    "c_kbg3": (54.75, 41.05),
    "c_kbg4": (54.10, 40.65),
    "c_kbg_s": (53.00, 41.00),        # Kara-Bogaz strait, south side
    "c_krasno_n": (53.00, 40.45),
    "c_krasno": (52.90, 40.05),       # Krasnovodsk
    "c_cheleken": (53.15, 39.40),     # Cheleken
    "c_okarem": (53.55, 38.50),
    "c_hasankuli": (53.95, 37.50),    # mouth of the Atrek
    "c_gorgan": (54.00, 36.85),       # Gorgan bay
    "c_babolsar": (52.65, 36.72),
    "c_nowshahr": (51.50, 36.65),
    "c_ramsar": (50.60, 36.95),
    "c_anzali": (49.45, 37.47),       # Enzeli
    "c_astara": (48.88, 38.43),
    "c_lankaran": (48.85, 38.75),
    "c_kura": (49.40, 39.35),         # mouth of the Kura
    "c_alat": (49.45, 39.95),
    "c_baku": (49.90, 40.35),
    "c_absheron": (50.38, 40.47),     # Cape Absheron
    "c_sumqayit": (49.65, 40.62),
    "c_derbent": (48.30, 42.05),
    "c_makhach": (47.52, 42.98),      # Petrovsk-Port
    "c_agrakhan": (47.65, 43.70),     # Agrakhan peninsula
    "c_kizlyar": (47.10, 44.25),      # Kizlyar bay
    "c_kuma": (47.05, 44.85),         # mouth of the Kuma

    # --- Bukey Horde: border with the Uralsk oblast, south to north ---
    "bu_1": (50.75, 47.45),
    "bu_2": (50.45, 48.25),
    "bu_3": (50.30, 49.10),
    "bu_4": (50.10, 49.80),           # east of Kaztalovka (Talovka)
    "bu_n": (49.85, 50.35),           # Bukey Horde / Uralsk oblast / Samara gub.
    # --- Bukey Horde: north border with Samara gub., west border with Astrakhan gub. ---
    "bs_1": (48.90, 50.05),
    "bs_2": (47.90, 49.95),           # south of Alexandrov Gai
    "bk_nw": (46.85, 49.95),          # Samara / Astrakhan / Horde
    "bk_w1": (47.00, 49.25),          # east of Lake Elton (Astrakhan gub.)
    "bk_w2": (47.05, 48.55),          # west of the Khan's Stavka, east of Baskunchak
    "bk_w3": (47.35, 48.05),
    "bk_w4": (47.85, 47.40),
    "bk_w5": (48.35, 46.85),          # east of the Akhtuba / Krasny Yar uezd

    # --- Uralsk oblast: north border with Samara and Orenburg gub., west to east ---
    "un_5": (49.90, 50.90),
    "un_4": (50.40, 51.45),
    "un_3": (51.30, 51.80),           # north of Uralsk (51.37, 51.23)
    "un_2": (52.30, 51.75),
    "un_1": (53.50, 51.65),           # near the mouth of the Ilek
    "ut_n": (55.00, 51.05),           # Uralsk / Turgai / Orenburg gub. (south of Iletsk Zashchita)
    # --- Uralsk / Turgai: along the western foot of the Mugodzhar hills, north to south ---
    "ut_6": (55.30, 50.45),
    "ut_5": (56.50, 50.00),
    "ut_4": (57.55, 49.75),           # between Aktyubinsk (Turgai) and Temir (Uralsk)
    "ut_3": (58.20, 49.30),
    "ut_2": (58.60, 48.40),           # Mugodzhar hills
    "ut_1": (58.80, 47.50),
    # --- Uralsk / Mangyshlak (Transcaspian oblast): Caspian to Aral, west to east ---
    "um_1": (55.00, 45.85),
    "um_2": (56.10, 45.90),           # Lake Sam (Brockhaus-Efron, Transcaspian oblast)
    # --- Mangyshlak: south border with Krasnovodsk uezd, then Khiva across the Ust-Urt, west to east ---
    "mk_1": (54.00, 42.30),
    "mk_2": (56.00, 42.10),
    "mk_3": (57.45, 42.60),           # eastern edge of the Ust-Urt (Brockhaus-Efron)
    "mk_4": (57.85, 43.55),          # Ust-Urt cliff above the Aral

    # --- Aral Sea (before 1960), clockwise from the north-west corner ---
    "ar_nw": (58.60, 46.62),          # Chernyshev bay
    "ar_n1": (59.00, 46.82),          # Uralsk / Turgai on the coast
    "ar_n2": (59.55, 46.55),          # Perovsky bay
    "ar_n3": (60.30, 46.68),          # Butakov bay
    "ar_n4": (61.00, 46.55),
    "ar_ts": (61.40, 46.70),          # Turgai / Syr-Darya on the coast, west of Aralsk
    "ar_e1": (61.25, 46.35),          # Saryshyganak bay, east side
    "ar_e2": (61.15, 46.05),          # mouth of the Syr Darya
    "ar_e3": (61.20, 45.55),
    "ar_e4": (61.05, 44.95),
    "ar_e5": (60.55, 44.45),
    "ar_e6": (60.05, 44.05),
    "amu_mouth": (59.50, 43.85),      # Amu Darya delta: Syr-Darya (Amu-Darya division) / Khiva
    "ar_s1": (58.95, 43.75),          # Muynak
    "ar_sw": (58.45, 43.60),          # south-west corner (Aibugir)
    "ar_s2": (58.25, 43.90),
    "ar_w1": (58.24, 44.27),          # Ust-Urt cliff: Mangyshlak / Khiva on the coast
    "ar_w1b": (58.20, 45.00),
    "ar_w2": (58.30, 45.75),          # Mangyshlak / Uralsk on the coast
    "ar_w3": (58.45, 46.30),

    # --- Turgai / Syr-Darya, west to east ---
    "ts_1": (61.95, 47.10),           # north of Aralsk
    "ts_2": (63.40, 46.95),
    "ts_3": (64.80, 46.60),
    "ts_e": (65.90, 46.20),           # Turgai / Akmolinsk / Syr-Darya (lower Sarysu)
    # --- Turgai / Akmolinsk: the divide between the Turgai and the Sarysu, south to north ---
    "ta_1": (66.90, 47.40),
    "ta_2": (67.30, 48.60),           # Ulytau
    "ta_3": (67.10, 49.80),
    "ta_4": (66.80, 51.00),
    "ta_5": (66.60, 52.30),
    "ta_6": (66.30, 53.50),
    "ta_n": (65.80, 54.65),           # Turgai / Akmolinsk / Tobolsk gub.
    # --- Turgai: north border with Tobolsk and Orenburg gub., east to west ---
    "tn_1": (64.20, 54.50),
    "tn_2": (62.80, 54.30),
    "tn_3": (61.90, 53.90),           # east of Troitsk (Orenburg gub.)
    "tn_4": (60.90, 52.60),           # the Orenburg Cossacks' New Line
    "tn_5": (60.70, 51.80),
    "tn_6": (61.30, 51.45),
    "tn_7": (60.00, 51.25),           # north of Yasny, which was Turgai land (ru.wikipedia)
    "tn_7a": (60.90, 51.15),          # north of Svetly and the Shalkar lakes (ru.wikipedia)
    "tn_8": (58.70, 51.05),           # south of Orsk (Orenburg gub.)
    "tn_9": (56.60, 51.10),           # the Ilek

    # --- Akmolinsk / Syr-Darya: lower Sarysu, then the Chu, west to east ---
    "as_1": (66.80, 45.40),           # end of the Sarysu
    "chu_end": (68.70, 45.15),        # where the Chu ends in the sands
    "chu_1": (69.60, 45.10),
    "chu_2": (70.60, 45.00),
    "chu_3": (71.60, 44.80),          # Ulanbel
    "chu_4": (72.90, 44.30),          # Moiynkum (Furmanovka)
    "chu_tri": (73.20, 44.10),        # Akmolinsk / Semirechye / Syr-Darya on the Chu
    # --- Akmolinsk / Semirechye, south to north ---
    "asr_1": (73.35, 44.80),
    "asr_2": (73.25, 45.60),
    # --- Lake Balkhash, north shore, west to east (border: Akmolinsk/Semipalatinsk | Semirechye) ---
    "bal_w": (73.45, 46.40),          # west end of the lake
    "bal_n1": (73.70, 46.62),
    "bal_n2": (74.30, 46.80),
    "bal_n3": (75.00, 46.88),         # bay at today's Balkhash town
    "bal_as": (75.40, 46.80),         # Akmolinsk / Semipalatinsk on the shore
    "bal_n4": (76.20, 46.55),
    "bal_n5": (76.60, 46.62),         # Uzynaral strait
    "bal_n6": (77.50, 46.58),
    "bal_n7": (78.98, 46.64),
    "bal_e": (79.25, 46.72),          # east end of the lake (mouth of the Ayaguz)
    # --- Lake Balkhash, south shore (inside Semirechye), east to west ---
    "bal_s1": (79.00, 46.55),         # mouth of the Lepsy
    "bal_s2": (78.00, 46.50),         # mouth of the Karatal
    "bal_s3": (77.20, 46.42),
    "bal_s4": (76.40, 46.33),         # Saryesik peninsula
    "bal_s5": (75.80, 46.20),
    "bal_s6": (75.00, 46.15),         # Ili delta
    "bal_s7": (74.30, 46.25),
    "bal_s8": (73.65, 46.08),         # Priozersk

    # --- Akmolinsk / Semipalatinsk (Akmolinsk uezd / Karkaralinsk, Pavlodar uezds), south to north ---
    "ase_1": (74.40, 47.70),
    "ase_2": (73.90, 48.60),
    "ase_3": (74.00, 49.60),          # west of Karkaralinsk
    "ase_4": (73.60, 50.50),          # west of Bayanaul
    "ase_5": (73.50, 51.50),
    "ase_6": (74.40, 52.60),
    # --- the Irtysh between Pavlodar uezd and Omsk uezd, upstream to downstream ---
    "irt_a": (75.55, 53.25),          # Irtyshsk
    "irt_b": (75.10, 53.75),
    "irt_c": (74.40, 54.15),          # Cherlak
    "irt_d": (73.85, 54.60),          # Akmolinsk / Semipalatinsk / Tomsk gub.
    # --- Akmolinsk: north border with Tobolsk gub., east to west ---
    "an_1": (74.00, 55.05),           # east of Omsk, across the Irtysh
    "an_2": (73.60, 55.35),           # north of Omsk (73.37, 54.99)
    "an_3": (72.40, 55.45),
    "an_4": (70.80, 55.35),
    "an_5": (69.30, 55.35),           # north of Petropavlovsk (69.15, 54.87)
    "an_6": (67.60, 55.05),

    # --- Semipalatinsk: north border with Tomsk gub., west to east ---
    "sn_11": (74.80, 54.35),
    "sn_10": (76.30, 54.00),
    "sn_9": (77.80, 53.35),
    "sn_8": (78.90, 52.55),
    "sn_7": (79.90, 51.75),
    "sn_6": (81.00, 51.15),
    "sn_5": (82.20, 51.00),
    "sn_4": (83.20, 50.75),
    "sn_3": (84.20, 50.25),
    "sn_2": (85.30, 49.90),
    "sn_1": (86.50, 49.70),           # Katun range, south of Belukha
    "sc_n": (87.30, 49.15),           # Semipalatinsk / Tomsk gub. / China
    # --- Semipalatinsk / China, north to south ---
    "sc_5": (86.40, 48.55),
    "sc_4": (85.70, 47.95),           # the Black Irtysh
    "sc_3": (85.60, 47.45),           # Maikapchagai
    "sc_2": (85.20, 47.05),           # Saur range
    "sc_1": (84.20, 47.15),
    "ss_c": (83.00, 47.20),           # Semipalatinsk / Semirechye / China on the Tarbagatai
    # --- Semipalatinsk / Semirechye: Tarbagatai ridge, north of Sergiopol, to Balkhash ---
    "ss_5": (82.30, 47.50),
    "ss_4": (81.60, 48.00),
    "ss_3": (80.80, 48.40),           # north of Sergiopol (80.43, 47.96)
    "ss_2": (79.85, 48.20),
    "ss_1": (79.55, 47.30),

    # --- Semirechye / China, north to south ---
    "ch_14": (82.85, 46.65),          # east of Bakhty
    "ch_13": (82.50, 46.20),          # Barlyk range
    "ch_12": (82.65, 45.65),
    "ch_11": (82.40, 45.25),          # Dzungarian Gate
    "ch_10": (81.70, 45.20),          # Dzungarian Alatau
    "ch_9": (80.55, 44.85),
    "ch_8": (80.40, 44.20),           # Khorgos
    "ch_7": (80.55, 43.50),           # the Ili
    "ch_6": (80.30, 42.90),
    "ch_5": (80.20, 42.20),           # Khan Tengri
    "ch_4": (79.50, 41.80),           # Kokshaal-Too
    "ch_3": (78.20, 41.35),           # Bedel pass
    "ch_2": (76.80, 40.90),
    "ch_1": (75.60, 40.60),           # Torugart pass
    "sf_c": (74.95, 40.45),           # Semirechye / Fergana / China
    # --- Semirechye / Fergana: Fergana range, south-east to north-west ---
    "sf_2": (74.60, 41.20),
    "sf_1": (73.95, 41.75),
    "sf_tri": (73.70, 42.20),         # Semirechye / Fergana / Syr-Darya
    # --- Semirechye / Syr-Darya (Pishpek uezd / Aulie-Ata uezd), south to north ---
    "sy_3": (73.85, 42.50),           # head of the Talas valley
    "sy_2": (73.55, 42.72),           # Kyrgyz (Alexander) range
    "sy_1": (73.50, 43.10),           # the Aspara, east of Merke
    "chu_5": (73.70, 43.55),          # on the Chu

    # --- Syr-Darya: south-west border along the Amu Darya (with Khiva), downstream to upstream ---
    "amu_1": (59.30, 43.30),
    "amu_2": (59.40, 42.75),          # west of Chimbay
    "amu_3": (59.50, 42.40),          # Nukus
    "amu_4": (60.20, 42.05),
    "amu_5": (60.70, 41.75),
    "amu_6": (60.92, 41.55),          # west of Petro-Alexandrovsk (61.00, 41.55)
    "amu_7": (61.20, 41.30),
    "amu_8": (61.55, 41.05),          # Amu-Darya division / Khiva / Bukhara
    # --- Syr-Darya / Bukhara and Samarkand oblast across the Kyzylkum, west to east ---
    "sb_1": (62.30, 41.60),
    "sb_2": (63.50, 42.20),           # Bukan-tau
    "sb_3": (65.00, 42.00),
    "sb_4": (66.30, 41.65),
    "sb_5": (67.30, 41.35),
    "syr_1": (67.95, 41.20),          # the Syr Darya at Chardara
    "syr_2": (68.70, 40.90),          # Chinaz
    "syr_3": (68.90, 40.55),
    "syr_4": (69.00, 40.40),          # below Begovat
    # --- Syr-Darya / Samarkand and Fergana: Mogol-tau, Kurama and Chatkal ranges, Talas Alatau ---
    "sk_1": (69.60, 40.75),
    "sk_2": (70.30, 41.05),           # Kurama range
    "sk_3": (70.90, 41.50),           # Chatkal range
    "sk_4": (71.60, 41.95),
    "sk_5": (72.60, 42.20),           # Talas Alatau
    # --- Uezd borders inside the oblasts (see UEZD_CUTS). Rough lines from general knowledge. ---
    # Uralsk oblast
    "u_l1": (51.00, 50.50),           # Uralsk / Lbischensk, north of Lbischensk (51.17, 50.20)
    "u_l2": (52.10, 50.50),
    "u_l3": (52.30, 49.95),           # west of Zhympity (52.58, 50.25), left in Uralsk uezd
    "u_j1": (53.90, 49.90),           # Uralsk / Lbischensk / Temir
    "u_t1": (54.00, 50.70),           # Uralsk / Temir
    "u_g1": (52.00, 48.50),           # Lbischensk / Guryev, below Kalmykov, above Inder
    "u_j2": (53.60, 48.40),           # Lbischensk / Guryev / Temir
    "u_g2": (54.60, 47.20),           # Guryev / Temir, across the lower Emba
    # Turgai oblast
    "t_k1": (63.00, 51.20),           # Kustanai / Turgai
    "t_k2": (65.00, 51.30),
    "t_a1": (60.50, 49.60),           # Aktyubinsk / Turgai
    "t_j": (60.30, 48.90),            # Aktyubinsk / Irgiz / Turgai
    "t_ai1": (59.50, 48.60),          # Aktyubinsk / Irgiz
    "t_it1": (62.50, 49.15),          # Irgiz / Turgai, north of Irgiz (61.27, 48.62)
    "t_it2": (64.50, 48.30),
    # Akmolinsk oblast
    "a_p1": (68.00, 54.00),           # Petropavlovsk / Kokchetav
    "a_p2": (70.00, 54.30),
    "a_j1": (71.30, 54.30),           # Petropavlovsk / Kokchetav / Omsk
    "a_ko1": (72.20, 53.00),          # Kokchetav / Omsk
    "a_j2": (72.50, 52.40),           # Kokchetav / Omsk / Akmolinsk
    "a_j3": (70.20, 52.40),           # Kokchetav / Atbasar / Akmolinsk
    "a_aa1": (70.30, 50.50),          # Atbasar / Akmolinsk
    "a_aa2": (70.00, 48.50),
    "a_aa3": (70.80, 46.80),          # Bet-Pak-Dala
    # Semipalatinsk oblast
    "s_p1": (76.20, 50.55),           # Pavlodar / Karkaralinsk, south of Bayanaul (75.70, 50.79)
    "s_j1": (78.00, 51.30),           # Pavlodar / Karkaralinsk / Semipalatinsk
    "s_ks1": (77.60, 49.50),          # Karkaralinsk / Semipalatinsk
    "s_ks2": (78.20, 47.80),
    "s_su1": (81.50, 50.30),          # Semipalatinsk / Ust-Kamenogorsk
    "s_j2": (81.60, 49.00),           # Semipalatinsk / Ust-Kamenogorsk / Zaisan
    "s_uz1": (83.30, 48.75),          # Ust-Kamenogorsk / Zaisan, north of Lake Zaisan
    "s_uz2": (85.20, 48.75),
    # Semirechye oblast
    "z_pp1": (75.90, 41.90),          # Pishpek (with the Naryn country) / Przhevalsk
    "z_pp2": (75.85, 42.55),          # west of Issyk-Kul
    "z_j1": (76.00, 42.90),           # Pishpek / Przhevalsk / Verny
    "z_vp1": (77.50, 42.92),          # Verny / Przhevalsk on the Kungey Alatau
    "z_j2": (78.80, 43.00),           # Verny / Przhevalsk / Jarkent
    "z_vj1": (78.50, 43.80),          # Verny / Jarkent
    "z_j3": (78.60, 44.40),           # Verny / Jarkent / Kopal
    "z_kj1": (79.60, 44.60),          # Kopal / Jarkent / Lepsinsk
    "z_vk1": (77.60, 45.30),          # Verny / Kopal, towards the Balkhash shore
    "z_kl1": (79.70, 45.40),          # Kopal / Lepsinsk
    "z_kl2": (79.60, 46.20),
    "z_vpi1": (75.60, 43.50),         # Verny / Pishpek
    "z_vpi2": (74.90, 44.60),
    "z_vpi3": (74.50, 45.60),
    # Syr-Darya oblast
    "y_ad1": (61.80, 43.70),          # Amu-Darya division / Kazalinsk
    "y_j1": (63.00, 43.00),           # Amu-Darya division / Kazalinsk / Perovsk
    "y_kp1": (63.60, 45.50),          # Kazalinsk / Perovsk
    "y_kp2": (63.50, 44.20),
    "y_pc1": (68.30, 44.00),          # Perovsk / Chimkent
    "y_pc2": (67.30, 42.80),
    "y_j2": (66.80, 42.30),           # Perovsk / Chimkent / Tashkent
    "y_tc1": (68.50, 41.85),          # Tashkent / Chimkent
    "y_tc2": (69.40, 41.80),
    "y_ac1": (70.80, 42.60),          # Chimkent / Aulie-Ata
    "y_ac2": (70.30, 43.70),
}


# --------------------------------------------------------------------------------------------
# Units: counter-clockwise rings of node names (the first node is not repeated).
# --------------------------------------------------------------------------------------------
UNITS: list[tuple[str, list[str]]] = [
    ("uralsk_oblast", [
        "c_bk_ur", "c_ural_w", "c_ural_e", "c_emba", "c_prorva", "c_kultuk",
        "um_1", "um_2", "ar_w2", "ar_w3", "ar_nw", "ar_n1",
        "ut_1", "ut_2", "ut_3", "ut_4", "ut_5", "ut_6", "ut_n",
        "un_1", "un_2", "un_3", "un_4", "un_5",
        "bu_n", "bu_4", "bu_3", "bu_2", "bu_1",
    ]),
    ("turgai_oblast", [
        "ar_n1", "ar_n2", "ar_n3", "ar_n4", "ar_ts",
        "ts_1", "ts_2", "ts_3", "ts_e",
        "ta_1", "ta_2", "ta_3", "ta_4", "ta_5", "ta_6", "ta_n",
        "tn_1", "tn_2", "tn_3", "tn_4", "tn_5", "tn_6", "tn_7a", "tn_7", "tn_8", "tn_9",
        "ut_n", "ut_6", "ut_5", "ut_4", "ut_3", "ut_2", "ut_1",
    ]),
    ("akmolinsk_oblast", [
        "ts_e", "as_1", "chu_end", "chu_1", "chu_2", "chu_3", "chu_4", "chu_tri",
        "asr_1", "asr_2", "bal_w", "bal_n1", "bal_n2", "bal_n3", "bal_as",
        "ase_1", "ase_2", "ase_3", "ase_4", "ase_5", "ase_6",
        "irt_a", "irt_b", "irt_c", "irt_d",
        "an_1", "an_2", "an_3", "an_4", "an_5", "an_6", "ta_n",
        "ta_6", "ta_5", "ta_4", "ta_3", "ta_2", "ta_1",
    ]),
    ("semipalatinsk_oblast", [
        "bal_as", "bal_n4", "bal_n5", "bal_n6", "bal_n7", "bal_e",
        "ss_1", "ss_2", "ss_3", "ss_4", "ss_5", "ss_c",
        "sc_1", "sc_2", "sc_3", "sc_4", "sc_5", "sc_n",
        "sn_1", "sn_2", "sn_3", "sn_4", "sn_5", "sn_6", "sn_7", "sn_8", "sn_9", "sn_10", "sn_11",
        "irt_d", "irt_c", "irt_b", "irt_a",
        "ase_6", "ase_5", "ase_4", "ase_3", "ase_2", "ase_1",
    ]),
    ("semirechye_oblast", [
        "bal_w", "asr_2", "asr_1", "chu_tri", "chu_5",
        "sy_1", "sy_2", "sy_3", "sf_tri", "sf_1", "sf_2", "sf_c",
        "ch_1", "ch_2", "ch_3", "ch_4", "ch_5", "ch_6", "ch_7", "ch_8", "ch_9", "ch_10",
        "ch_11", "ch_12", "ch_13", "ch_14", "ss_c",
        "ss_5", "ss_4", "ss_3", "ss_2", "ss_1", "bal_e",
        "bal_n7", "bal_n6", "bal_n5", "bal_n4", "bal_as", "bal_n3", "bal_n2", "bal_n1",
    ]),
    ("syr_darya_oblast", [
        "ar_ts", "ar_e1", "ar_e2", "ar_e3", "ar_e4", "ar_e5", "ar_e6", "amu_mouth",
        "amu_1", "amu_2", "amu_3", "amu_4", "amu_5", "amu_6", "amu_7", "amu_8",
        "sb_1", "sb_2", "sb_3", "sb_4", "sb_5", "syr_1", "syr_2", "syr_3", "syr_4",
        "sk_1", "sk_2", "sk_3", "sk_4", "sk_5", "sf_tri",
        "sy_3", "sy_2", "sy_1", "chu_5", "chu_tri",
        "chu_4", "chu_3", "chu_2", "chu_1", "chu_end", "as_1", "ts_e",
        "ts_3", "ts_2", "ts_1",
    ]),
    ("bukey_horde", [
        "c_kigach", "c_bk1", "c_bk2", "c_bk_ur",
        "bu_1", "bu_2", "bu_3", "bu_4", "bu_n",
        "bs_1", "bs_2", "bk_nw",
        "bk_w1", "bk_w2", "bk_w3", "bk_w4", "bk_w5",
    ]),
    ("mangyshlak", [
        "c_kultuk", "c_kultuk_w", "c_buz_n", "c_buz_nw", "c_buz_sw", "c_mang_bay",
        "c_tyub_n", "c_tyub_cape", "c_tyub_s", "c_sagyndyk", "c_aktau", "c_mang_s1",
        "c_kenderli", "c_mang_end",
        "mk_1", "mk_2", "mk_3", "mk_4", "ar_w1", "ar_w1b", "ar_w2",
        "um_2", "um_1",
    ]),
]

# --------------------------------------------------------------------------------------------
# Uezds: each oblast is cut by polylines of node names that start and end on its ring or on
# another cut. The faces of that planar graph are the uezds, each named by the seat it holds, so
# the uezds share the oblast's nodes and each other's: their union is exactly the oblast.
# --------------------------------------------------------------------------------------------
UEZD_CUTS: dict[str, list[list[str]]] = {
    "uralsk_oblast": [
        ["bu_n", "u_l1", "u_l2", "u_l3", "u_j1"],          # Uralsk | Lbischensk
        ["un_1", "u_t1", "u_j1"],                          # Uralsk | Temir
        ["bu_2", "u_g1", "u_j2"],                          # Lbischensk | Guryev
        ["u_j1", "u_j2"],                                  # Lbischensk | Temir
        ["u_j2", "u_g2", "um_1"],                          # Guryev | Temir
    ],
    "turgai_oblast": [
        ["tn_6", "t_k1", "t_k2", "ta_4"],                  # Kustanai | Turgai
        ["tn_6", "t_a1", "t_j"],                           # Aktyubinsk | Turgai
        ["t_j", "t_ai1", "ut_2"],                          # Aktyubinsk | Irgiz
        ["t_j", "t_it1", "t_it2", "ta_1"],                 # Irgiz | Turgai
    ],
    "akmolinsk_oblast": [
        ["ta_6", "a_p1", "a_p2", "a_j1"],                  # Petropavlovsk | Kokchetav
        ["a_j1", "an_4"],                                  # Petropavlovsk | Omsk
        ["a_j1", "a_ko1", "a_j2"],                         # Kokchetav | Omsk
        ["a_j2", "ase_6"],                                 # Omsk | Akmolinsk
        ["ta_5", "a_j3"],                                  # Kokchetav | Atbasar
        ["a_j3", "a_j2"],                                  # Kokchetav | Akmolinsk
        ["a_j3", "a_aa1", "a_aa2", "a_aa3", "chu_3"],      # Atbasar | Akmolinsk
    ],
    "semipalatinsk_oblast": [
        ["ase_4", "s_p1", "s_j1"],                         # Pavlodar | Karkaralinsk
        ["s_j1", "sn_7"],                                  # Pavlodar | Semipalatinsk
        ["s_j1", "s_ks1", "s_ks2", "bal_n7"],              # Karkaralinsk | Semipalatinsk
        ["sn_6", "s_su1", "s_j2"],                         # Semipalatinsk | Ust-Kamenogorsk
        ["s_j2", "ss_4"],                                  # Semipalatinsk | Zaisan
        ["s_j2", "s_uz1", "s_uz2", "sc_5"],                # Ust-Kamenogorsk | Zaisan
    ],
    "semirechye_oblast": [
        ["ch_2", "z_pp1", "z_pp2", "z_j1"],                # Pishpek | Przhevalsk
        ["z_j1", "z_vp1", "z_j2"],                         # Verny | Przhevalsk
        ["z_j2", "ch_6"],                                  # Jarkent | Przhevalsk
        ["z_j2", "z_vj1", "z_j3"],                         # Verny | Jarkent
        ["z_j3", "z_kj1"],                                 # Kopal | Jarkent
        ["z_kj1", "ch_9"],                                 # Lepsinsk | Jarkent
        ["z_j3", "z_vk1", "bal_n5"],                       # Verny | Kopal (across Balkhash)
        ["z_kj1", "z_kl1", "z_kl2", "bal_n7"],             # Kopal | Lepsinsk
        ["z_j1", "z_vpi1", "z_vpi2", "z_vpi3", "bal_n2"],  # Pishpek | Verny (across Balkhash)
    ],
    "syr_darya_oblast": [
        ["ar_e5", "y_ad1", "y_j1"],                        # Amu-Darya | Kazalinsk
        ["y_j1", "sb_2"],                                  # Amu-Darya | Perovsk
        ["ts_2", "y_kp1", "y_kp2", "y_j1"],                # Kazalinsk | Perovsk
        ["chu_1", "y_pc1", "y_pc2", "y_j2"],               # Perovsk | Chimkent
        ["y_j2", "sb_4"],                                  # Perovsk | Tashkent
        ["y_j2", "y_tc1", "y_tc2", "sk_3"],                # Tashkent | Chimkent
        ["sk_4", "y_ac1", "y_ac2", "chu_2"],               # Chimkent | Aulie-Ata
    ],
}

# Each uezd: its oblast, its seat (a city id in places.toml, which names the face) and its names.
UEZDS: list[tuple[str, str, str, tuple[str, str, str]]] = [
    ("uralsk_uezd", "uralsk_oblast", "uralsk", ("Орал уезі", "Уральский уезд", "Uralsk Uezd")),
    ("lbischensk_uezd", "uralsk_oblast", "lbischensk", ("Лбіщі уезі", "Лбищенский уезд", "Lbischensk Uezd")),
    ("guryev_uezd", "uralsk_oblast", "guryev", ("Гурьев уезі", "Гурьевский уезд", "Guryev Uezd")),
    ("temir_uezd", "uralsk_oblast", "temir", ("Темір уезі", "Темирский уезд", "Temir Uezd")),
    ("aktyubinsk_uezd", "turgai_oblast", "aktyubinsk", ("Ақтөбе уезі", "Актюбинский уезд", "Aktyubinsk Uezd")),
    ("irgiz_uezd", "turgai_oblast", "irgiz", ("Ырғыз уезі", "Иргизский уезд", "Irgiz Uezd")),
    ("kustanai_uezd", "turgai_oblast", "kustanai", ("Қостанай уезі", "Кустанайский уезд", "Kustanai Uezd")),
    ("turgai_uezd", "turgai_oblast", "turgai", ("Торғай уезі", "Тургайский уезд", "Turgai Uezd")),
    ("akmolinsk_uezd", "akmolinsk_oblast", "akmolinsk", ("Ақмола уезі", "Акмолинский уезд", "Akmolinsk Uezd")),
    ("atbasar_uezd", "akmolinsk_oblast", "atbasar", ("Атбасар уезі", "Атбасарский уезд", "Atbasar Uezd")),
    ("kokchetav_uezd", "akmolinsk_oblast", "kokchetav", ("Көкшетау уезі", "Кокчетавский уезд", "Kokchetav Uezd")),
    ("omsk_uezd", "akmolinsk_oblast", "omsk", ("Омбы уезі", "Омский уезд", "Omsk Uezd")),
    ("petropavlovsk_uezd", "akmolinsk_oblast", "petropavlovsk", ("Петропавл уезі", "Петропавловский уезд", "Petropavlovsk Uezd")),
    ("semipalatinsk_uezd", "semipalatinsk_oblast", "semipalatinsk", ("Семей уезі", "Семипалатинский уезд", "Semipalatinsk Uezd")),
    ("karkaralinsk_uezd", "semipalatinsk_oblast", "karkaralinsk", ("Қарқаралы уезі", "Каркаралинский уезд", "Karkaralinsk Uezd")),
    ("pavlodar_uezd", "semipalatinsk_oblast", "pavlodar", ("Павлодар уезі", "Павлодарский уезд", "Pavlodar Uezd")),
    ("ust_kamenogorsk_uezd", "semipalatinsk_oblast", "ust_kamenogorsk", ("Өскемен уезі", "Усть-Каменогорский уезд", "Ust-Kamenogorsk Uezd")),
    ("zaisan_uezd", "semipalatinsk_oblast", "zaisan", ("Зайсан уезі", "Зайсанский уезд", "Zaisan Uezd")),
    ("verny_uezd", "semirechye_oblast", "verny", ("Верный уезі", "Верненский уезд", "Verny Uezd")),
    ("jarkent_uezd", "semirechye_oblast", "jarkent", ("Жаркент уезі", "Джаркентский уезд", "Jarkent Uezd")),
    ("kopal_uezd", "semirechye_oblast", "kopal", ("Қапал уезі", "Копальский уезд", "Kopal Uezd")),
    ("lepsinsk_uezd", "semirechye_oblast", "lepsinsk", ("Лепсі уезі", "Лепсинский уезд", "Lepsinsk Uezd")),
    ("pishpek_uezd", "semirechye_oblast", "pishpek", ("Пішпек уезі", "Пишпекский уезд", "Pishpek Uezd")),
    ("przhevalsk_uezd", "semirechye_oblast", "przhevalsk", ("Пржевальск уезі", "Пржевальский уезд", "Przhevalsk Uezd")),
    ("aulie_ata_uezd", "syr_darya_oblast", "aulie_ata", ("Әулиеата уезі", "Аулие-Атинский уезд", "Aulie-Ata Uezd")),
    ("kazalinsk_uezd", "syr_darya_oblast", "kazalinsk", ("Қазалы уезі", "Казалинский уезд", "Kazalinsk Uezd")),
    ("perovsk_uezd", "syr_darya_oblast", "perovsk", ("Перовск уезі", "Перовский уезд", "Perovsk Uezd")),
    ("tashkent_uezd", "syr_darya_oblast", "tashkent", ("Ташкент уезі", "Ташкентский уезд", "Tashkent Uezd")),
    ("chimkent_uezd", "syr_darya_oblast", "chimkent", ("Шымкент уезі", "Чимкентский уезд", "Chimkent Uezd")),
    ("amu_darya_division", "syr_darya_oblast", "petro_alexandrovsk", ("Әмудария бөлімі", "Амударьинский отдел", "Amu-Darya Division")),
]


def point_in_ring(x: float, y: float, pts: list[tuple[float, float]]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def uezd_rings(seats: dict[str, tuple[float, float]]) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Traces the faces of each oblast's ring plus its cuts; names each face by the seat inside."""
    rings: list[tuple[str, list[str]]] = []
    problems: list[str] = []
    oblast_rings = dict(UNITS)
    for oblast, cuts in UEZD_CUTS.items():
        ring = oblast_rings[oblast]
        adjacency: dict[str, set[str]] = {}
        edges = list(zip(ring, ring[1:] + ring[:1]))
        for cut in cuts:
            edges += list(zip(cut, cut[1:]))
        for a, b in edges:
            adjacency.setdefault(a, set()).add(b)
            adjacency.setdefault(b, set()).add(a)
        for cut in cuts:
            for end in (cut[0], cut[-1]):
                if len(adjacency[end]) < 3:
                    problems.append(f"{oblast}: cut {cut} ends at {end}, which is on no other line")
        angle = lambda a, b: math.atan2(NODES[b][1] - NODES[a][1], NODES[b][0] - NODES[a][0])
        used: set[tuple[str, str]] = set()
        seats_here = {uid: seat for uid, ob, seat, _ in UEZDS if ob == oblast}
        found: set[str] = set()
        for start in [(a, b) for a, b in edges] + [(b, a) for a, b in edges]:
            if start in used:
                continue
            face, (u, v) = [], start
            while (u, v) not in used:
                used.add((u, v))
                face.append(u)
                back = angle(v, u)
                # the next edge is the first one clockwise from the way back
                u, v = v, min((w for w in adjacency[v] if w != u or len(adjacency[v]) == 1),
                              key=lambda w: (back - angle(v, w)) % (2 * math.pi) or 2 * math.pi)
            pts = [NODES[n] for n in face]
            if signed_area_deg(pts + [pts[0]]) <= 0:
                continue  # the outer face
            holders = [uid for uid, seat in seats_here.items() if point_in_ring(*seats[seat], pts)]
            if len(holders) != 1:
                problems.append(f"{oblast}: a face near {face[0]} holds the seats of {holders or 'no uezd'}")
                continue
            rings.append((holders[0], face))
            found.add(holders[0])
        for uid in seats_here:
            if uid not in found:
                problems.append(f"{oblast}: no face holds the seat of {uid}")
    order = [uid for uid, *_ in UEZDS]
    rings.sort(key=lambda r: order.index(r[0]))
    return rings, problems


def city_points() -> dict[str, tuple[float, float]]:
    places = tomllib.loads((MAPS / "places.toml").read_text(encoding="utf-8"))["place"]
    return {p["id"]: tuple(p["lonlat"]) for p in places if p.get("kind") == "city"}


UEZD_NAMES = {uid: names for uid, _, _, names in UEZDS}
UEZD_OBLAST = {uid: oblast for uid, oblast, _, _ in UEZDS}

# --------------------------------------------------------------------------------------------
# Water: counter-clockwise rings of node names. Coasts shared with units use the same nodes.
# --------------------------------------------------------------------------------------------
NODES.update({
    # Issyk-Kul
    "ik_w": (76.18, 42.45), "ik_nw": (76.55, 42.60), "ik_n1": (77.10, 42.64), "ik_n2": (77.70, 42.66),
    "ik_ne": (78.18, 42.60), "ik_e": (78.30, 42.48), "ik_se": (77.90, 42.33), "ik_s1": (77.40, 42.21),
    "ik_s2": (76.80, 42.22), "ik_sw": (76.40, 42.33),
    # Lake Zaisan, before the Bukhtarma reservoir (about 1,800 km2)
    "za_w": (83.50, 48.05), "za_n1": (83.85, 48.15), "za_n2": (84.30, 48.08), "za_ne": (84.70, 48.02),
    "za_e": (84.82, 47.90), "za_s1": (84.40, 47.88), "za_s2": (83.95, 47.93), "za_sw": (83.65, 47.95),
    # Lake Alakol
    "al_nw": (81.20, 46.35), "al_n": (81.55, 46.33), "al_ne": (81.95, 46.15), "al_e": (82.10, 45.95),
    "al_se": (81.90, 45.85), "al_s": (81.55, 45.90), "al_sw": (81.25, 46.05), "al_w": (81.10, 46.20),
})

# The seas are easiest to read as a clockwise walk along the coast with the land on the left
# (the order the oblast rings use); the script reverses them to counter-clockwise.
CASPIAN_CLOCKWISE = [
    "c_kigach", "c_bk1", "c_bk2", "c_bk_ur", "c_ural_w", "c_ural_e", "c_emba", "c_prorva", "c_kultuk",
    "c_kultuk_w", "c_buz_n", "c_buz_nw", "c_buz_sw", "c_mang_bay", "c_tyub_n", "c_tyub_cape", "c_tyub_s",
    "c_sagyndyk", "c_aktau", "c_mang_s1", "c_kenderli", "c_mang_end",
    "c_bekdash", "c_kbg_n", "c_kbg1", "c_kbg2", "c_kbg3", "c_kbg4", "c_kbg_s", "c_krasno_n", "c_krasno",
    "c_cheleken", "c_okarem", "c_hasankuli", "c_gorgan",
    "c_babolsar", "c_nowshahr", "c_ramsar", "c_anzali", "c_astara",
    "c_lankaran", "c_kura", "c_alat", "c_baku", "c_absheron", "c_sumqayit", "c_derbent", "c_makhach",
    "c_agrakhan", "c_kizlyar", "c_kuma", "c_lagan", "c_volga1", "c_volga2",
]
ARAL_CLOCKWISE = [
    "ar_nw", "ar_n1", "ar_n2", "ar_n3", "ar_n4", "ar_ts", "ar_e1", "ar_e2", "ar_e3", "ar_e4", "ar_e5",
    "ar_e6", "amu_mouth", "ar_s1", "ar_sw", "ar_s2", "ar_w1", "ar_w1b", "ar_w2", "ar_w3",
]


WATER_RINGS: list[tuple[str, list[str]]] = [
    ("caspian_sea", [CASPIAN_CLOCKWISE[0]] + CASPIAN_CLOCKWISE[:0:-1]),
    ("aral_sea", [ARAL_CLOCKWISE[0]] + ARAL_CLOCKWISE[:0:-1]),
    ("lake_balkhash", [
        "bal_w", "bal_s8", "bal_s7", "bal_s6", "bal_s5", "bal_s4", "bal_s3", "bal_s2", "bal_s1",
        "bal_e", "bal_n7", "bal_n6", "bal_n5", "bal_n4", "bal_as", "bal_n3", "bal_n2", "bal_n1",
    ]),
    ("lake_issyk_kul", ["ik_w", "ik_sw", "ik_s2", "ik_s1", "ik_se", "ik_e", "ik_ne", "ik_n2", "ik_n1", "ik_nw"]),
    ("lake_zaisan", ["za_w", "za_sw", "za_s2", "za_s1", "za_e", "za_ne", "za_n2", "za_n1"]),
    ("lake_alakol", ["al_nw", "al_w", "al_sw", "al_s", "al_se", "al_e", "al_ne", "al_n"]),
]

WATER_NAMES = {
    "caspian_sea": ("Каспий теңізі", "Каспийское море", "Caspian Sea"),
    "aral_sea": ("Арал теңізі", "Аральское море", "Aral Sea"),
    "lake_balkhash": ("Балқаш көлі", "озеро Балхаш", "Lake Balkhash"),
    "lake_issyk_kul": ("Ыстықкөл", "озеро Иссык-Куль", "Lake Issyk-Kul"),
    "lake_zaisan": ("Зайсан көлі", "озеро Зайсан", "Lake Zaisan"),
    "lake_alakol": ("Алакөл", "озеро Алаколь", "Lake Alakol"),
}

# Names of the units, copied from maps/places.toml (that file is authoritative).
UNIT_NAMES = {
    "uralsk_oblast": ("Орал облысы", "Уральская область", "Uralsk Oblast"),
    "turgai_oblast": ("Торғай облысы", "Тургайская область", "Turgai Oblast"),
    "akmolinsk_oblast": ("Ақмола облысы", "Акмолинская область", "Akmolinsk Oblast"),
    "semipalatinsk_oblast": ("Семей облысы", "Семипалатинская область", "Semipalatinsk Oblast"),
    "semirechye_oblast": ("Жетісу облысы", "Семиреченская область", "Semirechye Oblast"),
    "syr_darya_oblast": ("Сырдария облысы", "Сыр-Дарьинская область", "Syr-Darya Oblast"),
    "bukey_horde": ("Бөкей Ордасы", "Букеевская Орда", "Bukey Horde"),
    "mangyshlak": ("Маңғыстау уезі", "Мангышлакский уезд", "Mangyshlak Uezd"),
}

# --------------------------------------------------------------------------------------------
# Free zones: partisan districts, simple counter-clockwise polygons (lon, lat), no shared nodes.
# --------------------------------------------------------------------------------------------
ZONES: list[tuple[str, tuple[str, str, str], list[tuple[float, float]]]] = [
    # Peasant uprising and partisans of Kustanai uezd (A. Zhilyaev, spring 1919): the resettler
    # villages around Kustanai, which the rising took in April 1919. Schematic.
    ("kustanai_partisans", ("Қостанай партизандары", "Кустанайские партизаны", "Kustanai Partisans"), [
        (62.30, 52.60), (63.20, 52.20), (64.50, 52.40), (65.20, 53.10),
        (64.90, 53.90), (63.80, 54.25), (62.60, 53.95), (62.00, 53.30),
    ]),
    # The Cherkasskoye defence, June 1918 - October 1919: about twelve resettler villages around
    # Cherkasskoye (45.669 N, 80.371 E), a line of some 70 km, Lepsinsk uezd.
    ("cherkasskoye_defence", ("Черкасск қорғанысы", "Черкасская оборона", "Cherkasskoye Defence"), [
        (79.95, 45.45), (80.35, 45.40), (80.75, 45.50), (80.90, 45.70),
        (80.70, 45.90), (80.30, 45.95), (79.95, 45.80),
    ]),
    # "Red Mountain Eagles of Tarbagatai": villages on the southern foothills of the Tarbagatai
    # (Urdzhar, Blagodarnoye, Aksakovka, Irinovka, Kirillovka, Pokrovka ...), the northern part of
    # Lepsinsk uezd; drawn across the ridge into the Zaisan side.
    ("mountain_eagles", ("Тау қырандары", "Горные орлы", "Mountain Eagles"), [
        (80.90, 46.95), (81.60, 46.75), (82.50, 46.70), (83.00, 47.05),
        (82.90, 47.45), (82.00, 47.65), (81.10, 47.45),
    ]),
]

# Historical areas (km2) for comparison; see maps/SOURCES.md for where each comes from.
VERST2_KM2 = 1.066800 ** 2  # one square verst in km2
HISTORICAL_KM2 = {
    "uralsk_oblast": (284_411.8 * VERST2_KM2, "284,411.8 sq. versts (Wikipedia infobox); EB1911 gives 140,711 sq. mi = 364,400 km2"),
    "turgai_oblast": (456_397.0, "Meyers 1905: 456,397 km2 (EB1911: 176,219 sq. mi)"),
    "akmolinsk_oblast": (594_673.0, "Meyers 1905: 594,673 km2 (EB1911: 229,544 sq. mi)"),
    "semipalatinsk_oblast": (478_182.0, "Meyers 1905: 478,182 km2 (ehistory.kz: 422,245.2 sq. versts)"),
    "semirechye_oblast": (394_396.0, "Meyers 1905: 394,396 km2 (Wikipedia: 347,910 sq. versts)"),
    "syr_darya_oblast": (504_658.0, "Brockhaus-Efron: 443,442 sq. versts = 504,658 km2 (Strelbitsky)"),
    "bukey_horde": (92_144.5, "Brockhaus-Efron: 80,967.5 sq. versts = 92,144.5 km2 (Strelbitsky); 68,205 sq. versts by the Astrakhan survey"),
    "mangyshlak": (216_500.0, "Russian Wikipedia infobox: 216.5 thousand km2 (1897)"),
}
WATER_TARGET_KM2 = {
    "caspian_sea": 371_000.0,   # the usual modern figure; the 1910s level was about 1-2 m higher
    "aral_sea": 66_000.0,
    "lake_balkhash": 17_500.0,
    "lake_issyk_kul": 6_236.0,
    "lake_zaisan": 1_800.0,
    "lake_alakol": 2_650.0,
}
# Which unit each lake lies in (lakes are drawn over their oblast; the seas lie outside every unit).
LAKE_IN = {
    "lake_balkhash": "semirechye_oblast",
    "lake_issyk_kul": "semirechye_oblast",
    "lake_zaisan": "semipalatinsk_oblast",
    "lake_alakol": "semirechye_oblast",
}


# --------------------------------------------------------------------------------------------
# Ring coordinates
# --------------------------------------------------------------------------------------------
def coords_of(ring: list[str]) -> list[tuple[float, float]]:
    points = [NODES[name] for name in ring]
    return points + [points[0]]


# --------------------------------------------------------------------------------------------
# Checks that need only the standard library
# --------------------------------------------------------------------------------------------
def signed_area_deg(points: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:])) / 2


def topology_problems() -> list[str]:
    """Rings closed and counter-clockwise; every shared border uses the same nodes both ways."""
    problems = []
    rings = {uid: ring for uid, ring in UNITS} | {wid: ring for wid, ring in WATER_RINGS}
    for name, ring in rings.items():
        missing = [n for n in ring if n not in NODES]
        if missing:
            problems.append(f"{name}: unknown nodes {missing}")
            continue
        if len(set(ring)) != len(ring):
            problems.append(f"{name}: a node appears twice in the ring")
        if signed_area_deg(coords_of(ring)) <= 0:
            problems.append(f"{name}: ring is not counter-clockwise")
    for zid, _, pts in ZONES:
        if signed_area_deg(list(pts) + [pts[0]]) <= 0:
            problems.append(f"{zid}: ring is not counter-clockwise")
        if not 6 <= len(pts) <= 12:
            problems.append(f"{zid}: {len(pts)} vertices, expected 6-12")
    # Each directed edge of the units at most once; a shared border is walked both ways.
    edges: dict[tuple[str, str], str] = {}
    for uid, ring in UNITS:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if (a, b) in edges:
                problems.append(f"{uid} and {edges[(a, b)]} walk {a}->{b} the same way (overlap)")
            edges[(a, b)] = uid
    # No node of one unit may lie inside an edge of another (a T-junction leaves a gap or sliver).
    used = {n for _, ring in UNITS for n in ring}
    for uid, ring in UNITS:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            (x0, y0), (x1, y1) = NODES[a], NODES[b]
            for n in used - {a, b}:
                x, y = NODES[n]
                cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
                seglen = math.hypot(x1 - x0, y1 - y0)
                if abs(cross) / seglen < 1e-6 and min(x0, x1) - 1e-9 <= x <= max(x0, x1) + 1e-9 \
                        and min(y0, y1) - 1e-9 <= y <= max(y0, y1) + 1e-9:
                    problems.append(f"node {n} lies on edge {a}->{b} of {uid} without being a vertex")
    # Coasts: every unit edge on the Caspian or Aral is walked the opposite way by the sea.
    sea_edges = {(b, a) for _, ring in WATER_RINGS[:2] for a, b in zip(ring, ring[1:] + ring[:1])}
    coast_nodes = set(CASPIAN_CLOCKWISE) | set(ARAL_CLOCKWISE)
    for uid, ring in UNITS:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if a in coast_nodes and b in coast_nodes and (a, b) not in sea_edges:
                problems.append(f"{uid}: coast edge {a}->{b} is not an edge of the sea outline")
    # The uezds: the same rules among themselves, and every uezd edge is either an edge of its
    # oblast walked the same way or an edge of a neighbouring uezd walked the other way.
    problems += UEZD_PROBLEMS
    uedges: dict[tuple[str, str], str] = {}
    for uid, ring in UEZD_RINGS:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if (a, b) in uedges:
                problems.append(f"{uid} and {uedges[(a, b)]} walk {a}->{b} the same way (overlap)")
            uedges[(a, b)] = uid
    oblast_rings = dict(UNITS)
    for uid, ring in UEZD_RINGS:
        oring = oblast_rings[UEZD_OBLAST[uid]]
        oedges = set(zip(oring, oring[1:] + oring[:1]))
        for a, b in zip(ring, ring[1:] + ring[:1]):
            if (a, b) not in oedges and (b, a) not in uedges:
                problems.append(f"{uid}: edge {a}->{b} is neither its oblast's border nor a neighbour's")
    unode = {n for _, ring in UEZD_RINGS for n in ring}
    used |= unode
    for uid, ring in UEZD_RINGS:
        for a, b in zip(ring, ring[1:] + ring[:1]):
            (x0, y0), (x1, y1) = NODES[a], NODES[b]
            for n in unode - {a, b}:
                x, y = NODES[n]
                cross = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)
                if abs(cross) / math.hypot(x1 - x0, y1 - y0) < 1e-6 and min(x0, x1) - 1e-9 <= x <= max(x0, x1) + 1e-9 \
                        and min(y0, y1) - 1e-9 <= y <= max(y0, y1) + 1e-9:
                    problems.append(f"node {n} lies on edge {a}->{b} of {uid} without being a vertex")
    unused = set(NODES) - used - {n for _, r in WATER_RINGS for n in r}
    if unused:
        problems.append(f"unused nodes: {sorted(unused)}")
    return problems


# --------------------------------------------------------------------------------------------
# Albers equal-area conic on the WGS84 ellipsoid (Snyder 1987, eq. 14-3 .. 14-6)
# --------------------------------------------------------------------------------------------
class Albers:
    A = 6378137.0
    E2 = 0.00669437999014

    def __init__(self, lat1=42.0, lat2=54.0, lat0=48.0, lon0=67.0):
        e = math.sqrt(self.E2)
        self.e = e
        m = lambda p: math.cos(p) / math.sqrt(1 - self.E2 * math.sin(p) ** 2)
        self.q = lambda p: (1 - self.E2) * (
            math.sin(p) / (1 - self.E2 * math.sin(p) ** 2)
            - (1 / (2 * e)) * math.log((1 - e * math.sin(p)) / (1 + e * math.sin(p))))
        p1, p2, p0 = map(math.radians, (lat1, lat2, lat0))
        m1, m2 = m(p1), m(p2)
        q1, q2, q0 = self.q(p1), self.q(p2), self.q(p0)
        self.n = (m1 ** 2 - m2 ** 2) / (q2 - q1)
        self.c = m1 ** 2 + self.n * q1
        self.rho0 = self.A * math.sqrt(self.c - self.n * q0) / self.n
        self.lon0 = math.radians(lon0)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        rho = self.A * math.sqrt(self.c - self.n * self.q(math.radians(lat))) / self.n
        theta = self.n * (math.radians(lon) - self.lon0)
        return rho * math.sin(theta), self.rho0 - rho * math.cos(theta)


# --------------------------------------------------------------------------------------------
# Checks with shapely
# --------------------------------------------------------------------------------------------
def run_checks() -> int:
    failures: list[str] = []
    print("== topology (shared nodes, orientation) ==")
    topo = topology_problems()
    for p in topo:
        print("  FAIL", p)
    failures += topo
    if not topo:
        print("  ok: rings closed and counter-clockwise; shared borders walked both ways; no T-junctions")

    try:
        import shapely
        from shapely.geometry import Point, Polygon
        from shapely.ops import unary_union
    except ImportError:
        print("\nshapely is not installed: `pip install shapely` to run the geometric checks.")
        return 2
    try:
        from pyproj import Geod
        geod = Geod(ellps="WGS84")
        method = "geodesic (pyproj, WGS84)"

        def km2(geom) -> float:
            return abs(geod.geometry_area_perimeter(geom)[0]) / 1e6
    except ImportError:
        albers = Albers()
        method = "Albers equal-area (42/54 N, 67 E), implemented here"

        def km2(geom) -> float:
            return shapely.transform(geom, lambda xy: [albers(x, y) for x, y in xy]).area / 1e6

    units = {uid: Polygon(coords_of(ring)) for uid, ring in UNITS}
    uezds = {uid: Polygon(coords_of(ring)) for uid, ring in UEZD_RINGS}
    areas = units | uezds
    zones = {zid: Polygon(list(pts) + [pts[0]]) for zid, _, pts in ZONES}
    water = {wid: Polygon(coords_of(ring)) for wid, ring in WATER_RINGS}

    print("\n== rings ==")
    print(f"  {'feature':24} {'vertices':>8} {'valid':>6} {'closed':>7} {'ccw':>4}")
    for name, poly in list(units.items()) + list(zones.items()) + list(water.items()):
        ring = poly.exterior
        closed = ring.coords[0] == ring.coords[-1]
        ok = poly.is_valid and closed and ring.is_ccw
        print(f"  {name:24} {len(ring.coords) - 1:>8} {str(poly.is_valid):>6} {str(closed):>7} {str(ring.is_ccw):>4}")
        if not ok:
            failures.append(f"{name}: invalid, open or clockwise ring ({shapely.is_valid_reason(poly)})")

    print(f"\n== overlaps between units (areas: {method}) ==")
    worst = (0.0, "-")
    ids = list(units)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            inter = units[a].intersection(units[b])
            area = km2(inter) if not inter.is_empty and inter.area > 0 else 0.0
            if area > worst[0]:
                worst = (area, f"{a} x {b}")
    print(f"  largest pairwise overlap: {worst[0]:.3f} km2 ({worst[1]})")
    if worst[0] > 1.0:
        failures.append(f"units overlap: {worst[0]:.1f} km2 ({worst[1]})")
    union = unary_union(list(units.values()))
    holes = [Polygon(r) for g in getattr(union, "geoms", [union]) for r in g.interiors]
    parts = len(getattr(union, "geoms", [union]))
    print(f"  union of the units: {parts} part(s), {len(holes)} hole(s)"
          + (f", largest hole {max(km2(h) for h in holes):.3f} km2" if holes else ""))
    if holes and max(km2(h) for h in holes) > 1.0:
        failures.append("gap between units")

    print(f"\n== uezds against each other and their oblast ==")
    worst = (0.0, "-")
    ids = list(uezds)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            inter = uezds[a].intersection(uezds[b])
            area = km2(inter) if not inter.is_empty and inter.area > 0 else 0.0
            if area > worst[0]:
                worst = (area, f"{a} x {b}")
    print(f"  largest pairwise overlap of uezds: {worst[0]:.3f} km2 ({worst[1]})")
    if worst[0] > 1.0:
        failures.append(f"uezds overlap: {worst[0]:.1f} km2 ({worst[1]})")
    for oblast in UEZD_CUTS:
        parts = unary_union([u for uid, u in uezds.items() if UEZD_OBLAST[uid] == oblast])
        diff = km2(units[oblast].symmetric_difference(parts))
        print(f"  {oblast:22} union of its uezds differs by {diff:.3f} km2")
        if diff > 1.0:
            failures.append(f"the uezds of {oblast} differ from it by {diff:.1f} km2")

    print("\n== water against units ==")
    for wid, poly in water.items():
        inside = LAKE_IN.get(wid)
        if inside:
            outside = km2(poly.difference(units[inside])) if not poly.within(units[inside]) else 0.0
            print(f"  {wid:16} within {inside}: {'yes' if outside < 1 else f'NO, {outside:.0f} km2 outside'}")
            if outside >= 1:
                failures.append(f"{wid} is not inside {inside}")
        else:
            over = max((km2(poly.intersection(u)) if poly.intersects(u) and poly.intersection(u).area > 0 else 0.0, uid)
                       for uid, u in units.items())
            print(f"  {wid:16} largest overlap with a unit: {over[0]:.3f} km2 ({over[1]})")
            if over[0] > 1.0:
                failures.append(f"{wid} overlaps {over[1]}")

    print("\n== cities in places.toml against their parent unit ==")
    places = tomllib.loads((MAPS / "places.toml").read_text(encoding="utf-8"))["place"]
    albers = Albers()
    proj = lambda g: shapely.transform(g, lambda xy: [albers(x, y) for x, y in xy])
    bad = 0
    print(f"  {'city':20} {'parent':22} {'inside':>6} {'margin km':>10}  nearest other unit")
    for place in places:
        parent = place.get("parent")
        if place.get("kind") != "city" or parent not in areas:
            continue
        lon, lat = place["lonlat"]
        pt = Point(lon, lat)
        inside = areas[parent].contains(pt)
        margin = proj(areas[parent].exterior).distance(proj(pt)) / 1000
        holder = next((uid for uid, u in units.items() if u.contains(pt)), "-")
        print(f"  {place['id']:20} {parent:22} {('yes' if inside else 'NO'):>6} {margin:>10.0f}  "
              + ("" if inside else f"(falls in {holder})"))
        if not inside:
            bad += 1
            failures.append(f"{place['id']} is not inside {parent}")
    for place in places:
        if place.get("kind") == "city" and not place.get("parent"):
            lon, lat = place["lonlat"]
            holder = next((uid for uid, u in units.items() if u.contains(Point(lon, lat))), None)
            note = f"inside {holder}!" if holder else "outside every unit, as it should be"
            print(f"  {place['id']:20} {'(no parent)':22} {note}")

    print("\n== areas of the units ==")
    print(f"  {'unit':22} {'drawn km2':>10} {'historical km2':>15} {'diff':>7}  source")
    for uid, poly in units.items():
        drawn = km2(poly)
        hist, note = HISTORICAL_KM2[uid]
        print(f"  {uid:22} {drawn:>10,.0f} {hist:>15,.0f} {100 * (drawn - hist) / hist:>+6.1f}%  {note}")
    print("\n== areas of the uezds ==")
    for uid, poly in uezds.items():
        print(f"  {uid:22} {km2(poly):>10,.0f} km2  {len(poly.exterior.coords) - 1:>3} vertices  in {UEZD_OBLAST[uid]}")
    print("\n== areas of water and zones ==")
    for wid, poly in water.items():
        drawn = km2(poly)
        target = WATER_TARGET_KM2[wid]
        print(f"  {wid:22} {drawn:>10,.0f} {target:>15,.0f} {100 * (drawn - target) / target:>+6.1f}%")
    for zid, poly in zones.items():
        overlaps = [uid for uid, u in units.items() if u.intersection(poly).area > 0]
        print(f"  {zid:22} {km2(poly):>10,.0f}   overlaps: {', '.join(overlaps)}")

    print()
    if failures:
        print(f"FAILED: {len(failures)} problem(s)")
        for f in failures:
            print("  -", f)
        return 1
    print("all checks passed")
    return 0


UEZD_RINGS, UEZD_PROBLEMS = uezd_rings(city_points())


def main(argv: list[str]) -> int:
    topo = topology_problems()
    for p in topo:
        print("  -", p)
    if topo:
        print("the authored topology is inconsistent")
        return 1
    print("topology consistent; scripts/snap_geography.py draws and writes the outlines")
    return run_checks() if "--sketch" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
