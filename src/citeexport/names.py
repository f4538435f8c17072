"""Printed names back into :class:`~citeexport.model.Name`, for every reader: persons, organisations,
Chinese names and their compound surnames.

Exporters print a name in one of a few shapes, and a reader cannot ask which:

* ``Family, Given`` (RIS, EndNote, RefWorks, BibTeX) — split at the first comma.
* ``Family, Given, Jr`` (the RIS specification's order) and ``Family, Jr, Given`` (BibTeX's
  three-part form) — told apart by which part is a known suffix (:data:`SUFFIXES`); the
  suffix goes to ``Name.suffix``.  ``Family, Jr`` and ``Given Family, Jr`` (two parts, the
  second an unmistakable suffix, :data:`PLAIN_SUFFIXES`) too: ``Martin Luther King, Jr.``.
* ``Given Family`` (no comma) — the last word is the family name (BibTeX's rule), with any
  lower-case particles before it (``Ludwig van Beethoven``) and a trailing unmistakable suffix
  after it (``Martin Luther King Jr.`` → given ``Martin Luther``, family ``King``, suffix
  ``Jr.``).  Initials first are given names (``KC Wright``, ``J.W. Goethe``, ``J. R. R.
  Tolkien``: family ``Wright``, ``Goethe``, ``Tolkien``).  Of exactly two words, a first one in
  capitals that spells a pinyin surname (one or two syllables, :func:`is_pinyin_surname`)
  before a capitalised one (``RAO Chun-ming``, the GB/T 7714 way) is the family name;
  ``KC``, ``AJ`` and ``J.W.`` spell none, so they stay initials.
* A CJK name (``饶春明``) is whole in every format; it is split with :func:`split_chinese_name`
  so that keys and sorting work, unless it cannot be a person
  (:func:`looks_like_cjk_person`): then it is an organisation.
* An organisation is marked by the format: braces in BibTeX (``{World Health Organization}``),
  a trailing comma in EndNote; the caller says so with ``literal=True``.  Where nothing marks
  it — a RIS, EndNote or RefWorks author line with no comma — :func:`looks_like_organisation_name`
  decides (rules below); the platform dump's ``stringName`` uses the looser
  :func:`looks_like_organisation` (:func:`parse_unmarked_name`).  An organisation is a
  ``literal`` and no writer inverts it.

Organisations printed with no mark (:func:`looks_like_organisation_name`), a heuristic:

* Latin script, no comma: at least three words, one of them an organisation word
  (:data:`ORGANISATION_WORDS`: ``University``, ``Society``, ``Organization``, ``Committee`` …),
  e.g. ``World Health Organization``, ``IEEE Computer Society``; or two words, one of them an
  organisation word that is no common personal name (``Cochrane Collaboration``,
  ``Peking University``; not ``Grace Board``).
* CJK: longer than a person's name can be (more than :data:`MAX_CJK_PERSON_CHARS` Han
  characters: ``国家卫生健康委员会``), or ending with an institution suffix
  (:data:`INSTITUTION_SUFFIXES`: ``委员会 研究所 大学 学会 协会 中心`` … and the one-character
  ``局 部 院 所 厅 署``) after at least two characters that are no surname + given name
  (``北京大学``, ``教育部``, ``中国科学院``; not ``王大学``, not ``李建国``).

Chinese compound surnames (复姓), :func:`split_chinese_name`: a name splits after a compound
surname of :data:`COMPOUND_SURNAMES` only when the rest is a plausible given name, one or two
characters.  Of three characters the rest is one character, and the name splits as a compound
only when its first character is not also one of the common single surnames
(:data:`COMMON_SURNAMES`: the 100 most frequent surnames of the Ministry of Public Security's
household-registration report, 《二〇二〇年全国姓名报告》, as commonly listed, and a few more): ``欧阳修`` → 欧阳 + 修,
``司马迁`` → 司马 + 迁, ``诸葛亮`` → 诸葛 + 亮, but ``张简华`` → 张 + 简华 (张 is the third most
common surname, 张简 a rare Taiwanese compound) and ``夏侯惇`` → 夏 + 侯惇 (the rule's known cost:
both readings are real, and the single surname is far more frequent).  Four characters starting
with a compound surname split after it (``司马相如``, ``欧阳春明``): a single surname would leave a
three-character given name, which is rare.  The split only matters for keys and sorting: every
writer prints a CJK name whole.

Decisions:

* von/van/de particles stay in the family name (``family="van Beethoven"``), as CSL's
  ``non-dropping-particle`` does when a reader cannot tell the two kinds apart; sorting
  then files the name under "v", which is the Dutch and German library practice for
  names given without particle markup.  A format with particle fields (CSL-JSON) keeps them
  in ``non_dropping_particle``/``dropping_particle``.
* ``Jun``, ``Sen`` and ``V`` are suffixes only in a three-part name: ``Wang Jun``, ``Amartya
  Sen`` and ``Smith, V`` are a family and a given name.
"""

