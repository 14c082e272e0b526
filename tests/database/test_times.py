"""Times: rows are stamped with the current time in UTC."""

from datetime import timedelta

from app.database.models import utc_now


def test_rows_get_the_current_time_in_utc():
    """The default for created_at is aware and in UTC."""
    assert utc_now().utcoffset() == timedelta(0)
