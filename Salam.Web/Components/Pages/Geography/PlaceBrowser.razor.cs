using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Geography.Commands.AddPlace;
using Salam.Application.Geography.Commands.RenamePlace;
using Salam.Application.Geography.Commands.SetPlaceActive;
using Salam.Application.Geography.Common;
using Salam.Application.Geography.Queries.GetPlaces;

namespace Salam.Web.Components.Pages.Geography;

/// <summary>The geography as a tree opened one branch at a time, a page of places at a time, with add, rename and (de)activate.</summary>
public partial class PlaceBrowser
{
    /// <summary>The form: a new place (Place null) at a level, or a place being renamed.</summary>
    private sealed record Edit(PlaceItem? Place, PlaceLevel Level, Draft Draft);

    private sealed class Draft
    {
        public string Code { get; set; } = "";
        public string NameFa { get; set; } = "";
        public string NameEn { get; set; } = "";
    }

    // The opened branch: empty for the provinces, one place for a province's counties, two for a county's neighbourhoods.
    private readonly List<PlaceItem> _path = [];
    private PlacePage? _page;
    private int _pageIndex;
    private string? _search, _error, _formError;
    private Edit? _edit;

    private PlaceLevel Level => (PlaceLevel)_path.Count;
    private int? ParentId => _path.Count == 0 ? null : _path[^1].Id;
    private int Pages => _page is null ? 1 : Math.Max(1, (_page.Total + _page.PageSize - 1) / _page.PageSize);

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _page = await Sender.Send(new GetPlaces(Level, ParentId, _search, _pageIndex));
            _error = null;
        }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private async Task OpenAsync(PlaceItem place)
    {
        _path.Add(place);
        (_pageIndex, _search, _edit) = (0, null, null);
        await LoadAsync();
    }

    /// <summary>Back up the tree to a level (0: the provinces).</summary>
    private async Task UpToAsync(int depth)
    {
        _path.RemoveRange(depth, _path.Count - depth);
        (_pageIndex, _search, _edit) = (0, null, null);
        await LoadAsync();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = page;
        await LoadAsync();
    }

    private async Task SearchAsync(string? search)
    {
        (_search, _pageIndex) = (search, 0);
        await LoadAsync();
    }

    private async Task SaveAsync()
    {
        var edit = _edit!;
        try
        {
            if (edit.Place is { } place) await Sender.Send(new RenamePlace(edit.Level, place.Id, edit.Draft.NameFa, edit.Draft.NameEn));
            else await Sender.Send(new AddPlace(edit.Level, ParentId, edit.Draft.Code, edit.Draft.NameFa, edit.Draft.NameEn));
            Snackbar.Add(L["Geography.Saved"], Severity.Success);
            (_edit, _formError) = (null, null);
            await LoadAsync();
        }
        catch (RequestRefusedException refused) { _formError = refused.Message; }
    }

    private async Task ToggleAsync(PlaceItem place)
    {
        try
        {
            await Sender.Send(new SetPlaceActive(Level, place.Id, !place.IsActive));
            await LoadAsync();
        }
        catch (RequestRefusedException refused) { Snackbar.Add(refused.Message, Severity.Error); }
    }
}
