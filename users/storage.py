from django.core.files.storage import FileSystemStorage, storages


def private_storage():
    """The storage for files that must never have a public URL.

    A callable so that migrations do not freeze the storage's settings.
    """
    return storages["private"]


class PrivateFileSystemStorage(FileSystemStorage):
    """Local storage with no URL at all: files leave only through checked views."""

    def url(self, name):
        raise ValueError(
            "Private files have no URL; serve them through a view that checks access."
        )
