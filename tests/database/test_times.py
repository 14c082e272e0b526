"""Times: stored in UTC, and written out in UTC with their offset, from either database."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.models import utc_isoformat, utc_now


def test_rows_get_the_current_time_in_utc():
    """The default for created_at is aware and in UTC."""
    assert utc_now().utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 26, 6, 55, 12, 1),  # SQLite: naive, UTC by the app's convention
        datetime(2026, 11, 26, 6, 55, 12, 1, tzinfo=UTC),  # PostgreSQL, session in UTC
        datetime(2026, 11, 26, 7, 55, 12, 1, tzinfo=timezone(timedelta(hours=1))),  # or not
    ],
)
def test_every_time_is_written_in_utc_with_its_offset(moment):
    """Naive, UTC and other-zone times of one instant all give the same text."""
    assert utc_isoformat(moment) == "2026-11-26T06:55:12.000001+00:00"
