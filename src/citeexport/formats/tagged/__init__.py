"""Tagged formats: one field per line, ``<tag><separator><value>`` (RIS, EndNote tagged, RefWorks tagged).

The shared machinery is :mod:`.table` (what a tag table is), :mod:`.reading` (tag lines into
records, with the defects real exporters emit repaired) and :mod:`.writing` (values folded
onto one line per tag); each format is one module holding its tag table, its reader and its
writer (:mod:`.ris`, :mod:`.enw`, :mod:`.refworks`).
"""
