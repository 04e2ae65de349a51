"""Fixtures for the parse stage tests; makes the local ``pdf_writer`` helper importable."""

from __future__ import annotations

import sys
from pathlib import Path

# The helper sits beside the tests; test modules are not a package (tests/ has no __init__.py).
sys.path.insert(0, str(Path(__file__).parent))
