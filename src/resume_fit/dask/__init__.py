"""Scoring on Dask: the batch on a cluster, and resumes already in a Dask DataFrame.

``resume-fit batch DIR -o OUT --scheduler tcp://host:8786`` (or ``--scheduler local``) runs the
same batch as the local pool, through ``resume_fit.batch.run_batch``: only the executor changes
(``executor.DaskExecutor``), so the rows, the journal, ``--resume``, the cache and the outputs are
the same. For data already in Dask or on files::

    from resume_fit.dask import score_files, score_texts
    table = score_files(["resumes/"], client=client)         # pandas, as score_folder gives
    scored = score_texts(ddf, text="text", id="id")          # lazy Dask DataFrame

Needs ``pip install 'resume-fit[dask]'``. Nothing else in resume_fit imports this package, so
``import resume_fit`` and the single-resume path never import dask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["connect", "score_files", "score_texts"]

if TYPE_CHECKING:
    from resume_fit.dask.cluster import connect
    from resume_fit.dask.frames import score_files, score_texts


def __getattr__(name: str) -> Any:
    # Lazy, so that ``resume_fit.dask.worker`` (what a worker imports per task) stays light.
    if name == "connect":
        from resume_fit.dask.cluster import connect

        return connect
    if name in {"score_files", "score_texts"}:
        from resume_fit.dask import frames

        return getattr(frames, name)
    raise AttributeError(f"module 'resume_fit.dask' has no attribute {name!r}")
