"""Form fields and widgets for the questions that a plain Django field cannot ask.

Each works without JavaScript: the Likert grid is a table of radio groups, the
ranking a number select per item, the table a set of blank rows the candidate fills
(and more on request), the file a plain file input.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

GROUP_TEMPLATE = "phases/questions/fields/group.html"


class KeyedInputsWidget(forms.Widget):
    """One input per (key, text) pair, named "<name>-<key>"; the value maps the
    keys that were answered to what was sent. The group has no single input for a
    <label> to point at."""

    def keyed(self):
        raise NotImplementedError

    def value_from_datadict(self, data, files, name):
        return {
            key: data.get(f"{name}-{key}")
            for key, _text in self.keyed()
            if data.get(f"{name}-{key}")
        }

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{key}" in data for key, _text in self.keyed())

    def id_for_label(self, id_):
        return None


class LikertWidget(KeyedInputsWidget):
    template_name = "phases/questions/widgets/likert.html"
    caption = ""  # the question's label, set by LikertField

    def __init__(self, statements=(), scale=(), attrs=None):
        super().__init__(attrs)
        self.statements = list(statements)
        self.scale = list(scale)

    def format_value(self, value):
        return value if isinstance(value, dict) else {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id") or name
        context["widget"]["scale"] = self.scale
        context["widget"]["caption"] = self.caption
        context["widget"]["rows"] = [
            {
                "key": key,
                "text": text,
                "name": f"{name}-{key}",
                "id": f"{base_id}-{row}",
                "options": [
                    {
                        "id": f"{base_id}-{row}-{column}",
                        "value": point,
                        "checked": chosen.get(key) == point,
                    }
                    for column, point in enumerate(self.scale)
                ],
            }
            for row, (key, text) in enumerate(self.statements)
        ]
        return context

    def keyed(self):
        return self.statements


class LikertField(forms.Field):
    """Each statement rated on one scale; the answer maps statement keys to points."""

    template_name = GROUP_TEMPLATE
    widget = LikertWidget

    def __init__(self, *, statements, scale, **kwargs):
        self.statements = list(statements)
        self.scale = list(scale)
        super().__init__(widget=LikertWidget(self.statements, self.scale), **kwargs)
        # RGAA 5.4: a table's caption names it; the question names this grid.
        self.widget.caption = self.label

    def to_python(self, value):
        return dict(value) if isinstance(value, dict) else {}

    def validate(self, value):
        if any(point not in self.scale for point in value.values()):
            raise ValidationError(
                _("Choisissez, pour chaque affirmation, un degré parmi ceux proposés."),
                code="invalid_choice",
            )
        if self.required:
            missing = len(self.statements) - len(value)
            if missing:
                raise ValidationError(
                    ngettext(
                        "Il reste %(count)d affirmation sans réponse.",
                        "Il reste %(count)d affirmations sans réponse.",
                        missing,
                    )
                    % {"count": missing},
                    code="required",
                )


class RankingWidget(KeyedInputsWidget):
    template_name = "phases/questions/widgets/ranking.html"

    def __init__(self, items=(), attrs=None):
        super().__init__(attrs)
        self.items = list(items)

    def format_value(self, value):
        return value if isinstance(value, dict) else {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        ranks = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id") or name
        positions = [str(rank) for rank in range(1, len(self.items) + 1)]
        context["widget"]["items"] = [
            {
                "text": text,
                "name": f"{name}-{key}",
                "id": f"{base_id}-{index}",
                "rank": str(ranks.get(key) or ""),
                "positions": positions,
            }
            for index, (key, text) in enumerate(self.items)
        ]
        return context

    def keyed(self):
        return self.items


class RankingField(forms.Field):
    """Items put in order; the answer is the list of their texts, best first."""

    template_name = GROUP_TEMPLATE

    def __init__(self, *, items, **kwargs):
        self.items = list(items)
        super().__init__(widget=RankingWidget(self.items), **kwargs)

    def to_python(self, value):
        if not isinstance(value, dict):
            return {}
        ranks = {}
        for key, rank in value.items():
            try:
                ranks[key] = int(rank)
            except (TypeError, ValueError):
                raise ValidationError(
                    _("Chaque rang doit être un nombre entre 1 et %(count)d.")
                    % {"count": len(self.items)},
                    code="invalid",
                ) from None
        return ranks

    def validate(self, value):
        count = len(self.items)
        if any(not 1 <= rank <= count for rank in value.values()):
            raise ValidationError(
                _("Chaque rang doit être un nombre entre 1 et %(count)d.")
                % {"count": count},
                code="invalid",
            )
        if len(set(value.values())) != len(value):
            raise ValidationError(
                _(
                    "Chaque rang ne peut être donné qu'une fois : deux éléments "
                    "ont reçu le même rang."
                ),
                code="duplicate",
            )
        if self.required and len(value) != count:
            raise ValidationError(
                _("Classez tous les éléments, de 1 à %(count)d.") % {"count": count},
                code="required",
            )

    def clean(self, value):
        ranks = super().clean(value)
        texts = dict(self.items)
        return [texts[key] for key, _rank in sorted(ranks.items(), key=lambda i: i[1])]


class TableWidget(forms.Widget):
    template_name = "phases/questions/widgets/table.html"
    max_rows = 50
    caption = ""  # the question's label, set by TableField

    def __init__(self, columns=(), extra_rows=1, attrs=None):
        super().__init__(attrs)
        self.columns = list(columns)
        self.extra_rows = extra_rows

    def format_value(self, value):
        return value if isinstance(value, list) else []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [list(row) for row in context["widget"]["value"]]
        blank = max(self.extra_rows, 3 - len(rows))
        rows += [[""] * len(self.columns) for _row in range(blank)]
        rows = rows[: self.max_rows]
        base_id = context["widget"]["attrs"].get("id") or name
        context["widget"]["columns"] = self.columns
        context["widget"]["caption"] = self.caption
        context["widget"]["rows_name"] = f"{name}-rows"
        context["widget"]["row_count"] = len(rows)
        context["widget"]["max_rows"] = self.max_rows
        context["widget"]["rows"] = [
            {
                "number": index + 1,
                "cells": [
                    {
                        "name": f"{name}-{index}-{column}",
                        "id": f"{base_id}-{index}-{column}",
                        "column": heading,
                        "value": row[column] if column < len(row) else "",
                    }
                    for column, heading in enumerate(self.columns)
                ],
            }
            for index, row in enumerate(rows)
        ]
        return context

    def value_from_datadict(self, data, files, name):
        try:
            count = int(data.get(f"{name}-rows", 0))
        except (TypeError, ValueError):
            count = 0
        count = max(0, min(count, self.max_rows))
        rows = []
        for index in range(count):
            row = [
                str(data.get(f"{name}-{index}-{column}", "")).strip()
                for column in range(len(self.columns))
            ]
            if any(row):
                rows.append(row)
        return rows

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-rows" not in data

    def id_for_label(self, id_):
        return None


class TableField(forms.Field):
    """Rows of cells under the référent's columns; the answer is the list of rows."""

    template_name = GROUP_TEMPLATE
    max_cell_length = 2000

    def __init__(self, *, columns, extra_rows=1, **kwargs):
        self.columns = list(columns)
        super().__init__(widget=TableWidget(self.columns, extra_rows), **kwargs)
        self.widget.caption = self.label  # RGAA 5.4, as for the Likert grid

    def to_python(self, value):
        return [list(row) for row in value] if isinstance(value, list) else []

    def validate(self, value):
        super().validate(value)
        if any(len(cell) > self.max_cell_length for row in value for cell in row):
            raise ValidationError(
                _("Une case du tableau dépasse %(max)d caractères.")
                % {"max": self.max_cell_length},
                code="max_length",
            )


