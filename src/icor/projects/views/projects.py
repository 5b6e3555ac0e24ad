from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from rules import has_perm

from icor.core.pages import attempt
from icor.projects.forms import NoteForm, ProjectForm, StatusForm, TaskForm
from icor.projects.models import Level, Project, ProjectStatus, Task, TaskState
from icor.projects.selectors import projects as selectors
from icor.projects.selectors.reliability import reliability_records
from icor.projects.services import projects as services
from icor.projects.services import tasks as task_services
from icor.projects.views import own_organization
from icor.registry.models import Organization


def project_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    level = request.GET.get("level", "")
    result = selectors.projects(
        status=status if status in ProjectStatus.values else "",
        level=level if level in Level.values else "",
        query=request.GET.get("q", "")[:100],
    )
    context = {
        "projects": result,
        "statuses": ProjectStatus.choices,
        "levels": Level.choices,
        "status": status,
        "level": level,
        "q": request.GET.get("q", ""),
    }
    template = "projects/_project_rows.html" if getattr(request, "htmx", False) else "projects/list.html"
    return render(request, template, context)


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    committee = has_perm("conferences.chair", request.user)
    if not has_perm("projects.create_project", request.user):
        raise PermissionDenied(
            _("Projects are created by the coordinating committee or an organization's officer.")
        )
    form = ProjectForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        coordinators = (
            list(data.pop("coordinators", None) or []) if committee else [own_organization(request)]
        )
        try:
            project = services.create_project(actor=request.user, coordinators=coordinators, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The project is created."))
            return redirect("projects:detail", pk=project.pk)
    return render(
        request, "projects/form.html", {"form": form, "title": _("New project"), "form_id": "project-form"}
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project.objects.prefetch_related("coordinators", "partners"), pk=pk)
    organization = getattr(request.user, "organization", None)
    supports = list(selectors.support_history(project))
    own_open_support = organization is not None and any(
        s.organization_id == organization.pk and s.until is None for s in supports
    )
    context = {
        "project": project,
        "supports": supports,
        "current_supporters": [s for s in supports if s.until is None],
        "tasks": selectors.tasks_of(project),
        "reliability": reliability_records(project=project),
        "own_open_support": own_open_support,
        "level_refusal": project.refusal_for(organization) if organization is not None else "",
        "task_form": TaskForm(auto_id="task_%s"),
        "status_form": StatusForm(auto_id="status_%s"),
    }
    return render(request, "projects/detail.html", context)


@login_required
@require_POST
def project_status(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.set_project_status(
                project, actor=request.user, status=form.cleaned_data["status"]
            ),
            _("The status is changed."),
        )
    return redirect("projects:detail", pk=pk)


@login_required
@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    organization = own_organization(request)
    if request.POST.get("action") == "withdraw":
        attempt(
            request,
            lambda: services.withdraw_support(project, actor=request.user, organization=organization),
            _("Your organization's support is withdrawn; the period stays in the history."),
        )
    else:
        attempt(
            request,
            lambda: services.declare_support(project, actor=request.user, organization=organization),
            _("Your organization supports this project."),
        )
    return redirect("projects:detail", pk=pk)


def organization_support(request: HttpRequest, slug: str) -> HttpResponse:
    """Fragment for the registry's organization page: what it supports, since when (S7)."""
    organization = get_object_or_404(Organization, slug=slug)
    return render(
        request,
        "projects/_organization_support.html",
        {"organization": organization, "supports": selectors.supported_by(organization)},
    )


@login_required
@require_POST
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    form = TaskForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the task a title and a due date."))
    else:
        attempt(
            request,
            lambda: task_services.create_task(project, actor=request.user, **form.cleaned_data),
            _("The task is added."),
        )
    return redirect("projects:detail", pk=pk)


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_with_timeline(pk)
    if task is None:
        raise Http404
    organization = getattr(request.user, "organization", None)
    own = has_perm("projects.act_for", request.user, organization)
    context = {
        "task": task,
        "may_accept": own and task.state == TaskState.OPEN,
        "is_ours": own
        and task.state == TaskState.ACCEPTED
        and task.organization_id == getattr(organization, "pk", None),
        "note_form": NoteForm(auto_id="task_note_%s"),
    }
    return render(request, "projects/task.html", context)


TASK_ACTIONS = {
    "accept": (task_services.accept_task, False, gettext_lazy("The task is accepted by your organization.")),
    "progress": (task_services.report_progress, True, gettext_lazy("The progress is recorded.")),
    "done": (task_services.mark_done, True, gettext_lazy("The task is marked done.")),
    "drop": (task_services.drop_task, True, gettext_lazy("The task is dropped; the reason is recorded.")),
}


@login_required
@require_POST
def task_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    organization = own_organization(request)
    if action not in TASK_ACTIONS:
        raise Http404
    service, with_note, success = TASK_ACTIONS[action]
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    extra = {"reason": note} if action == "drop" else ({"note": note} if with_note else {})
    attempt(
        request,
        lambda: service(task, actor=request.user, organization=organization, **extra),  # type: ignore[operator]
        str(success),
    )
    return redirect("projects:task", pk=pk)
