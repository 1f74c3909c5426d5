#!/usr/bin/env python3
"""Builds a synthetic RNE conseillers municipaux file for the import benchmark.

Every row takes the commune columns of a real maire row (the RNE maires file shipped in the repository) and a
fictional, distinct person: a real last name, a real first name (with the sex it was found with) and a birth
date, recombined so that no two rows share the same folded names and birth date. The importer keys an official
on exactly that (folded last name | folded first name | birth date), so a file of N rows creates N officials and
N mandates. The output is deterministic: the same N and seed give the same bytes.

    python3 bench/import/generate.py                       # 1,000,000 rows into bench/results/
    python3 bench/import/generate.py -n 50000 -o /tmp/cm.csv

Standard library only.
"""

import argparse
import datetime
import math
import os
import random
import sys
import unicodedata

HEADER = [
    "Code du département", "Libellé du département",
    "Code de la collectivité à statut particulier", "Libellé de la collectivité à statut particulier",
    "Code de la commune", "Libellé de la commune",
    "Nom de l'élu", "Prénom de l'élu", "Code sexe", "Date de naissance",
    "Code de la catégorie socio-professionnelle", "Libellé de la catégorie socio-professionnelle",
    "Date de début du mandat", "Libellé de la fonction", "Date de début de la fonction",
]

# Functions handed out in order within each commune; every later councillor of the commune has none.
FUNCTIONS = [
    "Maire", "Premier adjoint", "Deuxième adjoint", "Troisième adjoint", "Quatrième adjoint",
    "Cinquième adjoint", "Sixième adjoint",
]

FIRST_ROUND = "15/03/2026"
SECOND_ROUND = "23/03/2026"
BIRTH_FIRST = datetime.date(1940, 1, 1)
BIRTH_LAST = datetime.date(2006, 3, 14)  # 20 years old on the first round

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SOURCES = [
    os.path.join(REPO, "src", "CampaignDesk.Core", "Seed", "Data", "officials", "elus-maires-mai-2026-04-24.csv"),
    os.path.join(REPO, "..", "shared", "data", "rne", "2026-04-24", "elus-maires-mai.csv"),
]


def default_output(rows):
    # The dated name gives the import run its release date (the importer reads yyyy-MM-dd from the file name).
    return os.path.join(REPO, "bench", "results", f"elus-cm-bench-{rows}rows-2026-04-24.csv")


def fold(text):
    """Stricter than the importer's SearchText.Fold (accents, case, and every non-alphanumeric dropped), so names
    distinct here are distinct for the importer too."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae"))
    return "".join(c for c in decomposed.lower() if c.isalnum())


def read_maires(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    header = lines[0].split(";")
    col = {name: i for i, name in enumerate(header)}
    need = ["Code de la commune", "Nom de l'élu", "Prénom de l'élu", "Code sexe",
            "Code de la catégorie socio-professionnelle", "Date de début du mandat", "Date de début de la fonction"]
    missing = [n for n in need if n not in col]
    if missing:
        sys.exit(f"{path}: not an RNE maires file (missing {', '.join(missing)})")
    rows = [line.split(";") for line in lines[1:] if line.strip()]
    return col, rows


def unique_by_fold(values):
    """(value, extra) pairs, first occurrence of each folded value kept, in a stable order."""
    seen = {}
    for value, extra in values:
        key = fold(value)
        if key and key not in seen:
            seen[key] = (value.strip(), extra)
    return [seen[k] for k in sorted(seen)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--rows", type=int, default=1_000_000, help="data rows to write (default 1,000,000)")
    parser.add_argument("-o", "--output", help="output file (default bench/results/elus-cm-bench-Nrows-2026-04-24.csv)")
    parser.add_argument("--seed", type=int, default=20260424, help="random seed (default 20260424)")
    parser.add_argument("--source", help="RNE maires file to draw communes and names from")
    args = parser.parse_args()

    source = args.source or next((p for p in SOURCES if os.path.isfile(p)), None)
    if source is None:
        sys.exit("No RNE maires file found; looked for:\n  " + "\n  ".join(SOURCES))
    col, maires = read_maires(source)
    output = args.output or default_output(args.rows)

    # Communes in file order, one entry per maire row, with the dates their council took office.
    communes = []
    for r in maires:
        start = FIRST_ROUND if r[col["Date de début du mandat"]] == FIRST_ROUND else SECOND_ROUND
        communes.append((r[:6], start, r[col["Date de début de la fonction"]] or start))
    last_names = [v for v, _ in unique_by_fold((r[col["Nom de l'élu"]], None) for r in maires)]
    first_names = unique_by_fold((r[col["Prénom de l'élu"]], r[col["Code sexe"]]) for r in maires)
    csp_col = col["Code de la catégorie socio-professionnelle"]
    csps = sorted({(r[csp_col], r[csp_col + 1]) for r in maires if r[csp_col]})
    days = (BIRTH_LAST - BIRTH_FIRST).days + 1

    # Row i gets person j = (a*i + b) mod space, with gcd(a, space) = 1: a bijection of [0, space), so rows never
    # share (last name, first name, birth date) while the combinations look shuffled.
    space = len(last_names) * len(first_names) * days
    if args.rows > space:
        sys.exit(f"Only {space} distinct persons can be made from {source}; asked for {args.rows}.")
    rng = random.Random(args.seed)
    a = rng.randrange(space // 3, space)
    while math.gcd(a, space) != 1:
        a += 1
    b = rng.randrange(space)

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    given = [0] * len(communes)
    partial = output + ".part"
    with open(partial, "w", encoding="utf-8", newline="\n") as out:
        out.write(";".join(HEADER) + "\n")
        for i in range(args.rows):
            j = (a * i + b) % space
            j, day = divmod(j, days)
            last, first = divmod(j, len(first_names))
            first_name, sex = first_names[first]
            birth = BIRTH_FIRST + datetime.timedelta(days=day)
            c = rng.randrange(len(communes))
            place, mandate_start, function_start = communes[c]
            n = given[c]
            given[c] = n + 1
            function, function_date = (FUNCTIONS[n], function_start) if n < len(FUNCTIONS) else ("", "")
            csp_code, csp_label = csps[rng.randrange(len(csps))]
            out.write(";".join(place + [
                last_names[last], first_name, sex, birth.strftime("%d/%m/%Y"), csp_code, csp_label,
                mandate_start, function, function_date,
            ]) + "\n")
            if (i + 1) % 250_000 == 0:
                print(f"  generate: {i + 1:,} rows", file=sys.stderr)
    os.replace(partial, output)
    print(f"{output}: {args.rows:,} rows from {os.path.relpath(source, REPO)} "
          f"({len(communes):,} communes, {len(last_names):,} last names, {len(first_names):,} first names, seed {args.seed})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
