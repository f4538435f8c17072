"""One renderer contract on generated citations: a bundled style by its name, by its CSL file and
by a copy of that file gives the same line; a changed copy is the user's own style (citeproc-py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citeexport.formats.text.lookup import resolve_style
from citeexport.formats.text.profiles import GBT_PROFILES
from citeexport.formats.text.render import render_reference
from citeexport.model import Citation, Date, LocalizedText, Name

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
LATIN_WORD = st.text(st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=8)


@st.composite
def western_names(draw: st.DrawFn) -> Name:
    family = draw(LATIN_WORD)
    family = draw(st.sampled_from([family.upper(), family.capitalize(), f"{family.capitalize()}-{family.capitalize()}"]))
    given_parts = draw(st.lists(LATIN_WORD, min_size=0, max_size=2))
    given = draw(st.sampled_from(["-", " ", ". "])).join(p.capitalize() if i == 0 else p for i, p in enumerate(given_parts))
    return Name(family=family, given=given or None)


chinese_names = st.builds(
    lambda f, g: Name(family=f, given=g), st.text(HAN, min_size=1, max_size=1), st.text(HAN, min_size=1, max_size=2)
)
corporate = st.builds(lambda words: Name(literal=" ".join(words).title() + " Inc."), st.lists(LATIN_WORD, min_size=1, max_size=3))
names = st.one_of(western_names(), chinese_names, corporate)
optional_number = st.one_of(st.none(), st.integers(1, 999).map(str))
title_text = st.one_of(
    st.text(HAN, min_size=1, max_size=12),
    st.lists(LATIN_WORD, min_size=1, max_size=6).map(" ".join),
    st.tuples(st.lists(LATIN_WORD, min_size=1, max_size=3), st.lists(LATIN_WORD, min_size=1, max_size=3)).map(
        lambda t: " ".join(t[0]) + ": " + " ".join(t[1])
    ),
)


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    first = draw(st.one_of(st.none(), st.integers(1, 5000)))
    last = None if first is None else draw(st.one_of(st.none(), st.integers(first, first + 300)))
    online_first = draw(st.booleans())
    year = draw(st.integers(1900, 2030))
    text = LocalizedText(
        title=draw(title_text),
        authors=tuple(draw(st.lists(names, max_size=6))),
        container_title=draw(
            st.one_of(st.text(HAN, min_size=1, max_size=8), st.lists(LATIN_WORD, min_size=1, max_size=4).map(" ".join))
        ),
        url=draw(st.one_of(st.none(), st.just("https://example.org/a/1"), st.just("https://doi.org/10.1000/xyz"))),
    )
    lang = draw(st.sampled_from(["zh", "en"]))
    return Citation(
        id="x",
        issued=Date(year=year) if draw(st.booleans()) or not online_first else None,
        available_date=Date(year=year, month=draw(st.integers(1, 12)), day=draw(st.integers(1, 28))) if online_first else None,
        online_first=online_first,
        volume=draw(optional_number),
        issue=draw(st.one_of(optional_number, st.just("增刊1"), st.just("1/2"))),
        page_first=None if first is None else str(first),
        page_last=None if last is None else str(last),
        number=draw(st.one_of(st.none(), st.just("e12345"))),
        doi=draw(st.one_of(st.none(), st.just("10.1000/xyz"), st.just("10.2000/abc"))),
        texts={lang: text},
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    citation=citations(), accessed=st.one_of(st.none(), st.just(dt.date(2024, 2, 29))), suffix=st.one_of(st.none(), st.just("b"))
)
def test_name_and_file_give_one_line(citation: Citation, accessed: dt.date | None, suffix: str | None) -> None:
    lang = citation.languages[0]
    for name in GBT_PROFILES:
        by_name = render_reference(resolve_style(name), citation, lang, accessed=accessed, year_suffix=suffix)
        by_file = render_reference(
            resolve_style(str(resolve_style(name).path)), citation, lang, accessed=accessed, year_suffix=suffix
        )
        assert by_name == by_file, name
        assert by_name.endswith(".") and "<" not in by_name


def test_a_copy_is_the_bundled_style_and_a_changed_copy_is_the_users(tmp_path: Path, seed: Citation) -> None:
    original = resolve_style("gb7714-2015").path
    copy = tmp_path / "mine.csl"
    shutil.copy(original, copy)
    assert resolve_style(str(copy)).profile == resolve_style("gb7714-2015").profile
    changed = tmp_path / "changed.csl"
    changed.write_text(original.read_text(encoding="utf-8").replace("<!--", "<!-- changed", 1), encoding="utf-8")
    style = resolve_style(str(changed))
    assert style.profile is None  # rendered by citeproc-py with the file's own rules
    assert "干细胞产品质量研究与检测专栏" in render_reference(style, seed, "zh")


def test_every_bundled_profile_has_a_csl_file() -> None:
    for name in GBT_PROFILES:
        assert resolve_style(name).path.is_file()


def test_bundled_files_are_what_the_script_writes() -> None:
    """``styles/*.csl`` are written by ``scripts/build_styles.py``: edited there, never by hand."""
    import importlib.util
    import sys

    script = Path(__file__).parents[3] / "scripts" / "build_styles.py"
    spec = importlib.util.spec_from_file_location("build_styles", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    assert {variant.name for variant in module.VARIANTS} == set(GBT_PROFILES)
    for variant in module.VARIANTS:
        assert resolve_style(variant.name).path.read_text(encoding="utf-8") == module.style(variant), variant.name


def test_an_adapted_copy_prints_every_type_code(tmp_path: Path) -> None:
    """citeproc-py with an adapted copy still prints the type codes (the CSL files state them)."""
    changed = tmp_path / "adapted.csl"
    changed.write_text(
        resolve_style("gb7714-2015").path.read_text(encoding="utf-8").replace("<!--", "<!-- mine", 1), encoding="utf-8"
    )
    style = resolve_style(str(changed))
    assert style.profile is None
    book = Citation(
        type="book",
        issued=Date(year=2000),
        texts={
            "zh": LocalizedText(
                title="国史旧闻", publisher="中华书局", publisher_place="北京", names={"author": (Name(literal="陈登原"),)}
            )
        },
    )
    assert render_reference(style, book, "zh") == "陈登原. 国史旧闻[M]. 北京: 中华书局, 2000."
