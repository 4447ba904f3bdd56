#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    from portal.env import settings_module

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())  # PORTAL_ENV picks the module
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
