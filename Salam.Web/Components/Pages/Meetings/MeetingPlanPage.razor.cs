using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Application.Meetings.Commands.PlanMeeting;
using Salam.Application.Meetings.Common;
using Salam.Application.Meetings.Queries.GetMeetingPlanChoices;
using Salam.Domain.Meetings;
using Salam.Web.Common;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Meetings;

/// <summary>
/// Plans a meeting for a neighbourhood (facilitator), a county or the province (provincial officer): the agencies offered are those
/// that work there, the agenda's candidates the scope's top needs and late duties. A refusal is shown and nothing else happens.
/// </summary>
public sealed partial class MeetingPlanPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<UiText> Text { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "scope")] private string? Scope { get; set; }
    [SupplyParameterFromQuery(Name = "id")] private int Id { get; set; }

    private MeetingPlanChoices? _choices;
    private string? _error, _refusal;
    private bool _saving;
    private (string?, int)? _loadedFor;
    private MeetingKind _kind;
    private string _title = "", _place = "", _time = "";
    private DateTime? _day;
    private IReversibleConverter<DateTime?, string?> _dayConverter = default!;
    private readonly HashSet<int> _agencies = [];
    private readonly List<OrganisationInput> _others = [];
    private readonly HashSet<int> _needs = [], _duties = [];
    private readonly List<string> _free = [];

    private MeetingScope ScopeOf => Enum.TryParse<MeetingScope>(Scope, ignoreCase: true, out var scope) && Enum.IsDefined(scope) ? scope : (MeetingScope)(-1);

    private DateTime Today => Clock.Today().ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        // What was typed survives a re-render; only another scope starts a new form.
        if (_loadedFor == (Scope, Id)) return;
        _loadedFor = (Scope, Id);
        _dayConverter = JalaliInput.DayConverter(Text["Meeting.DateInvalid"]);
        if (!Enum.IsDefined(ScopeOf) || Id <= 0)
        {
            Navigation.NotFound();
            return;
        }
        _kind = KindsFor(ScopeOf)[0];
        _time = JalaliInput.ShowTime(new TimeOnly(16, 0));
        try { _choices = await Sender.Send(new GetMeetingPlanChoices(ScopeOf, Id)); }
        catch (NotFoundException) { Navigation.NotFound(); }
        catch (RequestRefusedException refused) { _error = refused.Message; }
    }

    /// <summary>The kinds held at a level: coordination at its own, the Participation Council at the province's (as the command checks).</summary>
    private static IReadOnlyList<MeetingKind> KindsFor(MeetingScope scope) => scope switch
    {
        MeetingScope.Neighbourhood => [MeetingKind.NeighbourhoodCoordination],
        MeetingScope.County => [MeetingKind.CountyCoordination],
        _ => [MeetingKind.ProvincialCoordination, MeetingKind.ParticipationCouncil],
    };

    private static void Toggle(HashSet<int> chosen, int id, ChangeEventArgs change)
    {
        if (change.Value is true) chosen.Add(id);
        else chosen.Remove(id);
    }

    private async Task SaveAsync()
    {
        _refusal = null;
        if (_day is not { } day)
        {
            _refusal = Text["Meeting.DateRequired"];
            return;
        }
        if (JalaliInput.ParseTime(_time) is not { } time)
        {
            _refusal = Text["Meeting.TimeInvalid"];
            return;
        }
        var choices = _choices!;
        IReadOnlyList<OrganisationInput> invited =
            [.. choices.Agencies.Where(a => _agencies.Contains(a.Id)).Select(a => new OrganisationInput(OrganisationKind.Agency, a.Id, null)), .. _others];
        IReadOnlyList<AgendaInput> agenda =
        [
            .. choices.TopNeeds.Where(n => _needs.Contains(n.NeedId)).Select(n => new AgendaInput(AgendaItemKind.TopNeed, n.NeedId, null, n.Title)),
            .. choices.LateDuties.Where(d => _duties.Contains(d.DutyId)).Select(d => new AgendaInput(AgendaItemKind.LateDuty, null, d.DutyId, d.Title)),
            .. _free.Select(text => new AgendaInput(AgendaItemKind.Free, null, null, text)),
        ];
        _saving = true;
        try
        {
            var id = await Sender.Send(new PlanMeeting(_kind, _title, _place, JalaliInput.InTehran(DateOnly.FromDateTime(day), time),
                choices.ProvinceId, choices.CountyId, choices.NeighbourhoodId, invited, agenda));
            Navigation.NavigateTo($"/meetings/{id}");
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
        finally { _saving = false; }
    }
}
