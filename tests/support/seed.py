"""The one real record (examples/article.txt) and the citation the dump reader must make of it."""

from __future__ import annotations

from pathlib import Path

from citeexport.model import Citation, Date, LocalizedText, Name

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "article.txt"


def seed_citation() -> Citation:
    """The seed record (examples/article.txt) as the dump reader must produce it."""
    base = "https://castjournals.cast.org.cn/joweb/ywfxzz"
    return Citation(
        id="1241314566194393863",
        issued=Date(year=2025, month=1, day=31),
        volume="45",
        issue="1",
        page_first="1",
        page_last="3",
        issn="0254-1793",
        cn="11-2224/R",
        texts={
            "zh": LocalizedText(
                title="干细胞产品质量研究与检测专栏",
                authors=(Name(family="饶", given="春明"), Name(family="庞", given="琳")),
                container_title="药物分析杂志",
                url=f"{base}/CN/Y2025/V45/I1/1",
                pdf_url=f"{base}/CN/PDF/Y2025/V45/I1/1",
            ),
            "en": LocalizedText(
                title="Special Column for Quality Research and Evaluation of Stem Cell Products",
                authors=(Name(family="RAO", given="Chun-ming"), Name(family="PANG", given="Lin")),
                container_title="Chinese Journal of Pharmaceutical Analysis",
                url=f"{base}/EN/Y2025/V45/I1/1",
                pdf_url=f"{base}/EN/PDF/Y2025/V45/I1/1",
            ),
        },
    )
