"""Which fields each entry type may hold, per dialect: the data the writers filter by and the tests check.

* biblatex: the data model biber validates against (``biber --tool --validate-datamodel``), as
  Debian's biber 2.18 ships it in ``Biber/biber-tool.conf``: fields every entry type may have
  (:data:`BIBLATEX_COMMON`) and each written type's own (:data:`BIBLATEX_TYPE_FIELDS`).  A date field
  (``date``, ``urldate``, ``eventdate``, ``origdate``) is valid where its parts are (``year``,
  ``urlyear`` …): biber splits it before it validates.  ``@standard`` has no field list there
  although biblatex 3.18's manual documents one (§2.1.1): that list is used
  (``tests/formats/biblatex`` checks the rest against biber's file when biber is installed).
* Classic BibTeX: the fields ``btxdoc`` gives the standard styles (``plain.bst`` …) per entry type,
  plus the ones natbib's styles and ``gbt7714.bst`` read for every type (:data:`BIBTEX_COMMON`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Fields every biblatex entry type may hold (biber-tool.conf's entryfields without an entry type).
BIBLATEX_COMMON = _words(
    "abstract annotation authortype bookpagination crossref day doi endday endhour endminute endmonth "
    "endsecond endtimezone endyear endyeardivision entryset entrysubtype eprint eprintclass eprinttype "
    "execute file gender hour ids indexsorttitle indextitle isan ismn iswc keywords label langid "
    "langidopts library lista listb listc listd liste listf minute month namea nameaddon nameatype nameb "
    "namebtype namec namectype options origday origendday origendhour origendminute origendmonth "
    "origendsecond origendtimezone origendyear origendyeardivision orighour origlocation origminute "
    "origmonth origpublisher origsecond origtimezone origtitle origyear origyeardivision pagination "
    "presort related relatedoptions relatedstring relatedtype second shortauthor shorteditor shorthand "
    "shorthandintro shortjournal shortseries shorttitle sortkey sortname sortshorthand sorttitle sortyear "
    "timezone url urlday urlendday urlendhour urlendminute urlendmonth urlendsecond urlendtimezone "
    "urlendyear urlhour urlminute urlmonth urlsecond urltimezone urlyear usera userb userc userd usere "
    "userf verba verbb verbc xdata xref year yeardivision "
)

#: Each biblatex entry type the writer writes -> the fields of its own (biber-tool.conf; ``standard``: biblatex's manual).
BIBLATEX_TYPE_FIELDS: dict[str, frozenset[str]] = {
    "article": _words(
        "addendum annotator author commentator editor editora editoratype editorb editorbtype editorc "
        "editorctype editortype eid issn issue issuesubtitle issuetitle issuetitleaddon journalsubtitle "
        "journaltitle journaltitleaddon language note number origlanguage pages pubstate series subtitle "
        "title titleaddon translator version volume "
    ),
    "online": _words("addendum author editor editortype language note organization pubstate subtitle title titleaddon version "),
    "book": _words(
        "addendum afterword annotator author chapter commentator edition editor editora editoratype "
        "editorb editorbtype editorc editorctype editortype eid foreword introduction isbn language "
        "location mainsubtitle maintitle maintitleaddon note number origlanguage pages pagetotal part "
        "publisher pubstate series subtitle title titleaddon translator volume volumes "
    ),
    "incollection": _words(
        "addendum afterword annotator author booksubtitle booktitle booktitleaddon chapter commentator "
        "edition editor editora editoratype editorb editorbtype editorc editorctype editortype eid "
        "foreword introduction isbn language location mainsubtitle maintitle maintitleaddon note number "
        "origlanguage pages part publisher pubstate series subtitle title titleaddon translator volume "
        "volumes "
    ),
    "inreference": _words(
        "addendum afterword annotator author booksubtitle booktitle booktitleaddon chapter commentator "
        "edition editor editora editoratype editorb editorbtype editorc editorctype editortype eid "
        "foreword introduction isbn language location mainsubtitle maintitle maintitleaddon note number "
        "origlanguage pages part publisher pubstate series subtitle title titleaddon translator volume "
        "volumes "
    ),
    "inproceedings": _words(
        "addendum author booksubtitle booktitle booktitleaddon chapter editor editortype eid eventday "
        "eventendday eventendhour eventendminute eventendmonth eventendsecond eventendtimezone "
        "eventendyear eventendyeardivision eventhour eventminute eventmonth eventsecond eventtimezone "
        "eventtitle eventtitleaddon eventyear eventyeardivision isbn language location mainsubtitle "
        "maintitle maintitleaddon note number organization pages part publisher pubstate series subtitle "
        "title titleaddon venue volume volumes "
    ),
    "thesis": _words(
        "addendum author chapter eid institution language location note pages pagetotal pubstate subtitle title titleaddon type "
    ),
    "report": _words(
        "addendum author chapter eid institution isrn language location note number pages pagetotal "
        "pubstate subtitle title titleaddon type version "
    ),
    "patent": _words("addendum author holder location note number pubstate subtitle title titleaddon type version "),
    "dataset": _words(
        "addendum author edition editor editortype language location note number organization publisher "
        "pubstate series subtitle title titleaddon type version "
    ),
    "software": _words(
        "addendum author editor editortype howpublished language location note organization pubstate "
        "subtitle title titleaddon type version "
    ),
    "periodical": _words(
        "addendum editor editora editoratype editorb editorbtype editorc editorctype editortype issn "
        "issue issuesubtitle issuetitle issuetitleaddon language note number pubstate series subtitle "
        "title titleaddon volume yeardivision "
    ),
    "booklet": _words(
        "addendum author chapter editor editortype eid howpublished language location note pages "
        "pagetotal pubstate subtitle title titleaddon type "
    ),
    "unpublished": _words(
        "addendum author eventday eventendday eventendhour eventendminute eventendmonth eventendsecond "
        "eventendtimezone eventendyear eventendyeardivision eventhour eventminute eventmonth eventsecond "
        "eventtimezone eventtitle eventtitleaddon eventyear eventyeardivision howpublished language "
        "location note pubstate subtitle title titleaddon type venue "
    ),
    "misc": _words(
        "addendum author editor editortype howpublished language location note organization pubstate "
        "subtitle title titleaddon type version "
    ),
    "standard": _words(
        "addendum author editor institution language location note number organization pubstate subtitle title titleaddon type version"
    ),
}
#: biblatex date fields -> the part biber validates them by (it splits ``date`` into ``year`` … first).
DATE_PARTS: dict[str, str] = {"date": "year", "urldate": "urlyear", "eventdate": "eventyear", "origdate": "origyear"}


def biblatex_allows(entry_type: str, field: str) -> bool:
    """Whether biber's data model lets an ``@entry_type`` hold ``field``."""
    field = DATE_PARTS.get(field, field)
    return field in BIBLATEX_COMMON or field in BIBLATEX_TYPE_FIELDS.get(entry_type, frozenset())


