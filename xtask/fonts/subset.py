#!/usr/bin/env python3
"""Makes courtview's web fonts: one WOFF2 file per face holding exactly the letters the site's
three languages use, from ParaType's PT Serif and PT Sans as the npm packages @fontsource/pt-serif
and @fontsource/pt-sans (SIL Open Font License 1.1) ship them.

@fontsource splits each face into alphabet subsets (latin, latin-ext, cyrillic, cyrillic-ext), so
a Kazakh page needed three files per face (cyrillic for і ұ and Russian, cyrillic-ext for the
other Kazakh letters, latin for digits and punctuation), and cyrillic-ext alone carries some 170
letters of other languages. This script merges each face's subsets and keeps only LETTERS below,
without hinting instructions (browsers on Android, Linux and macOS ignore them; Windows renders
the outlines with its own smoothing), so a Kazakh, Russian or English page needs one file per
face, about a fifth of the bytes.

A modified font may not keep its reserved-looking original name under the OFL's spirit (and the
project's rule: a subset must carry a new family name), so the faces are renamed "Courtview
Serif" and "Courtview Sans"; the copyright notice and the licence stay (static/fonts/OFL.txt).

Needs Python 3 with fonttools and brotli (`pip install fonttools brotli`) and npm (to fetch the
packages). Run from the repository root:

    python3 xtask/fonts/subset.py

It rewrites static/fonts/courtview-*.woff2; the @font-face rules in static/styles/main.css name
them with UNICODE_RANGE below.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

PACKAGES = {"pt-serif": "@fontsource/pt-serif@5.3.0", "pt-sans": "@fontsource/pt-sans@5.3.0"}

# (source family, weight, style, new family, file stem)
FACES = [
    ("pt-serif", 400, "normal", "Courtview Serif", "courtview-serif-400-normal"),
    ("pt-serif", 700, "normal", "Courtview Serif", "courtview-serif-700-normal"),
    ("pt-serif", 400, "italic", "Courtview Serif", "courtview-serif-400-italic"),
    ("pt-sans", 400, "normal", "Courtview Sans", "courtview-sans-400-normal"),
    ("pt-sans", 700, "normal", "Courtview Sans", "courtview-sans-700-normal"),
]

SUBSETS = ["latin", "cyrillic", "cyrillic-ext", "latin-ext"]

# What the site writes (tests/fonts.rs checks it against the pages, the interface's messages,
# the knowledge base and the stylesheet's own text, in Cyrillic and in Latin): ASCII; of
# Latin-1 only the no-break and soft hyphen, £ § © ® ° ± ² ³ ¶ · × « » and the letters
# Ä Ö Ü Ñ É (ä ö ü ñ of the 2021 Kazakh alphabet, é of loanwords); the Russian alphabet with Ё
# and the Kazakh І (not the letters of Ukrainian, Belarusian, Serbian or Macedonian), the
# Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ, the 2021 Kazakh Latin letters outside Latin-1 (Ğ İ ı Ş Ū),
# dashes, quotes, ellipsis, bullets, primes, №, €, ™, minus. Other accented letters come from
# the fallback fonts: the whole of Latin-1 and of basic Cyrillic cost 14 KB more per page in
# the four faces a page uses.
UNICODE_RANGE = (
    "U+0020-007E,U+00A0,U+00A3,U+00A7,U+00A9,U+00AB,U+00AD-00AE,U+00B0-00B3,U+00B6-00B7,"
    "U+00BB,U+00C4,U+00C9,U+00D1,U+00D6-00D7,U+00DC,U+00E4,U+00E9,U+00F1,U+00F6,U+00FC,"
    "U+011E-011F,U+0130-0131,U+015E-015F,U+016A-016B,"
    "U+0401,U+0406,U+0410-044F,U+0451,U+0456,U+0492-0493,U+049A-049B,U+04A2-04A3,U+04AE-04B1,U+04BA-04BB,"
    "U+04D8-04D9,U+04E8-04E9,U+2010-2015,U+2018-201E,U+2020-2022,U+2026,U+2030,"
    "U+2032-2033,U+2039-203A,U+20AC,U+2116,U+2122,U+2212"
)

# OpenType features the text uses: kerning, ligatures, localised forms, marks.
FEATURES = ["kern", "liga", "locl", "mark", "mkmk", "ccmp"]


def unicodes(ranges):
    out = []
    for part in ranges.split(","):
        lo, _, hi = part[2:].partition("-")
        out.extend(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def fetch(workdir):
    """Unpacks each npm package into workdir/<name>/package/; returns the folders."""
    folders = {}
    for name, spec in PACKAGES.items():
        target = workdir / name
        target.mkdir()
        out = subprocess.run(
            ["npm", "pack", spec, "--json", "--pack-destination", str(target)],
            check=True, capture_output=True, text=True,
        )
        tarball = target / json.loads(out.stdout)[0]["filename"]
        subprocess.run(["tar", "-xzf", str(tarball), "-C", str(target)], check=True)
        folders[name] = target / "package" / "files"
    return folders


def rename(font, family, weight, style):
    """Gives the face its new family name in every name record that carries one."""
    sub = ("Bold " if weight == 700 else "") + ("Italic" if style == "italic" else "")
    sub = sub.strip() or "Regular"
    full = f"{family} {sub}" if sub != "Regular" else family
    ps = (family.replace(" ", "") + "-" + sub.replace(" ", ""))
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (2, 17):
            record.string = sub
        elif record.nameID == 3:
            record.string = f"courtview subset: {ps}"
        elif record.nameID == 4:
            record.string = full
        elif record.nameID == 6:
            record.string = ps
    names.setName(
        "A subset of ParaType's PT Serif and PT Sans, renamed as the SIL Open Font License "
        "asks of a modified font; made by courtview's xtask/fonts/subset.py.",
        10, 3, 1, 0x409,
    )


def main():
    out_dir = Path("static/fonts")
    if not out_dir.is_dir():
        sys.exit("run from the repository root (static/fonts/ not found)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = fetch(tmp)
        for source, weight, style, family, stem in FACES:
            parts = []
            for s in SUBSETS:
                src = sources[source] / f"{source}-{s}-{weight}-{style}.woff2"
                font = TTFont(src)
                font.flavor = None
                path = tmp / f"{stem}-{s}.ttf"
                font.save(path)
                parts.append(str(path))
            merged = Merger().merge(parts)
            options = subset.Options()
            options.flavor = "woff2"
            options.hinting = False
            options.desubroutinize = True
            options.layout_features = FEATURES
            options.name_IDs = ["*"]
            options.name_languages = ["*"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes(UNICODE_RANGE))
            subsetter.subset(merged)
            rename(merged, family, weight, style)
            target = out_dir / f"{stem}.woff2"
            merged.flavor = "woff2"
            merged.save(target)
            print(f"{target}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
