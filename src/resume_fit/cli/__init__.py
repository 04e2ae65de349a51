"""The ``resume-fit`` command line: the only place that turns errors into messages and exit codes.

``resume-fit PATH`` is short for ``resume-fit analyze PATH``. The package re-exports ``main``
(the console script ``resume_fit.cli:main``); its modules:

- ``app``: the ``resume-fit`` group, its default command and the list of commands.
- ``report_commands``: ``analyze`` and ``match``, one resume in and one report out.
- ``batch_command``: ``batch``, folders of resumes in and a ranked table out.
- ``info_commands``: ``roles`` and ``doctor``, what is installed.
- ``options``: the options several commands share, and turning their values into arguments.
- ``output``: how a command ends: its report printed or written, or one line and an exit code.
"""

from __future__ import annotations

from resume_fit.cli.app import main

__all__ = ["main"]
