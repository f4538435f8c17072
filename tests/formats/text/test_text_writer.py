"""The text writer: the seed (issue 4's done criterion), languages, numbering, streaming,
author-date order (language group, pinyin, year, a/b suffixes) and user CSL files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import citeproc
import pytest

from citeexport.errors import UnknownFormatError
from citeexport.formats.text.writer import TextWriter
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_writer

SEED_ZH = "饶春明, 庞琳. 干细胞产品质量研究与检测专栏[J]. 药物分析杂志, 2025, 45(1): 1-3."
SEED_EN = (
    "RAO C M, PANG L. Special Column for Quality Research and Evaluation of Stem Cell Products[J]. "
    "Chinese Journal of Pharmaceutical Analysis, 2025, 45(1): 1-3."
)


def run(citations: list[Citation], **options: object) -> str:
    writer = get_writer("text")(WriteOptions(**options))  # type: ignore[arg-type]
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def article(lang: str, authors: list[Name], title: str, year: int, journal: str = "J", volume: str = "1") -> Citation:
    return Citation(
        issued=Date(year=year),
        volume=volume,
        page_first="1",
        texts={lang: LocalizedText(title=title, authors=tuple(authors), container_title=journal)},
    )


def test_registered() -> None:
    assert get_writer("text") is TextWriter
    assert TextWriter.extension == "txt"


def test_seed_default_style_both_languages(seed: Citation) -> None:
    assert run([seed]) == f"{SEED_ZH}\n{SEED_EN}\n"


@pytest.mark.parametrize(("lang", "expected"), [("zh", SEED_ZH), ("en", SEED_EN)])
def test_seed_one_language(seed: Citation, lang: str, expected: str) -> None:
    assert run([seed], lang=lang) == expected + "\n"


def test_numbered_counts_articles(seed: Citation) -> None:
    assert run([seed, seed], numbered=True, lang="zh") == f"[1] {SEED_ZH}\n[2] {SEED_ZH}\n"
    assert run([seed], numbered=True) == f"[1] {SEED_ZH}\n{SEED_EN}\n"


def test_accessed_gives_online_form(seed: Citation) -> None:
    out = run([seed], lang="zh", accessed=dt.date(2026, 4, 1))
    assert out == (
        "饶春明, 庞琳. 干细胞产品质量研究与检测专栏[J/OL]. 药物分析杂志, 2025, 45(1): 1-3[2026-04-01]. "
        "https://castjournals.cast.org.cn/joweb/ywfxzz/CN/Y2025/V45/I1/1.\n"
    )


def test_numeric_streams_in_input_order(seed: Citation) -> None:
    writer = TextWriter(WriteOptions(lang="en"))
    assert writer.write(seed) == SEED_EN + "\n"
    assert writer.finish() == ""


def test_author_date_buffers_and_sorts() -> None:
    # GB/T 7714-2015 §9.2: Chinese group first, by pinyin (wang < yang < zhang), then Western by surname.
    zhang = article("zh", [Name(family="张", given="三")], "甲", 2001)
    yang = article("zh", [Name(family="杨", given="宗英")], "乙", 1996)
    wang = article("zh", [Name(family="王", given="临惠")], "丙", 2010)
    baker = article("en", [Name(family="Baker", given="S K")], "Future", 1995)
    writer = TextWriter(WriteOptions(style="gb7714-2015-author-date"))
    assert writer.write(baker) == writer.write(zhang) == writer.write(yang) == writer.write(wang) == ""
    lines = writer.finish().splitlines()
    assert [line.split(",")[0] for line in lines] == ["王临惠", "杨宗英", "张三", "BAKER S K"]


def test_author_date_year_suffixes_kennedy() -> None:
    # GB/T 7714-2015 §10.2.3 examples: the same authors in the same year get 1975a / 1975b.
    authors = [Name(family="Kennedy", given="W J"), Name(family="Garrison", given="R E")]
    chalks = Citation(
        issued=Date(year=1975),
        volume="22",
        page_first="311",
        texts={
            "en": LocalizedText(
                authors=tuple(authors),
                container_title="Sedimentology",
                title="Morphology and genesis of nodular chalks and hardgrounds in the Upper Cretaceous of southern England",
            )
        },
    )
    phosphates = Citation(
        issued=Date(year=1975),
        volume="8",
        page_first="339",
        texts={
            "en": LocalizedText(
                authors=tuple(authors),
                container_title="Lethaia",
                title="Morphology and genesis of nodular phosphates in the Cenomanian Glauconitic Marl of south-east England",
            )
        },
    )
    assert run([chalks, phosphates], style="gb7714-2015-author-date").splitlines() == [
        "KENNEDY W J, GARRISON R E, 1975a. Morphology and genesis of nodular chalks and hardgrounds in the Upper Cretaceous "
        "of southern England[J]. Sedimentology, 22: 311.",
        "KENNEDY W J, GARRISON R E, 1975b. Morphology and genesis of nodular phosphates in the Cenomanian Glauconitic Marl "
        "of south-east England[J]. Lethaia, 8: 339.",
    ]


def test_author_date_both_languages_stay_together(seed: Citation) -> None:
    other = article("zh", [Name(family="安", given="宁")], "甲", 2001)
    lines = run([seed, other], style="gb7714-2025-author-date").splitlines()
    assert lines[0].startswith("安宁，2001.")
    assert lines[1].startswith("饶春明，庞琳，2025.")
    assert lines[2].startswith("Rao C-M，Pang L，2025.")


def test_user_csl_file(seed: Citation) -> None:
    # Any CSL file works through citeproc-py (with the patches: C.-M., not "C.-. ming .").
    harvard = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    assert run([seed], style=str(harvard), lang="en") == (
        "RAO, C.-M. and PANG, L. (2025) “Special Column for Quality Research and Evaluation of Stem Cell Products”, "
        "Chinese Journal of Pharmaceutical Analysis, 45(1), pp. 1–3. Available at: https://castjournals.cast.org.cn/joweb/ywfxzz/EN/Y2025/V45/I1/1.\n"
    )


def test_unknown_style_is_an_error() -> None:
    with pytest.raises(UnknownFormatError, match="no CSL style 'apa-9'"):
        TextWriter(WriteOptions(style="apa-9"))
