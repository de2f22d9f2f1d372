using Microsoft.AspNetCore.Components;
using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Application.Meetings.Queries.GetMeetingPlanChoices;
using Salam.Domain.Meetings;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Meetings;

/// <summary>
/// One meeting: its plan, and for its organiser the attendance, the minutes with their preview, the decisions and publication;
/// every decision shows its duty's live status. The organiser's choices (agencies, neighbourhoods, needs) feed the decision form.
/// </summary>
public sealed partial class MeetingPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public int MeetingId { get; set; }

    private MeetingDetail? _meeting;
    private MeetingPlanChoices? _choices;
    private DecisionRow? _amending;
    private string? _error;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _meeting = await Sender.Send(new GetMeeting(MeetingId));
            if (_meeting.MayEdit && _choices is null) _choices = await Sender.Send(new GetMeetingPlanChoices(_meeting.Scope, ScopeIdOf(_meeting)));
        }
        catch (NotFoundException) { Navigation.NotFound(); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    private static int ScopeIdOf(MeetingDetail meeting) => meeting.Scope switch
    {
        MeetingScope.Neighbourhood => meeting.NeighbourhoodId!.Value,
        MeetingScope.County => meeting.CountyId!.Value,
        _ => meeting.ProvinceId,
    };

    private void StartAmending(DecisionRow decision) => _amending = decision;

    private async Task DecidedAsync()
    {
        _amending = null;
        await LoadAsync();
    }
}
