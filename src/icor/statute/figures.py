"""The counted figures a decision rests on; figures that cannot occur are refused here."""

from __future__ import annotations

from dataclasses import dataclass


class InvalidFigures(ValueError):
    """Figures that cannot occur at a real conference; they are an error, never an outcome."""


def check_count(name: str, value: object) -> int:
    """Return `value` if it is a whole, non-negative number; a bool is no count of votes."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidFigures(f"{name} must be a whole number, got {value!r}")
    if value < 0:
        raise InvalidFigures(f"{name} must not be negative, got {value}")
    return value


@dataclass(frozen=True, slots=True)
class VoteFigures:
    """Votes in a ballot; `present` is the votes held by the delegations present, if known."""

    yes: int
    no: int
    abstain: int = 0
    present: int | None = None
    votes_per_delegation: int = 1

    def __post_init__(self) -> None:
        for name in ("yes", "no", "abstain", "votes_per_delegation"):
            check_count(name, getattr(self, name))
        if self.votes_per_delegation == 0:
            raise InvalidFigures("votes_per_delegation must be at least 1")
        if self.present is None:
            return
        check_count("present", self.present)
        if self.cast > self.present:
            raise InvalidFigures(
                f"more votes cast than present: yes {self.yes} + no {self.no} + abstain "
                f"{self.abstain} = {self.cast}, but only {self.present} votes are present"
            )

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def not_voting(self) -> int | None:
        return None if self.present is None else self.present - self.cast

    def per_delegation(self, votes_per_delegation: int) -> VoteFigures:
        """Turn counts of delegations into counts of votes, each delegation holding as many."""
        check_count("votes_per_delegation", votes_per_delegation)
        return VoteFigures(
            yes=self.yes * votes_per_delegation,
            no=self.no * votes_per_delegation,
            abstain=self.abstain * votes_per_delegation,
            present=None if self.present is None else self.present * votes_per_delegation,
            votes_per_delegation=votes_per_delegation,
        )

    def to_dict(self) -> dict[str, int | None]:
        return {
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "present": self.present,
            "not_voting": self.not_voting,
            "votes_per_delegation": self.votes_per_delegation,
        }


@dataclass(frozen=True, slots=True)
class ConsensusFigures:
    """Statements of the delegations present: each agrees, stands aside or objects."""

    agree: int
    stand_aside: int
    objections: int
    present: int

    def __post_init__(self) -> None:
        for name in ("agree", "stand_aside", "objections", "present"):
            check_count(name, getattr(self, name))
        if self.present == 0:
            raise InvalidFigures("consensus needs at least one delegation present")
        stated = self.agree + self.stand_aside + self.objections
        if stated != self.present:
            raise InvalidFigures(
                f"each delegation present states exactly one position: agree {self.agree} + "
                f"stand aside {self.stand_aside} + objections {self.objections} = {stated}, "
                f"but {self.present} delegations are present"
            )

    @classmethod
    def stated(
        cls, *, agree: int | None, stand_aside: int, objections: int, present: int
    ) -> ConsensusFigures:
        """Figures where, if `agree` is not given, every delegation not objecting or
        standing aside is taken to agree."""
        if agree is not None:
            return cls(agree=agree, stand_aside=stand_aside, objections=objections, present=present)
        for name, value in (
            ("stand_aside", stand_aside),
            ("objections", objections),
            ("present", present),
        ):
            check_count(name, value)
        if stand_aside + objections > present:
            raise InvalidFigures(
                f"more positions than delegations present: stand aside {stand_aside} + "
                f"objections {objections} = {stand_aside + objections}, but only {present} "
                "delegations are present"
            )
        return cls(
            agree=present - stand_aside - objections,
            stand_aside=stand_aside,
            objections=objections,
            present=present,
        )

    def to_dict(self) -> dict[str, int | None]:
        return {
            "agree": self.agree,
            "stand_aside": self.stand_aside,
            "objections": self.objections,
            "present": self.present,
        }
