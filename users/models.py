from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


class Academie(models.Model):
    name = models.CharField(_("nom"), max_length=100, unique=True)
    # Where « Signaler un problème » sends the académie's reports (the support app);
    # empty: settings.SUPPORT_EMAIL, the deployment's own support.
    support_email = models.EmailField(
        _("adresse du support"),
        blank=True,
        help_text=_(
            "Les signalements « Signaler un problème » des utilisateurs de "
            "l'académie sont envoyés à cette adresse. Vide : ils sont envoyés au "
            "support du service."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("académie")
        verbose_name_plural = _("académies")

    def __str__(self):
        return self.name


class DabmQuerySet(models.QuerySet):
    def visible_to(self, user):
        """DABMs a user may see or choose: those of their académie."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(academie_id=user.academie_id)


class Dabm(models.Model):
    """A local bilan centre (Dispositif académique de bilan…), e.g. Lunel or Sète."""

    academie = models.ForeignKey(
        Academie,
        on_delete=models.PROTECT,
        related_name="dabms",
        verbose_name=_("académie"),
    )
    name = models.CharField(_("nom"), max_length=100)

    objects = DabmQuerySet.as_manager()

    class Meta:
        ordering = ["academie__name", "name"]
        verbose_name = _("DABM")
        verbose_name_plural = _("DABM")
        constraints = [
            models.UniqueConstraint(
                fields=["academie", "name"], name="unique_dabm_name_per_academie"
            )
        ]

    def __str__(self):
        return self.name


def validate_avatar_size(image):
    if image.size > settings.AVATAR_MAX_BYTES:
        raise ValidationError(
            _("L'image est trop lourde (%(size)s). La taille maximale est %(max)s."),
            params={
                "size": filesizeformat(image.size),
                "max": filesizeformat(settings.AVATAR_MAX_BYTES),
            },
            code="avatar_too_large",
        )


class UserQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The users a user may see; the one place that answers this question.

        A candidate sees themself; a conseiller themself and the candidates of
        their bilans; an administrator the users of their académie; a superuser
        everyone. Anything else answers 404 in the views.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        if user.role == User.Role.ADMINISTRATEUR:
            if user.academie_id is None:
                return self.none()
            return self.filter(academie_id=user.academie_id, is_superuser=False)
        if user.role == User.Role.CONSEILLER:
            # The related name comes from phases.Bilan; a string lookup keeps this
            # ground-floor app free of imports from the apps above it.
            candidates = self.filter(
                role=User.Role.CANDIDAT, bilans__conseiller=user
            ).values("pk")
            return self.filter(Q(pk=user.pk) | Q(pk__in=candidates))
        return self.filter(pk=user.pk)

    def conseillers(self):
        return self.filter(role=User.Role.CONSEILLER)

    def candidats(self):
        return self.filter(role=User.Role.CANDIDAT)

    def administrateurs(self):
        return self.filter(role=User.Role.ADMINISTRATEUR)


class CustomUserManager(UserManager.from_queryset(UserQuerySet)):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", User.Role.SUPERUTILISATEUR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    class Role(models.TextChoices):
        CANDIDAT = "candidat", _("Candidat")
        CONSEILLER = "conseiller", _("Conseiller")
        ADMINISTRATEUR = "administrateur", _("Administrateur académique")
        SUPERUTILISATEUR = "superutilisateur", _("Superutilisateur")

    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.CANDIDAT
    )
    is_referent = models.BooleanField(
        _("conseiller référent"),
        default=False,
        help_text=_(
            "Un conseiller référent peut modifier les intitulés et le contenu des "
            "phases ainsi que les pages du site."
        ),
    )
    academie = models.ForeignKey(
        Academie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("académie"),
    )
    dabm = models.ForeignKey(
        Dabm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("DABM"),
    )
    must_change_password = models.BooleanField(
        _("mot de passe provisoire"),
        default=False,
        help_text=_(
            "Le mot de passe a été choisi par un autre que le titulaire du compte : "
            "il devra en choisir un à sa prochaine connexion."
        ),
    )
    avatar = models.ImageField(
        _("avatar"),
        upload_to="avatars/",
        storage=private_storage,
        blank=True,
        validators=[
            FileExtensionValidator(["jpg", "jpeg", "png", "webp"]),
            validate_avatar_size,
        ],
    )

    objects = CustomUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        constraints = [
            # The reset form finds an account by its address: one account each.
            models.UniqueConstraint(
                Lower("email"), condition=~Q(email=""), name="unique_user_email"
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        if self.is_referent and self.role != self.Role.CONSEILLER:
            raise ValidationError(
                {"is_referent": _("Seul un conseiller peut être conseiller référent.")}
            )
        if (
            self.dabm_id
            and self.academie_id
            and self.dabm.academie_id != self.academie_id
        ):
            raise ValidationError(
                {"dabm": _("Ce DABM n'appartient pas à l'académie de l'utilisateur.")}
            )

    def save(self, *args, **kwargs):
        # The DABM decides the académie: they can never disagree.
        if self.dabm_id:
            self.academie_id = self.dabm.academie_id
        if self.role != self.Role.CONSEILLER:
            self.is_referent = False
        super().save(*args, **kwargs)
        # Imported here: roles needs the model class defined above.
        from .roles import sync_role_groups

        sync_role_groups(self)

    @property
    def is_candidat(self):
        return self.role == self.Role.CANDIDAT

    @property
    def is_conseiller(self):
        return self.role == self.Role.CONSEILLER

    @property
    def is_administrateur(self):
        return self.role == self.Role.ADMINISTRATEUR

    @property
    def role_label(self):
        if self.is_conseiller and self.is_referent:
            return _("Conseiller référent")
        return self.get_role_display()
