"""Shipped data: the assembled spaCy pipeline, rebuilt by ``make model`` (scripts/build_model.py)."""
