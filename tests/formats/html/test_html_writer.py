"""The HTML writer: the text writer's references as an HTML fragment (issue 16).

Every HTML output here is parsed by html5lib, a conforming HTML5 parser, in strict mode (a parse
error fails the test), and its text is compared with the text writer's line; one list is rendered
in a real headless Chromium and compared by the text the browser shows.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import pytest

from citeexport.formats.html import HtmlWriter
from citeexport.formats.text.fastpath import render_gbt
from citeexport.formats.text.items import prepare
from citeexport.formats.text.profiles import GBT_PROFILES
from citeexport.model import Citation, Date, LocalizedText, Name
from citeexport.options import WriteOptions
from citeexport.registry import get_writer

html5lib = pytest.importorskip("html5lib", reason="html5lib (test extras) is the independent HTML5 parser")

CASES = Path(__file__).parents[2] / "golden" / "text" / "cases.jsonl"
NS = "{http://www.w3.org/1999/xhtml}"


def parse(fragment: str) -> Element:
    """The fragment parsed by html5lib; any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parseFragment(fragment)  # type: ignore[no-any-return]


def text_of(element: Element) -> str:
    """The text a reader sees: ``<br>`` as a line break, tags dropped."""
    out = [element.text or ""]
    for child in element:
        out.append("\n" if child.tag == f"{NS}br" else text_of(child))
        out.append(child.tail or "")
    return "".join(out)


def run(name: str, citations: list[Citation], **options: Any) -> str:
    writer = get_writer(name)(WriteOptions(**options))
    return writer.start() + "".join(writer.write(c) for c in citations) + writer.finish()


def article(title: str, lang: str = "en") -> Citation:
    text = LocalizedText(title=title, names={"author": (Name(family="Myburg", given="Alexander A."),)}, container_title="Nature")
    return Citation(issued=Date(year=2014), volume="510", page_first="356", page_last="362", texts={lang: text})


def test_registered() -> None:
    assert get_writer("html") is HtmlWriter
    assert HtmlWriter.extension == "html"


@pytest.mark.parametrize("style", sorted(GBT_PROFILES))
@pytest.mark.parametrize("numbered", [False, True])
def test_seed_reads_as_the_text(seed: Citation, style: str, numbered: bool) -> None:
    fragment = parse(run("html", [seed, seed], style=style, numbered=numbered))
    entries = list(fragment.iter(f"{NS}p" if "author-date" in style else f"{NS}li"))
    text = run("text", [seed, seed], style=style, numbered=numbered)
    assert "\n".join(text_of(entry) for entry in entries) + "\n" == text


def test_numbered_styles_are_a_list_author_date_paragraphs(seed: Citation) -> None:
    numeric = run("html", [seed], lang="zh")
    assert numeric.startswith('<ol class="references" style="list-style-type:none">\n<li>') and numeric.endswith("</li>\n</ol>\n")
    assert [span.get("lang") for span in parse(run("html", [seed])).iter(f"{NS}span")] == ["zh-CN", "en-US"]
    author_date = run("html", [seed], lang="zh", style="gb7714-2015-author-date")
    assert author_date.startswith('<div class="references">\n<p>') and author_date.endswith("</p>\n</div>\n")


def test_rich_text_is_kept() -> None:
    title = 'The genome of <i>Eucalyptus grandis</i>: H<sub>2</sub>O, Ca<sup>2+</sup>, <span style="font-variant:small-caps;">Dna</span>'
    out = run("html", [article(title)])
    tree = parse(out)
    assert [e.text for e in tree.iter(f"{NS}i")] == ["Eucalyptus grandis"]
    assert [e.text for e in tree.iter(f"{NS}sub")] == ["2"] and [e.text for e in tree.iter(f"{NS}sup")] == ["2+"]
    spans = [e for e in tree.iter(f"{NS}span") if "small-caps" in (e.get("style") or "")]
    assert [e.text for e in spans] == ["Dna"]
    plain = run("text", [article(title)])
    assert "The genome of Eucalyptus grandis: H2O, Ca2+, Dna[J]" in plain  # the text writer prints it plain


def test_every_value_is_escaped() -> None:
    out = run("html", [article('<script>alert("x")</script> & <img src=x onerror=alert(1)> "q"')], numbered=True)
    tree = parse(out)
    assert not list(tree.iter(f"{NS}script")) and not list(tree.iter(f"{NS}img"))
    assert '<script>alert("x")</script> & <img src=x onerror=alert(1)> "q"' in text_of(tree)
    assert "&lt;script&gt;" in out and "&amp;" in out


def test_every_standard_case_parses_and_reads_as_its_text_line() -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = []
    for case in cases:
        profile = GBT_PROFILES[f"gb7714-{case['edition']}" + ("-author-date" if case["system"] == "author-date" else "")]
        item, carrier = prepare(case["csl"], profile)
        plain = render_gbt(item, profile, carrier=carrier)
        rich = render_gbt(item, profile, carrier=carrier, value=lambda t: html.escape(t), literal=lambda t: html.escape(t))
        items.append((plain, rich))
    tree = parse("<ol>" + "".join(f"<li>{rich}</li>" for _, rich in items) + "</ol>")
    assert [text_of(li) for li in tree.iter(f"{NS}li")] == [plain for plain, _ in items]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")
def test_headless_chromium_shows_the_text(seed: Citation, tmp_path: Path) -> None:
    citations = [seed, article("The genome of <i>Eucalyptus grandis</i> <script>document.title='ran'</script>")]
    fragment = run("html", citations, numbered=True)
    page = tmp_path / "refs.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>refs</title></head><body>'
        + fragment
        + "<script>var ol=document.querySelector('ol');var pre=document.createElement('pre');pre.id='shown';"
        "pre.textContent=ol.innerText;document.body.appendChild(pre);</script></body></html>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = html5lib.parse(done.stdout.decode(), namespaceHTMLElements=True)
    title = dom.find(f".//{NS}title")
    assert title is not None and title.text == "refs"  # the <script> in the article title did not run
    shown = dom.find(f".//{NS}pre")
    assert shown is not None
    assert (shown.text or "").strip() == run("text", citations, numbered=True).strip()


USER_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>italic journal</title><id>x</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><group delimiter=". "><text variable="title"/>
    <text variable="container-title" font-style="italic"/></group></layout></bibliography>
</style>
"""


def test_a_users_style_keeps_its_own_italics_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "italic.csl"
    path.write_text(USER_STYLE, encoding="utf-8")
    out = run("html", [article("R&D <script>x</script>")], style=str(path))
    tree = parse(out)
    assert [e.text for e in tree.iter(f"{NS}i")] == ["Nature"]
    assert not list(tree.iter(f"{NS}script"))
    assert [text_of(li) for li in tree.iter(f"{NS}li")] == ["R&D <script>x</script>. Nature."]
