"""How ``resume_fit_skills`` is saved: the skills and settings travel with the pipeline.

A saved component is a folder (``to_disk``) or one JSON document (``to_bytes``) holding the
lexicon version, the settings, one record per skill (``SkillEntry``), how the tokenizer split
the patterns and the built pattern index (``PatternIndex.to_state``). Only the patterns the
tokenizer did not split as ``guess_tokens`` guesses are stored (a few hundred of about 23,000), so
a saved pipeline loads without running the tokenizer; the index is stored whole (msgpack, in
``index.msgpack``), so a load does none of the per-form work of building it: with 14,688 surface
forms that work was about 0.3 s of CPU per load. An index saved in another
``patterns.STATE_FORMAT``, or missing, is built again from the skills and tokens.

A load decodes only what every process needs: a folder's skills (``skills.jsonl``, the id first
on each line) and the index's keys are decoded when first read, since a process reads a few
hundred skills and a few thousand keys of about 10,000 and 41,000.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

import srsly  # type: ignore[import-untyped]

from resume_fit.errors import DataFileError
from resume_fit.extract.patterns import STATE_FORMAT, SkillEntry, Tokens
from resume_fit.extract.settings import ExtractSettings, words_digest

KNOWN_WORDS_FILE = "known_words.txt"
INDEX_FILE = "index.msgpack"
SKILLS_FILE = "skills.jsonl"
# How each line of SKILLS_FILE starts: the id first, so it is read without the rest of the line.
_ID_FIRST = '{"id": "'


def _entry(record: dict[str, Any]) -> SkillEntry:
    return SkillEntry(
        id=record["id"],
        name=record["name"],
        category=record["category"],
        forms=tuple(record["forms"]),
        ambiguous=bool(record["ambiguous"]),
        context=tuple(record["context"]),
        guarded_forms=tuple(record["guarded_forms"]),
    )


class SavedEntries(Mapping[str, SkillEntry]):
    """The saved skills by id, each decoded from its line of ``skills.jsonl`` when first read.

    A process reads the entries of the skills it finds, a few hundred of about 10,000: decoding
    every line was about a tenth of a load. Iterates in id order, as the lines are written.

    Args:
        lines: Each skill's JSON text by id, in id order.
        origin: What the lines were read from, for errors.

    Raises:
        DataFileError: (on reading an entry) its line is not a saved skill.
    """

    def __init__(self, lines: dict[str, str], origin: str) -> None:
        self._lines = lines
        self._origin = origin
        self._decoded: dict[str, SkillEntry] = {}

    def __getitem__(self, skill_id: str) -> SkillEntry:
        found = self._decoded.get(skill_id)
        if found is None:
            line = self._lines[skill_id]
            try:
                found = _entry(json.loads(line))
            except (KeyError, TypeError, ValueError) as error:
                raise DataFileError(self._origin, f"not a saved skill: {error!r}") from error
            if found.id != skill_id:
                raise DataFileError(self._origin, f"skill {found.id!r} saved as {skill_id!r}")
            self._decoded[skill_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._lines


def _skill_lines(text: str) -> dict[str, str]:
    """Each line of a ``skills.jsonl`` text by the skill's id.

    Lines written with the id first (``write_folder``) give it without decoding the rest; others
    (a folder saved by an older version) are decoded whole for it.
    """
    lines = {}
    start = len(_ID_FIRST)
    for line in text.splitlines():
        if line.startswith(_ID_FIRST):
            skill_id = scanstring(line, start)[0]
        elif line.strip():
            skill_id = json.loads(line)["id"]
        else:
            continue
        lines[skill_id] = line
    ids = list(lines)
    if any(a >= b for a, b in zip(ids, ids[1:], strict=False)):
        return {skill_id: lines[skill_id] for skill_id in sorted(lines)}
    return lines


@dataclass(frozen=True)
class SavedState:
    """A saved component, decoded.

    Attributes:
        entries: The skills by id, in id order (from a folder, each decoded when first read).
        settings: The extractor settings.
        version: The lexicon version.
        tokens: How the tokenizer split the patterns not split as ``guess_tokens`` guesses; None
            when saved by a version that did not store it (the patterns are tokenised again).
        index: ``PatternIndex.to_state`` output; None when not saved, or saved in another
            ``STATE_FORMAT`` (the index is built again).
    """

    entries: Mapping[str, SkillEntry]
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
        skills = state["skills"]
        if isinstance(skills, dict):  # a folder's lines by id (``read_folder``)
            entries: Mapping[str, SkillEntry] = SavedEntries(skills, origin)
            if skills:
                entries[next(iter(skills))]  # a folder of another shape fails here, not later
        else:
            entries = {e.id: e for e in sorted(map(_entry, skills), key=lambda e: e.id)}
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
    # The id first, then the other fields by name (``_skill_lines`` reads the id alone).
    lines = [
        json.dumps({"id": s["id"], **{k: s[k] for k in sorted(s) if k != "id"}}, ensure_ascii=False)
        for s in state["skills"]
    ]
    (path / SKILLS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
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
        # Each line is decoded when its skill is first read (``SavedEntries``).
        state["skills"] = _skill_lines((path / SKILLS_FILE).read_text(encoding="utf-8"))
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
