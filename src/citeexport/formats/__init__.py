"""The formats: one package or module per format, holding its reader, its writer and its tag table.

:mod:`.base` says what a reader and a writer are, and the optional protocols a format may
offer (reading an input its own way, parallel reading, writing in worker processes).
:mod:`citeexport.registry` maps format names to these modules.
"""
