using Salam.Application.Audit.Queries.SearchAuditLog;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Common;
using Salam.Web.Common;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Audit;

public sealed partial class AuditLogPage
{
    private readonly AuditFilter _filter = new();
    private SearchAuditLog? _query = new();
    private AuditPage? _page;
    private string? _error;

    private static string Arrow => Cultures.IsPersian ? "←" : "→";

    /// <summary>The export carries the filters of the search on screen, not whatever is typed but not yet searched.</summary>
    private string ExportUrl => _query is null ? "" : AuditExport.Url(_query);

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task SearchAsync()
    {
        if (!TryDay(_filter.From, out var from) || !TryDay(_filter.To, out var to))
        {
            (_error, _page) = (L["Audit.BadDate"], null);
            return Task.CompletedTask;
        }
        _query = new SearchAuditLog(string.IsNullOrWhiteSpace(_filter.Actor) ? null : _filter.Actor.Trim(), _filter.Kind, from, to);
        return LoadAsync();
    }

    /// <summary>An empty field is no bound; anything else must be a Jalali date.</summary>
    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!JalaliDate.TryParse(text, out var parsed)) return false;
        day = parsed;
        return true;
    }

    private Task GoToAsync(int page)
    {
        _query = _query! with { Page = page };
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        try { _page = await Sender.Send(_query!); }
        catch (RequestRefusedException refused) { (_error, _page) = (refused.Message, null); }
    }

    private sealed class AuditFilter
    {
        public string? Actor { get; set; }
        public string? Kind { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }
}
