"""Safety checks run on every message before (and beside) any document answer.

Pure functions, no UI: the app and the CLI decide how to show the notices.

- ``assess_risk``: does the message describe a child at risk now, or a disclosure? Then show
  ``escalation_notice`` (fixed contacts from settings) before anything else.
- ``find_personal_details`` / ``personal_details_notice`` / ``redact``: a child's identifying
  details in a message get a warning, and are redacted before anything is logged
  (``RedactingFilter`` does that for every log record).
- ``asks_for_case_decision`` / ``decision_notice``: the assistant gives guidance, the practitioner,
  their DSL or MASH decide.
"""

from __future__ import annotations

from assistant.safety.decision import asks_for_case_decision, decision_notice
from assistant.safety.escalation import asks_for_contacts, contacts_notice, escalation_notice
from assistant.safety.pii import (
    KINDS,
    RedactingFilter,
    find_personal_details,
    personal_details_notice,
    redact,
)
from assistant.safety.risk import RiskAssessment, assess_risk, warm_up

__all__ = [
    "KINDS",
    "RedactingFilter",
    "RiskAssessment",
    "asks_for_case_decision",
    "asks_for_contacts",
    "assess_risk",
    "contacts_notice",
    "decision_notice",
    "escalation_notice",
    "find_personal_details",
    "personal_details_notice",
    "redact",
    "warm_up",
]
