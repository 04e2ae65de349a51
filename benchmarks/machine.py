"""What the benchmarks print about the machine they ran on (a sibling module, not a script)."""

from __future__ import annotations

import os


def machine_line() -> str:
    """The machine's cores and load averages (1, 5, 15 minutes), for the report."""
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # not on this platform
        load = "unknown"
    return f"cores {os.cpu_count()}, load average {load}"