from __future__ import annotations

import re

from .cjk import HAN, has_cjk
from .model import Name, clean_text, new_name

#: Name suffixes, compared without a trailing dot and case-insensitively (in a three-part name).
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd", "jun", "sen", "junior", "senior"})
#: Suffixes that are no personal name: recognised where nothing but their spelling marks them
#: (``Martin Luther King Jr.``, ``King, Jr.``); ``Jun``/``Sen``/``V`` are names or initials there.
#: Spelled as written (``Ii`` is a given name, ``II`` a suffix).
PLAIN_SUFFIXES = frozenset({"Jr", "JR", "Sr", "SR", "II", "III", "IV", "2nd", "3rd"})

#: Longest CJK personal name (Han characters, a compound surname + two given characters is 4).
#: Longer CJK names are organisations (``国家药典委员会``); minority names with ``·`` are kept.
MAX_CJK_PERSON_CHARS = 4
#: Han characters, a single ``·`` (or ``•``, ``・``) allowed between two: ``^[HAN]+(?:[·•・][HAN]+)*$``,
#: with the class written once (compiling it visits each of its ~28,000 BMP characters).
_CJK_PERSON = re.compile(f"^(?:[{HAN}][·•・]?)+(?<![·•・])$")
_SPACES = re.compile(r"\s+")

#: Separators exporters put between several names in one field (MagTech, CNKI), by
#: strength: ``;``/``；`` always separate names; ``，``/``、`` separate CJK names; an ASCII
#: comma separates only when every part is a CJK name of two or more characters
#: (``何贤敏,李茂西``), because ``Family, Given`` (``饶, 春明``) uses it too.
_STRONG_SEPARATORS = re.compile(r"\s*[;；]\s*")
_CJK_SEPARATORS = re.compile(r"\s*[，、]\s*")
_ASCII_COMMA = re.compile(r"\s*,\s*")
#: Any of the separators above: a value without one is one name.
_ANY_SEPARATOR = re.compile(r"[;；，、,]")

#: The commonest single surnames of mainland China: the top 100 of the Ministry of Public
#: Security's household-registration report (《二〇二〇年全国姓名报告》) as commonly listed, and a
#: few just below them, for :func:`split_chinese_name`.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔"
    "谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
)

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
    """``饶春明`` → (``饶``, ``春明``); ``欧阳修`` → (``欧阳``, ``修``); ``张简华`` → (``张``, ``简华``);
    one character → (it, None).  The compound-surname rule is the module docstring's."""
    whole = whole.strip()
    if len(whole) >= 3 and whole[:2] in COMPOUND_SURNAMES and (len(whole) >= 4 or whole[0] not in COMMON_SURNAMES):
        return whole[:2], whole[2:]
    if len(whole) >= 2:
        return whole[:1], whole[1:]
    return whole, None


