"""``build``: the whole lexicon build, from the curated tables and taxonomies to ``skills.jsonl``.

Sources, in order of authority (an earlier source wins, a later one that names the same thing
only adds its citation): the curated tables, Linguist, github/explore topics, ESCO, O*NET.
"""

from __future__ import annotations

from pathlib import Path

from .curated import check_citations, load_curated
from .errors import BuildError
from .esco import read_esco, read_esco_citations
from .linguist import LANGUAGES, read_linguist
from .merge import Builder, Entry
from .onet import FOLDER, read_onet
from .settings import Settings
from .topics import TOPICS, read_topics
from .variants import add_variants, vendor_short_names
from .write import write_lexicon


def build(
    shared: Path, curated: Path, out: Path, dictionary: Path | None = None
) -> tuple[dict[str, Entry], dict[str, dict[str, int]]]:
    """Build the lexicon and write it to ``out``.

    Args:
        shared: The shared data folder; its ``taxonomy/`` subfolder holds the taxonomies.
        curated: The folder of curated tables (``*.toml``, ``overrides.toml``).
        out: Where to write ``skills.jsonl``.
        dictionary: A word list; when given, ``curated``'s common-word list is regenerated from
            it first and the build runs again with the new list.

    Returns:
        The entries by id, and per taxonomy how many candidates were merged, created or skipped.

    Raises:
        BuildError: A curated or taxonomy file is invalid; the message names file and entry.
    """
    if not (shared / "taxonomy").is_dir():
        raise BuildError(shared, "no taxonomy/ folder here: pass --shared or set RESUME_FIT_SHARED")
    if not curated.is_dir():
        raise BuildError(curated, "the curated tables folder does not exist")
    settings = Settings.load(curated)
    builder = Builder(settings)
    load_curated(builder, curated)
    taxonomy = shared / "taxonomy"
    stats: dict[str, dict[str, int]] = {}
    for label, candidates in (
        ("linguist", read_linguist(taxonomy / LANGUAGES, settings)),
        ("topics", read_topics(taxonomy / TOPICS, settings)),
        ("esco", read_esco(taxonomy, settings)),
        ("esco-citations", read_esco_citations(taxonomy, settings)),
        ("onet", read_onet(taxonomy / FOLDER, settings)),
    ):
        counts = stats.setdefault(label, {"merged": 0, "created": 0, "skipped": 0})
        for candidate in candidates:
            counts[builder.add_candidate(candidate)] += 1
    check_citations(builder.entries.values(), taxonomy)
    if dictionary is not None:
        offered = builder.offered | {f for e in builder.entries.values() for f in e.forms()}
        settings.write_common_words(curated, dictionary, offered)
        return build(shared, curated, out)  # again, so that creation sees the new list
    builder.resolve_ambiguity()
    add_variants(builder, settings.variants)
    vendor_short_names(builder)
    builder.drop_vendor_shadows()
    builder.drop_joined_pairs()
    builder.add_sibling_context()
    builder.drop_generic_context()
    builder.check()
    write_lexicon(builder.entries, out)
    return builder.entries, stats
