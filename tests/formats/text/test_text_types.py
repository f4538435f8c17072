"""Every document type through the text writer: the issue's own examples, and generated items of
every CSL type rendered in all six bundled styles (one line, its type code, name = file)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.text.codes import type_code
from citeexport.formats.text.lookup import resolve_style
from citeexport.formats.text.profiles import GBT_PROFILES
from citeexport.formats.text.render import render_reference
from citeexport.model import CSL_TYPES, Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_writer


def run(citation: Citation, **options: object) -> str:
    writer = get_writer("text")(WriteOptions(**options))  # type: ignore[arg-type]
    return writer.start() + writer.write(citation) + writer.finish()


def test_a_book_is_a_book() -> None:
    # issue 12/13: a book printed `张伯伟. 全唐五代诗格汇考[J]. , 2002: 288.`
    book = Citation(
        type="book",
        issued=Date(year=2002),
        page_first="288",
        texts={"zh": LocalizedText(title="全唐五代诗格汇考", publisher="凤凰出版社", publisher_place="南京",
                                   names={"author": (Name(family="张", given="伯伟"),)})},
    )  # fmt: skip
    assert run(book) == "张伯伟. 全唐五代诗格汇考[M]. 南京: 凤凰出版社, 2002: 288.\n"
    assert run(book, style="gb7714-2025-author-date") == "张伯伟，2002. 全唐五代诗格汇考[M]. 南京：凤凰出版社：288.\n"


def test_a_thesis_and_a_missing_place() -> None:
    thesis = Citation(
        type="thesis",
        issued=Date(year=2014),
        texts={"zh": LocalizedText(title="论文", publisher="南昌大学", names={"author": (Name(family="王", given="五"),)})},
    )
    assert run(thesis) == "王五. 论文[D]. [出版地不详]: 南昌大学, 2014.\n"


def test_online_elements_come_from_the_item() -> None:
    # issue 13: 陈建军 [J/OL] with its own access date, URL and DOI (2015 8.6)
    article = Citation(
        issued=Date(year=2010),
        volume="7",
        issue="10",
        page_first="93",
        accessed=Date(year=2013, month=3, day=20),
        doi="10.3969/j.issn.1672-5603.2010.10.038",
        texts={"zh": LocalizedText(title="从数字地球到智慧地球", container_title="国土资源导刊",
                                   url="http://d.g.wanfangdata.com.cn/Periodical_hunandz201010038.aspx",
                                   names={"author": (Name(family="陈", given="建军"),)})},
    )  # fmt: skip
    online = (
        "陈建军. 从数字地球到智慧地球[J/OL]. 国土资源导刊, 2010, 7(10): 93[2013-03-20]. "
        "http://d.g.wanfangdata.com.cn/Periodical_hunandz201010038.aspx. DOI:10.3969/j.issn.1672-5603.2010.10.038.\n"
    )
    assert run(article) == online
    assert run(article, accessed=dt.date(2026, 1, 1)) == online  # --accessed fills only items lacking a date
    assert run(article, print_form=True) == "陈建军. 从数字地球到智慧地球[J]. 国土资源导刊, 2010, 7(10): 93.\n"
    assert run(article, style="gb7714-2025").endswith(
        "国土资源导刊，2010，7（10）：93. http://d.g.wanfangdata.com.cn/Periodical_hunandz201010038.aspx. "
        "DOI:10.3969/j.issn.1672-5603.2010.10.038.\n"
    )


def test_markup_particles_pinyin_and_et_al() -> None:
    names = (Name(family="Veen", given="Pieternella H.", dropping_particle="van der"), Name(family="Li", given="Jiangning"),
             Name(family="Muller", given="M"), Name(family="Vincken", given="K L"))  # fmt: skip
    article = Citation(
        issued=Date(year=2014),
        volume="1",
        page_first="5",
        texts={
            "en": LocalizedText(
                title="The genome of <i>Eucalyptus grandis</i>", container_title="Nature", names={"author": names}
            )
        },
    )
    assert run(article) == "VEEN P H van der, LI J N, MULLER M, et al. The genome of Eucalyptus grandis[J]. Nature, 2014, 1: 5.\n"
    assert run(article, style="gb7714-2015-author-date").startswith("VEEN P H van der, LI J N, MULLER M, et al., 2014. The")


NAMES = st.sampled_from(
    [Name(family="张", given="三"), Name(family="Smith", given="John"), Name(literal="World Health Organization")]
)
WORDS = st.sampled_from(["题名", "Title: sub", "书名：副书名", "A & B <i>x</i>"])


@st.composite
def any_citation(draw: st.DrawFn) -> Citation:
    lang = draw(st.sampled_from(["zh", "en"]))
    maybe = lambda value: draw(st.one_of(st.none(), st.just(value)))  # noqa: E731
    text = LocalizedText(
        title=draw(WORDS),
        container_title=maybe("期刊"),
        publisher=maybe("出版社"),
        publisher_place=maybe("北京"),
        edition=maybe(draw(st.sampled_from(["2", "修订版"]))),
        url=maybe("https://example.org/x"),
        medium=maybe(draw(st.sampled_from(["CD-ROM", "online", "disk"]))),
        archive=maybe("档案馆"),
        names={role: tuple(draw(st.lists(NAMES, max_size=5))) for role in ("author", "editor", "translator")},
    )
    day = draw(st.booleans())
    return Citation(
        type=draw(st.sampled_from(sorted(CSL_TYPES))),
        issued=maybe(Date(year=2020, month=5, day=9) if day else Date(year=2020)),
        accessed=maybe(Date(year=2024, month=1, day=2)),
        volume=maybe("3"),
        issue=maybe("2"),
        page_first=maybe("7"),
        number=maybe("GB/T 1—2020"),
        doi=maybe("10.1000/x"),
        texts={lang: text},
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citation=any_citation())
def test_every_type_renders_one_line_with_its_code(citation: Citation) -> None:
    lang = citation.languages[0]
    for name, profile in GBT_PROFILES.items():
        line = render_reference(resolve_style(name), citation, lang)
        assert "\n" not in line and line.endswith(".") and "<i>" not in line, line
        code = type_code(citation.csl_item(lang), profile.edition)
        assert f"[{code}]" in line or f"[{code}/" in line, (name, line)
        assert line == render_reference(resolve_style(str(resolve_style(name).path)), citation, lang)


def test_a_separate_subtitle_takes_the_editions_colon() -> None:
    book = Citation(
        type="book",
        issued=Date(year=2011),
        texts={
            "en": LocalizedText(
                title="Death by theory", subtitle="a tale of mystery", publisher="AltaMira", publisher_place="Lanham"
            )
        },
    )
    assert run(book) == "Death by theory: a tale of mystery[M]. Lanham: AltaMira, 2011.\n"
    assert run(book, style="gb7714-2025") == "Death by theory：a tale of mystery[M]. Lanham：AltaMira，2011.\n"


def test_other_responsible_persons_follow_the_title() -> None:
    names = {
        "author": (Name(family="王", given="夫之"),),
        "editor": (Name(family="船山全书编辑委员会"),),
        "translator": (Name(family="李", given="四"),),
    }
    book = Citation(
        type="book",
        issued=Date(year=2011),
        texts={"zh": LocalizedText(title="船山全书", publisher="岳麓书社", publisher_place="长沙", names=names)},
    )
    assert run(book) == "王夫之. 船山全书[M]. 李四, 译; 船山全书编辑委员会, 编. 长沙: 岳麓书社, 2011.\n"
    assert run(book, style="gb7714-2025") == "王夫之. 船山全书[M]. 李四，译；船山全书编辑委员会，编. 长沙：岳麓书社，2011.\n"


def test_a_web_page_on_a_site_is_no_part() -> None:
    page = Citation(
        type="webpage",
        issued=Date(year=2012, month=5, day=3),
        accessed=Date(year=2013, month=3, day=25),
        texts={"zh": LocalizedText(title="化解医患矛盾需釜底抽薪", container_title="百度文库", url="http://wenku.baidu.com/view/4.html",
                                   names={"author": (Name(literal="李强"),)})},
    )  # fmt: skip
    assert run(page) == "李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03)[2013-03-25]. http://wenku.baidu.com/view/4.html.\n"


def test_pinyin_initials_need_a_pinyin_surname() -> None:
    from citeexport.formats.text.names import gbt_name

    assert gbt_name({"family": "Li", "given": "Jiangning"}, 2015) == "LI J N"
    assert gbt_name({"family": "Ouyang", "given": "Xiu"}, 2015) == "OUYANG X"
    assert gbt_name({"family": "Ota", "given": "Yuji"}, 2015) == "OTA Y"  # Japanese: letters that spell syllables
    assert gbt_name({"family": "Li", "given": "Jiangning"}, 2025) == "Li J"
