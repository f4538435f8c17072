"""Render a :class:`Citation` as a platform dump record, the inverse of the dump reader.

The output has the shape of ``examples/article.txt``: one ``Article(...)`` line printed the
way Lombok's ``@ToString`` prints it (every declared field, in declaration order, ``null``
bare, empty strings as nothing, strings neither quoted nor escaped), the IDE-style
``Issue{...}`` with single-quoted strings, ``{EN=..., CN=...}`` maps in HashMap order, the
Journal/Website subtrees with the seed's filler values, then the article page's text.

Why it exists: the seed is one record; benchmarks and round-trip tests need many realistic
records, and the reader is only trusted once ``reader(render(c)) == c`` holds for any ``c``.
So every citation fact is written where the reader looks for it (the dump-format notes §4) and
nowhere else, and the filler reproduces the decoys a real dump holds (``Issue.pageStart``,
``onlineDateStr``, ``Journal.journalTitle``, ``Website.title`` ...).

The field lists below are data, copied in order from the seed's first line; a test compares
the sequence of ``name=`` tokens of the rendered seed citation with the seed's own.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from citeexport.formats.dump.schema import QUOTED_FIELDS, SCHEMA
from citeexport.markup import to_html
from citeexport.model import Citation, Date, Lang, LocalizedText, Name

# -- the classes' fields, in Lombok's printed order (read off examples/article.txt) -----------

#: The reader's schema is the one source of the field order (read off the seed's first line).
CLASS_FIELDS: dict[str, tuple[str, ...]] = {cls: tuple(name for name, _kind in fields) for cls, fields in SCHEMA.items()}


#: Our language codes → the platform's map keys, in the order a Java HashMap prints them.
PLATFORM_KEYS: dict[Lang, str] = {"en": "EN", "zh": "CN"}
MAP_ORDER: tuple[Lang, ...] = ("en", "zh")

#: Website settings every site carries (code, value template; ``{domain}`` = the site's root).
WEBSITE_PROPS: tuple[tuple[str, str | None], ...] = (
    ("articleTextType", "kx"),
    ("banner", None),
    ("grayFlag", "0"),
    ("logo", "{domain}/file/pic?fileId=5+7UKv7ckvsJ8AsWJeRI6g=="),
    ("minRunFlag", "0"),
    ("picServerUrl", "{domain}/file/pic"),
    ("silenceFlag", "0"),
    ("staticResourcePath", "https://castjournals.cast.org.cn/joweb/cast_kjdb_{lower}_{number}/"),
    ("themeColor", None),
    ("themeStyle", None),
)

SITE_ROOT = "https://castjournals.cast.org.cn/joweb"
TENANT_ID = 1146029695717560320
OPERATOR = 13701087609  # creator/updator of article rows in the seed
SITE_OPERATOR = 18614031015  # creator of journal/website rows in the seed
UPLOAD_MILLIS = 1773882055081  # the seed's upload time (2026-03-19): the onlineDateStr decoy
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))

Value = str | int | bool | None


class Raw(str):
    """An already rendered value (an object, list or map): printed as is."""


# -- printing primitives ----------------------------------------------------------------------


def _scalar(value: Value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def lombok_object(cls: str, values: Mapping[str, Value]) -> Raw:
    """``Cls(f1=v1, f2=v2, ...)``: every field of ``cls`` in order; absent ones print ``null``."""
    fields = CLASS_FIELDS[cls]
    unknown = set(values) - set(fields)
    if unknown:  # a typo here would silently print null: fail loudly instead
        raise KeyError(f"{cls} has no fields {sorted(unknown)}")
    quoted = QUOTED_FIELDS.get(cls)
    if quoted is None:
        body = ", ".join(f"{name}={_scalar(values.get(name))}" for name in fields)
        return Raw(f"{cls}({body})")
    parts = []
    for name in fields:
        value = values.get(name)
        parts.append(f"{name}='{_scalar(value)}'" if name in quoted else f"{name}={_scalar(value)}")
    return Raw(f"{cls}{{{', '.join(parts)}}}")


def lombok_list(items: list[Raw]) -> Raw:
    return Raw("[" + ", ".join(items) + "]")


def lombok_map(entries: Mapping[str, Raw]) -> Raw:
    return Raw("{" + ", ".join(f"{key}={value}" for key, value in entries.items()) + "}")


# -- ids, dates, journal profile --------------------------------------------------------------


class IdSequence:
    """Row ids for the filler objects of one record: distinct, increasing, derived from the article id."""

    def __init__(self, start: int) -> None:
        self._next = start

    def __call__(self) -> int:
        self._next += 1
        return self._next


def _stable_number(text: str, digits: int = 18) -> int:
    """A deterministic id-like number for a string (ids must not change between runs)."""
    return 10 ** (digits - 1) + zlib.crc32(text.encode()) * 7919 % (9 * 10 ** (digits - 1))


def article_number_id(citation: Citation) -> int:
    if citation.id and citation.id.isdigit():
        return int(citation.id)
    return _stable_number(citation.id or citation.doi or "", 19)


def epoch_millis(date: Date) -> int | None:
    """Midnight of a full date in China time, as Java's epoch milliseconds (``pubDate``)."""
    if not (date.month and date.day):
        return None
    try:
        return int(dt.datetime(date.year, date.month, date.day, tzinfo=CHINA_TIME).timestamp() * 1000)
    except ValueError:  # a date the calendar does not have (31 February): the Str field still says it
        return None


