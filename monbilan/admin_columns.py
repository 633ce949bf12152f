"""Wagtail listing columns shared by every app's admin screens.

On a phone the admin's wide listings become one card per row
(static/css/monbilan_admin.css, class `monbilan-cards` on the table): each cell
then has to say which column it belongs to. These columns live in the project
package so that `users` (the ground floor) and `phases` both use them without
importing each other.
"""

from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn


class LabelledColumn(Column):
    """A cell that names its column, for the cards of a phone."""

    cell_template_name = "wagtailadmin/tables/labelled_cell.html"


class LabelledTitleColumn(TitleColumn):
    """A title cell (a link) that names its column, as a `LabelledColumn` does."""

    cell_template_name = "wagtailadmin/tables/labelled_title_cell.html"


class YesNoColumn(BooleanColumn):
    """A yes/no cell that reads "Oui" or "Non" (on screen and to screen readers),
    where Wagtail's boolean cell titles its icon "True" or "False"; it names its
    column, as a `LabelledColumn` does."""

    cell_template_name = "wagtailadmin/tables/yes_no_cell.html"
