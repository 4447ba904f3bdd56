"""Rendering HTML to PDF with WeasyPrint: fonts, the URL fetcher that serves only our static files, and
download file names."""
