"""The journal platform's article dump: Java/Lombok ``toString()`` records followed by page text.

:mod:`.schema` (every class's fields in printed order, with a kind) drives both parsers: the
careful one (:mod:`.lombok`, bounded backtracking) and the compiled fast path (:mod:`.fast`,
a strict subset that hands whatever it cannot match to the careful one).  :mod:`.chunks` cuts
an input into candidate records, :mod:`.mapping` turns a parsed tree into a citation,
:mod:`.reader` is the reader and :mod:`.parallel` its ``--jobs`` reading.
"""

from .reader import DumpReader

READER = DumpReader
