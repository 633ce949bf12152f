from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


@login_required
def dashboard(request):
    """Tableau de bord: each role lands on its own blocks.

    Administrators and superusers work in the Wagtail admin, whose home is their
    dashboard.
    """
    user = request.user
    if user.is_superuser or user.is_administrateur:
        return redirect("wagtailadmin_home")
    if user.is_conseiller:
        return render(request, "phases/dashboard_conseiller.html")
    return render(request, "phases/dashboard_candidat.html")
