"""brightline: screen and redact school incident reports before they reach law enforcement.

Library first:

    from brightline import Pipeline
    pipeline = Pipeline()
    result = pipeline.screen_text("Student Kevin Alvarado (DOB 07/22/2000) is undocumented.")
    print(result.risk.level, pipeline.redact(result))
"""

from __future__ import annotations

from .config import RedactionStyle, Settings
from .errors import BrightlineError, ExitCode
from .pipeline import Pipeline
from .types import Finding, Label, Level, Risk, ScreenResult

__version__ = "0.1.0"

__all__ = [
    "BrightlineError", "ExitCode", "Finding", "Label", "Level", "Pipeline", "RedactionStyle", "Risk",
    "ScreenResult", "Settings", "__version__",
]
