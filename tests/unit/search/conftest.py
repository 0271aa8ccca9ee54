"""Search tests run once per engine."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["whoosh", "tantivy"])
def engine_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)
