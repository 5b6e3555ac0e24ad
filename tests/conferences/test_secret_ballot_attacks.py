"""An intruder who reads the whole PostgreSQL database, or a backup of it, tries to pair each
delegation with its secret choice: by transaction id (`xmin`), by physical row order (`ctid`),
by the row order of `pg_dump` or of a JSON backup, and by time. During an open ballot and after
its close.

The statistical check. Forty delegations vote with a known assignment (14 yes, 13 no,
13 abstain), in an order drawn from a fixed seed that is independent of the choices. Each
attack turns what is stored into one guess per delegation; we count the right guesses. A guess
that knows nothing of the assignment gets about 13 right (guessing "yes" for all gets exactly
14; pairing by a random permutation 13.35 on average, standard deviation below 3). We demand
at most CHANCE_BOUND = 24 right guesses: a random pairing exceeds that with probability below
one in a thousand (about 2 in 10,000), while an attack that works gets all 40 (the pairing by `xmin` did on the
earlier storage, where choice and participation were written in one transaction). Every attack
is deterministic given what is stored, and what it could exploit is fixed by the seed, so the
test is not flaky: random bytes (ciphertexts, the shuffle at the close) never enter a guess.
"""

from __future__ import annotations

import base64
import json
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from icor.accounts.models import User
from icor.audit.backup import backup
from icor.conferences import services
from icor.conferences.models import Ballot
from tests.conferences.conftest import Seat, motion_in_discussion, seats
from tests.factories import make_conference

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the attacks read xmin, ctid and pg_dump order, which SQLite does not have",
    ),
]

DELEGATIONS = 40
ASSIGNMENT = ["yes"] * 14 + ["no"] * 13 + ["abstain"] * 13
CHANCE_BOUND = 24
SEED = 10

Guesses = dict[int, str | None]
Attack = Callable[[Ballot], Guesses]

# The tables an intruder would look at: who voted, and any table that may carry a choice.
PARTICIPATION = "conferences_ballotparticipation"
CHOICE_TABLES = ("conferences_secretvote", "conferences_countedballot")


def rows(sql: str, params: list[object]) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def columns(table: str) -> list[str]:
    return [
        str(name)
        for (name,) in rows(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
            [table],
        )
    ]


def read_choice(value: object, lengths: dict[int, str]) -> str | None:
    """What the intruder can read of a choice from one stored value.

    A clear choice is read as it is; a sealed one only through what leaks: a choice in clear
    inside the bytes, or the size (sealed choices of different lengths, sorted by size, give
    "no" < "yes" < "abstain").
    """
    if isinstance(value, str) and value in ASSIGNMENT:
        return value
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        for word in ("abstain", "yes", "no"):
            if word.encode() in data:
                return word
        return lengths.get(len(data))
    return None


def choice_tables() -> list[str]:
    return [table for table in CHOICE_TABLES if columns(table)]


def choice_rows(ballot: Ballot, order: str) -> list[str | None]:
    """Every row of every table that could carry a choice of this ballot, in the given order."""
    found: list[tuple[object, str | None]] = []
    for table in choice_tables():
        names = columns(table)
        readable = [n for n in names if n in ("choice", "sealed")]
        selected = ", ".join([order, *readable]) if readable else order
        raw = rows(f"SELECT {selected} FROM {table} WHERE ballot_id = %s", [ballot.pk])  # noqa: S608
        sizes = sorted({len(bytes(r[1])) for r in raw if readable and isinstance(r[1], bytes | memoryview)})
        lengths = dict(zip(sizes, ("no", "yes", "abstain"), strict=False)) if len(sizes) > 1 else {}
        found += [(r[0], read_choice(r[1], lengths) if readable else None) for r in raw]
    found.sort(key=lambda pair: str(pair[0]).zfill(40))
    return [choice for _, choice in found]


def participations(ballot: Ballot, order: str) -> list[int]:
    return [
        int(str(delegation))
        for _, delegation in sorted(
            rows(f"SELECT {order}, delegation_id FROM {PARTICIPATION} WHERE ballot_id = %s", [ballot.pk]),  # noqa: S608
            key=lambda pair: str(pair[0]).zfill(40),
        )
    ]


def by_xmin(ballot: Ballot) -> Guesses:
    """Rows written by one transaction share its id: join participation and choice on it."""
    guesses: Guesses = {}
    for table in choice_tables():
        readable = [n for n in columns(table) if n in ("choice", "sealed")]
        if not readable:
            continue
        joined = rows(
            f"SELECT p.delegation_id, c.{readable[0]} FROM {PARTICIPATION} p JOIN {table} c "  # noqa: S608
            "ON p.xmin::text = c.xmin::text AND p.ballot_id = c.ballot_id WHERE p.ballot_id = %s",
            [ballot.pk],
        )
        sizes = sorted({len(bytes(v)) for _, v in joined if isinstance(v, bytes | memoryview)})
        lengths = dict(zip(sizes, ("no", "yes", "abstain"), strict=False)) if len(sizes) > 1 else {}
        guesses.update({int(str(d)): read_choice(v, lengths) for d, v in joined})
    return guesses


