"""One-row reads that every request makes, with their SELECT built once per process.

Every request of a logged-in person loads its session and its account (and, for the roles that
must use a second factor, asks whether the account has one). Through
`Model.objects.get` each of those costs two to three times the database's round trip itself,
most of it the ORM building and compiling the same SELECT again. A `RowLoader` builds its SELECT
once per database and turns the row into a model instance the way the ORM does (the backend's
and the field's converters, then `Model.from_db`): the instance is the one `get` would give
(`tests/core/test_rows.py` compares every field on SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model

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
        values_of_row = list(row)
        for column, converters, expression in plan.converters:
            for converter in converters:
                values_of_row[column] = converter(values_of_row[column], expression, connection)
        return self.model.from_db(using, plan.attnames, values_of_row)

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
