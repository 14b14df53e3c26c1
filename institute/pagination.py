from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from institute.languages import in_reading_language

PAGE_SIZE = 20


def paginate(request, items, per_page=PAGE_SIZE):
    """The page of `items` that `?page=` asks for, in the reader's language. A number that is not one of the
    pages is a 404."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("There is no such page of results.") from error
    page.object_list = in_reading_language(page.object_list)
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
