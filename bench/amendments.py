"""Amendment benchmark: the cost of a 20,000-character amendment to a 20,000-character motion.

    .venv/bin/python bench/amendments.py     # part of `make bench`

Measures, for texts of the longest allowed size (icor.core.bounds.MAX_MOTION_TEXT):
the difference computed once when the amendment is proposed (icor.debate.diff.word_diff), and
the debate page and the amendments API read afterwards, which only show the stored difference.
Runs on a throw-away SQLite database; prints one table. A measurement, not a test.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
REPEAT = 5
VOCABULARY = (
    "the conference of the revolutionary parties and organizations decides on the basis of "
    "consensus after an extensive discussion respecting ideological political differences while "
    "every member organization keeps its independence and equal rights in the coordination"
)


def natural_text(size: int, seed: int) -> str:
    words = VOCABULARY.split()
    chooser = random.Random(seed)  # noqa: S311 -- reproducible text, not a secret
    sentences, length = [], 0
    while length < size:
        sentence = " ".join(chooser.choice(words) for _ in range(chooser.randint(8, 25))).capitalize() + "."
        sentences.append(sentence + ("\n\n" if chooser.random() < 0.2 else " "))
        length += len(sentences[-1])
    return "".join(sentences)[:size].strip()


def cases(size: int) -> dict[str, tuple[str, str]]:
    base = natural_text(size, seed=1)
    chooser = random.Random(2)  # noqa: S311 -- reproducible text, not a secret
    words = base.split(" ")
    edited = " ".join(w.upper() if chooser.random() < 0.05 else w for w in words)[:size]
    return {
        "5 % of the words changed": (base, edited),
        "rewritten as a whole": (base, natural_text(size, seed=3)),
        "one word repeated, against another": (("a " * (size // 2)).strip(), ("b " * (size // 2)).strip()),
    }


def timed(action: Callable[[], object]) -> float:
    """Median milliseconds of REPEAT runs."""
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> int:
    database = Path(tempfile.mkdtemp(prefix="icor-bench-")) / "amendments.sqlite3"
    os.environ.update({"DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "icor.settings"})
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from icor.conferences import services as conference_services
    from icor.core.bounds import MAX_MOTION_TEXT
    from icor.debate import services
    from icor.debate.diff import word_diff
    from tests.factories import make_conference, make_delegation, make_user, with_totp

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    committee = make_user("committee")
    rows = []
    for name, (old, new) in cases(MAX_MOTION_TEXT).items():
        conference = make_conference(committee)
        _, proposer = make_delegation(conference)
        _, other = make_delegation(conference)
        item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Item")
        motion = conference_services.create_motion(
            agenda_item=item,
            organization=proposer.organization,
            actor=proposer,
            kind="current-affairs",
            title="Long",
            text=old,
            submit=True,
        )
        motion = conference_services.move_motion(motion=motion, actor=committee, target="in_discussion")
        diff_ms = timed(partial(word_diff, old, new))
        services.propose_amendment(motion=motion, actor=other, proposed_text=new)
        client = Client()
        client.force_login(with_totp(other))
        page = client.get(f"/debate/motions/{motion.pk}/")
        api = client.get(f"/api/debate/motions/{motion.pk}/amendments")
        assert page.status_code == api.status_code == 200, (page.status_code, api.status_code)
        page_ms = timed(partial(client.get, f"/debate/motions/{motion.pk}/"))
        api_ms = timed(partial(client.get, f"/api/debate/motions/{motion.pk}/amendments"))
        rows.append((name, len(old), len(new), diff_ms, page_ms, api_ms))
    print("| texts | old chars | new chars | difference, once ms | debate page ms | amendments API ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, old_size, new_size, diff_ms, page_ms, api_ms in rows:
        print(f"| {name} | {old_size:,} | {new_size:,} | {diff_ms:,.1f} | {page_ms:,.1f} | {api_ms:,.1f} |")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(CHECKOUT))
    raise SystemExit(main())
