"""One fact read from a news text (shared by the reader's modules)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One suggestion: a field, its value (JSON-able), a label, and where in the text it was read."""

    field: str
    value: Any
    label: str
    start: int
    end: int
