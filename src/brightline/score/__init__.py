"""Risk: a score, a level and the reasons behind them, read from the findings' explanations."""

from .risk import decide, score_risk
from .weights import Weights, load_weights

__all__ = ["Weights", "decide", "load_weights", "score_risk"]
