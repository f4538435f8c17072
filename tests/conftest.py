"""Shared fixtures (the seed article as the model should hold it) and the hypothesis profiles; helpers live in ``support``."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from citeexport.model import Citation
from support.seed import seed_citation

# In CI (``CI`` set, as .ci/run does) property tests draw the same examples on every run, so a
# red CI always means a change broke something, never a rare draw; locally every run draws anew,
# and ``python scripts/fuzz.py`` explores far longer.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def seed() -> Citation:
    return seed_citation()
