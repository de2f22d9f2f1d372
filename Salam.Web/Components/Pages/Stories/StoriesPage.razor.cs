using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Paging;
using Salam.Application.Stories.Queries.GetStories;
using Salam.Domain.People;
using Salam.Domain.Stories;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Stories;

/// <summary>
/// The stories the caller works with, by status: a facilitator's centre's (and the button to write one), a provincial officer's
/// province's (submitted ones first shown, to approve), ministry staff's approved ones (to feature).
/// </summary>
public sealed partial class StoriesPage
{
    private const string All = "";
    private const int PageSize = Paging.DefaultPageSize;

    [Inject] private RequestSender Sender { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private Paged<StoryLine>? _list;
    private string _status = All;
    private int _page;
    private bool _isFacilitator;
    private string _introKey = "Story.IntroFacilitator";
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _isFacilitator = user.IsInRole(nameof(Role.Facilitator));
        // Each role opens on what waits for it: the officer on stories to approve, ministry staff on published ones to feature.
        (_status, _introKey) = user.IsInRole(nameof(Role.ProvinceOfficer)) ? (nameof(StoryStatus.Submitted), "Story.IntroOfficer")
            : user.IsInRole(nameof(Role.MinistryStaff)) ? (nameof(StoryStatus.Approved), "Story.IntroMinistry")
            : (All, "Story.IntroFacilitator");
        await LoadAsync(0);
    }

    private async Task ChooseAsync(string status)
    {
        _status = status;
        await LoadAsync(0);
    }

    private async Task LoadAsync(int page)
    {
        _page = page;
        _error = null;
        try { _list = await Sender.Send(new GetStories(Enum.TryParse<StoryStatus>(_status, out var status) ? status : null, page, PageSize)); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private static Color ColorOf(StoryStatus status) => status switch
    {
        StoryStatus.Approved => Color.Success,
        StoryStatus.Submitted => Color.Info,
        StoryStatus.Returned => Color.Warning,
        _ => Color.Default,
    };
}
