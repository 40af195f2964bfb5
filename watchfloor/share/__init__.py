"""Sharing: the store as STIX 2.1, so OpenCTI and MISP can read what an analyst curated."""

from watchfloor.share.stix import export_bundle

__all__ = ["export_bundle"]
