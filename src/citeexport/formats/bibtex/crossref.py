"""``crossref`` and ``xdata``: a child entry inherits the fields of its parent, as biber does.

Rules (biblatex manual, appendix B, the defaults and the common type pairs):

* every field the child lacks is copied, except the ones never inherited
  (:data:`.tables.NOT_INHERITED`: ``ids``, ``crossref``, ``related`` …);
* from a book, collection, proceedings or reference work (:data:`.tables.BOOK_PARENTS`) to a part
  of it (:data:`.tables.BOOK_CHILDREN`: ``@inbook``, ``@incollection``, ``@inproceedings`` …):
  ``title`` → ``booktitle``, ``subtitle`` → ``booksubtitle``, ``titleaddon`` → ``booktitleaddon``
  (``maintitle`` … from an ``@mv*`` parent), ``author`` → ``bookauthor`` as well as ``author``;
  ``shorttitle``, ``sorttitle``, ``indextitle``, ``indexsorttitle`` are not inherited;
* from a ``@periodical`` to an ``@article``: ``title`` → ``journaltitle`` (and subtitle);
* classic BibTeX's own rule is the first one alone, which the others extend: a parent written
  for BibTeX carries its ``booktitle`` itself, and it is copied like any other field.

``xdata = {a, b}`` copies every field of the ``@xdata`` entries ``a`` and ``b`` (no mapping).  A
parent may itself have a ``crossref`` or ``xdata``; chains are followed, cycles stop.
"""

from __future__ import annotations

from collections.abc import Mapping

from .tables import BOOK_CHILDREN, BOOK_PARENTS, NEVER_INHERITED_TITLES, NOT_INHERITED, TITLE_FIELDS

#: An entry as the resolution sees it: its type (lower case) and its fields (lower-case names, raw values).
RawEntry = tuple[str, dict[str, str]]


def inherited_fields(child_type: str, parent: RawEntry) -> dict[str, str]:
    """The fields a ``child_type`` entry gets from ``parent``, renamed by the rules above."""
    parent_type, fields = parent
    out: dict[str, str] = {}
    if child_type in BOOK_CHILDREN and parent_type in BOOK_PARENTS:
        prefix = "main" if parent_type.startswith("mv") else "book"
        for name in TITLE_FIELDS:
            if name in fields:
                out[prefix + name] = fields[name]
        if "author" in fields and parent_type in ("book", "mvbook"):
            out["bookauthor"] = fields["author"]
        skipped = {*TITLE_FIELDS, *NEVER_INHERITED_TITLES}
    elif parent_type == "periodical" and child_type in ("article", "suppperiodical"):
        for name in ("title", "subtitle"):
            if name in fields:
                out["journal" + name] = fields[name]
        skipped = {*TITLE_FIELDS, *NEVER_INHERITED_TITLES}
    else:
        skipped = set()
    for name, value in fields.items():
        if name not in NOT_INHERITED and name not in skipped:
            out.setdefault(name, value)
    return out


def parent_keys(fields: Mapping[str, str]) -> list[str]:
    """The keys an entry inherits from: its ``crossref``, then each of its ``xdata`` keys."""
    if "crossref" not in fields and "xdata" not in fields:  # most entries: nothing to look at
        return []
    keys = [fields["crossref"].strip()] if fields.get("crossref", "").strip() else []
    keys += [key.strip() for key in fields.get("xdata", "").split(",") if key.strip()]
    return keys


def resolve(entry_type: str, fields: dict[str, str], parents: Mapping[str, RawEntry]) -> tuple[dict[str, str], list[str]]:
    """``fields`` with what its parents give (the child's own fields win) and the parent keys not found.

    ``parents`` maps lower-case keys to entries; chains are followed and a cycle stops at the
    first entry seen again.
    """
    out = dict(fields)
    missing: list[str] = []
    seen: set[str] = set()
    pending = [(key, entry_type) for key in parent_keys(fields)]
    while pending:
        key, child_type = pending.pop(0)
        if key.lower() in seen:
            continue
        seen.add(key.lower())
        parent = parents.get(key.lower())
        if parent is None:
            missing.append(key)
            continue
        rule_type = child_type if parent[0] != "xdata" else "xdata"
        for name, value in inherited_fields(rule_type, parent).items():
            out.setdefault(name, value)
        pending += [(grand, parent[0]) for grand in parent_keys(parent[1])]
    return out, missing
