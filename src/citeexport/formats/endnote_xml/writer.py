"""Writing EndNote XML: ``<xml><records>``, one ``<record>`` per article and language, ``</records></xml>``.

Each record is one line (as EndNote writes a whole export), so the output streams record by
record and an error's line number is its record's.  Every value is XML-escaped (``& < >``, CR as
``&#13;``), characters XML cannot hold (C0 controls other than tab and line ends, U+FFFE, U+FFFF,
lone surrogates) are removed with a warning, and model markup becomes ``<style face="…">`` runs
(:mod:`.styles`): no value can open or close an element, so none can forge a record.

Types and fields follow the shared table (:mod:`.table`): a type EndNote cannot hold is written as
the nearest one, a field with no element for the type is not written, each with a warning.  A
book given by its editors only is an ``Edited Book`` (its authors are the editors).  Names are
``Family, Given``; an organisation ends with a comma (EndNote's rule for corporate authors).
Dates: ``<year>`` holds the year (``c. 1900`` when approximate, the literal text of a date that is
no date), ``<pub-dates><date>`` the month and day (``January 31``), a season, or a range in EDTF.
"""

from __future__ import annotations

import calendar
from typing import Any

from ...markup import to_plain
from ...model import Citation, Date, Lang, LocalizedText, Name
from ..base import DetachedWriting, Writer
from .records import INVALID_CHARACTERS
from .styles import NOCASE_WARNING, styled_xml, xml_attribute, xml_text
from .table import (
    CHILD_ORDER,
    EDITED_BOOK,
    ELEMENT_ORDER,
    ENDNOTE_TYPES,
    HELD_TYPES,
    PERIODICAL_TYPES,
    WRITTEN_TYPES,
    elements_of,
)

HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<xml><records>\n'
FOOTER = "</records></xml>\n"
SOURCE_APP = '<database name="citeexport.enl" path="citeexport.enl">citeexport.enl</database><source-app name="citeexport">citeexport</source-app>'
REMOVED_CHARACTERS = "characters XML cannot hold (control characters), removed from"

#: Fields written as plain text (no style runs): identifiers, numbers, links, names, keywords.
_STYLED = frozenset(LocalizedText.model_fields) - {"url", "pdf_url", "language", "keywords", "names"}


def date_texts(date: Date) -> tuple[str, str | None]:
    """(``<year>`` text, ``<pub-dates><date>`` text or None) of a date."""
    if date.literal is not None:
        return date.literal, None
    year = f"c. {date.year}" if date.circa else str(date.year)
    if date.end is not None:
        return year, date.edtf()
    if date.season is not None:
        return year, date.season_name
    if date.month:
        month = calendar.month_name[date.month]
        return year, f"{month} {date.day}" if date.day else month
    return year, None


def name_text(name: Name) -> str:
    """``Family, Given``; an organisation with EndNote's trailing comma; a CJK name whole."""
    if name.literal is not None:
        return f"{name.literal},"
    return name.inverted


