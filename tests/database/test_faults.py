"""Faults: a database that is down, a database not migrated, a view that raises."""

import threading
import time

import flask_migrate
import pytest
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.exc import OperationalError

from app.database import db
from app.database.settings import database_settings, normalise_database_url
from tests.live import TcpProxy


def with_database_routes(app):
    """Add views that use the database the way features do, and the way bugs do."""

    @app.get("/count")
    def count():
        """Read the scratch table."""
        return str(db.session.execute(text("SELECT COUNT(*) FROM scratch_notes")).scalar())

    @app.get("/write-then-fail")
    def write_then_fail():
        """Write a row, then hit a bug before committing."""
        db.session.execute(text("INSERT INTO scratch_notes (body) VALUES ('never committed')"))
        raise RuntimeError("a bug after a write")

    @app.get("/bad-query")
    def bad_query():
        """Run SQL that the database rejects: a bug, not an outage."""
        db.session.execute(text("SELECT no_such_column FROM scratch_notes"))

    return app


def create_scratch_table(app) -> None:
    """Migrate the app's database and add a table for the views above."""
    with app.app_context():
        flask_migrate.upgrade()
        db.session.execute(text("CREATE TABLE scratch_notes (body VARCHAR(40))"))
        db.session.commit()


@pytest.fixture
def proxied_app(make_app, make_database, postgres_server_url):
    """An app on a new PostgreSQL database, reached through a proxy the test can cut."""
    url = make_url(make_database(postgres_server_url))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    app = make_app(database_url=url.set(host="127.0.0.1", port=proxy.port).render_as_string(False))
    create_scratch_table(app)
    yield with_database_routes(app), proxy
    proxy.cut()


@pytest.mark.servers  # PostgreSQL
def test_pages_answer_503_while_the_database_is_down_and_recover(proxied_app):
    """Database gone: a friendly 503, /readyz 503, other pages still served; back: all fine."""
    app, proxy = proxied_app
    client = app.test_client()
    assert client.get("/count").get_data(as_text=True) == "0"

    proxy.cut()
    response = client.get("/count")
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert "cannot reach its database right now" in page
    assert 'class="site-nav"' in page
    assert client.get("/readyz").status_code == 503
    assert client.get("/").status_code == 200  # the process keeps serving

    proxy.restore()
    assert client.get("/count").status_code == 200  # pool_pre_ping replaced the dead ones
    assert client.get("/readyz").status_code == 200


def test_an_unmigrated_database_asks_for_flask_db_upgrade(make_app):
    """Tables missing: 503 with the command to run, never a traceback."""
    client = with_database_routes(make_app()).test_client()
    response = client.get("/count")
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert "run `flask db upgrade`" in page
    assert "Traceback" not in page
    json_response = client.get("/count", headers={"Accept": "application/json"})
    assert json_response.json["error"]["message"].endswith("run `flask db upgrade`.")


@pytest.fixture
def failing_client(make_app):
    """A client of a migrated app whose views fail the way bugs do."""
    app = with_database_routes(make_app(PROPAGATE_EXCEPTIONS=False))
    create_scratch_table(app)
    return app.test_client()


def test_an_exception_gives_the_500_page_and_rolls_back(failing_client):
    """The visitor sees the 500 page; the half-done write is undone; the next request works."""
    response = failing_client.get("/write-then-fail")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)
    assert failing_client.get("/count").get_data(as_text=True) == "0"


def test_a_rejected_query_is_a_500_not_an_outage(failing_client):
    """Only connection failures read as "database down"; a bad query is a bug."""
    response = failing_client.get("/bad-query")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)


def test_sqlite_runs_in_wal_mode(make_app, tmp_path):
    """Write-ahead logging lets several server processes read while one writes."""
    app = make_app(database_url=f"sqlite:///{tmp_path / 'wal.db'}")
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.fixture
def postgres_app(make_app, make_database, postgres_server_url):
    """An app on a new PostgreSQL database, migrated, with the views above."""

    def build(**engine_options):
        """The app, with these engine options in place of the environment's."""
        options = {
            **database_settings({"DATABASE_URL": postgres_server_url})["SQLALCHEMY_ENGINE_OPTIONS"],
            **engine_options,
        }
        app = make_app(
            database_url=make_database(postgres_server_url), SQLALCHEMY_ENGINE_OPTIONS=options
        )
        create_scratch_table(app)
        return with_database_routes(app)

    return build


@pytest.mark.servers  # PostgreSQL
def test_a_statement_that_runs_too_long_is_canceled_and_answered_503(postgres_app, caplog):
    """statement_timeout: the server cancels a stuck query; the visitor gets the 503 page."""
    app = postgres_app(connect_args={"options": "-c statement_timeout=200"})

    @app.get("/slow")
    def slow():
        """A query that would run for ten seconds."""
        db.session.execute(text("SELECT pg_sleep(10)"))

    # Migrating ran alembic.ini's logging setup, which takes caplog's handler off the root.
    app.logger.addHandler(caplog.handler)
    started = time.monotonic()
    try:
        response = app.test_client().get("/slow")
    finally:
        app.logger.removeHandler(caplog.handler)
    assert response.status_code == 503
    assert time.monotonic() - started < 3
    [record] = [r for r in caplog.records if r.getMessage().startswith("Database unavailable")]
    assert "QueryCanceled" in record.getMessage()
    assert record.exc_info is None  # one line per request during an outage, no traceback