# What a candidate may upload: extension → (content type, signature of the file).
# The signature is checked too: a renamed executable is not a PDF.
UPLOAD_TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}
UPLOAD_MAX_BYTES = 5 * 1024 * 1024


def upload_extension(name):
    return Path(name or "").suffix.lower().lstrip(".")


def validate_upload(upload):
    """Refuse a file that is too large, or not a PDF, ODT, DOCX, JPEG or PNG."""
    if upload.size > UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("Le fichier est trop lourd (%(size)s). La taille maximale est %(max)s."),
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(UPLOAD_MAX_BYTES),
            },
            code="file_too_large",
        )
    extension = upload_extension(upload.name)
    wrong_type = ValidationError(
        _(
            "Ce type de fichier n'est pas accepté. Déposez un fichier PDF, ODT, "
            "DOCX, JPEG ou PNG."
        ),
        code="file_type",
    )
    if extension not in UPLOAD_TYPES:
        raise wrong_type
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(UPLOAD_TYPES[extension][1]):
        raise wrong_type


class PrivateFileInput(forms.FileInput):
    template_name = "phases/questions/widgets/file.html"

    def format_value(self, value):
        return value if isinstance(value, dict) else None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current = value if isinstance(value, dict) else None
        context["widget"]["current"] = current
        if current and current.get("file"):
            context["widget"]["current_url"] = reverse(
                "submission_file", args=[current["file"]]
            )
        context["widget"]["attrs"]["accept"] = ",".join(
            f".{extension}" for extension in UPLOAD_TYPES
        )
        return context


class PrivateFileField(forms.FileField):
    """A candidate's file: kept in private storage, its answer a reference to it."""

    template_name = "phases/questions/fields/file.html"
    widget = PrivateFileInput
    default_validators = [validate_upload]
    default_error_messages = {
        "invalid": _("Aucun fichier n'a été envoyé. Vérifiez le formulaire."),
        "missing": _("Aucun fichier n'a été envoyé."),
        "empty": _("Le fichier envoyé est vide."),
        "max_length": _("Le nom du fichier est trop long."),
        "required": _("Déposez un fichier pour répondre à cette question."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def bound_data(self, data, initial):
        # A new upload cannot be shown again; the kept file still can.
        return initial
