#!/usr/bin/env python3
"""Generates the number finder's unit and currency tables, assets/units/units.tsv and
assets/units/currencies.tsv, from kept public tables. The Rust build reads the generated files
(committed), so it needs no Python.

Sources:
- quantulum3 (PyPI, MIT licence, https://github.com/nielstron/quantulum3): units.json and
  entities.json, loaded through quantulum3's own loader, which adds SI-prefixed units and English
  plurals (inflect). Each unit gives its name, surface forms (names), symbols and entity (the
  dimension: length, speed, mass …).
- Babel (PyPI, BSD-3-Clause) with the Unicode CLDR data it ships (Unicode License v3): the ISO
  4217 currency codes, their English, German and French names in the singular and the plural,
  and the symbols used in the locales of the territories that use each currency.
- scripts/units/supplement.toml (this repository): what those tables do not say about news text:
  forms that are ordinary words rather than units, colloquial currency names ("quid", "bucks"),
  sports and engineering abbreviations, German and French units, display-name changes.

Run it from the repository root, in an environment with the two packages:
    python3 -m venv /tmp/units-venv
    /tmp/units-venv/bin/pip install quantulum3==0.10.0 babel==2.19.0
    /tmp/units-venv/bin/python scripts/units/generate.py

Table rows are `form<TAB>match<TAB>value<TAB>dimension` (units) or `form<TAB>match<TAB>code<TAB>
role` (currencies). A form is written as the finder builds it from the words after a number:
full stops dropped, hyphens as spaces, single spaces (`normal_form`). `match` is `exact` (the
form as written) or `any` (any case: the form is given in lower case).
"""

import datetime
import importlib.metadata
import pathlib
import re
import sys
import tomllib

import babel
from babel import Locale
from babel.numbers import get_currency_symbol, get_territory_currencies, list_currencies
from quantulum3 import load

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "assets" / "units"
SUPPLEMENT = tomllib.loads((ROOT / "scripts/units/supplement.toml").read_text(encoding="utf-8"))

# When one form names several units, the dimension met most often in news wins ("C" is a degree
# Celsius before a coulomb, "t" a tonne before a turn).
DIMENSION_ORDER = [
    "currency", "dimensionless", "time", "length", "mass", "temperature", "speed", "area",
    "volume", "power", "energy", "data storage", "data transfer rate", "pressure", "force",
    "torque", "frequency", "instance frequency", "sound level", "electric potential", "current",
    "charge", "angle", "typographical element",
]

# Entities renamed for the JSON's `dimension`.
DIMENSION_NAME = {"currency": "money", "dimensionless": "ratio"}

# The date the currencies in use are taken at (CLDR 47, shipped with Babel 2.19).
AS_OF = datetime.date(2025, 6, 1)

# The most traded currencies (BIS Triennial Survey order), which win a bare word or symbol that
# several currencies share ("dollar", "krone", "$", "kr").
MAJOR = [
    "USD", "EUR", "JPY", "GBP", "CNY", "AUD", "CAD", "CHF", "HKD", "SGD", "SEK", "KRW", "NOK",
    "NZD", "INR", "MXN", "TWD", "ZAR", "BRL", "DKK", "PLN", "THB", "ILS", "IDR", "CZK", "AED",
    "TRY", "HUF", "CLP", "SAR", "PHP", "MYR", "COP", "RUB", "RON", "PEN", "BHD", "BGN", "ARS",
]


def normal_form(form: str) -> str:
    """The form as the finder compares it: no full stops, hyphens as spaces, single spaces."""
    form = form.replace(".", "").replace("-", " ").replace("\u2011", " ")
    return re.sub(r"\s+", " ", form).strip()


def usable(form: str) -> bool:
    """Forms the finder can meet after a number: no quotation marks or apostrophes (read by the
    finder's own rules), not empty, not digits alone."""
    return bool(form) and not re.search(r"[\"'’′″”*]", form) and not form.isdigit()


