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
# The largest value of an INTEGER column (PostgreSQL's is 32-bit), and so the largest id:
# routes and page links refuse larger ones, where the database would raise "out of range".
MAX_INTEGER = 2**31 - 1


class Base(DeclarativeBase):
    """Base class of all models; the metadata must live here, not on SQLAlchemy()."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """The current time in UTC; pass the function as a default, so each row gets its own."""
    return datetime.now(UTC)
