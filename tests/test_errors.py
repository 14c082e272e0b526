"""Error pages: the site's layout for browsers, JSON for clients that ask for it."""

from app.errors import answer_errors_in_json


def test_404_page_is_in_the_layout(client):
    """An unknown address gets the 404 page with the navigation and a way home."""
    response = client.get("/no/such/page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Not Found</h1>" in page
    assert "There is nothing at this address" in page
    assert 'class="site-nav"' in page
    assert 'href="/"' in page


def test_errors_answer_json_to_clients_that_prefer_it(client):
    """A client that accepts only JSON gets the error as JSON, with the same status."""
    response = client.get("/no/such/page", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json["error"]["status"] == 404
    assert "nothing at this address" in response.json["error"]["message"]


def test_405_page_for_a_method_the_address_does_not_accept(client):
    """POST to a page that only shows is refused in the layout."""
    response = client.post("/")
    assert response.status_code == 405
    assert "does not accept that kind of request" in response.get_data(as_text=True)


def test_500_page_when_a_view_fails(make_app):
    """An unexpected exception becomes the 500 page in the layout, not a traceback."""
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        """Fail the way a bug would."""
        raise RuntimeError("a bug")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert "RuntimeError" not in page


def test_errors_under_a_json_path_answer_json_whatever_the_client_accepts(make_app):
    """A layer's JSON paths (answer_errors_in_json) get JSON errors, even for a browser."""
    app = make_app()
    answer_errors_in_json(app, "/machine/")
    client = app.test_client()
    as_browser = {"Accept": "text/html"}
    machine = client.get("/machine/missing", headers=as_browser)
    assert machine.status_code == 404
    assert machine.get_json()["error"]["status"] == 404
    person = client.get("/missing", headers=as_browser)
    assert person.status_code == 404
    assert person.mimetype == "text/html"
