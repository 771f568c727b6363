#!/usr/bin/env python3
"""Check the built-in tours in maps/tours/*.toml against the atlas data.

Standard library only (Python 3.11+, for tomllib). Run from anywhere:

    python3 scripts/check_tours.py                 # check every maps/tours/*.toml
    python3 scripts/check_tours.py maps/tours/1918.toml
    python3 scripts/check_tours.py --control       # also print who holds each highlighted place

It checks what the tour loader requires (known keys only, ids, dates, camera, three languages,
8-15 steps) and, as warnings, what makes a tour read well: captions short enough for a hall,
dates in order, events near the step that names them, no stray letters of the wrong alphabet.
Errors make it exit 1; warnings do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"

LANGUAGES = ("kk", "ru", "en")
TOUR_KEYS = {"id", "title", "summary", "step"}
STEP_KEYS = {
    "date", "until", "fit", "center", "zoom", "highlight", "events", "layers", "caption", "notes", "duration",
}
LAYER_KEYS = {
    "relief", "rivers", "uezd_borders", "zones", "city_labels", "modern_borders", "modern_names", "neighbours",
}
FIRST_DAY = dt.date(1917, 2, 1)
LAST_DAY = dt.date(1920, 12, 31)
MIN_STEPS, MAX_STEPS = 8, 15
MIN_SPAN_DAYS, MAX_SPAN_DAYS = 14, 155  # "2 weeks to ~5 months"
MIN_DURATION, MAX_DURATION = 8, 20
CAPTION_MAX = 160  # characters, per language
EVENT_SLACK_DAYS = 31  # an event a step names should lie within a month of the step's dates
WHOLE_REGION = {
    "uralsk_oblast", "turgai_oblast", "akmolinsk_oblast", "semipalatinsk_oblast",
    "semirechye_oblast", "syr_darya_oblast", "bukey_horde", "mangyshlak",
}
KAZAKH_ONLY = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
ROMAN = re.compile(r"^[IVXLC]+$")


class Report:
    def __init__(self) -> None:
        self.errors = 0
        self.warnings = 0

    def error(self, where: str, message: str) -> None:
        self.errors += 1
        print(f"error: {where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings += 1
        print(f"warning: {where}: {message}")


def load(path: Path) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def parse_date(value: object) -> dt.date | None:
    """Accepts a TOML string "YYYY-MM-DD" (and, leniently, a TOML date)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Atlas:
    """The parts of maps/*.toml the tours refer to."""

    def __init__(self) -> None:
        places = load(MAPS / "places.toml")["place"]
        self.places = {place["id"]: place for place in places}
        self.events = {}
        for event in load(MAPS / "events.toml")["event"]:
            start = dt.date.fromisoformat(event["date"])
            end = dt.date.fromisoformat(event.get("end", event["date"]))
            self.events[event["id"]] = (start, end)
        self.periods: dict[str, list[tuple[dt.date, dt.date, list[str]]]] = {}
        for period in load(MAPS / "control.toml")["period"]:
            start = dt.date.fromisoformat(period["start"])
            end = dt.date.fromisoformat(period.get("end", "1920-12-31"))
            forces = [holder["force"] for holder in period["forces"]]
            self.periods.setdefault(period["place"], []).append((start, end, forces))
        self.sides = {force["id"]: force["side"] for force in load(MAPS / "forces.toml")["force"]}

    def holders(self, place: str, day: dt.date) -> str:
        """Who holds `place` on `day`, resolved like the atlas: own period, else the parent's."""
        current: str | None = place
        seen = set()
        while current and current not in seen:
            seen.add(current)
            for start, end, forces in self.periods.get(current, []):
                if start <= day <= end:
                    via = "" if current == place else f" (via {current})"
                    return ", ".join(f"{f}/{self.sides.get(f, '?')}" for f in forces) + via
            info = self.places.get(current, {})
            current = None if info.get("kind") == "zone" else info.get("parent")
        return "unknown"


ABBREVIATIONS = {"г", "гг", "ст", "н", "т", "б", "ж", "с", "No", "nos", "e.g", "i.e", "cf", "vs", "ed"}


