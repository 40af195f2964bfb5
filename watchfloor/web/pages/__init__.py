"""One module per page; each defines `router`."""
