"""lsp-router: route AI editor work between a mini and a frontier model, with an exact spend ledger."""

__version__ = "0.1.0"