def count_sentences(text: str) -> int:
    """Counts sentence ends, ignoring initials ("К. Тоғысов") and common abbreviations ("1917 г.")."""
    count = 0
    for match in re.finditer(r"(\S*?)([.!?…]+)(?=\s|$)", text.strip()):
        word = match.group(1).rstrip(")»'\"")
        if match.group(2) == "." and (len(word) == 1 and word.isalpha() or word in ABBREVIATIONS):
            continue
        count += 1
    return count


def check_localized(report: Report, where: str, value: object, max_len: int | None = None) -> None:
    if not isinstance(value, dict):
        report.error(where, "must be a table { kk = ..., ru = ..., en = ... }")
        return
    for key in value:
        if key not in LANGUAGES:
            report.error(where, f"unknown language `{key}`")
    for language in LANGUAGES:
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            report.error(where, f"`{language}` is missing or empty")
            continue
        here = f"{where}.{language}"
        if max_len is not None and len(text) > max_len:
            report.error(here, f"{len(text)} characters, at most {max_len}")
        if language == "en" and CYRILLIC.search(text):
            report.error(here, "English text contains Cyrillic letters")
        if language == "ru":
            stray = sorted(set(text) & KAZAKH_ONLY)
            if stray:
                report.error(here, f"Russian text contains Kazakh-only letters {''.join(stray)}")
            if not CYRILLIC.search(text):
                report.error(here, "Russian text has no Cyrillic letters")
        if language == "kk":
            if not CYRILLIC.search(text):
                report.error(here, "Kazakh text has no Cyrillic letters")
            plain = re.sub(r"\b\w+_\w+\b|\b[\w.-]+\.(?:toml|kz|ru|com|org|info)\b", " ", text)  # source ids, files, sites
            latin = [w for w in LATIN_WORD.findall(plain) if not ROMAN.match(w)]
            if latin:
                report.warn(here, f"Kazakh text contains Latin words {latin}")


def check_step(report: Report, atlas: Atlas, where: str, step: dict, previous_end: dt.date | None) -> dt.date | None:
    if not isinstance(step, dict):
        report.error(where, "must be a table")
        return previous_end
    for key in step:
        if key not in STEP_KEYS:
            report.error(where, f"unknown key `{key}`")

    date = parse_date(step.get("date"))
    if date is None:
        report.error(where, "`date` is required and must be \"YYYY-MM-DD\"")
        return previous_end
    if not FIRST_DAY <= date <= LAST_DAY:
        report.error(where, f"`date` {date} is outside {FIRST_DAY}..{LAST_DAY}")
    end = date
    if "until" in step:
        until = parse_date(step["until"])
        if until is None:
            report.error(where, "`until` must be \"YYYY-MM-DD\"")
        else:
            if not FIRST_DAY <= until <= LAST_DAY:
                report.error(where, f"`until` {until} is outside {FIRST_DAY}..{LAST_DAY}")
            if until <= date:
                report.error(where, f"`until` {until} is not after `date` {date}")
            else:
                span = (until - date).days
                if not MIN_SPAN_DAYS <= span <= MAX_SPAN_DAYS:
                    report.error(where, f"`until` spans {span} days; expected {MIN_SPAN_DAYS}..{MAX_SPAN_DAYS}")
            end = max(until, date)
    if previous_end is not None and date < previous_end:
        report.warn(where, f"`date` {date} goes back before the previous step's end {previous_end}")

    has_fit = "fit" in step
    has_center = "center" in step or "zoom" in step
    if has_fit and has_center:
        report.error(where, "give either `fit` or `center` + `zoom`, not both")
    if has_fit:
        fit = step["fit"]
        if not isinstance(fit, list) or not fit:
            report.error(where, "`fit` must be a non-empty list of place ids")
        else:
            for place in fit:
                if place not in atlas.places:
                    report.error(where, f"`fit`: no place has the id `{place}`")
    elif has_center:
        center, zoom = step.get("center"), step.get("zoom")
        if (
            not isinstance(center, list) or len(center) != 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in center)
        ):
            report.error(where, "`center` must be [longitude, latitude]")
        elif not (-180 <= center[0] <= 180 and -90 <= center[1] <= 90):
            report.error(where, f"`center` {center} is not a longitude, latitude pair")
        if not isinstance(zoom, (int, float)) or isinstance(zoom, bool) or zoom <= 0:
            report.error(where, "`zoom` must be a number > 0 (given with `center`)")
    else:
        report.error(where, "needs `fit` or `center` + `zoom`")

    highlight = step.get("highlight", [])
    if not isinstance(highlight, list):
        report.error(where, "`highlight` must be a list of place ids")
    else:
        for place in highlight:
            if place not in atlas.places:
                report.error(where, f"`highlight`: no place has the id `{place}`")

    events = step.get("events", [])
    if not isinstance(events, list):
        report.error(where, "`events` must be a list of event ids")
    else:
        slack = dt.timedelta(days=EVENT_SLACK_DAYS)
        for event in events:
            if event not in atlas.events:
                report.error(where, f"`events`: no event has the id `{event}`")
                continue
            start, stop = atlas.events[event]
            if stop < date - slack or start > end + slack:
                report.warn(where, f"event `{event}` ({start}..{stop}) is more than a month from the step ({date}..{end})")

    layers = step.get("layers")
    if layers is not None:
        if not isinstance(layers, dict):
            report.error(where, "`layers` must be a table")
        else:
            for key, value in layers.items():
                if key not in LAYER_KEYS:
                    report.error(where, f"`layers`: unknown layer `{key}`")
                if not isinstance(value, bool):
                    report.error(where, f"`layers.{key}` must be true or false")

    check_localized(report, f"{where}.caption", step.get("caption"), CAPTION_MAX)
    check_localized(report, f"{where}.notes", step.get("notes"))
    if isinstance(step.get("notes"), dict):
        for language, text in step["notes"].items():
            if isinstance(text, str):
                sentences = count_sentences(text)
                if not 2 <= sentences <= 6:
                    report.warn(f"{where}.notes.{language}", f"{sentences} sentences; 2-5 expected")

    duration = step.get("duration")
    if duration is None:
        report.error(where, "`duration` (seconds, 8-20) is required")
    else:
        if not isinstance(duration, int) or isinstance(duration, bool):
            report.error(where, "`duration` must be a whole number of seconds")
        elif not MIN_DURATION <= duration <= MAX_DURATION:
            report.error(where, f"`duration` {duration} is outside {MIN_DURATION}..{MAX_DURATION}")
    return end


