"""Personal names as GB/T 7714 prints them, shared by the citeproc patch and the fast renderer.

* 2015 §8.1.1: ``SURNAME`` + initials without dots; a hyphenated given name gives one initial
  per part and loses the hyphen (A.8 [9] ``PARK J R``), so ``Chun-ming RAO`` is ``RAO C M``.
* 2025 §7.1.1: the surname is no longer in capitals (``Caplan P``, ``Einstein A``) and the
  hyphen stays between initials (``Godard J-L``), so ``Chun-ming RAO`` is ``Rao C-M``.
"""

from __future__ import annotations

import re

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