@dataclass(frozen=True, slots=True)
class JournalProfile:
    """What the platform knows about a journal beyond what a citation carries."""

    slug: str  # the site path: …/joweb/<slug>/CN
    journal_id: int
    tenant_journal_id: int
    name_cn: str | None
    name_en: str | None
    issn: str | None
    eissn: str | None
    cn: str | None
    abbreviation: str | None


_SLUG = re.compile(r"/joweb/([^/]+)/")


def journal_profile(citation: Citation) -> JournalProfile:
    """The journal rows' identity, from the citation (names, ISSN, CN) and its URLs (the site slug)."""
    zh, en = citation.texts.get("zh"), citation.texts.get("en")
    urls = [u for t in (zh, en) if t for u in (t.url, t.pdf_url) if u]
    match = next((m for m in map(_SLUG.search, urls) if m), None)
    key = citation.issn or citation.cn or (zh and zh.container_title) or (en and en.container_title) or "journal"
    return JournalProfile(
        slug=match.group(1) if match else "j" + str(zlib.crc32(key.encode()) % 100000),
        journal_id=_stable_number("journal:" + key, 19),
        tenant_journal_id=_stable_number("tenant-journal:" + key, 19),
        name_cn=to_html(zh.container_title) if zh else None,
        name_en=to_html(en.container_title) if en else None,
        issn=citation.issn,
        eissn=citation.eissn,
        cn=citation.cn,
        abbreviation=en.container_title_short if en else None,
    )


# -- the record ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    citation: Citation
    article_id: int
    journal: JournalProfile
    issue_id: int
    next_id: IdSequence

    def common(self) -> dict[str, Value]:
        return {"tenantId": TENANT_ID, "journalId": self.journal.tenant_journal_id}


def _authors_by_position(citation: Citation) -> list[dict[Lang, Name]]:
    """Article.authors holds one Author per person with a name per language: pair by position."""
    count = max((len(text.authors) for text in citation.texts.values()), default=0)
    return [{lang: text.authors[i] for lang, text in citation.texts.items() if i < len(text.authors)} for i in range(count)]


def author_ext_names(name: Name) -> dict[str, Value]:
    """Where the platform keeps a name: CJK persons and organisations as ``stringName`` only."""
    if name.literal is not None or name.is_cjk:
        return {"stringName": name.whole}
    return {"stringName": name.whole, "firstName": name.given, "lastName": name.family}


def _author(ctx: _Context, order: int, names: dict[Lang, Name]) -> Raw:
    author_id = ctx.next_id()
    exts = {
        PLATFORM_KEYS[lang]: lombok_object(
            "AuthorExt",
            {
                "id": ctx.next_id(),
                **ctx.common(),
                "articleId": ctx.article_id,
                "authorId": author_id,
                "language": PLATFORM_KEYS[lang],
                **author_ext_names(names[lang]),
            },
        )
        for lang in MAP_ORDER
        if lang in names
    }
    return lombok_object(
        "Author",
        {
            "id": author_id,
            **ctx.common(),
            "articleId": ctx.article_id,
            "orderNo": order,
            "dead": 0,
            "correspondingAuthor": 0,
            "authorType": 1,
            "ext": lombok_map(exts),
        },
    )


def _keywords(ctx: _Context) -> Raw | None:
    items = [
        lombok_object(
            "ArticleKeyword",
            {
                "id": ctx.next_id(),
                **ctx.common(),
                "articleId": ctx.article_id,
                "language": PLATFORM_KEYS[lang],
                "keyword": to_html(word),
                "orderNo": order,
            },
        )
        for lang in ("zh", "en")
        for order, word in enumerate(ctx.citation.text(lang).keywords)
    ]
    return lombok_list(items) if items else None


