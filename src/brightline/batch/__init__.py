"""Batch: a folder tree or a zip in, a redacted and verified twin out, resumable, local or on Dask."""

from .runner import BatchReport, run_batch
from .sources import Limits

__all__ = ["BatchReport", "Limits", "run_batch"]