def unit_rows():
    """(form, match, name, dimension) for every unit form, resolved to one unit per form."""
    units = load.units()
    rename = SUPPLEMENT["rename"]
    dropped = set(SUPPLEMENT["not_units"]["forms"])
    exact, caseless = {}, {}

    def rank(dimension):
        return DIMENSION_ORDER.index(dimension) if dimension in DIMENSION_ORDER else 99

    # Every reading of every form, before one is chosen: the others may hold when the sentence
    # names what they measure ("2.5 F" in a sentence about a capacitor is farads).
    readings = {}

    def add(table, form, name, dimension, priority):
        if usable(form):
            readings.setdefault(form, set()).add((name, dimension))
        if form in dropped or not usable(form):
            return
        held = table.get(form)
        if held is None or priority < held[2]:
            table[form] = (name, dimension, priority)

    for name, unit in units.names.items():
        entity = unit.entity.name
        if entity == "currency" or name in ("unk", "dimensionless"):
            continue  # currencies come from CLDR; "unk" has no forms
        shown = rename.get(name, name)
        dimension = DIMENSION_NAME.get(entity, entity)
        priority = rank(entity)
        # Symbols keep their case ("MW" is not "mW"); a symbol of three letters or more whose
        # lower case no other symbol shares also matches in any case ("KWH", "Mph").
        for symbol in unit.symbols:
            add(exact, normal_form(symbol), shown, dimension, priority)
        for surface in unit.surfaces:
            for form in {surface, load.pluralize(surface)}:
                add(caseless, normal_form(form).lower(), shown, dimension, priority)
    lowered = {}
    for form, row in exact.items():
        lowered.setdefault(form.lower(), set()).add(row[0])
    for form, row in list(exact.items()):
        low = form.lower()
        if len(low) >= 3 and len(lowered[low]) == 1 and low not in dropped:
            add(caseless, low, row[0], row[1], row[2] + 0.5)
    for entry in SUPPLEMENT["units"]:
        for form in entry["forms"]:
            key = normal_form(form)
            table = caseless if entry["match"] == "any" else exact
            if entry["match"] == "any":
                key = key.lower()
                # The supplement's reading wins over a symbol of the same letters ("mL").
                for form in [f for f in exact if f.lower() == key and exact[f][2] >= 0]:
                    del exact[form]
            table[key] = (entry["name"], entry["dimension"], -1)
    rows = [(f, "exact", n, d) for f, (n, d, _) in exact.items()]
    rows += [(f, "any", n, d) for f, (n, d, _) in caseless.items()]
    # The readings not chosen (or dropped as ordinary words), of one word, for the dimensions the
    # supplement gives cue words for.
    cued = SUPPLEMENT["cues"]
    for form, held in readings.items():
        chosen = exact.get(form) or caseless.get(form)
        for name, dimension in held:
            if (
                dimension in cued
                and " " not in form
                and (chosen is None or chosen[1] != dimension)
            ):
                rows.append((form, "cued", name, dimension))
    return sorted(set(rows)), len(units.names)


def cue_rows():
    """(word, dimension): words that name what a unit measures, singular and plural."""
    rows = set()
    for dimension, words in SUPPLEMENT["cues"].items():
        for word in words:
            for form in {word, load.pluralize(word)}:
                rows.add((form.lower(), dimension))
    return sorted(rows)


def common_words():
    """quantulum3's list of common English words (its units' own forms left out)."""
    import json
    import quantulum3

    path = pathlib.Path(quantulum3.__file__).parent / "_lang/en_US/common-words.json"
    return {w for ws in json.loads(path.read_text(encoding="utf-8")).values() for w in ws}


