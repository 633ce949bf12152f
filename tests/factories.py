import factory
from factory.django import DjangoModelFactory

from phases.rules.bilans import create_bilan
from phases.rules.consent import give_consent
from users.models import Academie, Dabm, User

PASSWORD = "Mot-de-passe-de-test-2026"


class AcademieFactory(DjangoModelFactory):
    class Meta:
        model = Academie
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Académie {n}")


class DabmFactory(DjangoModelFactory):
    class Meta:
        model = Dabm
        django_get_or_create = ("academie", "name")

    academie = factory.SubFactory(AcademieFactory)
    name = factory.Sequence(lambda n: f"DABM {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"utilisateur{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyAttribute(lambda u: f"{u.username}@exemple.fr")
    role = User.Role.CANDIDAT
    dabm = factory.SubFactory(DabmFactory)
    academie = factory.LazyAttribute(lambda u: u.dabm.academie if u.dabm else None)
    password = factory.django.Password(PASSWORD)


class ConseillerFactory(UserFactory):
    role = User.Role.CONSEILLER


class AdministrateurFactory(UserFactory):
    role = User.Role.ADMINISTRATEUR
    dabm = None
    academie = factory.SubFactory(AcademieFactory)


def bilan_for(candidate, conseiller, phases=(), modalite="presentiel", consent=True):
    """A bilan, its candidate's consent given (`consent=False`: awaiting it)."""
    bilan = create_bilan(
        candidate=candidate, conseiller=conseiller, modalite=modalite, phases=phases
    )
    if consent:
        give_consent(candidate)
    return bilan
