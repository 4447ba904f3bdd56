"""Rules that every layer applies and that import no model: roles and permissions (``roles``), Lao text
normalisation and line-break hints (``text``), translated fields (``translated``), upload checks
(``uploads``) and the personal-data guard (``sensitive``)."""
