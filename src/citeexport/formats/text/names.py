"""Personal names as GB/T 7714 prints them, shared by the citeproc patch and the fast renderer.

* 2015 §8.1.1: ``SURNAME`` + initials without dots; a hyphenated given name gives one initial
  per part and loses the hyphen (A.8 [9] ``PARK J R``), so ``Chun-ming RAO`` is ``RAO C M``.
* 2025 §7.1.1: the surname is no longer in capitals (``Caplan P``, ``Einstein A``) and the
  hyphen stays between initials (``Godard J-L``), so ``Chun-ming RAO`` is ``Rao C-M``.
"""

from __future__ import annotations

import re
import unicodedata

from ...cjk import has_cjk
from .pinyin import is_pinyin_surname, syllables

_SPLIT_PARTS = re.compile(r"[\s.]+")


def initials(given: str, mark: str = " ", keep_hyphen: bool = False) -> str:
    """``Chun-ming`` -> ``C M`` (``C-M`` with ``keep_hyphen``); with mark ``.``: ``C.M.`` / ``C.-M.``.

    CSL semantics: each initial is followed by ``mark`` (``initialize-with``).  Unlike
    citeproc-py 0.11, a lower-case part after a hyphen (``ming``) is a name part, not a
    particle, so it is initialised too.  A lower-case word standing alone inside one part
    (``van``) is kept whole, as CSL keeps particles.
    """
    groups: list[str] = []
    for hyphen_part in given.split("-"):
        words = [word for word in _SPLIT_PARTS.split(hyphen_part) if word]
        out = ""
        for index, word in enumerate(words):
            if word[0].islower() and index > 0:
                out = out.rstrip() + " " + word + " "
            else:
                out += word[0].upper() + mark
        if out.strip():
            groups.append(out.strip() if keep_hyphen else out)
    if keep_hyphen:
        return "-".join(groups)
    return " ".join("".join(groups).split())


def surname_2025(family: str) -> str:
    """An all-capitals surname in initial capitals (``RAO`` -> ``Rao``, ``DE MORGAN`` -> ``De Morgan``).

    Mixed-case surnames (``McDonald``, ``van der Merwe``) are left as given.
    """
    if not family.isupper():
        return family
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), family.lower())


def _pinyin_initials(given: str, keep_hyphen: bool) -> str | None:
    """``Jiangning`` -> ``J N`` (2015 §8.1.1), ``Chun-ming`` -> ``C M``/``C-M``; None when not pinyin."""
    parts = given.split("-")
    groups = []
    for part in parts:
        split = syllables(part)
        if not split:
            return None
        groups.append(" ".join(syllable[0].upper() for syllable in split))
    return ("-" if keep_hyphen else " ").join(groups)


def _latin(text: str) -> bool:
    return all(not char.isalpha() or unicodedata.name(char, "").startswith("LATIN") for char in text)


def gbt_name(name: dict[str, str], edition: int, comma: str = ", ") -> str:
    """One CSL name as GB/T 7714 prints it (2015 §8.1.1, 2025 §7.1.1).

    Organisations (``literal``) as given; CJK persons whole without a space (``饶春明``); others
    surname first, in capitals (2015) or as given with all-capital surnames in initial capitals
    (2025), the given names as initials without dots, hyphens kept in 2025 (``Godard J-L``), a
    pinyin given name one initial per syllable (``LI J N``), particles after the initials
    (2015 ``VEEN P H van der``, 2025 ``Veen P H v d``), a suffix after a comma without its period (``PEEBLES P Z, Jr``).
    """
    if "literal" in name:
        return name["literal"]
    family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    given = name.get("given") or ""
    if has_cjk(family) and (not given or has_cjk(given)):
        return family + given
    if not has_cjk(family):
        if edition == 2025:
            family = surname_2025(family)
        elif _latin(family):  # Cyrillic and Greek keep their case (2015 6.1 example 1 [6])
            family = family.upper()
    out = family
    if given:
        keep_hyphen = edition == 2025
        initialled = None
        if edition == 2015 and " " not in given.strip() and "." not in given and is_pinyin_surname(family):
            initialled = _pinyin_initials(given, keep_hyphen)
        out += " " + (initialled or initials(given, " ", keep_hyphen=keep_hyphen))
    particle = name.get("dropping-particle")
    if particle:  # 2015 prints it whole (VEEN P H van der), 2025's examples as initials (Veen P H v d)
        out += " " + (particle if edition == 2015 else " ".join(word[0] for word in particle.split()))
    suffix = name.get("suffix")
    if suffix:
        out += comma + suffix.rstrip(".")
    return out