def _xid_order() -> str:
    return "xmin::text::bigint"


def by_transaction_order(ballot: Ballot) -> Guesses:
    """Sort both sides by transaction id and pair them in that order."""
    order = _xid_order()
    return dict(zip(participations(ballot, order), choice_rows(ballot, order), strict=False))


def by_physical_order(ballot: Ballot) -> Guesses:
    """Rows appended one by one sit in the table in the order they were written (ctid)."""
    order = "(ctid::text::point)[0] * 100000 + (ctid::text::point)[1]"
    return dict(zip(participations(ballot, order), choice_rows(ballot, order), strict=False))


def by_time(ballot: Ballot) -> Guesses:
    """The record says when each organization cast; pair that order with the choice rows' order."""
    cast_order = [
        int(str(delegation))
        for (delegation,) in rows(
            "SELECT d.id FROM audit_auditevent e JOIN conferences_delegation d "
            "ON d.organization_id = e.actor_organization_id AND d.conference_id = %s "
            "WHERE e.event = 'ballot.cast' AND e.subject = %s ORDER BY e.occurred_at",
            [ballot.motion.agenda_item.conference_id, f"ballot:{ballot.pk}"],
        )
    ]
    return dict(zip(cast_order, choice_rows(ballot, _xid_order()), strict=False))


