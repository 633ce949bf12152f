from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from wagtail.models import Page

from home.models import ContentPage, HomePage
from phases.models import PhasePage


def search(request):
    """Site search over the published pages a user may read.

    Everyone finds the site's pages; a logged-in user also finds the phases
    `PhasePage.objects.visible_to` gives them (a candidate: their own selected
    phases); an anonymous visitor never finds a phase.
    """
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        pages = (
            Page.objects.live()
            .public()
            .type(HomePage, ContentPage)
            .specific()
            .search(query)
        )
        results = list(pages)
        if request.user.is_authenticated:
            visible = set(
                PhasePage.objects.visible_to(request.user).values_list("pk", flat=True)
            )
            phases = PhasePage.objects.live().search(query)
            results += [phase for phase in phases if phase.pk in visible]
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    return render(request, "search/search.html", {"query": query, "page_obj": page_obj})