def column_name(lang: Lang) -> str:
    return "研究论文" if lang == "zh" else "Research Articles"


def _article_ext(ctx: _Context, lang: Lang, text: LocalizedText) -> Raw:
    has_pdf = text.pdf_url is not None
    seed = f"{ctx.article_id}:{lang}"
    return lombok_object(
        "ArticleExt",
        {
            "id": ctx.next_id(),
            "articleId": ctx.article_id,
            **ctx.common(),
            "language": PLATFORM_KEYS[lang],
            "title": to_html(text.title),
            "columnId": _stable_number("column:" + column_name(lang) + ctx.journal.slug, 19),
            "journalTitle": to_html(text.container_title),
            "columnName": column_name(lang),
            "articleAbstract": to_html(text.abstract),
            "sourceXml": _base64ish(seed + "xml") if lang == "zh" else None,
            "magXml": _base64ish(seed + "mag") if lang == "zh" else None,
            "pdf": _base64ish(seed + "pdf") if has_pdf and lang == "zh" else None,
            "pdfFileSize": 1_000_000 + zlib.crc32(seed.encode()) % 4_000_000 if has_pdf and lang == "zh" else None,
            "magXmlContent": _base64ish(seed + "content") if lang == "zh" else None,
            "authorsList": ", ".join(name.whole for name in text.authors) or None,
        },
    )


def _base64ish(text: str) -> str:
    """A file id like the platform's (``pdf=keRXIQO6t2mIwi6J1G6rXw==``): base64 of 16 bytes, stable per text."""
    return base64.b64encode(hashlib.md5(text.encode()).digest()).decode()


def _issue(ctx: _Context) -> Raw:
    citation = ctx.citation
    exts = {
        PLATFORM_KEYS[lang]: lombok_object(
            "IssueExt",
            {
                "id": ctx.next_id(),
                **ctx.common(),
                "issueId": ctx.issue_id,
                "language": PLATFORM_KEYS[lang],
                "specialIssueTitle": "",
                "specialIssueEditor": "",
                "specialIssueAbout": "",
            },
        )
        for lang in MAP_ORDER
    }
    return lombok_object(
        "Issue",
        {
            "id": ctx.issue_id,
            **ctx.common(),
            "year": str(citation.issued.year) if citation.issued else None,
            "volume": citation.volume,
            "issue": citation.issue,
            "pageStart": "1",
            "pageEnd": "180",  # the issue's page range: a decoy for the article's pages
            "status": 1,
            "issueComplete": 1,
            "articleOrder": 1,
            "issueType": -1,
            "createTime": UPLOAD_MILLIS - 138,
            "creator": OPERATOR,
            "updateTime": UPLOAD_MILLIS + 149_664,
            "updator": OPERATOR,
            "ext": lombok_map(exts),
        },
    )


def _website(ctx: _Context, lang: Lang) -> Raw:
    journal = ctx.journal
    key = PLATFORM_KEYS[lang]
    domain = f"{SITE_ROOT}/{journal.slug}/{key}"
    site_id = ctx.next_id()
    created = 1765252256642 + (19 if lang == "en" else 0)
    props = []
    for offset, (code, template) in enumerate(WEBSITE_PROPS):
        value = template.format(domain=domain, lower=key.lower(), number=619 if lang == "zh" else 623) if template else None
        props.append(
            lombok_object(
                "WebsiteProps",
                {
                    "id": ctx.next_id(),
                    "tenantId": TENANT_ID,
                    "siteId": site_id,
                    "code": code,
                    "value": value,
                    "createTime": created + 8_525_000 + offset,
                    "updateTime": created + 8_525_000 + offset,
                    "creator": SITE_OPERATOR,
                    "updator": SITE_OPERATOR,
                },
            )
        )
    name = journal.name_cn or journal.name_en
    return lombok_object(
        "Website",
        {
            "id": site_id,
            "journalId": journal.tenant_journal_id,
            "tenantId": TENANT_ID,
            "type": 1,
            "domain": domain,
            "language": key,
            "createTime": created,
            "createBy": SITE_OPERATOR,
            "updateTime": created + 265_282,
            "updateBy": SITE_OPERATOR,
            "name": f"{name}-{'中文' if lang == 'zh' else '英文'}" if name else None,
            "tplId": 1146099689490845704 if lang == "zh" else 1146101810881728533,
            # Website.title: a decoy journal title (what the site calls itself)
            "title": (journal.name_cn if lang == "zh" else journal.name_en) or name,
            "delFlag": 0,
            "indexPage": "/home",
            "props": lombok_list(props),
        },
    )


