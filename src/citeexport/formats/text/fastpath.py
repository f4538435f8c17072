"""The GB/T 7714 renderer: one reference of any document type, from a prepared CSL item.

The bundled styles are rendered here (``styles/gb7714-*.csl`` declare the same rules in CSL for
other processors; see :mod:`.lookup`).  An entry is a list of elements joined by ``. `` (2015 §7,
2025 §6: the period goes before the title, the source, the URL and the identifier); each element
is built from the item's own data with the edition's separators (:class:`.profiles.Punctuation`).
Transcribed values (titles, names, places, publishers) are printed exactly as given.

``value`` renders one transcribed value (plain text, or escaped HTML for the HTML writer) and
``literal`` one piece of the standard's own punctuation, so the same layout serves both writers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...cjk import has_cjk
from .codes import type_code
from .names import gbt_name
from .pages import expand_last_page
from .postprocess import finish_reference
from .profiles import ANONYMOUS, ET_AL, GbtProfile

Render = Callable[[str], str]

#: Codes whose date is an electronic resource's ``(update date)[access date]`` (2015 §8.4.4, 2025 §7.6).
_ELECTRONIC = frozenset({"EB", "DB", "DS", "CP", "PP"})
#: Codes with a responsible body's number after the title (``题名: 编号``).
_NUMBERED = frozenset({"S", "P", "R"})
#: Codes whose ``container-title`` is a host printed after ``//`` (析出文献, 2015 §4.2, 2025 §8.3).
_PARTS = frozenset({"M", "C", "G", "S", "CM", "A", "Z"})
#: Codes whose ``volume`` is a volume of the book itself (``国史旧闻: 第1卷``).
_BOOK_VOLUME = frozenset({"M", "C", "G", "CM", "A", "S"})


def _plain(text: str) -> str:
    return text


@dataclass
class _Entry:
    """What one rendering needs: the item, the style, and the two renderers of text."""

    item: dict[str, Any]
    profile: GbtProfile
    value: Render
    literal: Render

    @property
    def zh(self) -> bool:
        return str(self.item.get("language", "")).startswith(("zh", "ja"))

    def text(self, key: str) -> str:
        raw = self.item.get(key)
        return self.value(str(raw)) if raw not in (None, "") else ""

    def p(self, name: str) -> str:
        return self.literal(getattr(self.profile.punctuation, name))


def _date(date: dict[str, Any] | None, full: bool = True) -> str:
    if not date:
        return ""
    if "date-parts" not in date or not date["date-parts"] or not date["date-parts"][0]:
        return str(date.get("literal", ""))
    parts = date["date-parts"][0]
    year = str(parts[0])
    if date.get("circa"):  # an estimated year (2015 §8.4.3.3, 2025 §7.5.4.3)
        return f"[{year}]"
    if not full:
        return year
    return "-".join([year, *(f"{int(part):02d}" for part in parts[1:3])])


def _is_full(date: dict[str, Any] | None) -> bool:
    return bool(date and date.get("date-parts") and len(date["date-parts"][0]) >= 2)


def _pages(item: dict[str, Any]) -> str:
    pages = str(item.get("page") or "")
    if pages.count("-") == 1:
        first, last = (part.strip() for part in pages.split("-"))
        pages = f"{first}-{expand_last_page(first, last)}"
    return pages


def _names(entry: _Entry, role: str) -> str:
    names = entry.item.get(role) or []
    if not names:
        return ""
    comma = entry.p("comma")
    rendered = [entry.value(gbt_name(name, entry.profile.edition, entry.profile.punctuation.comma)) for name in names[:3]]
    if len(names) > 3:
        rendered.append(entry.literal(ET_AL["zh" if entry.zh else "en"]))
    return comma.join(rendered)


#: 其他责任者 (2015 §8.1, 2025 §7.1): the roles printed after the title, with their words.
_OTHER_ROLES: tuple[tuple[str, str, str], ...] = (
    ("translator", "译", "trans"),
    ("editor", "编", "ed"),
    ("compiler", "编", "comp"),
)


def _other_responsibility(entry: _Entry, *, part: bool) -> str:
    """``谢远涛, 译`` (and ``…, 编`` for the editors of a work that has an author), joined by ``; ``."""
    out = []
    for role, zh_word, en_word in _OTHER_ROLES:
        if role != "translator" and (part or not entry.item.get("author")):
            continue  # the editors of a host, or the main responsible persons of an authorless work
        names = _names(entry, role)
        if names:
            out.append(names + entry.p("comma") + entry.literal(zh_word if entry.zh else en_word))
    semicolon = entry.literal("；" if entry.profile.punctuation.comma == "，" else "; ")
    return semicolon.join(out)


def _title(entry: _Entry, code: str, carrier: str | None) -> str:
    item, colon = entry.item, entry.p("colon")
    title = entry.text("title")
    number = entry.text("number")
    if code == "S" and entry.profile.edition == 2025 and number:
        gap = "\u3000" if has_cjk(str(item.get("title", ""))) else " "
        title = number + entry.literal(gap) + title if title else number
        number = ""
    if item.get("volume") and code in _BOOK_VOLUME and not item.get("container-title"):
        title += colon + entry.text("volume")
    if code == "A" and item.get("archive_location"):
        title += colon + entry.text("archive_location")
    elif number and (code in _NUMBERED or code == "A"):
        title += colon + number
    if item.get("scale"):
        title += entry.literal(". ") + entry.text("scale")
    return title + entry.literal(f"[{code}/{carrier}]" if carrier else f"[{code}]")


def _edition(entry: _Entry) -> str:
    edition = str(entry.item.get("edition") or "")
    if edition.isdigit():
        if entry.zh:
            return entry.literal(f"{edition}版")
        number = int(edition)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return entry.literal(f"{number}{suffix} ed.")
    return entry.text("edition")


def _imprint(entry: _Entry, *, with_year: bool, online: bool) -> str:
    """``出版地: 出版者, 出版年: 页码`` with the placeholders of 2015 §8.4.1.3/§8.4.2.3 (print items only)."""
    item = entry.item
    place, publisher = entry.text("publisher-place"), entry.text("publisher")
    if not online:
        if publisher and not place:
            place = entry.literal("[出版地不详]" if entry.zh else "[S.l.]")
        elif place and not publisher:
            publisher = entry.literal("[出版者不详]" if entry.zh else "[s.n.]")
    out = place + entry.p("colon") + publisher if place and publisher else place or publisher
    year = _date(item.get("issued"), full=False) if item.get("issued") else ""
    if with_year and year:
        out = out + entry.p("comma") + entry.value(year) if out else entry.value(year)
    pages = _pages(item)
    if pages:
        out += entry.p("colon") + entry.value(pages)
    return out


def _journal_source(entry: _Entry, *, with_year: bool) -> str:
    item, comma = entry.item, entry.p("comma")
    out = entry.text("container-title")
    if entry.profile.edition == 2025 and item.get("available-date") and not item.get("volume"):
        out += comma + entry.value(_date(item["available-date"]))
    else:
        if with_year and item.get("issued"):
            out += comma + entry.value(_date(item["issued"], full=False))
        if item.get("volume"):
            out += comma + entry.text("volume")
        if item.get("issue"):
            out += entry.p("open_paren") + entry.text("issue") + entry.p("close_paren")
    pages = _pages(item) or str(item.get("number") or "")
    if pages:
        out += entry.p("colon") + entry.value(pages)
    return out


def _electronic_date(entry: _Entry) -> str:
    """``(update date)[access date]`` (2015 §8.4.4, 2025 §7.6)."""
    item = entry.item
    out = ""
    if item.get("issued"):
        out = entry.p("open_paren") + entry.value(_date(item["issued"])) + entry.p("close_paren")
    if item.get("accessed"):
        out += entry.literal("[" + _date(item["accessed"]) + "]")
    return out


def _accessed(entry: _Entry) -> str:
    return entry.literal("[" + _date(entry.item["accessed"]) + "]") if entry.item.get("accessed") else ""


def _container(entry: _Entry) -> str:
    """The host of a part (析出文献出处, after ``//``): its responsible persons, title and volume."""
    item = entry.item
    heads = _names(entry, "container-author") or _names(entry, "editor")
    title = entry.text("container-title")
    if item.get("volume"):
        title += entry.p("colon") + entry.text("volume")
    return entry.literal(". ").join(part for part in (heads, title) if part)


def _source_elements(entry: _Entry, code: str, *, part: bool, electronic: bool, online: bool) -> list[str]:
    """出版项 / 出处: the source of a part, the imprint, the dates (2015: the access date after them)."""
    item, profile, value, literal = entry.item, entry.profile, entry.value, entry.literal
    edition, author_date = profile.edition, profile.author_date
    comma, colon = entry.p("comma"), entry.p("colon")
    elements: list[str] = []
    year_in_place = not author_date
    source = ""
    if code == "J" and item.get("type") == "periodical":
        if item.get("volume"):
            elements.append(entry.text("volume"))
        imprint_item = dict(item)
        imprint_item.pop("page", None)
        source = _imprint(_Entry(imprint_item, profile, value, literal), with_year=False, online=online)
        if item.get("issued") and not author_date:
            source += comma + entry.value(_date(item["issued"]))
    elif code == "J":
        source = _journal_source(entry, with_year=year_in_place)
    elif code == "N":
        source = entry.text("container-title") + comma + entry.value(_date(item.get("issued")))
        if item.get("page"):
            source += entry.p("open_paren") + entry.value(_pages(item)) + entry.p("close_paren")
    elif code == "P":
        source = entry.value(_date(item.get("issued")))
        if edition == 2025 and item.get("page"):
            source += colon + entry.value(_pages(item))
    elif (part and not item.get("container-title")) or (code == "S" and edition == 2025):
        source = ""  # 2025 §8.9 prints a standard's number and title only
    elif code == "A" and (item.get("archive") or item.get("archive-place")):
        holder = entry.text("archive-place")
        if item.get("archive"):
            holder = holder + colon + entry.text("archive") if holder else entry.text("archive")
        source = holder + comma + entry.value(_date(item.get("issued"))) if item.get("issued") else holder
    elif electronic and not (item.get("publisher") or item.get("publisher-place")):
        if code in ("R", "A") or edition == 2015 or code in ("EB", "CP", "DB"):
            source = _electronic_date(entry) if (online or code in _ELECTRONIC) else ""
            if code == "A" and source.startswith(entry.p("open_paren")):  # 2015 4.6.2 example 2
                source = entry.value(_date(item["issued"], full=False)) + source
        if not source and item.get("issued"):
            source = entry.value(_date(item["issued"]))
    elif code in ("DS", "PP") and edition == 2025:
        source = entry.text("publisher") + _electronic_date(entry)
    elif code in ("R", "A") and not (item.get("publisher") or item.get("publisher-place")):
        source = entry.value(_date(item.get("issued"))) if item.get("issued") else ""
        pages = _pages(item)
        if pages:
            source = source + colon + entry.value(pages) if source else entry.value(pages)
    else:
        source = _imprint(entry, with_year=year_in_place, online=online)
    access_after_source = (edition == 2015 and not (electronic and "[" in source)) or (
        edition == 2025 and code in ("EB", "CP", "DB") and "[" not in source
    )
    if item.get("accessed") and access_after_source:
        source += _accessed(entry)
    if source:
        elements.append(source)
    if item.get("dimensions"):
        elements.append(entry.text("dimensions"))

    return elements


def render_gbt(
    item: dict[str, Any],
    profile: GbtProfile,
    *,
    carrier: str | None = None,
    value: Render = _plain,
    literal: Render = _plain,
) -> str:
    """The reference for ``item`` under ``profile`` (item prepared by :func:`.items.gbt_item`)."""
    entry = _Entry(item, profile, value, literal)
    edition, author_date = profile.edition, profile.author_date
    code = type_code(item, edition)
    comma, colon = entry.p("comma"), entry.p("colon")
    online = carrier == "OL"
    electronic = code in _ELECTRONIC or (code in ("R", "A") and online and edition == 2015 and _is_full(item.get("issued")))
    part = (bool(item.get("container-title")) and code in _PARTS) or (code == "C" and bool(item.get("event-title")))
    elements: list[str] = []

    # 主要责任者 (and the year in the author-date system)
    heads = _names(entry, "author")
    if not heads and code in ("M", "C", "G", "CM", "D", "R", "S", "DB", "DS", "CP", "Z") and not part:
        heads = _names(entry, "editor")
    if edition == 2025 and code == "S" and not author_date:
        heads = ""  # 2025 §8.9: the standard number leads
    if author_date:
        dated = item.get("issued") or item.get("available-date")
        year = _date(dated, full=False) if dated else ""
        if not year and item.get("accessed"):  # an undated online item: the year it was seen
            year = "[" + _date(item["accessed"], full=False) + "]"
        year += str(item.get("year-suffix") or "")
        lead = heads or entry.literal(ANONYMOUS["zh" if entry.zh else "en"])
        elements.append(comma.join(part_ for part_ in (lead, entry.value(year) if year else "") if part_))
    elif heads:
        elements.append(heads)

    # 题名[文献类型标识/载体标识], other responsibility, //host
    title = _title(entry, code, carrier)
    translator = _other_responsibility(entry, part=part)
    if part:
        if translator:
            title += entry.literal(". ") + translator
            translator = ""
        if item.get("container-title"):
            title += entry.literal("//") + _container(entry)
        else:  # a paper known by its conference only (2025 §8.6.3)
            title += entry.literal("//") + entry.text("event-title")
            if not author_date and item.get("issued"):
                title += comma + entry.value(_date(item["issued"], full=False))
            pages = _pages(item)
            if pages:
                title += colon + entry.value(pages)
    elements.append(title)
    if translator:
        elements.append(translator)
    edition_text = _edition(entry)
    if edition_text:
        elements.append(edition_text)
    if code in ("DS", "PP") and item.get("version"):
        elements.append(entry.text("version"))

    elements += _source_elements(entry, code, part=part, electronic=electronic, online=online)

    # 获取和访问路径, 数字对象唯一标识符
    if item.get("URL"):
        elements.append(entry.value(str(item["URL"])))
    if item.get("DOI"):
        elements.append(entry.literal("DOI:") + entry.value(str(item["DOI"])))
    if item.get("CSTR"):
        elements.append(entry.literal("CSTR:") + entry.value(str(item["CSTR"])))
    return finish_reference(entry.literal(". ").join(element for element in elements if element) + entry.literal("."))
