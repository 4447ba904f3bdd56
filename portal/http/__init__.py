"""Requests and responses: client address, page cache, rate limits, upload limits, sendfile, health, replica reads."""
