"""``/<lang>/verify/``: is this printed minutes PDF the version the secretariat published, and still current?"""
