"""The declarative base every model inherits, with names for every constraint."""

from datetime import UTC, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic drop or alter them later, on SQLite too.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of all models; the metadata must live here, not on SQLAlchemy()."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """The current time in UTC; pass the function as a default, so each row gets its own."""
    return datetime.now(UTC)


def utc_isoformat(moment: datetime) -> str:
    """`moment` in UTC as ISO 8601 with its offset: 2026-11-26T06:55:12.000001+00:00.

    SQLite hands back naive times, which the app always writes in UTC: those only need the
    offset written, which costs a third of attaching a time zone to format them.
    """
    if moment.tzinfo is None:
        return f"{moment.isoformat()}+00:00"
    return moment.astimezone(UTC).isoformat()