#: Fields every classic entry type may hold: ``btxdoc``'s ``note``, ``month``, ``year``, and what natbib's
#: styles (``doi``, ``url``, ``isbn``, ``issn``) and ``gbt7714.bst`` (``translator``, ``urldate``,
#: ``language``) read, and the ``abstract``/``keywords`` every exporter writes and every style ignores.
BIBTEX_COMMON = _words("author title year month note doi url urldate isbn issn language translator abstract keywords")

#: Each classic entry type -> its fields (required and optional, ``btxdoc`` §3; ``gbt7714.bst`` for
#: the types it adds), beyond :data:`BIBTEX_COMMON`.
BIBTEX_TYPE_FIELDS: dict[str, frozenset[str]] = {
    "article": _words("journal volume number pages"),
    "book": _words("editor publisher volume number series address edition"),
    "booklet": _words("howpublished address"),
    "incollection": _words("booktitle publisher editor volume number series type chapter pages address edition"),
    "inproceedings": _words("booktitle editor volume number series pages address organization publisher"),
    "manual": _words("organization address edition"),
    "mastersthesis": _words("school type address"),
    "phdthesis": _words("school type address"),
    "misc": _words("howpublished"),
    "proceedings": _words("editor volume number series address organization publisher"),
    "techreport": _words("institution type number address"),
    "unpublished": _words(""),
    # gbt7714.bst's own types
    "newspaper": _words("journal volume number pages"),
    "periodical": _words("editor volume number publisher address"),
    "standard": _words("editor number publisher address type"),
    "patent": _words("number type"),
    "online": _words("editor publisher address number"),
    "dataset": _words("editor publisher address number edition type"),
    "software": _words("editor publisher address number edition type"),
    "map": _words("editor publisher address edition series"),
}


def bibtex_allows(entry_type: str, field: str) -> bool:
    """Whether classic BibTeX's styles read ``field`` in an ``@entry_type``."""
    return field in BIBTEX_COMMON or field in BIBTEX_TYPE_FIELDS.get(entry_type, frozenset())
