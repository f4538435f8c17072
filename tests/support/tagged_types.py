"""One citation per reference type users meet, with the fields that type has: the tagged formats'
type golden files (``tests/formats/<format>/golden/types/``) and round trips are made from them."""

from __future__ import annotations

from citeexport.model import Citation, Date, LocalizedText, Name

SMITH = Name(family="Smith", given="Mary Ann")
WANG = Name(family="王", given="小明")


def _en(**fields: object) -> dict[str, LocalizedText]:
    return {"en": LocalizedText.model_validate({"title": "A Title", "names": {"author": (SMITH,)}, **fields})}


def _zh(**fields: object) -> dict[str, LocalizedText]:
    return {"zh": LocalizedText.model_validate({"title": "一个题名", "names": {"author": (WANG,)}, **fields})}


#: Case name -> citation.  Every case has the fields its type has in the model (issue 12).
TYPE_CASES: dict[str, Citation] = {
    "book": Citation(
        type="book",
        issued=Date(year=2002),
        isbn="978-7-101-02928-0",
        number_of_volumes="2",
        texts=_zh(
            title="全唐五代诗格汇考",
            publisher="江苏古籍出版社",
            publisher_place="南京",
            edition="2",
            collection_title="中华学术丛书",
            names={"author": (Name(family="张", given="伯伟"),), "editor": (Name(family="李", given="四"),)},
            note="据初版重印",
            title_short="诗格汇考",
        ),
    ),
    "chapter": Citation(
        type="chapter",
        issued=Date(year=1993),
        page_first="282",
        page_last="300",
        isbn="1-55542-535-6",
        texts=_en(
            title="The Carnegie Mellon Class of 1968",
            container_title="Women's Lives through Time",
            collection_title="The Jossey-Bass Social and Behavioral Science Series",
            publisher="Jossey-Bass",
            publisher_place="San Francisco",
            names={
                "author": (Name(family="Angrist", given="S. S."), Name(family="Almquist", given="E. M.")),
                "editor": (Name(family="Hulbert", given="K. D."), Name(family="Schuster", given="D. T.")),
                "translator": (Name(family="Doe", given="Jane"),),
            },
        ),
    ),
    "paper-conference": Citation(
        type="paper-conference",
        issued=Date(year=2019, month=6, day=16),
        page_first="770",
        page_last="778",
        doi="10.1109/CVPR.2019.00086",
        texts=_en(
            title="Deep Residual Learning Revisited",
            container_title="Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
            publisher="IEEE",
            publisher_place="Piscataway",
            event_place="Long Beach, CA",
        ),
    ),
    "thesis": Citation(
        type="thesis",
        issued=Date(year=2014),
        number_of_pages="156",
        texts=_zh(
            title="黄瓜共表达网络研究",
            publisher="南昌大学",
            publisher_place="南昌",
            genre="博士学位论文",
            names={"author": (Name(family="林", given="行众"),), "contributor": (Name(family="黄", given="三文"),)},
            url="https://kns.cnki.net/kcms2/article/abstract?v=1&uniplatform=NZKPT",
        ),
    ),
    "report": Citation(
        type="report",
        issued=Date(year=2021, month=3),
        number="NREL/TP-5400-12345",
        texts=_en(
            title="Flow Battery Storage: A Technical Report",
            publisher="National Renewable Energy Laboratory",
            publisher_place="Golden, CO",
            genre="Technical report",
            collection_title="NREL Technical Reports",
            names={"author": (Name(literal="National Renewable Energy Laboratory"),)},
        ),
    ),
    "standard": Citation(
        type="standard",
        issued=Date(year=2015, month=5, day=15),
        number="GB/T 7714—2015",
        texts=_zh(
            title="信息与文献 参考文献著录规则",
            publisher="中国标准出版社",
            publisher_place="北京",
            names={"author": (Name(literal="全国信息与文献标准化技术委员会"),)},
        ),
    ),
    "patent": Citation(
        type="patent",
        issued=Date(year=2016, month=8, day=3),
        number="CN105838736A",
        texts=_zh(
            title="一种黄瓜遗传转化方法",
            authority="中国",
            publisher="南京农业大学",
            names={"author": (Name(family="施", given="吉庆"), Name(family="杨", given="亮华"))},
        ),
    ),
    "article-newspaper": Citation(
        type="article-newspaper",
        issued=Date(year=2023, month=9, day=21),
        page_first="5",
        issn="0254-7325",
        texts=_zh(title="坚持创新驱动发展", container_title="人民日报", names={"author": (Name(literal="本报评论员"),)}),
    ),
    "article-magazine": Citation(
        type="article-magazine",
        issued=Date(year=2020, season=3),
        volume="12",
        issue="4",
        page_first="30",
        page_last="35",
        texts=_en(title="Autumn Gardens", container_title="Garden Monthly"),
    ),
    "webpage": Citation(
        type="webpage",
        issued=Date(year=2024, month=2, day=1),
        accessed=Date(year=2025, month=1, day=31),
        texts=_en(
            title="Stem Cell Guidance",
            container_title="World Health Organization",
            url="https://www.who.int/stem-cells?x=1&y=2",
            names={"author": (Name(literal="World Health Organization"),)},
        ),
    ),
    "dataset": Citation(
        type="dataset",
        issued=Date(year=2022),
        doi="10.5061/dryad.abc123",
        version="2",
        texts=_en(title="Telomerase Measurements in MSCs", publisher="Dryad", genre="database"),
    ),
    "software": Citation(
        type="software",
        issued=Date(year=2025, month=1),
        version="1.4.2",
        texts=_en(title="citeexport", publisher="GitHub", url="https://example.org/citeexport"),
    ),
    "article": Citation(
        type="article",
        issued=Date(literal="In press"),
        status="in press",
        texts=_en(title="A Preprint on H<sub>2</sub>O and Ca<sup>2+</sup>", genre="preprint", publisher="arXiv"),
    ),
    "manuscript": Citation(
        type="manuscript",
        issued=Date(year=1887, circa=True),
        texts={
            "de": LocalizedText(
                language="de",
                title="Faust: Entwurf",
                names={"author": (Name(family="Goethe", given="J. W."),)},
                archive="Goethe- und Schiller-Archiv",
                archive_location="GSA 25/W 1",
            )
        },
    ),
    "map": Citation(
        type="map",
        issued=Date(year=-876),
        texts=_en(title="Map of the Ancient World", publisher="Antiquity Press", genre="wall map"),
    ),
    "legal_case": Citation(
        type="legal_case",
        issued=Date(year=1954, month=5, day=17),
        volume="347",
        page_first="483",
        texts=_en(title="Brown v. Board of Education", container_title="U.S.", authority="Supreme Court", names={}),
    ),
    "interview": Citation(
        type="interview",
        issued=Date(year=2010, end=Date(year=2011)),
        texts=_en(title="On Translation", names={"author": (SMITH,), "interviewer": (Name(family="Doe", given="John"),)}),
    ),
    "document": Citation(
        type="document",
        issued=Date(literal="n.d."),
        texts=_en(title="Catalog of Seeds", genre="catalog", note="Line one.\nLine two &amp; more"),
    ),
}