#: Words that make a name printed whole an organisation's (:func:`looks_like_organisation_name`).
ORGANISATION_WORDS = frozenset(
    {
        "university",
        "universität",
        "université",
        "universidad",
        "università",
        "institute",
        "institut",
        "instituto",
        "college",
        "school",
        "hospital",
        "center",
        "centre",
        "laboratory",
        "laboratories",
        "commission",
        "committee",
        "council",
        "association",
        "society",
        "consortium",
        "collaboration",
        "group",
        "team",
        "network",
        "organization",
        "organisation",
        "foundation",
        "agency",
        "administration",
        "ministry",
        "department",
        "bureau",
        "office",
        "board",
        "academy",
        "company",
        "corporation",
        "inc",
        "ltd",
        "gmbh",
        "llc",
        "federation",
        "union",
        "alliance",
        "service",
        "services",
        "initiative",
        "programme",
        "program",
        "project",
        "taskforce",
        "force",
        "panel",
        "working",
    }
)
#: Organisation words that are also personal names (``Grace Board``, ``Ann Office``): in a
#: two-word name they are not enough.
_NAME_LIKE_ORGANISATION_WORDS = frozenset({"board", "school", "college", "center", "office", "union", "service", "force"})
#: What the names of Chinese institutions end with (longest first when matched).
INSTITUTION_SUFFIXES = (
    "委员会",
    "研究所",
    "研究院",
    "研究中心",
    "科学院",
    "出版社",
    "办公室",
    "管理局",
    "工作组",
    "课题组",
    "协作组",
    "大学",
    "学院",
    "学会",
    "协会",
    "中心",
    "医院",
    "公司",
    "集团",
    "小组",
    "联盟",
    "局",
    "部",
    "院",
    "所",
    "厅",
    "署",
)
_WORD_CHARACTERS = re.compile(r"[^\W\d_]+")


#: The last characters of :data:`INSTITUTION_SUFFIXES`: a name ending otherwise ends with none of them.
_INSTITUTION_LAST_CHARACTERS = frozenset(suffix[-1] for suffix in INSTITUTION_SUFFIXES)


def _cjk_institution(text: str) -> bool:
    """A CJK name ending with an institution suffix after at least two characters that are no
    surname + one given character (``教育部``, ``北京大学``; not ``王大学``)."""
    if not text or text[-1] not in _INSTITUTION_LAST_CHARACTERS:
        return False
    for suffix in INSTITUTION_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            prefix = text[: -len(suffix)]
            if len(prefix) >= 2 and not (len(text) <= 3 and prefix[0] in COMMON_SURNAMES and len(suffix) == 1):
                return prefix not in COMPOUND_SURNAMES
    return False


def looks_like_organisation_name(text: str) -> bool:
    """A name printed whole, with no mark, that is an organisation's (the module docstring's heuristic)."""
    text = _SPACES.sub(" ", text.strip())
    if not text or "," in text:
        return False
    if has_cjk(text):
        compact = text.replace(" ", "")
        if _CJK_PERSON.match(compact) and "·" not in compact and len(compact) > MAX_CJK_PERSON_CHARS:
            return True
        return _cjk_institution(compact)
    words = [word.lower() for word in _WORD_CHARACTERS.findall(text)]
    found = [word for word in words if word in ORGANISATION_WORDS]
    if len(text.split(" ")) >= 3:
        return bool(found)
    return len(text.split(" ")) == 2 and any(word not in _NAME_LIKE_ORGANISATION_WORDS for word in found)


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


def is_plain_suffix(word: str) -> bool:
    """A suffix no personal name spells (``Jr.``, ``III``; not ``Jun``, ``Sen``, ``V``)."""
    return word.rstrip(".") in PLAIN_SUFFIXES


#: A pinyin syllable (toneless, as GB/T 7714 capitals print surnames): initial + final.
_PINYIN_SYLLABLE = (
    "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ui|ao|ou|iu|ie|ue|ve|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)"
)
_PINYIN_SURNAME = re.compile(f"(?:{_PINYIN_SYLLABLE}){{1,2}}", re.IGNORECASE)


def is_pinyin_surname(word: str) -> bool:
    """``RAO``, ``ZHANG``, ``OUYANG``: one or two pinyin syllables; ``KC``, ``AJ``, ``J.W.`` are not."""
    return _PINYIN_SURNAME.fullmatch(word.replace("-", "")) is not None


def looks_like_cjk_person(text: str) -> bool:
    """Han characters only (a ``·`` allowed between parts), at most :data:`MAX_CJK_PERSON_CHARS` before
    any ``·``, and no institution's name (``北京大学``, ``教育部``)."""
    return bool(_CJK_PERSON.match(text)) and ("·" in text or (len(text) <= MAX_CJK_PERSON_CHARS and not _cjk_institution(text)))


def cjk_name(text: str) -> Name:
    """A CJK name printed whole: a person split by surname, or an organisation when it cannot be one."""
    compact = _SPACES.sub("", text)
    if looks_like_cjk_person(compact):
        return cjk_person(compact)
    if compact == text or not looks_like_cjk_person(text):
        return Name(literal=text)
    return cjk_person(text)


