"""Shared fixtures: the real spaCy pipeline and Presidio, loaded once per test session."""

from __future__ import annotations

import pytest

from brightline import Pipeline
from brightline.detect import Detector


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def detector(pipeline: Pipeline) -> Detector:
    return pipeline.detector
