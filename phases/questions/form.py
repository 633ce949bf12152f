"""The form a candidate fills for one phase, built from the page's question blocks."""

from django import forms

from dsfr.utils import dsfr_input_class_attr

from monbilan.forms import DsfrFormMixin

from .rendering import QuestionRenderer


def field_name(block_id):
    return f"q-{block_id}"


class PhaseForm(DsfrFormMixin, forms.Form):
    """One field per question block of the phase page, named after the block's id.

    `draft=True` (the "Enregistrer" button and the autosave) checks every answer's
    format but not that required questions are answered; `draft=False` ("J'ai
    terminé cette phase") checks both. Fields keep their real `required` either
    way, so that the page marks optional questions the same in both cases.
    """

    # The browser must not block "Enregistrer" on an unanswered required question.
    use_required_attribute = False
    # The DSFR templates' markup, the commonest of them written in Python (issue 16).
    default_renderer = QuestionRenderer()

    def __init__(
        self,
        phase,
        *,
        answers=None,
        snapshots=None,
        draft=True,
        extra_rows=None,
        data=None,
        files=None,
    ):
        answers = answers or {}
        snapshots = snapshots or {}
        extra_rows = extra_rows or {}
        self.draft = draft
        self.questions = phase.questions()
        fields = {}
        initial = {}
        for child in self.questions:
            name = field_name(child.id)
            fields[name] = child.block.form_field(
                child.value,
                required=bool(child.value["required"]),
                extra_rows=extra_rows.get(child.id, 1),
            )
            if child.id in answers:
                initial[name] = child.block.to_initial(
                    child.value, answers[child.id], snapshots.get(child.id)
                )
        super().__init__(data=data, files=files, initial=initial)
        self.fields.update(fields)
        # DsfrFormMixin styled the (then empty) field list; style the questions.
        for visible in self.visible_fields():
            dsfr_input_class_attr(visible)

    def full_clean(self):
        if not self.draft:
            return super().full_clean()
        # A draft accepts unanswered required questions; formats are still checked.
        required = {name: field.required for name, field in self.fields.items()}
        for field in self.fields.values():
            field.required = False
        try:
            super().full_clean()
        finally:
            for name, field in self.fields.items():
                field.required = required[name]

    def bound_questions(self):
        """(question child, bound field) pairs in the page's order."""
        return [(child, self[field_name(child.id)]) for child in self.questions]

    def answers(self):
        """{block id: answer} of the cleaned data; None for an unanswered question.

        Uploaded files are not answers yet: `uploads()` gives them to the rules
        that store them.
        """
        result = {}
        for child in self.questions:
            cleaned = self.cleaned_data.get(field_name(child.id))
            result[child.id] = child.block.to_answer(child.value, cleaned)
        return result

    def uploads(self):
        """{block id: uploaded file} for the questions that received a new file."""
        result = {}
        for child in self.questions:
            cleaned = self.cleaned_data.get(field_name(child.id))
            if hasattr(cleaned, "read") and hasattr(cleaned, "size"):
                result[child.id] = cleaned
        return result
