"""Printed names back into :class:`~citeexport.model.Name`, for every reader: persons, organisations,
Chinese names and their compound surnames.

Exporters print a name in one of a few shapes, and a reader cannot ask which:

* ``Family, Given`` (RIS, EndNote, RefWorks, BibTeX) — split at the first comma.
* ``Family, Given, Jr`` (the RIS specification's order) and ``Family, Jr, Given`` (BibTeX's
  three-part form) — told apart by which part is a known suffix (:data:`SUFFIXES`).
* ``Given Family`` (no comma) — the last word is the family name (BibTeX's rule), with any
  lower-case particles before it (``Ludwig van Beethoven``); of exactly two words, a first
  one in capitals before a capitalised one (``RAO Chun-ming``, the GB/T 7714 way) is the
  family name.
* A CJK name (``饶春明``) is whole in every format; it is split with :func:`split_chinese_name`
  (which knows the compound surnames, 欧阳修 → 欧阳 + 修) so that keys and sorting work, unless
  it is too long to be a person (:func:`looks_like_cjk_person`): then it is an organisation.
* An organisation is marked by the format: braces in BibTeX (``{World Health Organization}``),
  a trailing comma in EndNote; the caller says so with ``literal=True``.  Where nothing marks
  it (the platform dump's ``stringName``), :func:`parse_unmarked_name` takes a name holding an
  organisation word (``Working Group``, ``委员会``) for one.

Decisions, because the model has no field for them:

* von/van/de particles stay in the family name (``family="van Beethoven"``), as CSL's
  ``non-dropping-particle`` does when a reader cannot tell the two kinds apart; sorting
  then files the name under "v", which is the Dutch and German library practice for
  names given without particle markup.
* A suffix (``Jr``, ``III``) is kept with the family name after a comma
  (``family="King, Jr."``): nothing is lost, ``Name.whole`` prints ``Martin Luther King, Jr.``
  and ``Name.inverted`` prints ``King, Jr., Martin Luther`` — BibTeX's three-part form,
  which this module reads back to the same name.
"""

from __future__ import annotations

import re

from .cjk import HAN, has_cjk
from .model import Name, clean_text

#: Name suffixes, compared without a trailing dot and case-insensitively.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd", "jun", "sen", "junior", "senior"})

#: Longest CJK personal name (Han characters, a compound surname + two given characters is 4).
#: Longer CJK names are organisations (``国家药典委员会``); minority names with ``·`` are kept.
MAX_CJK_PERSON_CHARS = 4
_CJK_PERSON = re.compile(f"^[{HAN}]+(?:[·•・][{HAN}]+)*$")
_SPACES = re.compile(r"\s+")

#: Separators exporters put between several names in one field (MagTech, CNKI), by
#: strength: ``;``/``；`` always separate names; ``，``/``、`` separate CJK names; an ASCII
#: comma separates only when every part is a CJK name of two or more characters
#: (``何贤敏,李茂西``), because ``Family, Given`` (``饶, 春明``) uses it too.
_STRONG_SEPARATORS = re.compile(r"\s*[;；]\s*")
_CJK_SEPARATORS = re.compile(r"\s*[，、]\s*")
_ASCII_COMMA = re.compile(r"\s*,\s*")


#: Two-character (复姓) surnames, from the Hundred Family Surnames and common usage.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "司空",
        "夏侯",
        "轩辕",
        "令狐",
        "独孤",
        "南宫",
        "西门",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "申屠",
        "钟离",
        "闾丘",
        "东郭",
        "百里",
        "呼延",
        "万俟",
        "端木",
        "拓跋",
        "第五",
        "左丘",
        "谷梁",
        "赫连",
        "羊舌",
        "微生",
        "梁丘",
        "鲜于",
        "闻人",
        "亓官",
        "司寇",
        "子车",
        "颛孙",
        "壤驷",
        "公良",
        "漆雕",
        "乐正",
        "宰父",
        "谷利",
        "公西",
        "巫马",
        "公羊",
        "仲孙",
        "叔孙",
        "东门",
        "段干",
        "百里",
        "呼延",
        "乌孙",
        "范姜",
        "张简",
        "张廖",
    ]
)


def split_chinese_name(whole: str) -> tuple[str, str | None]:
    """``饶春明`` → (``饶``, ``春明``); ``欧阳修`` → (``欧阳``, ``修``); one character → (it, None)."""
    whole = whole.strip()
    if len(whole) >= 3 and whole[:2] in COMPOUND_SURNAMES:
        return whole[:2], whole[2:]
    if len(whole) >= 2:
        return whole[:1], whole[1:]
    return whole, None


_ORGANISATION = re.compile(
    r"\b(?:university|universit[äé]|institute|institut|college|school|hospital|cent(?:er|re)|laborator(?:y|ies)|"
    r"commission|committee|council|association|society|consortium|collaboration|group|team|network|"
    r"organi[sz]ation|foundation|agency|administration|ministry|department|bureau|office|board|academy|"
    r"company|corporation|inc|ltd|gmbh)\b"
    r"|委员会|协会|学会|研究会|中心|研究所|研究院|科学院|大学|学院|医院|公司|集团|课题组|协作组|小组|联盟|办公室|管理局",
    re.IGNORECASE,
)


def looks_like_organisation(whole: str) -> bool:
    """A name printed whole that names a body, not a person (``WHO Working Group``, ``国家药典委员会``)."""
    return _ORGANISATION.search(whole) is not None


def is_suffix(word: str) -> bool:
    return word.rstrip(".").lower() in SUFFIXES


