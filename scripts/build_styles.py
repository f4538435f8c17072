"""Write the six bundled GB/T 7714 CSL styles (``styles/gb7714-*.csl``) from one template.

    python scripts/build_styles.py

The bundled style names are rendered by citeexport's GB/T renderer (``formats/text/fastpath.py``),
and so is any CSL file identical to a bundled one.  These files state the same rules in CSL for
other processors and for users who adapt a copy (an adapted copy is rendered by citeproc-py):
every document type with its code and carrier, 析出文献 with ``//``, imprint, numbers of standards,
patents and reports, editions, translators and the online elements.  What CSL 1.0 cannot say is
left to the renderer: proceedings ``[C]``, compilations ``[G]`` and databases ``[DB]`` (a genre test),
the imprint placeholders, pinyin syllable initials, the 2025 surname case.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STYLES = Path(__file__).resolve().parents[1] / "styles"


@dataclass(frozen=True)
class Variant:
    name: str
    edition: int
    author_date: bool
    comma: str
    colon: str
    open_paren: str
    close_paren: str

    @property
    def width(self) -> str:
        return "full-width" if self.comma == "，" else "half-width"


VARIANTS = [
    Variant("gb7714-2015", 2015, False, ", ", ": ", "(", ")"),
    Variant("gb7714-2015-author-date", 2015, True, ", ", ": ", "(", ")"),
    Variant("gb7714-2025", 2025, False, "，", "：", "（", "）"),
    Variant("gb7714-2025-author-date", 2025, True, "，", "：", "（", "）"),
    Variant("gb7714-2025-halfwidth", 2025, False, ", ", ": ", "(", ")"),
    Variant("gb7714-2025-author-date-halfwidth", 2025, True, ", ", ": ", "(", ")"),
]

CODES = [
    ("book chapter", "M"),
    ("paper-conference", "C"),
    ("article-newspaper", "N"),
    ("article-journal article-magazine periodical", "J"),
    ("thesis", "D"),
    ("report", "R"),
    ("standard", "S"),
    ("patent", "P"),
    ("dataset", "DS"),
    ("software", "CP"),
    ("webpage post post-weblog", "EB"),
    ("map", "CM"),
    ("collection personal_communication document manuscript", "A"),
]

FULL_DATE = """<date-part name="year"/>
          <date-part name="month" form="numeric-leading-zeros" prefix="-"/>
          <date-part name="day" form="numeric-leading-zeros" prefix="-"/>"""


def _codes(v: Variant) -> str:
    codes = [*CODES, ("article", "PP" if v.edition == 2025 else "Z")]
    out = []
    for index, (types, code) in enumerate(codes):
        tag = "if" if index == 0 else "else-if"
        match = ' match="any"' if " " in types else ""
        out.append(f'        <{tag} type="{types}"{match}>\n          <text value="{code}"/>\n        </{tag}>')
    out.append('        <else>\n          <text value="Z"/>\n        </else>')
    return "\n".join(out)


def _online(v: Variant) -> str:
    """The condition of the online form: 2015 needs an access date too (§8.6)."""
    return 'variable="accessed"' if v.edition == 2015 else 'variable="URL DOI" match="any"'


def style(v: Variant) -> str:
    system = "著者-出版年制 (author-date" if v.author_date else "顺序编码制 (numeric"
    c, k, op, cp = v.comma, v.colon, v.open_paren, v.close_paren
    upper = ' text-case="uppercase"' if v.edition == 2015 else ""
    hyphen = "true" if v.edition == 2025 else "false"
    anonymous = '\n        <text term="anonymous"/>' if v.author_date else ""
    year_in_source = (
        ""
        if v.author_date
        else f'\n          <date variable="issued" prefix="{c}">\n            <date-part name="year"/>\n          </date>'
    )
    imprint_year = (
        "" if v.author_date else '\n        <date variable="issued">\n          <date-part name="year"/>\n        </date>'
    )
    issued_in_imprint = (
        ""
        if v.author_date
        else '\n            <date variable="issued">\n              <date-part name="year"/>\n            </date>'
    )
    journal_issue = f"""{year_in_source}
          <text variable="volume" prefix="{c}"/>
          <text variable="issue" prefix="{op}" suffix="{cp}"/>"""
    if v.edition == 2025:  # an online-first article: its full online date instead of year, volume, issue
        journal_issue = f"""
          <choose>
            <if variable="available-date">
              <date variable="available-date" prefix="{c}">
          {FULL_DATE}
              </date>
            </if>
            <else>{journal_issue}
            </else>
          </choose>"""
    access_kept = "" if v.edition == 2015 else ' type="webpage post post-weblog dataset software article" match="any"'
    heading = (
        f"""<group delimiter="{c}">
          <text macro="author"/>
          <group>
            <date variable="issued">
              <date-part name="year"/>
            </date>
            <text variable="year-suffix"/>
          </group>
        </group>"""
        if v.author_date
        else '<text macro="author"/>'
    )
    standard_number = (
        '\n      <choose>\n        <if type="standard">\n          <text variable="number" suffix="\u3000"/>\n        </if>\n      </choose>'
        if v.edition == 2025
        else ""
    )
    title_number_types = "patent report" if v.edition == 2025 else "standard patent report"
    return f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="zh-CN" page-range-format="expanded" demote-non-dropping-particle="never">
  <!-- citeexport's GB/T 7714-{v.edition} style, written by scripts/build_styles.py (edit the script, not
       this file). citeexport renders this style by name, or any identical copy of this file, with its
       own GB/T renderer (src/citeexport/formats/text/fastpath.py); this file states the same rules for
       other CSL processors and for adapted copies, which citeproc-py renders. -->
  <info>
    <title>GB/T 7714-{v.edition} {system}, {v.width} punctuation) — citeexport</title>
    <id>https://github.com/citeexport/citeexport/styles/{v.name}</id>
    <link href="https://github.com/citeexport/citeexport/styles/{v.name}.csl" rel="self"/>
    <category citation-format="{"author-date" if v.author_date else "numeric"}"/>
    <category field="generic-base"/>
    <summary>Every document type of GB/T 7714-{v.edition} with its type code and carrier, {v.width} punctuation.</summary>
    <updated>2026-12-02T00:00:00+00:00</updated>
    <rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License</rights>
  </info>
  <locale xml:lang="zh">
    <terms>
      <term name="et-al">等</term>
      <term name="anonymous">佚名</term>
      <term name="page-range-delimiter">-</term>
      <term name="translator" form="short">译</term>
      <term name="edition" form="short">版</term>
    </terms>
  </locale>
  <locale xml:lang="en">
    <terms>
      <term name="et-al">et al.</term>
      <term name="anonymous">Anon</term>
      <term name="page-range-delimiter">-</term>
      <term name="translator" form="short">trans</term>
      <term name="edition" form="short">ed.</term>
    </terms>
  </locale>
  <macro name="author">
    <choose>
      <if type="chapter paper-conference" match="any">
        <names variable="author">
          <name name-as-sort-order="all" sort-separator=" " initialize-with=" " initialize-with-hyphen="{hyphen}" delimiter="{c}" delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3">
            <name-part name="family"{upper}/>
          </name>
          <substitute>{anonymous}
          </substitute>
        </names>
      </if>
      <else>
        <names variable="author">
          <name name-as-sort-order="all" sort-separator=" " initialize-with=" " initialize-with-hyphen="{hyphen}" delimiter="{c}" delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3">
            <name-part name="family"{upper}/>
          </name>
          <substitute>
            <names variable="editor"/>{anonymous}
          </substitute>
        </names>
      </else>
    </choose>
  </macro>
  <macro name="type-code">
    <group prefix="[" suffix="]" delimiter="/">
      <choose>
{_codes(v)}
      </choose>
      <choose>
        <if {_online(v)}>
          <choose>
            <if variable="URL DOI" match="any">
              <text value="OL"/>
            </if>
          </choose>
        </if>
      </choose>
    </group>
  </macro>
  <macro name="host">
    <group prefix="//" delimiter=". ">
      <names variable="container-author">
        <name name-as-sort-order="all" sort-separator=" " initialize-with=" " initialize-with-hyphen="{hyphen}" delimiter="{c}" delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3">
          <name-part name="family"{upper}/>
        </name>
        <substitute>
          <names variable="editor"/>
        </substitute>
      </names>
      <group delimiter="{k}">
        <text variable="container-title"/>
        <text variable="volume"/>
      </group>
    </group>
  </macro>
  <macro name="title">
    <group>{standard_number}
      <text variable="title"/>
      <choose>
        <if type="book map" match="any">
          <text variable="volume" prefix="{k}"/>
        </if>
        <else-if type="{title_number_types}" match="any">
          <text variable="number" prefix="{k}"/>
        </else-if>
      </choose>
      <text macro="type-code"/>
      <choose>
        <if type="chapter paper-conference" match="any">
          <text macro="host"/>
        </if>
      </choose>
    </group>
  </macro>
  <macro name="translator">
    <group delimiter="{c}">
      <names variable="translator">
        <name name-as-sort-order="all" sort-separator=" " initialize-with=" " initialize-with-hyphen="{hyphen}" delimiter="{c}" delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3">
          <name-part name="family"{upper}/>
        </name>
      </names>
      <text term="translator" form="short"/>
    </group>
  </macro>
  <macro name="edition">
    <choose>
      <if is-numeric="edition">
        <group>
          <number variable="edition"/>
          <text term="edition" form="short"/>
        </group>
      </if>
      <else>
        <text variable="edition"/>
      </else>
    </choose>
  </macro>
  <macro name="pages">
    <choose>
      <if variable="page">
        <text variable="page" prefix="{k}"/>
      </if>
      <else-if variable="number">
        <text variable="number" prefix="{k}"/>
      </else-if>
    </choose>
  </macro>
  <macro name="accessed">
    <choose>
      <if{access_kept}>
        <date variable="accessed" prefix="[" suffix="]">
          {FULL_DATE}
        </date>
      </if>
    </choose>
  </macro>
  <macro name="source">
    <choose>
      <if type="article-journal article-magazine" match="any">
        <group>
          <text variable="container-title"/>{journal_issue}
          <text macro="pages"/>
          <text macro="accessed"/>
        </group>
      </if>
      <else-if type="article-newspaper">
        <group>
          <text variable="container-title"/>
          <date variable="issued" prefix="{c}">
          {FULL_DATE}
          </date>
          <text variable="page" prefix="{op}" suffix="{cp}"/>
          <text macro="accessed"/>
        </group>
      </else-if>
      <else-if type="patent">
        <group>
          <date variable="issued">
          {FULL_DATE}
          </date>
          <text macro="accessed"/>
        </group>
      </else-if>
      <else-if type="webpage post post-weblog dataset software article" match="any">
        <group>
          <text variable="publisher"/>
          <date variable="issued" prefix="{op}" suffix="{cp}">
          {FULL_DATE}
          </date>
          <text macro="accessed"/>
        </group>
      </else-if>
      <else-if type="periodical">
        <group delimiter=". ">
          <text variable="volume"/>
          <group delimiter="{c}">
            <group delimiter="{k}">
              <text variable="publisher-place"/>
              <text variable="publisher"/>
            </group>{issued_in_imprint}
          </group>
        </group>
      </else-if>
      <else-if type="report">
        <choose>
          <if variable="publisher publisher-place" match="none">
            <choose>
              <if variable="URL">
                <group>
                  <date variable="issued" prefix="{op}" suffix="{cp}">
          {FULL_DATE}
                  </date>
                  <text macro="accessed"/>
                </group>
              </if>
              <else>
                <group>
                  <date variable="issued">
          {FULL_DATE}
                  </date>
                  <text variable="page" prefix="{k}"/>
                </group>
              </else>
            </choose>
          </if>
          <else>
            <text macro="imprint"/>
          </else>
        </choose>
      </else-if>
      <else>
        <text macro="imprint"/>
      </else>
    </choose>
  </macro>
  <macro name="imprint">
    <group>
      <group delimiter="{c}">
        <group delimiter="{k}">
          <text variable="publisher-place"/>
          <text variable="publisher"/>
        </group>{imprint_year}
      </group>
      <text variable="page" prefix="{k}"/>
      <text macro="accessed"/>
    </group>
  </macro>
  <macro name="online">
    <choose>
      <if {_online(v)}>
        <group delimiter=". ">
          <text variable="URL"/>
          <text variable="DOI" prefix="DOI:"/>
        </group>
      </if>
    </choose>
  </macro>
  <citation>
    <layout prefix="[" suffix="]" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        {heading}
        <text macro="title"/>
        <text macro="translator"/>
        <text macro="edition"/>
        <text macro="source"/>
        <text macro="online"/>
      </group>
    </layout>
  </bibliography>
</style>
"""


def main() -> None:
    for variant in VARIANTS:
        (STYLES / f"{variant.name}.csl").write_text(style(variant), encoding="utf-8")
        print(f"styles/{variant.name}.csl")


if __name__ == "__main__":
    main()
