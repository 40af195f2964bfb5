"""Every kind of check, in the order they run; `--skip KIND` switches one off."""

from __future__ import annotations

from watchfloor.check.base import Check
from watchfloor.check.bounds import WrongBound
from watchfloor.check.contradicted import Contradicted
from watchfloor.check.frame_dates import WrongFrameDate
from watchfloor.check.internal import InternalContradiction
from watchfloor.check.intervals import WrongInterval
from watchfloor.check.missing_source import MissingSource
from watchfloor.check.restated import RestatedFigure
from watchfloor.check.uncertainty import UncertaintyLanguage
from watchfloor.check.unsupported import Unsupported
from watchfloor.check.wrong_actor import WrongActor
from watchfloor.check.wrong_date import WrongDate
from watchfloor.check.wrong_number import WrongNumber
from watchfloor.errors import ConfigError

CHECKS: list[type[Check]] = [WrongDate, WrongInterval, WrongBound, WrongFrameDate, WrongNumber, WrongActor,
                             Contradicted, InternalContradiction, RestatedFigure, Unsupported, UncertaintyLanguage,
                             MissingSource]
"""Store checks first (internal contradictions fold their evidence in), then support, then style."""
KINDS = list(dict.fromkeys(c.kind for c in CHECKS))


def make_checks(skip: frozenset[str] | set[str] = frozenset()) -> list[Check]:
    """One instance of each check, those named in `skip` switched off; an unknown name is a ConfigError."""
    unknown = sorted(set(skip) - set(KINDS))
    if unknown:
        raise ConfigError(f"unknown check {', '.join(map(repr, unknown))}",
                          hint=f"--skip takes one of: {', '.join(KINDS)}")
    return [cls(enabled=cls.kind not in skip) for cls in CHECKS]
