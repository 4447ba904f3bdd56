"""Translating record content: what needs translating, XLSX export, import with preview (``workflow``)."""
