"""Template filters: every time is shown in UTC, whichever database it came from."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from flask import render_template_string

ONE_INSTANT = [
    datetime(2026, 11, 26, 6, 55, 12, 1),  # SQLite: naive, UTC by the app's convention
    datetime(2026, 11, 26, 6, 55, 12, 1, tzinfo=UTC),  # PostgreSQL, session in UTC
    datetime(2026, 11, 26, 7, 55, 12, 1, tzinfo=timezone(timedelta(hours=1))),  # or not
]


@pytest.mark.parametrize("moment", ONE_INSTANT)
def test_isoformat_writes_utc_with_its_offset(app, moment):
    """Naive, UTC and other-zone times of one instant give the same machine-readable text."""
    text = render_template_string("{{ moment|isoformat }}", moment=moment)
    assert text == "2026-11-26T06:55:12.000001+00:00"


@pytest.mark.parametrize("moment", ONE_INSTANT)
def test_minutes_shows_utc_to_the_minute(app, moment):
    """People see the same instant, to the minute, from either database."""
    assert render_template_string("{{ moment|minutes }}", moment=moment) == "2026-11-26 06:55"


@pytest.mark.parametrize("moment", ONE_INSTANT)
def test_time_tag_gives_machines_iso_8601_and_people_the_minute(app, moment):
    """One element holds both forms, unescaped, of the same UTC instant."""
    text = render_template_string("{{ moment|time_tag }}", moment=moment)
    assert text == '<time datetime="2026-11-26T06:55:12.000001+00:00">2026-11-26 06:55</time>'


def test_time_tag_keeps_a_whole_second_time_valid(app):
    """isoformat drops zero microseconds; the minute is still read from the right places."""
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    text = render_template_string("{{ moment|time_tag }}", moment=moment)
    assert text == '<time datetime="2026-01-02T03:04:00+00:00">2026-01-02 03:04</time>'
