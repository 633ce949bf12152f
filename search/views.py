from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from wagtail.models import Page

from home.models import ContentPage, HomePage


def search(request):
    """Site search over the published site pages anyone may read."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .type(HomePage, ContentPage)
            .specific()
            .search(query)
        )
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