@pytest.mark.servers  # PostgreSQL
def test_a_request_that_waits_too_long_for_a_connection_gets_503(postgres_app):
    """Every connection busy for DB_POOL_TIMEOUT: 503, rather than a thread waiting for ever."""
    app = postgres_app(pool_size=1, max_overflow=0, pool_timeout=1)
    with app.app_context(), db.engine.connect():  # the only connection, held elsewhere
        started = time.monotonic()
        response = app.test_client().get("/count")
    assert response.status_code == 503
    assert "cannot reach its database right now" in response.get_data(as_text=True)
    assert time.monotonic() - started < 3


def test_a_database_that_cannot_be_opened_answers_503(make_app, tmp_path):
    """A connection that fails (here a SQLite file in a folder that does not exist): 503."""
    app = with_database_routes(make_app(database_url=f"sqlite:///{tmp_path}/missing/app.db"))
    response = app.test_client().get("/count")
    assert response.status_code == 503
    assert "cannot reach its database right now" in response.get_data(as_text=True)


def test_a_request_that_finds_every_connection_busy_answers_503(make_app, tmp_path):
    """The pool's only connection is held elsewhere: the page waits pool_timeout, then 503."""
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    options = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 0.1}
    app = with_database_routes(make_app(database_url=url, SQLALCHEMY_ENGINE_OPTIONS=options))
    create_scratch_table(app)
    with app.app_context(), db.engine.connect():
        response = app.test_client().get("/count")
    assert response.status_code == 503
    assert "cannot reach its database right now" in response.get_data(as_text=True)


def terminate_backends(server_url: str, database: str, pid: int | None = None) -> None:
    """End the connections to `database` (or the one of `pid`), as a restart or a failover of
    PostgreSQL does, and wait until each is gone.
    """
    admin = create_engine(normalise_database_url(server_url), isolation_level="AUTOCOMMIT")
    query = text(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
        "WHERE datname = :database AND pid <> pg_backend_pid() AND (pid = :pid OR :pid IS NULL)"
    )
    try:
        with admin.connect() as connection:
            connection.execute(query, {"database": database, "pid": pid})
    finally:
        admin.dispose()


@pytest.mark.servers  # PostgreSQL
def test_a_connection_that_dies_after_the_answer_is_made_costs_no_500(
    postgres_app, postgres_server_url, caplog
):
    """The end-of-request ROLLBACK fails on the dead connection: logged, and the answer stands."""
    app = postgres_app()
    database = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database

    @app.get("/read-then-lose-the-connection")
    def read_then_lose_the_connection():
        """Read, then lose the connection while the transaction is still open."""
        pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
        terminate_backends(postgres_server_url, database, pid)
        return "answered"

    app.logger.addHandler(caplog.handler)
    try:
        response = app.test_client().get("/read-then-lose-the-connection")
    finally:
        app.logger.removeHandler(caplog.handler)
    assert (response.status_code, response.get_data(as_text=True)) == (200, "answered")
    [record] = [r for r in caplog.records if "connection lost after the answer" in r.getMessage()]
    assert "terminating connection" in record.getMessage()
    assert app.test_client().get("/count").status_code == 200  # a new connection serves


@pytest.mark.servers  # PostgreSQL
def test_terminating_the_connections_under_concurrent_requests_costs_503_at_worst(
    postgres_app, postgres_server_url
):
    """Visitors in the middle of their requests when PostgreSQL drops every connection get a
    page or the 503 page, never a 500: the database restarting is an outage, not a bug.
    """
    app = postgres_app()
    database = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database

    @app.get("/read-then-render")
    def read_then_render():
        """Read, then take a moment to render while the transaction is still open."""
        count = db.session.execute(text("SELECT COUNT(*) FROM scratch_notes")).scalar()
        time.sleep(0.01)
        return str(count)

    answers: list[int | str] = []
    stop = threading.Event()

    def visitor() -> None:
        """Ask for the page until told to stop; note each status, or the exception raised."""
        client = app.test_client()
        while not stop.is_set():
            try:
                answers.append(client.get("/read-then-render").status_code)
            except Exception as error:  # an exception that escaped the app's error handlers
                answers.append(type(error).__name__)

    visitors = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in visitors:
        thread.start()
    try:
        for _ in range(8):
            time.sleep(0.1)
            terminate_backends(postgres_server_url, database)
        time.sleep(0.1)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()
    assert set(answers) <= {200, 503}, sorted(set(map(str, answers)))
    assert answers.count(200) > answers.count(503)


def test_a_rollback_that_fails_for_another_reason_is_not_hidden(make_app, tmp_path):
    """Only a connection known to be dead is forgiven at the end of a request."""
    app = with_database_routes(make_app(database_url=f"sqlite:///{tmp_path / 'rollback.db'}"))
    create_scratch_table(app)

    def refuse(_connection):
        """A ROLLBACK that fails on a connection that is still alive."""
        raise OperationalError("ROLLBACK", None, RuntimeError("the rollback was refused"))

    with app.app_context():
        event.listen(db.engine, "rollback", refuse)
    with pytest.raises(OperationalError, match="the rollback was refused"):
        app.test_client().get("/count")


def test_a_connection_that_dies_after_the_answer_costs_no_500(make_app, tmp_path, caplog):
    """The end-of-request ROLLBACK fails on a connection lost meanwhile (here its SQLite file
    handle closed under it, as a restarted server would): the answer stands, one line is logged.
    """
    app = make_app(database_url=f"sqlite:///{tmp_path / 'lost.db'}")

    @app.get("/lose-the-connection")
    def lose_the_connection():
        """Read in a transaction, then lose the connection before the request ends."""
        db.session.execute(text("SELECT 1"))
        db.session.connection().connection.dbapi_connection.close()
        return "answered"

    response = app.test_client().get("/lose-the-connection")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "answered"
    assert "Database connection lost after the answer" in caplog.text
