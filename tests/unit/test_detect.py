"""Content sniffing and safe reading of source files."""

import gzip

import pytest

from newsreader.errors import IngestError
from newsreader.ingest.detect import gunzip, read_source_bytes, sniff


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed"),
        (b"<!-- c --><feed xmlns='http://www.w3.org/2005/Atom'/>", "feed"),
        (b"<rdf:RDF xmlns:rdf='x'/>", "feed"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><opml version='2.0'><body/></opml>", "opml"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<html><body>x</body></html>", "html"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "jsonfeed"),
        (b'{"newsreader_backup": 1, "articles": []}', "backup"),
        (b"Home \xc2\xbb World\n\nA headline\n\nBody text.", "text"),
        (b"[Updated] a headline that starts with a bracket", "text"),
        (b'{"broken": ', "jsonfeed"),
        ("<?xml version='1.0' encoding='utf-16'?><rss/>".encode("utf-16"), "feed"),
        ("<?xml version='1.0' encoding='utf-32'?><rss/>".encode("utf-32-be"), "feed"),
    ],
)
def test_sniff_kinds(data, kind):
    assert sniff(data) == kind


def test_sniff_gzip_transparently():
    assert sniff(gzip.compress(b"<rss version='2.0'/>")) == "feed"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00def", "NUL"),
        (bytes(range(1, 32)) * 10, "control"),
    ],
)
def test_sniff_refuses_empty_and_binary(data, reason):
    with pytest.raises(IngestError, match=reason):
        sniff(data)


def test_gunzip_cap_and_corrupt():
    bomb = gzip.compress(b"\0" * 2_000_000)
    with pytest.raises(IngestError, match="larger"):
        gunzip(bomb, limit=1_000_000)
    with pytest.raises(IngestError, match="corrupt"):
        gunzip(b"\x1f\x8b\x08\x00garbage")


def test_read_source_bytes(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_source_bytes(tmp_path / "missing.xml")
    with pytest.raises(IngestError, match="directory"):
        read_source_bytes(tmp_path)
    (tmp_path / "empty.xml").write_bytes(b"")
    with pytest.raises(IngestError, match="empty"):
        read_source_bytes(tmp_path / "empty.xml")
    (tmp_path / "bin").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(IngestError, match="binary"):
        read_source_bytes(tmp_path / "bin")
    (tmp_path / "f.xml.gz").write_bytes(gzip.compress(b"<rss/>"))
    assert read_source_bytes(tmp_path / "f.xml.gz") == b"<rss/>"
    (tmp_path / "e.gz").write_bytes(gzip.compress(b""))
    with pytest.raises(IngestError, match="empty"):
        read_source_bytes(tmp_path / "e.gz")
