"""A one-line progress bar for a terminal: files done of total, rate, time left, failures so far.

It redraws in place with a carriage return, at most a few times a second, and draws nothing at all
unless the stream is a terminal, so logs and pipes stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_BAR_WIDTH = 24
_REDRAW_SECONDS = 0.2


class Progress:
    """Show progress of ``total`` files on ``stream`` (stderr by default).

    Args:
        total: Files to process in this run.
        stream: Where to draw; nothing is drawn unless it is a terminal or ``enabled`` is True.
        enabled: Force the bar on or off; None draws only on a terminal.
    """

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def advance(self, failed: bool = False) -> None:
        """Count one finished file (``failed`` when it got an error row)."""
        self.done += 1
        self.failed += int(failed)
        now = time.monotonic()
        if self.enabled and (now - self._last_draw >= _REDRAW_SECONDS or self.done == self.total):
            self._last_draw = now
            self._draw(now)

    def close(self) -> None:
        """End the line the bar was drawn on."""
        if self.enabled and self._width:
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def line(self, now: float | None = None) -> str:
        """The text of the bar as it stands."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1.0
        filled = int(round(share * _BAR_WIDTH))
        remaining = (self.total - self.done) / rate if rate > 0 else None
        eta = _clock(remaining) if remaining is not None else "--:--"
        text = (
            f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {self.done}/{self.total} files "
            f"{rate:.1f}/s ETA {eta}"
        )
        if self.failed:
            text += f" {self.failed} failed"
        return text

    def _draw(self, now: float) -> None:
        text = self.line(now)
        # Pad over the previous, possibly longer, line instead of relying on terminal escapes.
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
