"""Write a realistic synthetic issue dump (or the same corpus as RIS) for benchmarks.

    python benchmarks/generate_corpus.py 100000 benchmarks/corpus/dump-100000.txt --seed 7
    python benchmarks/generate_corpus.py 100000 benchmarks/corpus/ris-100000.ris --format ris

Why synthetic: the project has one real record.  Benchmarks need hundreds of thousands, and
they must stress what makes the dump hard to read: 1–25 authors with Chinese and English
names, organisations, long abstracts full of commas, brackets, ``=``, ``null``, JSON, HTML
and LaTeX specials, raw newlines, records without an English or Chinese block, without DOI,
pages or issue (online first), and page-text junk that starts with ``Article(``.

Values stay clear of the dump's *genuine* ambiguities (the dump-format notes §6: a title that is the
string ``null``, an abstract holding ``, correspAuthors=``), which no reader can resolve, so
every record has one right reading.  Deterministic for a seed; records are made and written
one at a time, so memory stays flat for any N.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from citeexport.model import Citation, Date, Lang, LocalizedText, Name

# The record generator is a test helper (tests/support), not part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.dumpgen import SITE_ROOT, render_record

# -- vocabulary ------------------------------------------------------------------------------

#: slug, Chinese title, English title, ISSN, eISSN, CN number.
JOURNALS: tuple[tuple[str, str, str, str, str | None, str], ...] = (
    ("ywfxzz", "药物分析杂志", "Chinese Journal of Pharmaceutical Analysis", "0254-1793", None, "11-2224/R"),
    ("kjdb", "科技导报", "Science & Technology Review", "1000-7857", None, "11-1421/N"),
    ("rlfd", "热力发电", "Thermal Power Generation", "1002-3364", "2097-2970", "61-1111/TM"),
    ("hyxb", "海洋学报", "Acta Oceanologica Sinica", "0253-4193", "1869-1099", "11-2055/P"),
    ("zgkx", "中国科学: 化学", "SCIENTIA SINICA Chimica", "1674-7224", None, "11-5838/O6"),
)

#: Chinese surnames with their pinyin; compound (复姓) ones included.
SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "Wang"),
    ("李", "Li"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
    ("罗", "Luo"),
    ("高", "Gao"),
    ("饶", "Rao"),
    ("庞", "Pang"),
    ("欧阳", "Ouyang"),
    ("司马", "Sima"),
    ("诸葛", "Zhuge"),
)
GIVEN_SYLLABLES: tuple[tuple[str, str], ...] = (
    ("春", "chun"),
    ("明", "ming"),
    ("琳", "lin"),
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂", "gui"),
    ("英", "ying"),
    ("华", "hua"),
    ("晓", "xiao"),
    ("宇", "yu"),
    ("鑫", "xin"),
)
WESTERN_GIVEN = ("John", "Maria", "Anne-Marie", "Jean-Luc", "Olaf", "Søren", "José", "Zoë", "Mary Ellen", "Wei-Ling")
WESTERN_FAMILY = ("Smith", "García Márquez", "O'Connor", "van der Berg", "Müller", "Nguyen", "Dupont", "McAllister", "d'Alembert")
ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("国家药典委员会", "Chinese Pharmacopoeia Commission"),
    ("中国食品药品检定研究院干细胞质量控制协作组", "Stem Cell Quality Control Working Group, NIFDC"),
    ("全国海洋标准化技术委员会", "National Technical Committee for Marine Standardization (SAC/TC 283)"),
)

ZH_TITLE_PARTS = (
    "干细胞产品质量控制分析方法研究进展",
    "间充质干细胞端粒酶催化亚基RT-qPCR方法的建立",
    "基于HPLC-MS/MS的血浆中5种药物浓度测定",
    "超超临界机组（660 MW）汽轮机低压缸效率=f(负荷)的试验研究",
    "南海北部[0,1)区间海温异常与null模型比较",
    "Cu(II)/Fe(III)双金属催化剂的制备及其性能",
    "基于深度学习的“双碳”目标下电力负荷预测",
    "α-突触核蛋白在帕金森病中的作用：综述",
)
EN_TITLE_PARTS = (
    "Research Progress on Quality Control Analysis Methods for Stem Cell Products",
    "Establishment of an RT-qPCR Method for Telomerase Catalytic Subunits of <i>Mesenchymal</i> Stem Cells",
    "Determination of 5 Drugs in Plasma by HPLC-MS/MS (n = 24)",
    "Efficiency of a 660 MW Turbine: η = f(load), Revisited",
    "Sea Temperature Anomalies on [0, 1) and Null Models, a Comparison",
    "CO<sub>2</sub> Capture & Storage: 50% Cost Reduction?",
    "Deep-learning Load Forecasting under the \u201cDual Carbon\u201d Goal",
    "Role of α-Synuclein in Parkinson's Disease: A Review",
)
ZH_SENTENCES = (
    "【目的】建立干细胞产品中残留牛血清白蛋白的定量检测方法，为质量控制提供依据。",
    "【方法】采用ELISA法（n=6），线性范围为0.5～50 ng·mL<sup>-1</sup>，r=0.999 8。",
    "【结果】回收率为95.2%～104.6%，RSD<3%（表1）；检测限（LOD）=0.1 ng/mL。",
    "【结论】该方法简便、准确，可用于干细胞产品的放行检验，见式(1)：C=A×k/V。",
    "本文对比了null模型与AR(1)模型，区间[0,1)内拟合优度R²=0.93。",
    '配置参数以JSON给出：{"lr": 0.001, "layers": [64, 32], "dropout": null}。',
    "结果表明，在$T_{\\max}$ & 80% 负荷下效率下降约2.1%，#3机组尤甚。",
    '采用<span data-x="a, b=c">改进的</span>粒子群算法（PSO）优化权重，迭代100次。',
    "样品经0.22 μm滤膜过滤后进样，柱温（30±1）℃，流速=1.0 mL/min。",
    "研究覆盖2015—2024年的数据，共计13 021项记录，其中1 942项有结果。",
)
EN_SENTENCES = (
    "Objective: To establish a quantitative method for residual bovine serum albumin in stem cell products.",
    "Methods: An ELISA (n=6, p<0.05) was used; the linear range was 0.5-50 ng/mL (r = 0.9998).",
    "Results: Recoveries were 95.2%-104.6% with RSD < 3% [Table 1]; LOD = 0.1 ng/mL, see Eq. (1): C = A×k/V.",
    "Conclusion: The method is simple & accurate, and suits release testing of stem cell products.",
    "We compare null models with AR(1) models on [0, 1), obtaining R² = 0.93 (cf. {Smith, 2020}).",
    'The configuration is given as JSON: {"lr": 0.001, "layers": [64, 32], "dropout": null}.',
    "At $T_{\\max}$ and 80% load the efficiency drops by ~2.1% (unit #3 in particular; cost_ratio ^ 2).",
    'An <span data-x="a, b=c">improved</span> particle swarm optimiser (PSO) tunes the weights &amp; biases.',
    "Samples were filtered (0.22 μm) and injected; column temperature (30 ± 1) °C, flow=1.0 mL/min.",
    "The data cover 2015–2024: 13 021 records, of which 1 942 have results 😀, title=placebo arm, n=12.",
)
ZH_KEYWORDS = (
    "干细胞",
    "质量控制",
    "RT-qPCR",
    "高效液相色谱",
    "汽轮机",
    "效率",
    "海温异常",
    "深度学习",
    "负荷预测",
    "α-突触核蛋白",
    "热, 质传递",
)
EN_KEYWORDS = (
    "stem cell",
    "quality control",
    "RT-qPCR",
    "HPLC",
    "steam turbine",
    "efficiency",
    "SST anomaly",
    "deep learning",
    "load forecasting",
    "α-synuclein",
    "heat, mass transfer",
)
JUNK_LINES = (
    "2种不同金属材料的力学参数",
    "科 Family 属数 Number of genus 种数 Number of species 占总种数比例 Percentage of total species (%) 鹅膏菌科Amanitaceae 2 11 5.26",
    "Article(s) in this issue",
    "相关文章 doi: 10.1016/j.fake.2020.01.001 王伟, 李明. 一篇无关的文章[J]. 某杂志, 2019, 3(2): 1-9.",
)

#: Authors per article: 1–25, most around 3–6, a long tail (consortium papers).
AUTHOR_COUNTS = tuple(range(1, 26))
AUTHOR_WEIGHTS = (6, 10, 14, 14, 12, 10, 8, 6, 4, 3, 2, 2, 1.5, 1.2, 1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.2, 0.3)
FIRST_ARTICLE_ID = 1241314566194393863


# -- one random article ----------------------------------------------------------------------


def _chinese_person(rng: random.Random) -> dict[Lang, Name]:
    family, family_pinyin = rng.choice(SURNAMES) if rng.random() < 0.15 else rng.choice(SURNAMES[:21])
    syllables = [rng.choice(GIVEN_SYLLABLES) for _ in range(rng.choice((1, 2, 2, 2)))]
    given = "".join(c for c, _ in syllables)
    pinyin = [p for _, p in syllables]
    given_en = "-".join(pinyin).capitalize() if rng.random() < 0.5 else "".join(pinyin).capitalize()
    return {"zh": Name(family=family, given=given), "en": Name(family=family_pinyin.upper(), given=given_en)}


def _person(rng: random.Random) -> dict[Lang, Name]:
    roll = rng.random()
    if roll < 0.85:
        return _chinese_person(rng)
    if roll < 0.97:
        name = Name(family=rng.choice(WESTERN_FAMILY), given=rng.choice(WESTERN_GIVEN))
        return {"zh": name, "en": name}
    zh, en = rng.choice(ORGANISATIONS)
    return {"zh": Name(literal=zh), "en": Name(literal=en)}


def _abstract(rng: random.Random, sentences: tuple[str, ...], joiner: str) -> str:
    target = rng.randint(800, 3000)
    parts: list[str] = []
    size = 0
    while size < target:
        sentence = rng.choice(sentences)
        parts.append(sentence)
        size += len(sentence) + 1
    text = joiner.join(parts)
    if rng.random() < 0.1:  # paragraphs: the dump then spans several physical lines
        middle = len(parts) // 2
        text = "<p>" + joiner.join(parts[:middle]) + "</p>\n<p>" + joiner.join(parts[middle:]) + "</p>"
    return text


def random_citation(rng: random.Random, index: int) -> Citation:
    """One plausible article of the platform; ``index`` makes its id unique."""
    slug, name_cn, name_en, issn, eissn, cn = rng.choice(JOURNALS)
    article_id = str(FIRST_ARTICLE_ID + index * 4099)
    online_first = rng.random() < 0.05
    year = rng.randint(2015, 2025)
    date = Date(year=year, month=rng.randint(1, 12), day=rng.randint(1, 28))
    volume = None if online_first else str(year - 1980)
    issue = None if online_first or rng.random() < 0.03 else rng.choice(("1", "2", "3", "4", "5", "6", "S1", "5/6"))
    page_first = page_last = number = None
    if not online_first:
        if rng.random() < 0.06:
            number = f"e{year}{index % 1000:03d}"
        elif rng.random() < 0.96:
            first = rng.randint(1, 300)
            page_first, page_last = str(first), str(first + rng.randint(0, 20))
    doi = f"10.{rng.randint(11000, 19999)}/j.issn.{issn}.{year}.{index % 100000:05d}" if rng.random() < 0.85 else None
    roll = rng.random()
    languages: tuple[Lang, ...] = ("zh", "en") if roll < 0.8 else ("zh",) if roll < 0.92 else ("en",)
    people = [_person(rng) for _ in range(rng.choices(AUTHOR_COUNTS, AUTHOR_WEIGHTS)[0])]
    with_keywords = rng.random() < 0.7
    with_abstract = rng.random() < 0.9
    texts: dict[Lang, LocalizedText] = {}
    for lang in languages:
        key = "CN" if lang == "zh" else "EN"
        if online_first:
            url = f"{SITE_ROOT}/{slug}/{key}/{doi or article_id}"
            pdf = f"{SITE_ROOT}/{slug}/{key}/PDF/{doi or article_id}"
        else:
            place = f"Y{year}/V{volume}/I{issue or 0}/{page_first or number or article_id}"
            url, pdf = f"{SITE_ROOT}/{slug}/{key}/{place}", f"{SITE_ROOT}/{slug}/{key}/PDF/{place}"
        zh = lang == "zh"
        texts[lang] = LocalizedText(
            title=rng.choice(ZH_TITLE_PARTS if zh else EN_TITLE_PARTS),
            authors=tuple(person[lang] for person in people),
            container_title=name_cn if zh else name_en,
            abstract=_abstract(rng, ZH_SENTENCES if zh else EN_SENTENCES, "" if zh else " ") if with_abstract else None,
            keywords=tuple(rng.sample(ZH_KEYWORDS if zh else EN_KEYWORDS, rng.randint(3, 8))) if with_keywords else (),
            url=url,
            pdf_url=pdf,
        )
    return Citation(
        id=article_id,
        issued=None if online_first else date,
        available_date=date if online_first else None,
        online_first=online_first,
        volume=volume,
        issue=issue,
        page_first=page_first,
        page_last=page_last,
        number=number,
        doi=doi,
        issn=issn,
        eissn=eissn,
        cn=cn,
        texts=texts,
    )


def random_citations(count: int, seed: int = 0) -> Iterator[Citation]:
    """``count`` articles, made one at a time (a generator: constant memory)."""
    rng = random.Random(seed)
    for index in range(count):
        yield random_citation(rng, index)


# -- RIS, written here so that the corpus does not depend on the writer under test ------------


def _ris_name(name: Name) -> str:
    if name.literal is not None or name.is_cjk or not name.given:
        return name.whole
    return f"{name.family}, {name.given}"


def ris_record(citation: Citation, lang: Lang) -> str:
    """One RIS record (``TY  - JOUR`` … ``ER  - ``), CR LF line ends as the RIS specification asks."""
    text = citation.text(lang)
    date = citation.issued or citation.available_date
    lines: list[tuple[str, str | None]] = [("TY", "JOUR")]
    lines += [("AU", _ris_name(name)) for name in text.authors]
    lines += [
        ("TI", text.title),
        ("T2", text.container_title),
        ("PY", str(date.year) if date else None),
        ("DA", date.iso().replace("-", "/") if date and date.month else None),
        ("VL", citation.volume),
        ("IS", citation.issue),
        ("SP", citation.page_first or citation.number),
        ("EP", citation.page_last),
        ("DO", citation.doi),
        ("SN", citation.issn),
        ("AB", " ".join(text.abstract.split()) if text.abstract else None),
    ]
    lines += [("KW", keyword) for keyword in text.keywords]
    lines += [("UR", text.url), ("L1", text.pdf_url), ("LA", lang), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value is not None)


# -- the file --------------------------------------------------------------------------------


def corpus_records(count: int, seed: int = 0, fmt: str = "dump") -> Iterator[str]:
    """The corpus as text chunks, one article each (a dump record, or its RIS records)."""
    rng = random.Random(seed ^ 0x5EED)  # page-text junk: a stream of its own, so citations do not depend on it
    for citation in random_citations(count, seed):
        if fmt == "ris":
            yield "".join(ris_record(citation, lang) for lang in citation.languages)
        else:
            junk = [rng.choice(JUNK_LINES) for _ in range(rng.choice((0, 0, 1, 2)))]
            yield render_record(citation, junk=junk)


def write_corpus(count: int, out: TextIO, seed: int = 0, fmt: str = "dump") -> int:
    """Write the corpus; returns the number of articles written."""
    written = 0
    for chunk in corpus_records(count, seed, fmt):
        out.write(chunk)
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("out", help="output file ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("dump", "ris"), default="dump")
    args = parser.parse_args(argv)
    if args.out == "-":
        write_corpus(args.count, sys.stdout, args.seed, args.format)
        return 0
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        write_corpus(args.count, out, args.seed, args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
