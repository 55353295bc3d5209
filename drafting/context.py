"""The three things that change a verdict: severity, audience and stage."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .errors import ContextError


class Severity(str, Enum):
    SEV1 = "sev1"
    SEV2 = "sev2"
    SEV3 = "sev3"
    SEV4 = "sev4"

    @property
    def is_high(self) -> bool:
        """sev1/sev2: minimising words are out of place."""
        return self in (Severity.SEV1, Severity.SEV2)

    @property
    def is_low(self) -> bool:
        """sev3/sev4: alarmist words are out of place."""
        return self in (Severity.SEV3, Severity.SEV4)


class Audience(str, Enum):
    TECHNICAL = "technical"
    GENERAL = "general"
    EXECUTIVE = "executive"


class Stage(str, Enum):
    PRELIMINARY = "preliminary"
    REPORT = "report"
    FOLLOWUP = "followup"
    INTERNAL = "internal"

    @property
    def is_external(self) -> bool:
        """Customer-facing stages, where internal details must never appear."""
        return self is not Stage.INTERNAL


def _parse(enum: type[Enum], value: object, field: str) -> Enum:
    if isinstance(value, enum):
        return value
    text = str(value).strip().lower()
    for member in enum:
        if member.value == text:
            return member
    allowed = ", ".join(m.value for m in enum)
    raise ContextError(f"Unknown {field} '{value}'. Choose one of: {allowed}.")


@dataclass(frozen=True)
class Context:
    """Severity, audience and stage of one draft, validated."""

    severity: Severity = Severity.SEV2
    audience: Audience = Audience.GENERAL
    stage: Stage = Stage.REPORT

    @classmethod
    def of(cls, severity: object = "sev2", audience: object = "general", stage: object = "report") -> "Context":
        return cls(
            _parse(Severity, severity, "severity"),  # type: ignore[arg-type]
            _parse(Audience, audience, "audience"),  # type: ignore[arg-type]
            _parse(Stage, stage, "stage"),  # type: ignore[arg-type]
        )

    def to_dict(self) -> dict[str, str]:
        return {"severity": self.severity.value, "audience": self.audience.value, "stage": self.stage.value}

    def key(self) -> str:
        return f"{self.severity.value}|{self.audience.value}|{self.stage.value}"
