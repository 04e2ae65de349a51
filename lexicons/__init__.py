"""Shipped data: the skill lexicon, the role catalogue and the section headings (see README.md)."""
