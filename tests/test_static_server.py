"""The test and benchmark server answers as GitHub Pages does for a project repository:
the site under /<repo>/, nothing outside it, and its 404 page for unknown addresses."""

from __future__ import annotations

import http.client

from static_server import free_port, serve


def _get(port: int, path: str) -> tuple[int, str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or "", response.read().decode()
    finally:
        connection.close()


def test_site_is_served_under_its_path_only(tmp_path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text("english", encoding="utf-8")
    (tmp_path / "404.html").write_text("not here", encoding="utf-8")
    port = free_port()
    with serve(tmp_path, port, "/handbok/") as base_url:
        assert base_url == f"http://127.0.0.1:{port}/handbok/"
        assert _get(port, "/handbok/") == (200, "", "home")
        assert _get(port, "/handbok/en/") == (200, "", "english")
        assert _get(port, "/handbok/index.html?q=1") == (200, "", "home")
        status, location, _ = _get(port, "/handbok/en")
        assert (status, location) == (301, "/handbok/en/")
        status, location, _ = _get(port, "/handbok")
        assert (status, location) == (301, "/handbok/")
        assert _get(port, "/handbok/finnes-ikke/") == (404, "", "not here")
        for outside in ("/", "/index.html", "/en/", "/handbokx/", "/handbok.html"):
            status, _, body = _get(port, outside)
            assert status == 404 and "not here" not in body, outside
