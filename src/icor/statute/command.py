"""`icor decide`: decide one question by the statute and print the outcome as one JSON object.

    icor decide KIND [--yes N --no N --abstain N] [--objections N] [--present N] [--discussed]

Other tools script this command, so its contract is strict: on success exactly one JSON
object on stdout and exit status 0, whatever the outcome; on invalid input one line on
stderr, nothing on stdout, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import NoReturn

from icor.statute.figures import InvalidFigures
from icor.statute.outcomes import Kind, Outcome
from icor.statute.rules import decide_by_consensus, decide_by_vote

USAGE_ERROR = 2


class UsageError(Exception):
    """The command line asks for something the command cannot do."""


class _Parser(argparse.ArgumentParser):
    # argparse would print its multi-line usage and exit; scripts want one line and status 2.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _count(text: str) -> int:
    # Stricter than int(): no sign, no spaces, no underscores, no non-ASCII digits.
    if re.fullmatch(r"[0-9]+", text) is None:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 0, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="icor decide",
        description="Decide one question by the decision rules of the ICOR Founding Resolution.",
        allow_abbrev=False,
    )
    parser.add_argument("kind", metavar="KIND", choices=[kind.value for kind in Kind])
    vote = parser.add_argument_group("vote (yes / no / abstain; missing ones count 0)")
    vote.add_argument("--yes", type=_count, metavar="N")
    vote.add_argument("--no", type=_count, metavar="N")
    vote.add_argument("--abstain", type=_count, metavar="N")
    parser.add_argument("--objections", type=_count, metavar="N", help="decide by consensus: objections made")
    parser.add_argument("--present", type=_count, metavar="N", help="votes held by the delegations present")
    parser.add_argument(
        "--discussed", action="store_true", help="the extensive discussion has been concluded"
    )
    return parser


def _decide(args: argparse.Namespace) -> Outcome:
    kind = Kind(args.kind)
    voting = any(value is not None for value in (args.yes, args.no, args.abstain))
    if args.objections is not None and voting:
        raise UsageError("give either --objections (consensus) or --yes/--no/--abstain (vote)")
    if args.objections is not None:
        if args.present is None:
            raise UsageError("consensus needs --present N, at least one delegation present")
        return decide_by_consensus(kind, objections=args.objections, present=args.present)
    if not voting:
        raise UsageError("give --objections N (consensus) or --yes/--no/--abstain N (vote)")
    return decide_by_vote(
        kind,
        yes=args.yes or 0,
        no=args.no or 0,
        abstain=args.abstain or 0,
        present=args.present,
        discussion_concluded=args.discussed,
    )


def main(argv: list[str] | None = None) -> int:
    """Run `icor decide` with `argv` (the arguments after "decide"); return the exit status."""
    try:
        outcome = _decide(_parser().parse_args(argv))
    except (UsageError, InvalidFigures) as error:
        message = " ".join(str(error).split())
        print(f"icor decide: error: {message}", file=sys.stderr)
        return USAGE_ERROR
    print(json.dumps(outcome.to_dict()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
