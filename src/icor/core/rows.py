"""Reads made on every request or every cast, with their SELECT built once per process.

Every request of a logged-in person loads its session and its account (and, for the roles that
must use a second factor, asks whether the account has one). Through
`Model.objects.get` each of those costs two to three times the database's round trip itself,
most of it the ORM building and compiling the same SELECT again. A `RowLoader` builds its SELECT
once per database and turns the row into a model instance the way the ORM does (the backend's
and the field's converters, then `Model.from_db`): the instance is the one `get` would give
(`tests/core/test_rows.py` compares every field on SQLite and PostgreSQL).

A cast's transaction reads the ballots it locks, the voters' seats and the delegations'
standing: queries with joins, subqueries and lists of keys, where the ORM spends several times
the round trip compiling. A `CompiledQuery` lets the ORM compile such a query once per database
and number of keys, and then runs the same SQL with other keys.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model, QuerySet
from django.db.transaction import TransactionManagementError

M = TypeVar("M", bound=Model)

# The SQL operator of each condition a loader may compare with.
OPERATORS = {"exact": "=", "gt": ">"}

Converter = Callable[[Any, Any, BaseDatabaseWrapper], Any]


@dataclass(frozen=True)
class _Plan:
    sql: str
    exists_sql: str
    attnames: list[str]
    converters: list[tuple[int, list[Converter], Any]]  # column, its converters, its expression


class RowLoader(Generic[M]):
    """`model.objects.filter(<field>__<lookup>=value, ...).first()` for one fixed set of conditions.

    `RowLoader(Session, "session_key", "expire_date__gt").get(key, now)` reads the session whose
    key is `key` and that expires after `now`, or gives None; `.exists(key, now)` says whether
    there is one. Both read the database the router names for reading the model, as `get` does."""

    def __init__(self, model: type[M], *conditions: str) -> None:
        self.model = model
        self.conditions: list[tuple[Field[Any, Any], str]] = []
        for condition in conditions:
            name, _, lookup = condition.partition("__")
            if (lookup or "exact") not in OPERATORS:
                raise ValueError(f"unsupported lookup in {condition!r}")
            self.conditions.append((model._meta.get_field(name), lookup or "exact"))  # type: ignore[arg-type]
        self._plans: dict[tuple[str, str], _Plan] = {}

    def get(self, *values: Any) -> M | None:
        using = router.db_for_read(self.model)
        connection = connections[using]
        plan = self._plan(using, connection)
        row = self._first(connection, plan.sql, values)
        if row is None:
            return None
        return self.model.from_db(using, plan.attnames, converted(row, plan.converters, connection))

    def exists(self, *values: Any) -> bool:
        using = router.db_for_read(self.model)
        connection = connections[using]
        return self._first(connection, self._plan(using, connection).exists_sql, values) is not None

    def _first(self, connection: BaseDatabaseWrapper, sql: str, values: tuple[Any, ...]) -> Any:
        params = [
            field.get_db_prep_value(field.get_prep_value(value), connection, prepared=True)
            for (field, _lookup), value in zip(self.conditions, values, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    def _plan(self, using: str, connection: BaseDatabaseWrapper) -> _Plan:
        key = (using, connection.vendor)
        if (plan := self._plans.get(key)) is None:
            plan = self._plans[key] = self._build(connection)
        return plan

    def _build(self, connection: BaseDatabaseWrapper) -> _Plan:
        meta = self.model._meta
        table = meta.db_table
        quote = connection.ops.quote_name
        fields = list(meta.concrete_fields)
        where = " AND ".join(
            f"{quote(table)}.{quote(field.column)} {OPERATORS[lookup]} %s"
            for field, lookup in self.conditions
        )
        columns = ", ".join(f"{quote(table)}.{quote(field.column)}" for field in fields)
        converters = []
        for column, field in enumerate(fields):
            expression = field.get_col(table)
            found = [*connection.ops.get_db_converters(expression), *expression.get_db_converters(connection)]
            if found:
                converters.append((column, found, expression))
        return _Plan(
            sql=f"SELECT {columns} FROM {quote(table)} WHERE {where} LIMIT 1",  # noqa: S608 - names quoted by the backend
            exists_sql=f"SELECT 1 FROM {quote(table)} WHERE {where} LIMIT 1",  # noqa: S608
            attnames=[field.attname for field in fields],
            converters=converters,
        )


def converted(
    row: Sequence[Any], converters: list[tuple[int, list[Converter], Any]], connection: BaseDatabaseWrapper
) -> list[Any]:
    """A row's values as the ORM gives them (the backend's and the fields' converters)."""
    values = list(row)
    for column, functions, expression in converters:
        for function in functions:
            values[column] = function(values[column], expression, connection)
    return values


# Stand-ins for the keys while the ORM compiles: no key of a row is negative.
_FIRST_STAND_IN = -(2**62)


@dataclass(frozen=True)
class _Compiled:
    using: str
    sql: str
    slots: list[tuple[int | None, Any]]  # per parameter: the key it takes, or its fixed value
    converters: list[tuple[int, list[Converter], Any]]
    locks: bool


class CompiledQuery:
    """`build(keys, ...)` gives a `values_list` queryset filtered by lists of integer keys (such as
    `pk__in=keys`); the ORM compiles it once per database and number of keys of each list, and
    `rows(keys, ...)` runs that SQL with the keys given. Rows are the tuples `values_list` gives.

    A query that locks (`select_for_update`) runs only inside a transaction, as the ORM insists."""

    def __init__(self, build: Callable[..., QuerySet[Any, Any]]) -> None:
        self.build = build
        self._compiled: dict[tuple[str, tuple[int, ...]], _Compiled] = {}

    def rows(self, *keys: Collection[int]) -> list[tuple[Any, ...]]:
        lists = [sorted(set(of_list)) for of_list in keys]
        if not all(lists):
            return []  # `IN ()` matches nothing; the ORM would not send it either
        vendor_and_shape = (connections["default"].vendor, tuple(len(of_list) for of_list in lists))
        if (compiled := self._compiled.get(vendor_and_shape)) is None:
            compiled = self._compiled[vendor_and_shape] = self._compile(lists)
        connection = connections[compiled.using]
        if compiled.locks and connection.get_autocommit():
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        flat = list(itertools.chain.from_iterable(lists))
        params = [fixed if key is None else flat[key] for key, fixed in compiled.slots]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            found = cursor.fetchall()
        return [tuple(converted(row, compiled.converters, connection)) for row in found]

    def _compile(self, lists: list[list[int]]) -> _Compiled:
        stand_ins: list[list[int]] = []
        number = 0
        for of_list in lists:
            stand_ins.append(list(range(_FIRST_STAND_IN + number, _FIRST_STAND_IN + number + len(of_list))))
            number += len(of_list)
        queryset = self.build(*stand_ins)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        slot_of = {stand_in: slot for slot, stand_in in enumerate(itertools.chain.from_iterable(stand_ins))}
        slots = [(slot_of.get(value) if isinstance(value, int) else None, value) for value in params]
        if {key for key, _fixed in slots if key is not None} != set(range(number)):
            raise ValueError("every key must reach the SQL as one parameter of its own")
        expressions = [select[0] for select in compiler.select[: compiler.col_count]]
        return _Compiled(
            using=queryset.db,
            sql=sql,
            slots=slots,
            converters=[
                (column, functions, expression)
                for column, (functions, expression) in compiler.get_converters(expressions).items()
            ],
            locks=queryset.query.select_for_update and compiler.connection.features.has_select_for_update,
        )
