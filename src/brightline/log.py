"""Logging for brightline: stderr only, labels and counts, never matched text."""

from __future__ import annotations

import logging
import sys

LOGGER_NAME = "brightline"

logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


def get_logger(name: str | None = None) -> logging.Logger:
    """The library's logger, or one of its children."""
    return logging.getLogger(LOGGER_NAME if name is None else f"{LOGGER_NAME}.{name}")


def configure_logging(verbosity: int) -> None:
    """Attach one stderr handler; called by the CLI only (0 = warnings, 1 = info, 2+ = debug)."""
    level = logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logger = logging.getLogger(LOGGER_NAME)
    logger.handlers = [h for h in logger.handlers if isinstance(h, logging.NullHandler)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("brightline: %(levelname)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    # pdfminer warns about every odd font on stderr; brightline reports what matters itself
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
