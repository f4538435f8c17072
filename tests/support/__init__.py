"""Helpers shared by the tests (and the benchmarks): the seed record, the dump record generator,
hypothesis strategies, wrappers of independent readers.  Test modules import from here, never
from each other."""
