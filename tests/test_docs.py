"""The documentation keeps up with the code: every command is in the README, every doc it links exists."""

import re
from pathlib import Path

from watchfloor.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    names = [c.name for c in app.registered_commands]
    assert len(names) >= 12
    missing = [n for n in names if not re.search(rf"watchfloor {n}\b", README)]
    assert missing == []


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\((docs/[^)]+)\)", README):
        assert (ROOT / link).exists(), link


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in README
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "make test"


def test_changelog_names_issues() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for issue in ("#2", "#3", "#4", "#5", "#6", "#7"):
        assert issue in changelog
