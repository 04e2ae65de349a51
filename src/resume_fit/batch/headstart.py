"""A head start: parse the last files of a batch while this process loads the pipeline.

Before it forks its workers, a batch loads spaCy, the skill pipeline, the lexicon and the
catalogue once, so that every worker shares them (``pool.warm_up``). That load keeps one core busy
for a second or two while the others wait. ``HeadStart`` puts one of them to work: it forks a
process that only parses (pdfminer, python-docx; no spaCy), from the end of the task list
backwards, and when the load is done the parent stops it and takes the texts it finished; the
workers then skip parsing those files. A file's result is the same either way: the same
``parse_file`` runs on the same bytes.

Each parsed text is pickled to a file of its own in a private temporary folder, written whole and
then renamed, so stopping the process (it is killed: it may be in the middle of a slow file) never
leaves half a result; a file without a finished text is parsed again by a worker, under the hard
per-file time budget. A parse error (an encrypted or corrupt file) is a final answer and comes
back as that file's error record; anything unexpected is left for a worker to meet and report.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit.batch.record import error_record
from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError

if TYPE_CHECKING:
    from resume_fit.batch.pool import ProcessContext

_SUFFIX = ".pickle"


class HeadStart:
    """Parse files in background processes until ``finish`` is called.

    Args:
        tasks: ``(key, path)`` pairs in dispatch order; they are parsed from the last one back.
        limits: Parsing limits, as the workers use them.
        context: A ``fork`` multiprocessing context.
        processes: How many parse at once (the cores the load leaves idle); each takes every
            ``processes``-th file.
    """

    def __init__(
        self,
        tasks: list[tuple[str, Path]],
        limits: Limits,
        context: ProcessContext,
        processes: int = 1,
    ) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="resume-fit-headstart-"))
        self._keys = [key for key, _ in reversed(tasks)]
        paths = [path for _, path in reversed(tasks)]
        self._processes = []
        for first in range(max(1, processes)):
            process = context.Process(
                target=_parse_ahead,
                args=(paths, first, max(1, processes), limits, self._folder, os.getpid()),
                daemon=True,
                name="resume-fit-headstart",
            )
            process.start()
            self._processes.append(process)

    def finish(self, wait: float = 0.0) -> dict[str, Any]:
        """Stop the process and return what it finished.

        Args:
            wait: Seconds to let it run on first (0: stop it now, as the batch does).

        Returns:
            Key -> the parsed ``ResumeText``, or the file's error record (a dict) when parsing
            refused it.
        """
        stop_waiting = time.monotonic() + wait
        for process in self._processes:
            with contextlib.suppress(OSError, ValueError):
                if wait > 0:
                    process.join(max(0.0, stop_waiting - time.monotonic()))
                process.kill()
                process.join()
                process.close()
        done: dict[str, Any] = {}
        try:
            for file in self._folder.glob(f"*{_SUFFIX}"):
                index = int(file.stem)
                try:
                    done[self._keys[index]] = pickle.loads(file.read_bytes())
                except (OSError, pickle.UnpicklingError, EOFError, IndexError):
                    continue  # not a whole result: a worker parses the file again
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)
        return done


def _parse_ahead(
    paths: list[Path], first: int, step: int, limits: Limits, folder: Path, parent: int
) -> None:
    # Ctrl-C reaches the whole process group; the parent stops this process itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from resume_fit.parse import parse_file

    for index in range(first, len(paths), step):
        path = paths[index]
        if os.getppid() != parent:  # the parent died without stopping us: tidy up and go
            shutil.rmtree(folder, ignore_errors=True)
            return
        try:
            result: Any = parse_file(path, limits)
        except ResumeFitError as error:
            result = error_record(error.kind, error.reason)
        except Exception:  # noqa: BLE001 - a worker meets it again and reports it with its row
            continue
        partial = folder / f"{index}.part"
        partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, folder / f"{index}{_SUFFIX}")