def dumped_rows(table: str) -> list[list[str]]:
    """The data rows of a table in the order a backup writes them (pg_dump, else COPY)."""
    settings = connection.settings_dict
    if shutil.which("pg_dump"):
        dump = subprocess.run(
            [
                "pg_dump",
                "--data-only",
                f"--table={table}",
                f"--host={settings['HOST']}",
                f"--port={settings['PORT'] or 5432}",
                f"--username={settings['USER']}",
                settings["NAME"],
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={"PGPASSWORD": settings["PASSWORD"] or "", "PATH": "/usr/bin:/bin"},
        ).stdout
        block = re.search(r"^COPY .*? FROM stdin;\n(.*?)^\\\.$", dump, re.S | re.M)
        lines = block.group(1).splitlines() if block else []
    else:
        with connection.cursor() as cursor, cursor.copy(f"COPY {table} TO STDOUT") as copy:  # type: ignore[attr-defined]
            lines = b"".join(bytes(chunk) for chunk in copy).decode().splitlines()
    return [line.split("\t") for line in lines]


def by_dump_order(ballot: Ballot) -> Guesses:
    """Pair the n-th participation of a backup with the n-th row that may hold a choice."""
    names = columns(PARTICIPATION)
    delegations = [
        int(row[names.index("delegation_id")])
        for row in dumped_rows(PARTICIPATION)
        if row[names.index("ballot_id")] == str(ballot.pk)
    ]
    guessed: list[str | None] = []
    for table in choice_tables():
        names = columns(table)
        for row in dumped_rows(table):
            if row[names.index("ballot_id")] != str(ballot.pk):
                continue
            if "choice" in names:
                guessed.append(read_choice(row[names.index("choice")], {}))
            elif "sealed" in names:
                guessed.append(
                    read_choice(bytes.fromhex(row[names.index("sealed")].removeprefix("\\\\x")), {})
                )
            else:
                guessed.append(None)
    return dict(zip(delegations, guessed, strict=False))


def by_json_backup_order(ballot: Ballot) -> Guesses:
    """Pair the n-th participation of a JSON backup (`icor backup --method json`) with the n-th
    row there that may hold a choice."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "backup.json"
        backup(path, method="json")
        dumped = json.loads(path.read_text())
    delegations = [
        int(row["fields"]["delegation"])
        for row in dumped
        if row["model"] == "conferences.ballotparticipation" and row["fields"]["ballot"] == ballot.pk
    ]
    guessed: list[str | None] = []
    for row in dumped:
        if row["model"] not in ("conferences.secretvote", "conferences.countedballot"):
            continue
        if row["fields"]["ballot"] != ballot.pk:
            continue
        fields = row["fields"]
        if "choice" in fields:
            guessed.append(read_choice(fields["choice"], {}))
        elif "sealed" in fields:
            guessed.append(read_choice(base64.b64decode(fields["sealed"]), {}))
        else:
            guessed.append(None)
    return dict(zip(delegations, guessed, strict=False))


def by_tally_in_cast_order(ballot: Ballot) -> Guesses:
    """The published tally, spread over the delegations in the order they cast."""
    ballot.refresh_from_db()
    if ballot.outcome is None:
        return {}
    figures = ballot.outcome["figures"]
    spread = [c for c in ("yes", "no", "abstain") for _ in range(figures[c])]
    return dict(zip(participations(ballot, _xid_order()), spread, strict=False))


ATTACKS: dict[str, Attack] = {
    "xmin": by_xmin,
    "transaction order": by_transaction_order,
    "physical order (ctid)": by_physical_order,
    "pg_dump order": by_dump_order,
    "JSON backup order": by_json_backup_order,
    "time": by_time,
}


@pytest.fixture
def voted(committee: User) -> tuple[Ballot, dict[int, str], list[Seat]]:
    conference = make_conference(committee)
    present = seats(conference, DELEGATIONS)
    motion = motion_in_discussion(conference, committee, present[0])
    ballot = services.open_ballot(motion=motion, actor=committee, secret=True)
    truth = {seat.delegation.pk: choice for seat, choice in zip(present, ASSIGNMENT, strict=True)}
    order = list(present)
    random.Random(SEED).shuffle(order)  # independent of the choices
    for seat in order:
        services.cast_vote(ballot=ballot, actor=seat.voter, choice=truth[seat.delegation.pk])
    return ballot, truth, present


def right_guesses(guesses: Guesses, truth: dict[int, str]) -> int:
    return sum(1 for delegation, choice in truth.items() if guesses.get(delegation) == choice)


def test_the_chance_bound_is_what_a_guess_without_information_gets() -> None:
    """Guessing the most frequent choice for everyone, or a random pairing, stays under the bound."""
    truth = dict(enumerate(ASSIGNMENT))
    assert right_guesses(dict.fromkeys(truth, "yes"), truth) == 14 < CHANCE_BOUND
    shuffled = list(ASSIGNMENT)
    random.Random(SEED).shuffle(shuffled)
    assert right_guesses(dict(enumerate(shuffled)), truth) < CHANCE_BOUND
    # A working attack would be caught: the full assignment is far above the bound.
    assert right_guesses(truth, truth) == DELEGATIONS > CHANCE_BOUND


def test_while_the_ballot_is_open_no_attack_reads_choices_linked_to_delegations(
    voted: tuple[Ballot, dict[int, str], list[Seat]],
) -> None:
    ballot, truth, _ = voted
    results = {name: right_guesses(attack(ballot), truth) for name, attack in ATTACKS.items()}
    assert all(count <= CHANCE_BOUND for count in results.values()), results
    # The pairing itself works while open (same transaction) — what it yields is sealed.
    assert len(by_xmin(ballot)) == DELEGATIONS


def test_after_the_close_no_attack_pairs_a_delegation_with_its_choice(
    voted: tuple[Ballot, dict[int, str], list[Seat]], committee: User
) -> None:
    ballot, truth, _ = voted
    closed = services.close_ballot(ballot=ballot, actor=committee)
    assert closed.outcome is not None
    assert Counter({k: closed.outcome["figures"][k] for k in ("yes", "no", "abstain")}) == Counter(ASSIGNMENT)
    attacks = {**ATTACKS, "published tally in cast order": by_tally_in_cast_order}
    results = {name: right_guesses(attack(ballot), truth) for name, attack in attacks.items()}
    assert all(count <= CHANCE_BOUND for count in results.values()), results


def test_after_the_close_no_receipt_shares_a_transaction_or_an_order_with_a_participation(
    voted: tuple[Ballot, dict[int, str], list[Seat]], committee: User
) -> None:
    ballot, _, _ = voted
    services.close_ballot(ballot=ballot, actor=committee)
    shared = rows(
        f"SELECT count(*) FROM {PARTICIPATION} p JOIN conferences_countedballot c "  # noqa: S608
        "ON p.xmin::text = c.xmin::text WHERE p.ballot_id = %s",
        [ballot.pk],
    )
    assert shared == [(0,)]
    # All receipts were written by the one closing transaction.
    assert rows(
        "SELECT count(DISTINCT xmin::text) FROM conferences_countedballot WHERE ballot_id = %s", [ballot.pk]
    ) == [(1,)]
    assert rows("SELECT count(*) FROM conferences_countedballot WHERE ballot_id = %s", [ballot.pk]) == [
        (DELEGATIONS,)
    ]
    assert rows("SELECT count(*) FROM conferences_secretvote WHERE ballot_id = %s", [ballot.pk]) == [(0,)]
