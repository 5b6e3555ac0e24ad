"""Group commit: writes waiting at the same moment in one server process share one transaction.

A commit waits for the disk (fsync); during a vote burst most of a cast's time is that wait.
Here the request threads of one process queue their write; the first one leads: it runs
every waiting write, each in its own savepoint (a refusal undoes only that write and is
raised again in its own request), commits them together and wakes the others. Whoever
arrives meanwhile waits for the next group, led by the first of them. Each write is the
unchanged service call (for a cast: `cast_vote`, which takes the ballot and audit-head locks
and appends its own audit link), so the rules and the record are exactly those of a write
alone; only the commit is shared. `on_commit` hooks (live events) run after the shared commit,
those of a refused write never.

`ICOR_GROUP_COMMIT=false` (setting `GROUP_COMMIT`) runs every write alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import translation

T = TypeVar("T")
# A group's transaction holds the ballot and audit-head locks: keep it short.
MAX_GROUP = 256


class _Write:
    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.language = translation.get_language()
        self.value: Any = None
        self.error: BaseException | None = None
        self.done = False
        self.wake = threading.Event()

    def run(self) -> None:
        """Run in a savepoint of the group's transaction (or alone when there is none)."""
        self.value, self.error = None, None
        try:
            with transaction.atomic(), translation.override(self.language):
                self.value = self.work()
        except Exception as error:  # a refusal belongs to this write's request, raised there
            self.error = error

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


class GroupCommit:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waiting: list[_Write] = []
        self.leading = False

    def run(self, work: Callable[[], T]) -> T:
        """`work()`, committed together with the writes waiting at the same moment."""
        write = _Write(work)
        with self.lock:
            self.waiting.append(write)
            lead = not self.leading
            self.leading = True
        if not lead:
            write.wake.wait()  # done by a leader, or chosen to lead the next group
        if not write.done:
            self._lead()
        return write.result()  # type: ignore[no-any-return]

    def _lead(self) -> None:
        with self.lock:
            group, self.waiting = self.waiting[:MAX_GROUP], self.waiting[MAX_GROUP:]
        try:
            self._commit(group)
        finally:
            for write in group:
                write.done = True
                write.wake.set()
            with self.lock:
                if self.waiting:
                    self.waiting[0].wake.set()  # leads the next group
                else:
                    self.leading = False

    @staticmethod
    def _commit(group: list[_Write]) -> None:
        try:
            with transaction.atomic():
                for write in group:
                    write.run()
        except DatabaseError:
            # The shared commit failed, so nothing of the group is stored: each write alone.
            for write in group:
                write.run()


_groups = GroupCommit()


def run(work: Callable[[], T]) -> T:
    """`work()` in this process's group commit, or alone when that is switched off.

    Inside a transaction already, the work must see that transaction: it runs alone there."""
    if not getattr(settings, "GROUP_COMMIT", True) or transaction.get_connection().in_atomic_block:
        return work()
    return _groups.run(work)