def _journal_ext(ctx: _Context, lang: Lang) -> Raw:
    journal = ctx.journal
    manuscript = f"https://{journal.slug}author.manuscriptcloud.com/login"
    return lombok_object(
        "JournalExt",
        {
            "id": ctx.next_id(),
            "language": PLATFORM_KEYS[lang],
            "name": journal.name_cn if lang == "zh" else journal.name_en,
            **dict.fromkeys(("managedBy", "sponsoredBy", "publishedBy", "editorOffice", "officeAddr", "officeZip"), ""),
            **dict.fromkeys(("editDirector", "journalRemark", "websiteUrl", "submissionGuidelinesUrl"), ""),
            "createdTime": 1765252167718,
            "updatedTime": 1765252167718,
            "createdBy": OPERATOR,
            "updatedBy": OPERATOR,
            "submissionAuthorUrl": manuscript,
            "submissionEditorUrl": f"https://{journal.slug}editor.manuscriptcloud.com/login",
            "submissionReviewUrl": manuscript,
            "submissionCeEditorUrl": "",
            "submissionAeEditorUrl": "",
            "option": '{"copyright":""}',
        },
    )


def _journal(ctx: _Context) -> Raw:
    journal = ctx.journal
    cover = _base64ish(f"{journal.slug}:cover")
    photo_en = _base64ish(f"{journal.slug}:cover-en")
    first_letter = (journal.name_en or "C")[:1].upper()
    return lombok_object(
        "Journal",
        {
            "id": journal.journal_id,
            "delFlag": 0,
            "nameCn": journal.name_cn,
            "nameEn": journal.name_en,
            "issn": journal.issn,
            "eissn": journal.eissn,
            "cn": journal.cn,
            "periodic": "月刊",
            "language": "CN",
            "oaType": 1,
            "officeEmail": "",
            "officePhone": "",
            "coverPicUrl": cover,
            "abbrevIsoEn": journal.abbreviation or journal.name_en,
            "createdTime": 1765251271721,
            "updatedTime": 1765252167692,
            "createdBy": SITE_OPERATOR,
            "updatedBy": OPERATOR,
            "firstLetterCn": first_letter,
            "firstLetterEn": first_letter,
            "subjectCode": "Life Sciences",
            "subjectName": "生命医学",
            "subjectCodeEn": "Life Sciences",
            "picCn": cover,
            "picEn": photo_en,
            "exts": lombok_list([_journal_ext(ctx, "zh"), _journal_ext(ctx, "en")]),
            "tenantJournalId": journal.tenant_journal_id,
            "websiteList": lombok_list([_website(ctx, "zh"), _website(ctx, "en")]),
            "journalTitle": journal.name_cn,  # a decoy after the ArticleExts
            "status": 1,
            "journalTitleEn": journal.name_en,
            "journalPhotoCn": cover,
            "journalPhotoEn": photo_en,
            "journalFirstLetter": first_letter,
            "option": "",
            "collectFlag": False,
        },
    )


def render_dump(citation: Citation) -> str:
    """The ``Article(...)`` text of one citation (no line end; raw newlines only where values hold them)."""
    article_id = article_number_id(citation)
    ctx = _Context(citation, article_id, journal_profile(citation), 0, IdSequence(article_id))
    ctx.issue_id = _stable_number(f"issue:{ctx.journal.slug}:{citation.year}:{citation.volume}:{citation.issue}", 19)
    texts = citation.texts
    issued = citation.issued
    online = citation.available_date
    people = _authors_by_position(citation)
    values: dict[str, Value] = {
        "id": citation.id,
        **ctx.common(),
        "issueId": ctx.issue_id,
        "articleNumber": citation.number,
        "doi": citation.doi,
        "onlineType": 1 if citation.online_first else 0,
        "articleFormat": 0,
        "onlineDate": UPLOAD_MILLIS,
        "onlineDateStr": dt.datetime.fromtimestamp(UPLOAD_MILLIS / 1000, CHINA_TIME).date().isoformat(),
        "pubDate": epoch_millis(issued) if issued else None,
        "pubDateStr": issued.iso() if issued else None,
        "onlineIssueDate": UPLOAD_MILLIS,
        "onlineIssueDateStr": "2026-03-19",
        "onlineFirstDate": epoch_millis(online) if online else None,
        "onlineFirstDateStr": online.iso() if online else None,
        "createTime": UPLOAD_MILLIS,
        "creator": OPERATOR,
        "updateTime": UPLOAD_MILLIS,
        "updator": OPERATOR,
        "issue": _issue(ctx),
        "startPage": citation.page_first,
        "endPage": citation.page_last,
        "ext": lombok_map({PLATFORM_KEYS[lang]: _article_ext(ctx, lang, texts[lang]) for lang in MAP_ORDER if lang in texts}),
        "authors": lombok_list([_author(ctx, order, names) for order, names in enumerate(people)]) if people else None,
        "keywords": _keywords(ctx),
        "journal": _journal(ctx),
        "detailUrlCn": citation.text("zh").url,
        "detailUrlEn": citation.text("en").url,
        "pdfUrlCn": citation.text("zh").pdf_url,
        "pdfUrlEn": citation.text("en").pdf_url,
        "collectionFlag": False,
    }
    return lombok_object("Article", values)


