"""watchfloor: an evidence-grounded watch floor for country risk."""

__version__ = "0.1.0"
