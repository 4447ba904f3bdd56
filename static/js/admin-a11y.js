'use strict';
// Accessible names for the admin's autocomplete boxes (select2, Django's autocomplete_fields).
// select2 hides the <select> and draws its own combobox, whose name would be the chosen value only (nothing
// when empty), and a search field with no name at all. Each gets the name of the field it stands for: the
// field's <label>, or in a tabular inline the column heading the <select> is labelled by
// (templates/admin/edit_inline/tabular.html), so screen readers say it in the admin's language.
// An open box also gets aria-controls beside select2's aria-owns (ARIA 1.2 combobox).
// It also moves the "remove all" cross of a multiple box into a list item (a <ul> holds only <li>s).
// Boxes appear when the page loads, when an officer adds an inline row and when a dropdown opens: a
// MutationObserver names them whenever they appear or are redrawn.
{
    function labelIds(select) {
        const label = select.id && document.querySelector(`label[for="${CSS.escape(select.id)}"]`);
        if (label) {
            if (!label.id) {
                label.id = `${select.id}-label`;
            }
            return label.id;
        }
        return select.getAttribute('aria-labelledby') || '';
    }

    function setOnce(element, name, value) {
        if (value && element.getAttribute(name) !== value) {
            element.setAttribute(name, value);
        }
    }

    function nameBox(select) {
        const box = select.nextElementSibling;
        if (!box || !box.classList.contains('select2')) {
            return;
        }
        const ids = labelIds(select);
        if (!ids) {
            return;
        }
        const selection = box.querySelector('.select2-selection');
        const rendered = box.querySelector('.select2-selection__rendered');
        if (selection && selection.classList.contains('select2-selection--single') && rendered && rendered.id) {
            // "Organiser: <chosen organisation>"; the textbox showing the choice is named by the label alone
            setOnce(selection, 'aria-labelledby', `${ids} ${rendered.id}`);
            setOnce(rendered, 'aria-labelledby', ids);
        } else if (selection) {
            setOnce(selection, 'aria-labelledby', ids);
        }
        if (selection) {
            // an open box points at its list of choices with aria-owns; ARIA 1.2 asks a combobox for
            // aria-controls
            const owns = selection.getAttribute('aria-owns');
            if (owns) {
                setOnce(selection, 'aria-controls', owns);
            } else if (selection.hasAttribute('aria-controls')) {
                selection.removeAttribute('aria-controls');
            }
        }
        box.querySelectorAll('.select2-search__field').forEach((field) => setOnce(field, 'aria-labelledby', ids));
        if (rendered && rendered.tagName === 'UL') {
            rendered.querySelectorAll(':scope > .select2-selection__clear').forEach((cross) => {
                const item = document.createElement('li');
                item.className = 'select2-selection__clear-item';
                cross.replaceWith(item);
                item.append(cross);
            });
        }
    }

    function nameDropdownSearch() {
        // The search field of an open single box's dropdown controls "select2-<select id>-results".
        document.querySelectorAll('.select2-dropdown .select2-search__field[aria-controls]').forEach((field) => {
            const match = /^select2-(.+)-results$/.exec(field.getAttribute('aria-controls'));
            const select = match && document.getElementById(match[1]);
            if (select) {
                setOnce(field, 'aria-labelledby', labelIds(select));
            }
        });
    }

    function nameAll() {
        document.querySelectorAll('select.admin-autocomplete').forEach(nameBox);
        nameDropdownSearch();
    }

    const observer = new MutationObserver(nameAll);
    function start() {
        nameAll();
        observer.observe(document.body, {
            childList: true,
            subtree: true,
            attributes: true,
            attributeFilter: ['aria-controls', 'aria-owns'],
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
