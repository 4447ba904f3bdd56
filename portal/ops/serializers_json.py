"""Django's JSON serializer without the loss: Django writes times with milliseconds only, so a
dumpdata/loaddata round trip would change every timestamp. This one keeps microseconds (registered for
the "json" format in settings.SERIALIZATION_MODULES; reading is unchanged)."""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import Deserializer  # noqa: F401  (the module API)


class LosslessEncoder(django_json.DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = LosslessEncoder
