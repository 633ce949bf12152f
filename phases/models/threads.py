"""Comment threads on answers, the message thread of a bilan, their posts and
who read them."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bilans import Bilan
from .pages import PhasePage


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads a user may read and write in: the bilan's two parties only."""
        return self.filter(bilan__in=Bilan.objects.in_conversation_with(user))

    def messages(self):
        return self.filter(phase__isnull=True)

    def comments(self):
        return self.filter(phase__isnull=False)


class Thread(models.Model):
    """A conversation of a bilan's candidate and conseiller.

    Either the bilan's message thread (no phase, one per bilan) or the comment
    thread of one answer (phase + the question's stable block id, one per answer).
    """

    bilan = models.ForeignKey(
        Bilan, on_delete=models.CASCADE, related_name="threads", verbose_name=_("bilan")
    )
    phase = models.ForeignKey(
        PhasePage,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
    )
    block_id = models.CharField(_("question"), max_length=64, blank=True)
    resolved_at = models.DateTimeField(_("résolu le"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("résolu par"),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("fil de discussion")
        verbose_name_plural = _("fils de discussion")
        constraints = [
            models.UniqueConstraint(
                fields=["bilan"],
                condition=Q(phase__isnull=True),
                name="one_message_thread_per_bilan",
            ),
            models.UniqueConstraint(
                fields=["bilan", "phase", "block_id"],
                condition=Q(phase__isnull=False),
                name="one_comment_thread_per_answer",
            ),
        ]

    def __str__(self):
        return f"{self.bilan_id} · {self.phase_id or '-'} · {self.block_id}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(thread__in=Thread.objects.visible_to(user))

    def unread_by(self, user):
        """Posts written by someone else after the user last opened their thread."""
        read = ThreadRead.objects.filter(
            thread_id=OuterRef("thread_id"),
            user_id=user.pk,
            last_read_at__gte=OuterRef("created_at"),
        )
        return self.exclude(author_id=user.pk).exclude(Exists(read))


class Post(models.Model):
    """One comment or message; its text is shown to the two parties only."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("fil")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("auteur"),
    )
    body = models.TextField(_("texte"))
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread_id} · {self.author_id} · {self.created_at:%Y-%m-%d}"


class ThreadRead(models.Model):
    """When a user last opened a thread: what came after is unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    last_read_at = models.DateTimeField(_("lu le"))

    class Meta:
        verbose_name = _("lecture d'un fil")
        verbose_name_plural = _("lectures des fils")
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="one_read_state_per_user_and_thread"
            )
        ]

    def __str__(self):
        return f"{self.thread_id} · {self.user_id}"
