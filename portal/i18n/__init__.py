"""Lao and English: Lao as a Django language, its formats, the catalogues and each officer's interface language."""
