"""Group commit: writes waiting at the same moment in one server process share one transaction.

A commit waits for the disk (fsync), and a write waits for the locks of the one before it;
during a vote burst most of a write's time is those waits. Here the request threads of one
process queue their write (checked already as far as it can be without locks); the first one
leads: it hands every waiting write to the batch function in one transaction, which checks
them under the locks in their order, writes the accepted ones together and returns an answer
per write (a result, or the refusal to raise in that write's own request). It commits and
wakes the others. Whoever arrives meanwhile waits for the next group, led by the first of them.

A write alone is the same batch function given one write, so the rules are those of one
implementation; only the statements and the commit are shared. `on_commit` hooks (live
events) run after the shared commit.

`ICOR_GROUP_COMMIT=false` (setting `GROUP_COMMIT`) commits every write alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from django.conf import settings
from django.db import transaction

Item = TypeVar("Item")
Result = TypeVar("Result")
# The answer for each write: its result, or the exception its request raises.
Batch = Callable[[Sequence[Item]], list[Result | Exception]]
# A group's transaction holds the locks of its writes: keep it short.
MAX_GROUP = 256


class _Write(Generic[Item, Result]):
    def __init__(self, item: Item) -> None:
        self.item = item
        self.answer: Result | Exception | None = None
        self.done = False
        self.wake = threading.Event()


class GroupCommit(Generic[Item, Result]):
    def __init__(self, batch: Batch[Item, Result]) -> None:
        self.batch = batch
        self.lock = threading.Lock()
        self.waiting: list[_Write[Item, Result]] = []
        self.leading = False

    def run(self, item: Item) -> Result:
        """Commit `item`, together with the writes waiting at the same moment when grouping is on.

        Inside a transaction already, the write must see that transaction: it runs alone there."""
        if not getattr(settings, "GROUP_COMMIT", True) or transaction.get_connection().in_atomic_block:
            return _answered(self._alone(item))
        write: _Write[Item, Result] = _Write(item)
        with self.lock:
            self.waiting.append(write)
            lead = not self.leading
            self.leading = True
        if not lead:
            write.wake.wait()  # done by a leader, or chosen to lead the next group
        if not write.done:
            self._lead()
        return _answered(write.answer)

    def _alone(self, item: Item) -> Result | Exception:
        try:
            with transaction.atomic():
                return self.batch([item])[0]
        except Exception as error:  # answered to this write's own request
            return error

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

    def _commit(self, group: list[_Write[Item, Result]]) -> None:
        try:
            with transaction.atomic():
                answers = self.batch([write.item for write in group])
        except Exception:
            # Nothing of the group is stored (a database error, or a fault in one write):
            # each write alone, so that a failure reaches only its own request.
            answers = [self._alone(write.item) for write in group]
        for write, answer in zip(group, answers, strict=True):
            write.answer = answer


def _answered(answer: Result | Exception | None) -> Result:
    if isinstance(answer, Exception):
        raise answer
    return answer  # type: ignore[return-value]