def currency_rows():
    """(form, match, code, role) for ISO codes, names (singular and plural, English, German,
    French), bare last words of English names, territory symbols and colloquial names."""
    # News archives go back years: a currency used in the ten years before the table's date
    # counts as in use ("kuna"). A fixed date keeps the output the same from run to run.
    since = AS_OF - datetime.timedelta(days=3653)
    codes = sorted(list_currencies())
    rows = {}
    english_words = common_words()
    not_names = set(SUPPLEMENT["not_currency_words"]["forms"])

    def put(form, match, code, role, priority):
        if not usable(form.replace("'", "")):
            return
        key = (form if match == "exact" else form.lower(), match)
        held = rows.get(key)
        if held is None or priority < held[2]:
            rows[key] = (code, role, priority)

    def major(code):
        return MAJOR.index(code) if code in MAJOR else len(MAJOR) + codes.index(code)

    english = Locale("en")
    # A currency in use (by some territory) wins a name over a former one.
    in_use = set()
    for territory in english.territories:
        in_use.update(get_territory_currencies(territory, start_date=since, end_date=AS_OF))
    # Metals, funds and units of account ("X" codes) are not money in news: "three gold medals".
    codes = [c for c in codes if not c.startswith("X") or c in ("XAF", "XOF", "XCD", "XPF")]
    for code in codes:
        priority = major(code) + (0 if code in in_use else 1000)
        # Codes that are English words ("ALL", "TOP", "PEN") only for the most traded currencies.
        if re.fullmatch(r"[A-Z]{3}", code) and (
            code.lower() not in english_words or code in MAJOR
        ):
            put(code, "exact", code, "code", priority)
        for lang in ("en", "de", "fr"):
            loc = Locale(lang)
            names = {loc.currencies.get(code)}
            names.update(loc._data["currency_names_plural"].get(code, {}).values())
            for name in filter(None, names):
                form = normal_form(name)
                # Former currencies are named with their years ("Croatian Kuna (1941–1945)").
                if "(" in form:
                    continue
                # German and French names of one word only when not an English word ("or").
                if lang == "en" or " " in form or form.lower() not in english_words:
                    put(form, "any", code, "name", priority)
                # The English bare word ("kronor", "zloty", "rand") goes to the most traded
                # currency of that name.
                last = form.split(" ")[-1]
                if (
                    lang == "en"
                    and last != form
                    and len(last) > 2
                    and last.lower() not in english_words
                    and last.lower() not in not_names
                ):
                    put(last, "any", code, "name", priority + 100)
    # Symbols: the English one, and those of the locales of each territory using the currency.
    for code in codes:
        symbol = get_currency_symbol(code, "en")
        if symbol != code:
            put(normal_form(symbol), "exact", code, "symbol", major(code) + 200)
    after = set()
    for locale_id in babel.localedata.locale_identifiers():
        try:
            loc = Locale.parse(locale_id)
        except (ValueError, babel.UnknownLocaleError):
            continue
        if not loc.territory:
            continue
        # Where the locale writes the symbol: "¤#,##0.00" before the number, "#,##0.00 ¤" after.
        pattern = loc.currency_formats["standard"].pattern
        written_after = pattern.index("¤") > pattern.index("0")
        for code in get_territory_currencies(loc.territory, start_date=since, end_date=AS_OF):
            if code not in codes:
                continue
            symbol = loc.currency_symbols.get(code)
            if symbol and symbol != code and not re.fullmatch(r"[A-Za-z]", symbol):
                put(normal_form(symbol), "exact", code, "symbol", major(code) + 300)
                if written_after:
                    after.add(normal_form(symbol))
    for entry in SUPPLEMENT["currencies"]:
        for form in entry["forms"]:
            put(normal_form(form), "any", entry["code"], "name", -1)
    for entry in SUPPLEMENT["symbols"]:
        for form in entry["forms"]:
            put(normal_form(form), "exact", entry["code"], "symbol", -1)
    for form, name in SUPPLEMENT["minor"].items():
        put(form, "exact", name, "minor", -1)
    # Letters that a territory writes after the number ("500 zł", "100 Kč", "20 kr") are read
    # there too, unless they are an English word.
    for (form, match), (code, role, priority) in rows.items():
        if (
            role == "symbol"
            and form in after
            and form.isalpha()
            and form.lower() not in english_words
            and form.lower() not in not_names
        ):
            rows[(form, match)] = (code, "suffix", priority)
    # Unit forms win over letters that a currency shares with them ("ft" is feet, not forint).
    return sorted((f, m, c, r) for (f, m), (c, r, _) in rows.items()), len(codes)


