"""One citation per reference type users meet, with the fields that type has: the tagged formats'
type golden files (``tests/formats/<format>/golden/types/``) and round trips are made from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from citeexport.model import Citation, Date, LocalizedText, Name, Role

SMITH = Name(family="Smith", given="Mary Ann")
WANG = Name(family="王", given="小明")


def field_value(citation: Citation, field: str) -> Any:
    """A model field (or name role) of ``citation`` in its first language."""
    text = citation.texts[citation.languages[0]]
    if field in type(citation).model_fields:
        return getattr(citation, field)
    if field in type(text).model_fields:
        return getattr(text, field)
    return text.name_list(cast(Role, field))


def written_and_read_back(
    citation: Citation, write: Callable[[Citation], tuple[str, list[str]]], read: Callable[[str], list[Citation]]
) -> tuple[Citation, set[str]]:
    """``citation`` written and read back: the one record that comes back, and the names the writer's
    warnings give.  Its language is kept, and its type unless a warning names the type."""
    from citeexport.record_warnings import names_of

    text, warnings = write(citation)
    (back,) = read(text)
    warned = {name for warning in warnings for name in names_of(warning)}
    assert back.languages == citation.languages[:1]
    assert (back.type == citation.type) is (citation.type not in warned), (back.type, warnings)
    return back, warned


def kept_fields(citation: Citation, back: Citation, warned: set[str]) -> Iterator[tuple[str, Any, Any]]:
    """Each field ``citation`` has in its first language that no warning names and no writer omits
    quietly, with its value there and in ``back`` (what a reader gave back of the writer's output)."""
    from citeexport.formats.base import QUIETLY_OMITTED, present_fields

    for field in present_fields(citation, citation.languages[0]):
        if field not in warned and field not in QUIETLY_OMITTED:
            yield field, field_value(citation, field), field_value(back, field)


def _en(**fields: object) -> dict[str, LocalizedText]:
    return {"en": LocalizedText.model_validate({"title": "A Title", "names": {"author": (SMITH,)}, **fields})}


def _zh(**fields: object) -> dict[str, LocalizedText]:
    return {"zh": LocalizedText.model_validate({"title": "一个题名", "names": {"author": (WANG,)}, **fields})}


def _person(family: str, given: str) -> Name:
    return Name(family=family, given=given)


def _names(*authors: Name | str, **roles: tuple[Name, ...]) -> dict[str, tuple[Name, ...]]:
    """Names by role: the authors (a string is an organisation), then the other roles."""
    return {"author": tuple(Name(literal=a) if isinstance(a, str) else a for a in authors), **roles}


def _case(csl_type: str, issued: Date, texts: dict[str, LocalizedText], **fields: object) -> Citation:
    return Citation.model_validate({"type": csl_type, "issued": issued, "texts": texts, **fields})


_GOETHE = LocalizedText(
    language="de",
    title="Faust: Entwurf",
    names=_names(_person("Goethe", "J. W.")),
    archive="Goethe- und Schiller-Archiv",
    archive_location="GSA 25/W 1",
)
_BOOK = _zh(
    title="全唐五代诗格汇考",
    publisher="江苏古籍出版社",
    publisher_place="南京",
    edition="2",
    collection_title="中华学术丛书",
    names=_names(_person("张", "伯伟"), editor=(_person("李", "四"),)),
    note="据初版重印",
    title_short="诗格汇考",
)
_CHAPTER = _en(
    title="The Carnegie Mellon Class of 1968",
    container_title="Women's Lives through Time",
    collection_title="The Jossey-Bass Social and Behavioral Science Series",
    publisher="Jossey-Bass",
    publisher_place="San Francisco",
    names=_names(
        _person("Angrist", "S. S."),
        _person("Almquist", "E. M."),
        editor=(_person("Hulbert", "K. D."), _person("Schuster", "D. T.")),
        translator=(_person("Doe", "Jane"),),
    ),
)
_PROCEEDINGS = "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition"
_NREL = "National Renewable Energy Laboratory"
_WHO = "World Health Organization"

#: Case name (its CSL type) -> citation.  Every case has the fields its type has in the model (issue 12).
TYPE_CASES: dict[str, Citation] = {
    case.type: case
    for case in (
        _case("book", Date(year=2002), _BOOK, isbn="978-7-101-02928-0", number_of_volumes="2"),
        _case("chapter", Date(year=1993), _CHAPTER, page_first="282", page_last="300", isbn="1-55542-535-6"),
        _case(
            "paper-conference",
            Date(year=2019, month=6, day=16),
            _en(
                title="Deep Residual Learning Revisited",
                container_title=_PROCEEDINGS,
                publisher="IEEE",
                publisher_place="Piscataway",
                event_place="Long Beach, CA",
            ),
            page_first="770",
            page_last="778",
            doi="10.1109/CVPR.2019.00086",
        ),
        _case(
            "thesis",
            Date(year=2014),
            _zh(
                title="黄瓜共表达网络研究",
                publisher="南昌大学",
                publisher_place="南昌",
                genre="博士学位论文",
                names=_names(_person("林", "行众"), contributor=(_person("黄", "三文"),)),
                url="https://kns.cnki.net/kcms2/article/abstract?v=1&uniplatform=NZKPT",
            ),
            number_of_pages="156",
        ),
        _case(
            "report",
            Date(year=2021, month=3),
            _en(
                title="Flow Battery Storage: A Technical Report",
                publisher=_NREL,
                publisher_place="Golden, CO",
                genre="Technical report",
                collection_title="NREL Technical Reports",
                names=_names(_NREL),
            ),
            number="NREL/TP-5400-12345",
        ),
        _case(
            "standard",
            Date(year=2015, month=5, day=15),
            _zh(
                title="信息与文献 参考文献著录规则",
                publisher="中国标准出版社",
                publisher_place="北京",
                names=_names("全国信息与文献标准化技术委员会"),
            ),
            number="GB/T 7714—2015",
        ),
        _case(
            "patent",
            Date(year=2016, month=8, day=3),
            _zh(
                title="一种黄瓜遗传转化方法",
                authority="中国",
                publisher="南京农业大学",
                names=_names(_person("施", "吉庆"), _person("杨", "亮华")),
            ),
            number="CN105838736A",
        ),
        _case(
            "article-newspaper",
            Date(year=2023, month=9, day=21),
            _zh(title="坚持创新驱动发展", container_title="人民日报", names=_names("本报评论员")),
            page_first="5",
            issn="0254-7325",
        ),
        _case(
            "article-magazine",
            Date(year=2020, season=3),
            _en(title="Autumn Gardens", container_title="Garden Monthly"),
            volume="12",
            issue="4",
            page_first="30",
            page_last="35",
        ),
        _case(
            "webpage",
            Date(year=2024, month=2, day=1),
            _en(
                title="Stem Cell Guidance", container_title=_WHO, url="https://www.who.int/stem-cells?x=1&y=2", names=_names(_WHO)
            ),
            accessed=Date(year=2025, month=1, day=31),
        ),
        _case(
            "dataset",
            Date(year=2022),
            _en(title="Telomerase Measurements in MSCs", publisher="Dryad", genre="database"),
            doi="10.5061/dryad.abc123",
            version="2",
        ),
        _case(
            "software",
            Date(year=2025, month=1),
            _en(title="citeexport", publisher="GitHub", url="https://example.org/citeexport"),
            version="1.4.2",
        ),
        _case(
            "article",
            Date(literal="In press"),
            _en(title="A Preprint on H<sub>2</sub>O and Ca<sup>2+</sup>", genre="preprint", publisher="arXiv"),
            status="in press",
        ),
        _case("manuscript", Date(year=1887, circa=True), {"de": _GOETHE}),
        _case("map", Date(year=-876), _en(title="Map of the Ancient World", publisher="Antiquity Press", genre="wall map")),
        _case(
            "legal_case",
            Date(year=1954, month=5, day=17),
            _en(title="Brown v. Board of Education", container_title="U.S.", authority="Supreme Court", names={}),
            volume="347",
            page_first="483",
        ),
        _case(
            "interview",
            Date(year=2010, end=Date(year=2011)),
            _en(title="On Translation", names=_names(SMITH, interviewer=(_person("Doe", "John"),))),
        ),
        _case(
            "document",
            Date(literal="n.d."),
            _en(title="Catalog of Seeds", genre="catalog", note="Line one.\nLine two &amp; more"),
        ),
    )
}