def cjk_person(text: str) -> Name:
    """A CJK name known to be a person's (not an organisation), split by surname: 欧阳修 → 欧阳 + 修."""
    family, given = split_chinese_name(text)
    return new_name({"family": family, "given": given})


def _given_family(words: list[str], suffix: str | None = None) -> Name:
    """``Given … Family [Suffix]`` words (no comma); particles go with the family, a suffix to ``suffix``."""
    if suffix is None and len(words) > 1 and is_plain_suffix(words[-1]):
        suffix = words.pop()
    if len(words) == 1:
        return new_name({"family": words[0], "suffix": suffix})
    first, second = words[0], words[1] if len(words) > 1 else ""
    if len(words) == 2 and first.isupper() and is_pinyin_surname(first) and second[:1].isupper() and not second.isupper():
        return new_name(
            {"family": first, "given": second, "suffix": suffix}
        )  # RAO Chun-ming (two words only: "IEEE Computer Society")
    start = len(words) - 1
    while start > 1 and words[start - 1][:1].islower():  # van, de la, von der …
        start -= 1
    if start == 1 and words[0][:1].islower():  # "de Gaulle": no given name at all
        start = 0
    family = " ".join(words[start:])
    return new_name({"family": family, "given": " ".join(words[:start]) or None, "suffix": suffix})


def _clean_part(part: str) -> str | None:
    """One part of a printed name, white space folded into one space and :func:`clean_text` cleaned.

    ``str.isprintable`` is False for every white-space character but the space, so a printable part
    without two spaces in a row has nothing to fold."""
    if not part.isprintable() or "  " in part:
        part = _SPACES.sub(" ", part)
    return clean_text(part)


def name_from_parts(parts: list[str], *, literal: bool = False) -> Name | None:
    """A name from its comma-separated parts (already decoded); None when empty.

    One part: ``Given Family [Jr.]``, a CJK whole, or an organisation
    (:func:`looks_like_organisation_name`).  Two: ``Family, Given`` (as in BibTeX), except
    when the second part is a plain suffix (:func:`is_plain_suffix`): ``King, Jr.``,
    ``Martin Luther King, Jr.``.  Three or more: ``Family, Jr, Given`` or ``Family, Given, Jr``
    (whichever part is a suffix), else the family and the rest as given names.
    """
    parts = [part for part in map(_clean_part, parts) if part]
    if not parts:
        return None
    if literal:
        return Name(literal=", ".join(parts))
    if len(parts) == 1:
        (whole,) = parts
        if has_cjk(whole):
            return cjk_name(whole)
        if looks_like_organisation_name(whole):
            return Name(literal=whole)
        return _given_family(whole.split(" "))
    family, rest = parts[0], parts[1:]
    if len(rest) == 1 and has_cjk(family) and has_cjk(rest[0]):
        return cjk_name(family + rest[0])  # 饶, 春明 (a CJK name printed inverted)
    if len(rest) == 1 and is_plain_suffix(rest[0]):
        if " " in family:  # Martin Luther King, Jr.
            return _given_family(family.split(" "), rest[0]).model_copy(update={"comma_suffix": True})
        return Name(family=family, suffix=rest[0])  # King, Jr.
    suffix = None
    if len(rest) >= 2 and is_suffix(rest[0]):
        suffix, rest = rest[0], rest[1:]  # BibTeX: von Last, Jr, First
    elif len(rest) >= 2 and is_suffix(rest[-1]):
        suffix, rest = rest[-1], rest[:-1]  # RIS: Last, First, Suffix
    return new_name({"family": family, "given": ", ".join(rest) or None, "suffix": suffix})


def parse_name(text: str, *, literal: bool = False) -> Name | None:
    """One printed name (see the module docstring); None when ``text`` is blank."""
    return name_from_parts(text.split(","), literal=literal)


def split_joined_names(value: str) -> list[str]:
    """Several names an exporter joined into one field, one per item; one name stays one item.

    ``刘航;李丹`` / ``罗浩，何超`` / ``张三、李四`` / ``何贤敏,李茂西,何彦青`` / ``Smith, J.; Doe, A.``.
    """
    value = value.strip()
    if _ANY_SEPARATOR.search(value) is None:  # one name (or none), as the splits would find
        return [value] if value else []
    return _split_at_separators(value)


def _split_at_separators(value: str) -> list[str]:
    """:func:`split_joined_names` the long way (``value`` stripped): at each separator, by strength."""
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
