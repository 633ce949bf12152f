from django.core.files.storage import storages


def private_storage():
    """The storage for files that must never have a public URL.

    A callable so that migrations do not freeze the storage's settings.
    """
    return storages["private"]
