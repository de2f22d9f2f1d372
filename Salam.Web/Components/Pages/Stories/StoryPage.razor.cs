using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Application.Stories.Queries.GetStory;
using Salam.Application.Stories.Queries.GetStoryChoices;
using Salam.Domain.People;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Stories;

/// <summary>
/// One story: its facilitator writes it (live sanitised preview, photos) and submits it; the provincial officer approves or returns it
/// with a reason; ministry staff feature an approved one. What each may do is the application's to decide; this only offers it.
/// </summary>
public sealed partial class StoryPage
{
    [Parameter] public int? Id { get; set; }

    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private StoryDetail? _story;
    private IReadOnlyList<StoryNeighbourhood>? _choices;
    private bool _isFacilitator, _isOfficer, _isMinistry, _busy;
    private string? _error, _refusal, _reason;
    private int? _shownId;

    private bool Loaded => _story is not null || (Id is null && _choices is not null);

    // A new story, or a draft or returned one of the facilitator's centre: the form; anything else is read.
    private bool MayWrite => _isFacilitator && (Id is null || _story is { IsEditable: true });

    private string Heading => _story?.Title is { Length: > 0 } title ? title : L[Id is null ? "Story.NewTitle" : "Story.ListTitle"];

    private List<BreadcrumbItem> Crumbs => [new(L["Story.ListTitle"], "/stories"), new(Id is null ? L["Story.NewTitle"] : L["Story.Crumb"], null, disabled: true)];

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _isFacilitator = user.IsInRole(nameof(Role.Facilitator));
        _isOfficer = user.IsInRole(nameof(Role.ProvinceOfficer));
        _isMinistry = user.IsInRole(nameof(Role.MinistryStaff));
        if (_isFacilitator)
        {
            try { _choices = await Sender.Send(new GetStoryChoices()); }
            catch (RequestRefusedException refused) { _error = refused.Message; }
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance serves /stories/new and then /stories/{id} after the first save: read the story once per id.
        if (Id == _shownId && (_story is not null || Id is null)) return;
        _shownId = Id;
        _story = null;
        if (Id is not null) await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (Id is not { } id) return;
        try { _story = await Sender.Send(new GetStory(id)); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private async Task SavedAsync(StoryWritten written)
    {
        Snackbar.Add(L["Story.Saved"], Severity.Success);
        if (Id != written.StoryId) Navigation.NavigateTo($"/stories/{written.StoryId}");
        else await ReloadAsync();
    }

    private Task SubmitAsync() => ActAsync(story => new SubmitStory(story.StoryId, story.Version), "Story.Submitted");

    private Task ApproveAsync() => ActAsync(story => new ApproveStory(story.StoryId, story.Version), "Story.Approved");

    private Task ReturnAsync() => ActAsync(story => new ReturnStory(story.StoryId, _reason ?? "", story.Version), "Story.ReturnedDone");

    private Task FeatureAsync() => ActAsync(story => new FeatureStory(story.StoryId, !story.Featured, story.Version), "Story.FeatureSaved");

    private async Task ActAsync(Func<StoryDetail, Mediator.ICommand<StoryWritten>> command, string done)
    {
        if (_story is not { } story || _busy) return;
        (_busy, _refusal) = (true, null);
        try
        {
            await Sender.Send(command(story));
            Snackbar.Add(L[done], Severity.Success);
            _reason = null;
            await ReloadAsync();
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
        finally { _busy = false; }
    }
}
