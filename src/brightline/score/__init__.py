"""Risk: a score, a level and the reasons behind them, read from the findings' explanations; then the decision."""

from .context import load_context_table
from .decision import decide
from .risk import score_risk
from .weights import Weights, load_weights

__all__ = ["Weights", "decide", "load_context_table", "load_weights", "score_risk"]
