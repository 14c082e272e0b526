"""nginx from deploy/nginx.conf in front of two gunicorn servers, as production runs them.

Without Debian's nginx these tests skip with the command that installs it, except in CI,
where a skipped suite would hide breakage.
"""

from collections.abc import Iterator

import pytest

from tests.deploy.servers import HOST, Cluster, running_cluster
from tests.live import production_environ


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    """Two gunicorn servers behind nginx, each on its own held socket; stopped at the end.

    The servers' database is never set up: these pages need none, and readiness here is
    /healthz (a deploy waits for /readyz, which adds the database's checks).
    """
    scratch = tmp_path_factory.mktemp("nginx")
    environ = {
        **production_environ(f"sqlite:///{scratch / 'unused.db'}"),
        "TRUSTED_HOSTS": f"{HOST},127.0.0.1",  # the site's name; the address for readiness
        "PROXY_FIX_X_FOR": "1",
        "PROXY_FIX_X_PROTO": "1",
        "PROXY_FIX_X_HOST": "1",
    }
    with running_cluster(environ, scratch) as cluster:
        yield cluster
