# English dates as the secretariat's partners write them (15 February 2024; 24-hour times), in the same
# day-month-year order as the Lao pages. Other formats (input, short) are Django's English ones.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
