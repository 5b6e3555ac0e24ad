from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext, ngettext

from icor.charter import selectors, services
from icor.charter.forms import ResolutionTranslationForm
from icor.charter.models import ORIGINAL_LANGUAGE, Document

TRANSLATORS = ("committee", "officer")


def _document() -> Document:
    document = selectors.founding_resolution()
    if document is None:
        raise Http404(gettext("The Founding Resolution has not been loaded (run the command icor setup)."))
    return document


def resolution(request: HttpRequest) -> HttpResponse:
    """The reader's language first where a translation exists; the authoritative original one click away."""
    document = _document()
    language = get_language() or ORIGINAL_LANGUAGE
    available = selectors.translation_languages(document)
    translated = language in available and request.GET.get("original") != "1"
    shown_language = language if translated else ORIGINAL_LANGUAGE
    context = {
        "document": document,
        "sections": selectors.shown_sections(document, shown_language),
        "translated": translated,
        "translation_offered": language in available,
        "translators": selectors.translators(document, language) if translated else [],
        "may_translate": getattr(request.user, "role", None) in TRANSLATORS,
    }
    return render(request, "charter/resolution.html", context)


@login_required
def translate(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "role", None) not in TRANSLATORS:
        raise PermissionDenied(
            gettext(
                "The coordinating committee and the officers of member organizations provide translations."
            )
        )
    document = _document()
    clauses = list(document.clauses.all())
    language = request.POST.get("language") or request.GET.get("language") or get_language() or ""
    existing = {
        shown.clause.anchor: shown.translation.text
        for _anchor, _title, _language, items in selectors.shown_sections(document, language)
        for shown in items
        if shown.translation
    }
    form = ResolutionTranslationForm(
        request.POST or None, clauses=clauses, existing=existing, initial={"language": language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            count = services.translate_resolution(
                document=document,
                actor=request.user,
                language=form.cleaned_data["language"],
                texts=form.texts(),
                section_titles=form.section_titles(),
            )
        except (PermissionDenied, ValidationError) as refusal:
            messages.error(request, " ".join(getattr(refusal, "messages", [str(refusal)])))
        else:
            messages.success(
                request,
                ngettext("%(count)s clause translated.", "%(count)s clauses translated.", count)
                % {"count": count},
            )
            return redirect("charter:resolution")
    return render(request, "charter/translate.html", {"document": document, "form": form})
