"""Accessible names for the admin's tabular inlines: a row's inputs have no ``<label>`` of their own, so each
is labelled by its column's heading (``aria-labelledby``), the visible label a sighted officer reads, in the
admin's language (templates/admin/edit_inline/tabular.html)."""

from django import template

register = template.Library()


@register.filter
def labelled_by(bound_field, element_id: str):
    """``bound_field`` rendered with ``aria-labelledby="<element_id>"`` (hidden inputs as they are)."""
    if bound_field.is_hidden:
        return bound_field.as_widget()
    return bound_field.as_widget(attrs={"aria-labelledby": element_id})
