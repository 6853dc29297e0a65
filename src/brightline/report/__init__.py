"""Reports of screening results: the terminal table and the JSON-lines contract."""

from .table import render_table

__all__ = ["render_table"]
