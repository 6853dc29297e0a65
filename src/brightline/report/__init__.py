"""Reports of screening results: the terminal table and the JSON-lines contract."""

from .table import render_disclosures, render_table

__all__ = ["render_disclosures", "render_table"]
