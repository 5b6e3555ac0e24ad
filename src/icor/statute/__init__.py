"""The statute's decision rules as plain Python: figures in, an outcome with its clause out.

Every rule comes from the organizational principles of the ICOR Founding Resolution
(6 October 2010); each outcome names the rule it applied (S2 to S6) and quotes the clause.
"""

from icor.statute.clauses import CLAUSES, DECISION_RULES_PARAGRAPH, SOURCE, Clause, Rule
from icor.statute.figures import ConsensusFigures, InvalidFigures, VoteFigures
from icor.statute.outcomes import (
    Comparison,
    Kind,
    Outcome,
    Procedure,
    Result,
    Share,
    Threshold,
)
from icor.statute.rules import (
    FOUNDING_DOCUMENT_MAJORITY,
    SIMPLE_MAJORITY,
    decide_by_consensus,
    decide_by_vote,
)

__all__ = [
    "CLAUSES",
    "DECISION_RULES_PARAGRAPH",
    "FOUNDING_DOCUMENT_MAJORITY",
    "SIMPLE_MAJORITY",
    "SOURCE",
    "Clause",
    "Comparison",
    "ConsensusFigures",
    "InvalidFigures",
    "Kind",
    "Outcome",
    "Procedure",
    "Result",
    "Rule",
    "Share",
    "Threshold",
    "VoteFigures",
    "decide_by_consensus",
    "decide_by_vote",
]