def check_tour(report: Report, atlas: Atlas, path: Path, show_control: bool) -> None:
    where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        tour = load(path)
    except (OSError, tomllib.TOMLDecodeError) as problem:
        report.error(where, f"cannot read: {problem}")
        return
    for key in tour:
        if key not in TOUR_KEYS:
            report.error(where, f"unknown key `{key}`")
    if tour.get("id") != path.stem:
        report.error(where, f"`id` is {tour.get('id')!r}, expected the file stem {path.stem!r}")
    check_localized(report, f"{where}: title", tour.get("title"))
    check_localized(report, f"{where}: summary", tour.get("summary"))
    steps = tour.get("step")
    if not isinstance(steps, list):
        report.error(where, "no [[step]] entries")
        return
    if not MIN_STEPS <= len(steps) <= MAX_STEPS:
        report.error(where, f"{len(steps)} steps; expected {MIN_STEPS}..{MAX_STEPS}")
    if steps and isinstance(steps[0], dict) and not WHOLE_REGION <= set(steps[0].get("fit", [])):
        report.warn(f"{where}: step 1", "the first step should fit the whole region (six oblasts, bukey_horde, mangyshlak)")
    end = None
    for number, step in enumerate(steps, start=1):
        end = check_step(report, atlas, f"{where}: step {number}", step, end)
        if show_control and isinstance(step, dict):
            days = [parse_date(step.get("date")), parse_date(step.get("until"))]
            for day in [d for d in days if d]:
                print(f"  step {number} on {day}:")
                for place in step.get("highlight", []) or step.get("fit", []):
                    if place in atlas.places:
                        print(f"    {place:24} {atlas.holders(place, day)}")
    total = sum(s.get("duration", 0) for s in steps if isinstance(s, dict))
    print(f"{where}: {len(steps)} steps, {total} s of autoplay")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tours", nargs="*", type=Path, help="tour files (default: maps/tours/*.toml)")
    parser.add_argument("--control", action="store_true", help="print who holds each highlighted place on each step's dates")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.tours] or sorted((MAPS / "tours").glob("*.toml"))
    report = Report()
    if not paths:
        report.error("maps/tours", "no tour files found")
    atlas = Atlas()
    for path in paths:
        check_tour(report, atlas, path, args.control)
    print(f"{report.errors} error(s), {report.warnings} warning(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