def write(path, header, rows):
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(f"# {line}\n".replace("# \n", "#\n"))
        for row in rows:
            if any("\t" in x or "\n" in x for x in row):
                sys.exit(f"a form holds a tab or line break: {row!r}")
            f.write("\t".join(row) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    versions = {p: importlib.metadata.version(p) for p in ("quantulum3", "babel")}
    units, n_units = unit_rows()
    plain = [r for r in units if r[1] != "cued"]
    unit_forms = {}
    for f, m, _, _ in plain:
        unit_forms.setdefault(f.lower(), []).append(f if m == "exact" else None)

    def unit_form(form):
        """A unit of the table may be written so: the same letters in any case ("KM" is "km"),
        but a symbol in lower case is not one whose capitals say what it is ("kn" is not "kN")."""
        held = unit_forms.get(form.lower(), [])
        if form.islower():
            return any(f is None or f.islower() for f in held)
        return bool(held)

    cues = cue_rows()
    currencies, n_codes = currency_rows()
    # Letters that are also unit forms stay units after a number ("5 ft", "10 t").
    kept = {normal_form(f) for e in SUPPLEMENT["symbols"] for f in e["forms"]}
    currencies = [
        r for r in currencies
        if r[0] in kept
        or not (r[3] in ("symbol", "suffix") and r[0].isalpha() and unit_form(r[0]))
    ]
    common = [
        "Generated by scripts/units/generate.py: do not edit; change the supplement or the",
        "sources and run it again.",
    ]
    write(
        OUT / "units.tsv",
        common + [
            f"Sources: quantulum3 {versions['quantulum3']} units.json and entities.json (MIT licence),",
            "and scripts/units/supplement.toml.",
            f"{len({r[2] for r in plain})} units, {len(plain)} forms ({n_units} units in quantulum3),",
            f"and {len(units) - len(plain)} readings that hold with a cue.",
            "form<TAB>match (exact: as written; any: any case, given lower-case; cued: as written or",
            "in lower case, only in a sentence that names the dimension, see cues.tsv)<TAB>unit",
            "<TAB>dimension",
        ],
        units,
    )
    write(
        OUT / "currencies.tsv",
        common + [
            f"Sources: the ISO 4217 codes with their CLDR names and symbols, from Babel {versions['babel']}",
            "(BSD-3-Clause; CLDR data under the Unicode License v3), and scripts/units/supplement.toml.",
            f"{n_codes} currency codes, {len(currencies)} forms.",
            "form<TAB>match (exact: as written; any: any case, given lower-case)<TAB>ISO code or minor unit",
            "<TAB>role (code, symbol, suffix: a symbol also written after the number, name, minor)",
        ],
        currencies,
    )
    write(
        OUT / "cues.tsv",
        common + [
            "Source: scripts/units/supplement.toml ([cues]), plurals by quantulum3's inflect.",
            "Words that name what a unit measures: a `cued` reading of units.tsv holds in a",
            "sentence holding one of them for its dimension.",
            "word (lower case)<TAB>dimension",
        ],
        cues,
    )
    print(f"units.tsv: {len(plain)} forms of {len({r[2] for r in plain})} units, "
          f"{len(units) - len(plain)} cued readings; cues.tsv: {len(cues)} words")
    print(f"currencies.tsv: {len(currencies)} forms of {n_codes} currency codes")


if __name__ == "__main__":
    main()
