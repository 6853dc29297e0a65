"""The README is part of the interface: its library example runs and says what it prints."""

import re
from pathlib import Path

from brightline.cli import cli

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_quick_start_comes_first() -> None:
    assert README.index("## Quick start") < README.index("## Usage")
    assert "make demo" in README and "make test" in README


def test_library_example_runs_as_documented() -> None:
    block = re.search(r"```python\n(.*?)```", README, re.DOTALL)
    assert block is not None
    namespace: dict = {}
    exec(block.group(1), namespace)  # noqa: S102 - the README's own example
    result, pipeline = namespace["result"], namespace["pipeline"]
    assert str(result.risk.level) == "CRITICAL"
    documented = re.search(r'pipeline\.redact\(result\)\s+# "(.*)"', block.group(1))
    assert documented is not None
    assert pipeline.redact(result) == documented.group(1).encode().decode("unicode_escape")


def test_every_command_is_documented() -> None:
    for name in cli.commands:
        assert f"brightline {name}" in README
