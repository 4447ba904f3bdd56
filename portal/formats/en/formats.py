# English dates as the secretariat writes them (15 February 2024), like the Lao "15 ກຸມພາ 2024".
# Only these settings are overridden; everything else comes from Django's English formats.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