def looks_like_cjk_person(text: str) -> bool:
    """Han characters only (a ``·`` allowed between parts), at most :data:`MAX_CJK_PERSON_CHARS` before any ``·``."""
    return bool(_CJK_PERSON.match(text)) and ("·" in text or len(text) <= MAX_CJK_PERSON_CHARS)


def cjk_name(text: str) -> Name:
    """A CJK name printed whole: a person split by surname, or an organisation when it cannot be one."""
    whole = _SPACES.sub("", text) if looks_like_cjk_person(_SPACES.sub("", text)) else text
    if not looks_like_cjk_person(whole):
        return Name(literal=text)
    return cjk_person(whole)


def cjk_person(text: str) -> Name:
    """A CJK name known to be a person's (not an organisation), split by surname: 欧阳修 → 欧阳 + 修."""
    family, given = split_chinese_name(text)
    return Name(family=family, given=given)


def _with_suffix(family: str, suffix: str | None) -> str:
    return f"{family}, {suffix}" if suffix else family


def _given_family(words: list[str]) -> Name:
    """``Given … Family`` words (no comma); particles and a trailing suffix go with the family."""
    suffix = words.pop() if len(words) > 1 and is_suffix(words[-1]) else None
    if len(words) == 1:
        return Name(family=_with_suffix(words[0], suffix))
    first = words[0]
    if len(words) == 2 and first.isupper() and len(first.strip(".-")) > 1 and words[1][:1].isupper() and not words[1].isupper():
        return Name(family=_with_suffix(first, suffix), given=words[1])  # RAO Chun-ming (two words only: "IEEE Computer Society")
    start = len(words) - 1
    while start > 1 and words[start - 1][:1].islower():  # van, de la, von der …
        start -= 1
    if start == 1 and words[0][:1].islower():  # "de Gaulle": no given name at all
        start = 0
    family = " ".join(words[start:])
    return Name(family=_with_suffix(family, suffix), given=" ".join(words[:start]) or None)


def name_from_parts(parts: list[str], *, literal: bool = False) -> Name | None:
    """A name from its comma-separated parts (already decoded); None when empty.

    One part: ``Given Family`` or a CJK whole.  Two: ``Family, Given``, always (as in BibTeX:
    ``Smith, Jr`` is a given name Jr, which is how the writers print it).  Three or more:
    ``Family, Jr, Given`` or ``Family, Given, Jr`` (whichever part is a suffix), else the
    family and the rest as given names.
    """
    parts = [part for part in (clean_text(_SPACES.sub(" ", p)) for p in parts) if part]
    if not parts:
        return None
    if literal:
        return Name(literal=", ".join(parts))
    if len(parts) == 1:
        (whole,) = parts
        if has_cjk(whole):
            return cjk_name(whole)
        return _given_family(whole.split(" "))
    family, rest = parts[0], parts[1:]
    if len(rest) == 1 and has_cjk(family) and has_cjk(rest[0]):
        return cjk_name(family + rest[0])  # 饶, 春明 (a CJK name printed inverted)
    suffix = None
    if len(rest) >= 2 and is_suffix(rest[0]):
        suffix, rest = rest[0], rest[1:]  # BibTeX: von Last, Jr, First
    elif len(rest) >= 2 and is_suffix(rest[-1]):
        suffix, rest = rest[-1], rest[:-1]  # RIS: Last, First, Suffix
    return Name(family=_with_suffix(family, suffix), given=", ".join(rest) or None)


def parse_name(text: str, *, literal: bool = False) -> Name | None:
    """One printed name (see the module docstring); None when ``text`` is blank."""
    return name_from_parts(text.split(","), literal=literal)


def split_joined_names(value: str) -> list[str]:
    """Several names an exporter joined into one field, one per item; one name stays one item.

    ``刘航;李丹`` / ``罗浩，何超`` / ``张三、李四`` / ``何贤敏,李茂西,何彦青`` / ``Smith, J.; Doe, A.``.
    """
    value = value.strip()
    names = [part for part in _STRONG_SEPARATORS.split(value) if part]
    out: list[str] = []
    for name in names:
        pieces = [p for p in _CJK_SEPARATORS.split(name) if p] if has_cjk(name) else [name]
        for piece in pieces:
            commas = [p for p in _ASCII_COMMA.split(piece) if p]
            if len(commas) > 1 and all(len(p) > 1 and looks_like_cjk_person(p) for p in commas):
                out.extend(commas)
            else:
                out.append(piece)
    return out


def parse_unmarked_name(text: str) -> Name | None:
    """A name printed whole with nothing to say whether it is a person (the platform dump's
    ``stringName`` and ``authorsList``): an organisation when it holds an organisation word;
    a CJK name in one piece a person's (:func:`cjk_person`, whatever its length); else
    :func:`parse_name`."""
    if looks_like_organisation(text):
        return Name(literal=text)
    if has_cjk(text) and " " not in text and "," not in text:
        return cjk_person(text)
    return parse_name(text)


#: Between the names of a list printed in one value (the platform's ``authorsList``,
#: ``Chun-ming RAO, Lin PANG``): any comma or semicolon, ASCII or full-width, or ``、``.
_NAME_LIST_SEPARATORS = re.compile(r"\s*(?:,|，|、|;|；)\s*")


def split_name_list(value: str) -> list[str]:
    """The names of a list printed in one value, in order (no name in it holds a comma)."""
    return [part for part in _NAME_LIST_SEPARATORS.split(value) if part.strip()]
