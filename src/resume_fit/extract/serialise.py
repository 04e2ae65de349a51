"""How ``resume_fit_skills`` is saved: the skills and settings travel with the pipeline.

A saved component is a folder (``to_disk``) or one JSON document (``to_bytes``) holding the
lexicon version, the settings, one record per skill (``SkillEntry``), how the tokenizer split
the patterns and the built pattern index (``PatternIndex.to_state``). Only the patterns the
tokenizer did not split as ``guess_tokens`` guesses are stored (a few hundred of about 23,000), so
a saved pipeline loads without running the tokenizer; the index is stored whole (msgpack, in
``index.msgpack``), so a load does none of the per-form work of building it: with 14,688 surface
forms that work was about 0.3 s of CPU per load. An index saved in another
``patterns.STATE_FORMAT``, or missing, is built again from the skills and tokens.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]

from resume_fit.errors import DataFileError
from resume_fit.extract.patterns import STATE_FORMAT, SkillEntry, Tokens
from resume_fit.extract.settings import ExtractSettings, words_digest

KNOWN_WORDS_FILE = "known_words.txt"
INDEX_FILE = "index.msgpack"


@dataclass(frozen=True)
class SavedState:
    """A saved component, decoded.

    Attributes:
        entries: The skills, one record each.
        settings: The extractor settings.
        version: The lexicon version.
        tokens: How the tokenizer split the patterns not split as ``guess_tokens`` guesses; None
            when saved by a version that did not store it (the patterns are tokenised again).
        index: ``PatternIndex.to_state`` output; None when not saved, or saved in another
            ``STATE_FORMAT`` (the index is built again).
    """

    entries: list[SkillEntry]
    settings: ExtractSettings
    version: str
    tokens: dict[str, Tokens] | None
    index: dict[str, Any] | None = None


def guess_tokens(text: str) -> Tokens:
    """How the tokenizer usually splits a pattern: at single spaces and around hyphens."""
    words: list[str] = []
    spaces: list[bool] = []
    for piece in text.split(" "):
        for part in piece.split("-"):
            words.extend((part, "-"))
            spaces.extend((False, False))
        words.pop()
        spaces.pop()
        spaces[-1] = True
    spaces[-1] = False
    return tuple(words), tuple(spaces)


def restore_tokens(texts: list[str], saved: dict[str, Tokens]) -> dict[str, Tokens]:
    """The tokens of each of ``texts``: as ``saved`` when stored, else as ``guess_tokens``."""
    return {text: saved[text] if text in saved else guess_tokens(text) for text in texts}


def encode(
    entries: list[SkillEntry],
    settings: ExtractSettings,
    version: str,
    tokens: dict[str, Tokens],
    index: dict[str, Any],
) -> dict[str, Any]:
    """The JSON-ready state of a component; ``tokens`` keeps only what the guess gets wrong,
    ``index`` is ``PatternIndex.to_state`` output."""
    return {
        "index": index,
        "lexicon_version": version,
        "settings": settings.to_dict(),
        "skills": [asdict(e) for e in entries],
        "known_words": settings.known_words,
        "tokens": {
            text: [list(words), list(spaces)]
            for text, (words, spaces) in sorted(tokens.items())
            if guess_tokens(text) != (words, spaces)
        },
    }


def decode(state: dict[str, Any], origin: str) -> SavedState:
    """Read back what ``encode`` wrote.

    Raises:
        DataFileError: ``state`` is not a saved skill matcher (names ``origin``).
    """
    try:
        entries = [
            SkillEntry(
                id=e["id"],
                name=e["name"],
                category=e["category"],
                forms=tuple(e["forms"]),
                ambiguous=bool(e["ambiguous"]),
                context=tuple(e["context"]),
                guarded_forms=tuple(e["guarded_forms"]),
            )
            for e in state["skills"]
        ]
        words = str(state.get("known_words", ""))
        if words_digest(words) != str(state["settings"].get("known_words_digest", "")):
            raise DataFileError(origin, "the saved known words do not match their digest")
        settings = ExtractSettings.from_dict(state["settings"], origin, words)
        version = str(state["lexicon_version"])
        saved = state.get("tokens")
        tokens = None
        index = state.get("index")
        if not isinstance(index, dict) or index.get("format") != STATE_FORMAT:
            index = None
        if saved is not None:
            tokens = {
                text: (tuple(str(w) for w in words), tuple(bool(s) for s in spaces))
                for text, (words, spaces) in saved.items()
            }
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(origin, f"not a saved skill matcher ({error!r})") from error
    return SavedState(entries, settings, version, tokens, index)


def write_folder(path: Path, state: dict[str, Any]) -> None:
    """Write ``encode`` output to ``path``: ``cfg.json`` (version, settings), ``skills.jsonl``
    (one skill a line), ``tokens.json`` (the patterns not split as guessed) and
    ``known_words.txt`` (the words fuzzy matching leaves alone, one a line) and
    ``index.msgpack`` (the built pattern index)."""
    path.mkdir(parents=True, exist_ok=True)
    cfg = {"lexicon_version": state["lexicon_version"], "settings": state["settings"]}
    (path / "cfg.json").write_text(
        json.dumps(cfg, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    lines = [json.dumps(s, sort_keys=True, ensure_ascii=False) for s in state["skills"]]
    (path / "skills.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (path / "tokens.json").write_text(
        json.dumps(state["tokens"], sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (path / KNOWN_WORDS_FILE).write_text(state["known_words"], encoding="utf-8")
    (path / INDEX_FILE).write_bytes(srsly.msgpack_dumps(state["index"]))


def read_folder(path: Path) -> dict[str, Any]:
    """Read a folder written by ``write_folder`` back into ``encode`` output (for ``decode``).

    Raises:
        DataFileError: A file is missing or not JSON (names the folder).
    """
    try:
        state = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        if not isinstance(state, dict):
            raise DataFileError(path / "cfg.json", "expected a JSON object")
        # One JSON array, not one document a line: a tenth of the time for 10,000 skills.
        lines = (path / "skills.jsonl").read_text(encoding="utf-8").splitlines()
        state["skills"] = json.loads("[" + ",".join(line for line in lines if line.strip()) + "]")
        words_path = path / KNOWN_WORDS_FILE
        if words_path.is_file():
            state["known_words"] = words_path.read_text(encoding="utf-8")
        tokens_path = path / "tokens.json"
        if tokens_path.is_file():
            state["tokens"] = json.loads(tokens_path.read_text(encoding="utf-8"))
        index_path = path / INDEX_FILE
        if index_path.is_file():
            # Not srsly.msgpack_loads: it turns the garbage collector back on when done, and the
            # load that calls this has paused it (``component._collector_paused``).
            # Arrays as tuples: the index's keys are tuples, so most need no copy.
            state["index"] = srsly.msgpack.unpackb(
                index_path.read_bytes(), raw=False, use_list=False
            )
    except (OSError, ValueError) as error:
        raise DataFileError(path, f"cannot read the saved skill matcher: {error}") from error
    return state
