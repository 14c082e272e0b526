"""The welcome page and the greeting."""

import re


def test_home_page_links_every_feature(app, client):
    """The home page explains the kit and links the core pages (each feature tests its own)."""
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    heading = re.search(r"<h1>(.*?)</h1>", page)
    assert heading, "the home page has no heading"
    assert app.config["SITE_NAME"] in heading.group(1)
    assert 'href="/hello/World"' in page
    assert 'href="/readyz"' in page


def test_the_site_s_name_is_set_in_one_place(app, make_app):
    """SITE_NAME names the site in the title, the header's brand link and the home heading."""
    page = make_app(SITE_NAME="Acme").test_client().get("/").get_data(as_text=True)
    assert re.search(r"<title>[^<]* · Acme</title>", page)
    assert '<a class="brand" href="/">Acme</a>' in page
    assert re.search(r"<h1>[^<]*\bAcme\b[^<]*</h1>", page)
    assert app.config["SITE_NAME"] not in page  # the default name is nowhere left


def test_hello_greets_the_name_in_the_address(client):
    """/hello/<name> puts the name in the greeting."""
    response = client.get("/hello/Ada")
    assert response.status_code == 200
    assert "<h1>Hello, Ada!</h1>" in response.get_data(as_text=True)


def test_hello_escapes_markup_in_the_name(client):
    """The seed's f-string greeting ran scripts from the URL; this one shows them as text."""
    response = client.get("/hello/<img src=x onerror=alert(1)>")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<img src=x" not in page
    assert "Hello, &lt;img src=x onerror=alert(1)&gt;!" in page
