"""The welcome page and the greeting."""


def test_home_page_links_every_feature(client):
    """The home page explains the kit and links the core pages (each feature tests its own)."""
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Welcome to the Flask Starter Kit" in page
    assert 'href="/hello/World"' in page
    assert 'href="/readyz"' in page


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