class EndnoteXmlWriter(Writer, DetachedWriting):
    name = "endnote-xml"
    description = "EndNote XML (EndNote, Zotero and bibutils read it)"
    extension = "xml"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.numbered = 0

    def start(self) -> str:
        return HEADER

    def finish(self) -> str:
        return FOOTER

    def write_one(self, citation: Citation, lang: Lang) -> str:
        return self._numbered(self.body(citation, lang))

    def write_detached(self, citation: Citation) -> object:
        return [self.body(citation, lang) for lang in self.options.languages(citation)]

    def attach(self, detached: object) -> str:
        assert isinstance(detached, list)
        return "".join(self._numbered(body) for body in detached)

    def _numbered(self, body: str) -> str:
        self.numbered += 1
        return f"<record>{SOURCE_APP}<rec-number>{self.numbered}</rec-number>{body}</record>\n"

    # -- one record ----------------------------------------------------------------------------

    def body(self, citation: Citation, lang: Lang) -> str:
        """A record's elements after its ``rec-number``, the reference type first."""
        text = citation.text(lang)
        csl_type = citation.type
        endnote = WRITTEN_TYPES[csl_type]
        names = dict(text.names)
        if csl_type == "book" and not names.get("author") and names.get("editor"):
            endnote, names["author"] = EDITED_BOOK, names.pop("editor")
        self.warn_type(citation, HELD_TYPES, endnote)
        where = elements_of(csl_type)
        values: dict[str, str] = {}  # element path -> XML content
        written: set[str] = set()
        lost_markup: set[str] = set()
        cleaned: dict[str, None] = {}

        def put(field: str, path: str | None, content: str) -> None:
            if path is None or not content:
                return
            values[path] = values.get(path, "") + content
            written.add(field)

        def clean(field: str, value: str) -> str:
            if INVALID_CHARACTERS.search(value):
                cleaned[field] = None
                return INVALID_CHARACTERS.sub("", value)
            return value

        for role, found in names.items():
            path = where.get(role)
            if path is not None and found:
                put(role, path, "".join(f"<author>{xml_text(clean(role, name_text(n)))}</author>" for n in found))
        if endnote == EDITED_BOOK:
            written.add("editor")
        title = text.title
        if text.subtitle:
            title = f"{title}: {text.subtitle}" if title else text.subtitle
            written.add("subtitle")
        fields: dict[str, str | None] = {
            field: getattr(text, field) for field in LocalizedText.model_fields if field not in ("names", "keywords", "language")
        }
        fields["title"] = title
        for field, value in fields.items():
            if value:
                content = (
                    styled_xml(clean(field, value), lost_markup)
                    if field in _STYLED
                    else xml_text(clean(field, to_plain(value) or ""))
                )
                put(field, where.get(field), content)
        if csl_type in PERIODICAL_TYPES:  # the journal again, where EndNote keeps it too (Zotero reads it there)
            if text.container_title:
                values["periodical/full-title"] = values.get("titles/secondary-title", "")
            if text.container_title_short:
                values["periodical/abbr-1"] = values.get("titles/alt-title", "")
        if text.keywords:
            put(
                "keywords",
                where.get("keywords"),
                "".join(f"<keyword>{xml_text(clean('keywords', k))}</keyword>" for k in text.keywords),
            )
        put("language", where.get("language"), xml_text(citation.language_tag(lang)))
        for field in (
            "volume",
            "issue",
            "number",
            "number_of_volumes",
            "section",
            "version",
            "isbn",
            "issn",
            "call_number",
            "doi",
            "id",
        ):
            value = getattr(citation, field)
            if value:
                put(field, where.get(field), xml_text(clean(field, value)))
        pages = citation.pages
        if pages:
            put("page_first", where.get("pages"), xml_text(clean("pages", pages)))
            written.update(("page_last", "page"))
        if citation.issued is not None:
            year, date = date_texts(citation.issued)
            content = f"<year>{xml_text(clean('issued', year))}</year>"
            if date:
                content += f"<pub-dates><date>{xml_text(clean('issued', date))}</date></pub-dates>"
            put("issued", where.get("issued"), content)
        if citation.accessed is not None:
            put("accessed", where.get("accessed"), xml_text(citation.accessed.edtf() or citation.accessed.literal or ""))
        if citation.original_date is not None:
            put(
                "original_date",
                where.get("original_date"),
                xml_text(citation.original_date.edtf() or citation.original_date.literal or ""),
            )
        self.warn_unwritten(citation, lang, frozenset(written))
        if lost_markup:
            self.warn(NOCASE_WARNING, sorted(lost_markup))
        if cleaned:
            self.warn(REMOVED_CHARACTERS, cleaned)
        return f"<ref-type name={xml_attribute(endnote)}>{ENDNOTE_TYPES[endnote]}</ref-type>" + _assemble(values)


def _assemble(values: dict[str, str]) -> str:
    """The elements of a record in EndNote's order, grouped ones inside their group."""
    out = []
    for element in ELEMENT_ORDER:
        if element in CHILD_ORDER:
            children = []
            for child in CHILD_ORDER[element]:
                content = values.get(f"{element}/{child}")
                if content:
                    inner = f"<url>{content}</url>" if element == "urls" else content
                    children.append(f"<{child}>{inner}</{child}>")
            if children:
                out.append(f"<{element}>{''.join(children)}</{element}>")
        elif element == "dates":
            if values.get("dates"):
                out.append(f"<dates>{values['dates']}</dates>")
        elif values.get(element):
            out.append(f"<{element}>{values[element]}</{element}>")
    return "".join(out)
