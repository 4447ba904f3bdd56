"""The public site: views, filter forms, search page, feeds, open-data exports and sitemaps. Reads only
through :mod:`meetings.selectors`."""