# -- the page text ------------------------------------------------------------------------------


def _source_line(citation: Citation) -> str:
    """``2025, 45(1): 1-3`` as the page prints it (parts missing are left out)."""
    out = str(citation.year or "")
    if citation.volume:
        out += f", {citation.volume}"
    if citation.issue:
        out += f"({citation.issue})"
    where = citation.pages or citation.number
    if where:
        out += f": {where}"
    return out


def _citation_lines(citation: Citation, lang: Lang) -> Iterator[str]:
    """The site's own citation, split over lines; author lists cut to 3 + 等/et al (a page-text trap)."""
    text = citation.text(lang)
    names = [name.whole for name in text.authors]
    if len(names) > 3:
        names = [*names[:3], "等" if lang == "zh" else "et al"]
    yield ", ".join(names) + "."
    yield f"{text.title or ''}{'[J]' if lang == 'en' else ''}."
    yield f"{text.container_title or ''}{' ,' if lang == 'en' else ','}"
    yield str(citation.year or "")
    if citation.volume:
        yield f", {citation.volume}"
    if citation.issue:
        yield f"({citation.issue})"
    if citation.page_first:
        yield f": {citation.page_first}"
    if citation.page_last and citation.page_last != citation.page_first:
        yield f"-{citation.page_last}"
    yield "."


def render_page_text(citation: Citation, junk: Sequence[str] = ()) -> str:
    """The article page's text after the dump, laid out like the seed's (each line ends with LF).

    ``junk``: scraped lines that are not about the article (a table caption, a flattened
    table ...), put where the seed has them, before the export menu.
    """
    zh, en = citation.texts.get("zh"), citation.texts.get("en")
    first = zh or en or LocalizedText()
    lines: list[str] = [first.container_title or "", f"| {column_name('zh' if zh else 'en')} {_source_line(citation)}"]
    if zh:
        lines += [zh.title or "", "全屏", " , ".join(name.whole for name in zh.authors), "作者信息"]
    if en:
        lines += [en.title or "", ", ".join(name.whole for name in en.authors), "Affiliations"]
    date = citation.issued.iso() if citation.issued else ""
    lines += [f"出版时间: {date}", "文章导航"]
    for lang in ("zh", "en"):
        if lang in citation.texts:
            lines += list(_citation_lines(citation, lang))
    for lang, heading, keywords_heading in (("zh", "摘要", "关键词"), ("en", "Abstract", "Key words")):
        text = citation.texts.get(lang)  # type: ignore[call-overload]
        if text and text.abstract:
            lines += [heading, text.abstract]
        if text and text.keywords:
            lines += [keywords_heading, (", " if lang == "en" else "；").join(text.keywords)]
    issue_line = f"{citation.year}年" if citation.year else ""
    issue_line += (f"第{citation.volume}卷" if citation.volume else "") + (f"第{citation.issue}期" if citation.issue else "")
    link = f"{SITE_ROOT}/{journal_profile(citation).slug}/CN/{citation.id or ''}"
    lines += [issue_line, "PDF下载", "78", "35", "引用本文", "BibTeX", "文章信息"]
    lines += ["首发时间:2026-03-19", f"出版时间:{date}", link, "复制链接", "引用本文", "BibTeX"]
    lines += [*junk, "关闭全屏", "BibTeX", "EndNote", "RefWorks", "TxT"]
    return "".join(line + "\n" for line in lines)


def render_record(citation: Citation, *, page_text: bool = True, junk: Sequence[str] = ()) -> str:
    """One record of an issue dump: the dump line, then the page text; ends with a line end."""
    return render_dump(citation) + "\n" + (render_page_text(citation, junk) if page_text else "")
